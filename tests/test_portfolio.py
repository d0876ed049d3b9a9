"""`smcheck portfolio`: statistics over the assessments one holds, worked out by hand on the mini
assessment, from generated answers files.

The mini assessment (tests/fixtures/mini.toml) has three dimensions (alpha: a1 a2; beta: b1 and
b2 weighing three times as much; gamma: g1 g2 g3, weighing twice), one scale (options 1-5 give
0, 25, 50, 75, 100 points) and stages from 0, 20, 40, 60 and 80. The same option on every
question gives that option's points as every dimension's score and as the overall score; a
dimension below 40 is a blocker.
"""

from __future__ import annotations

import csv
import io
import json
import random
import statistics
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI, ROOT
from helpers import answers, mini
from smcheck.cli.main import main
from smcheck.core.models.answers import Answers, Organisation, Respondent
from smcheck.core.portfolio import build_portfolio
from smcheck.files.portfolio_input import read_portfolio
from smcheck.files.session import answers_toml

QUESTIONS = ("a1", "a2", "b1", "b2", "g1", "g2", "g3")


def org(
    option: int | dict[str, int | str],
    name: str = "",
    *,
    size: str = "",
    industry: str = "",
    engagement: str | None = None,
    role: str = "leadership",
    person: str = "",
    previous: str | None = None,
    completed: date = date(2026, 3, 2),
    benchmark: bool = True,
    note: str = "",
) -> Answers:
    """Answers to the mini assessment: ``option`` on every question, or the values given."""
    values = dict.fromkeys(QUESTIONS, option) if isinstance(option, int) else option
    base = answers(values, completed=completed)
    given = {
        qid: a.model_copy(update={"note": note}) if note else a for qid, a in base.answers.items()
    }
    return base.model_copy(
        update={
            "organisation": Organisation(name=name, size=size, industry=industry),
            "respondent": Respondent(name=person, role=role),
            "engagement": engagement,
            "previous": previous,
            "benchmark": benchmark,
            "answers": given,
        }
    )


def write(folder: Path, files: dict[str, Answers]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, a in files.items():
        (folder / f"{stem}.toml").write_text(answers_toml(a), encoding="utf-8")
    return folder


def portfolio(folder: Path, by: str | None = None):  # type: ignore[no-untyped-def]
    fold = read_portfolio([folder], mini())
    views = list(fold.views("en"))
    return build_portfolio(
        fold.assessment, views, lang="en", by=by, files=fold.files, left_out=fold.left_out
    )


def five(folder: Path, options: tuple[int, ...] = (1, 2, 3, 4, 5), **kw: object) -> Path:
    """One organisation per option, named Org 1, Org 2, …"""
    return write(folder, {f"org{i}": org(k, f"Org {i}", **kw) for i, k in enumerate(options)})  # type: ignore[arg-type]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``smcheck`` with ``argv``, for the mini assessment: (exit code, stdout, stderr)."""
    code = main([argv[0], "-a", str(MINI), *argv[1:]])
    out, err = capsys.readouterr()
    return code, out, err


# --- quartiles, worked out by hand -------------------------------------------------------------


def test_five_organisations_give_the_hand_worked_median_and_quartiles(tmp_path: Path) -> None:
    # scores 0, 25, 50, 75, 100: inclusive quartiles at positions 1, 2, 3 of 0..4
    p = portfolio(five(tmp_path / "p"))
    assert p.organisations == 5
    assert p.total.organisations == 5
    assert (
        p.total.overall.count,
        p.total.overall.q1,
        p.total.overall.median,
        p.total.overall.q3,
    ) == (  # type: ignore[union-attr]
        5,
        25.0,
        50.0,
        75.0,
    )
    for d in p.total.dimensions:
        assert (d.scores.q1, d.scores.median, d.scores.q3) == (25.0, 50.0, 75.0), d.id  # type: ignore[union-attr]


def test_quartiles_between_two_scores_are_interpolated_as_duckdb_does(tmp_path: Path) -> None:
    # scores 0, 25, 25, 50, 75, 100 (n = 6): positions (n-1)·p = 1.25, 2.5, 3.75
    # Q1 = 25 + 0.25·(25-25) = 25; median = 25 + 0.5·(50-25) = 37.5; Q3 = 50 + 0.75·(75-50) = 68.75
    p = portfolio(five(tmp_path / "p", (1, 2, 2, 3, 4, 5)))
    s = p.total.overall
    assert s is not None
    assert (s.count, s.q1, s.median, s.q3) == (6, 25.0, 37.5, 68.75)


def test_stages_and_blockers_are_counted_per_organisation(tmp_path: Path) -> None:
    # options 1..5 → 0, 25, 50, 75, 100 → stages dead end, first steps, experimenting, learning
    # loop, lived attitude, one each; below 40 (0 and 25) every dimension is a blocker: 2 each
    p = portfolio(five(tmp_path / "p"))
    assert [(s.stage, s.organisations) for s in p.total.stages] == [
        ("dead-end", 1),
        ("first-steps", 1),
        ("experimenting", 1),
        ("learning-loop", 1),
        ("lived-attitude", 1),
        (None, 0),
    ]
    assert [d.blocker for d in p.total.dimensions] == [2, 2, 2]
    assert p.total.blockers == ["alpha", "beta", "gamma"]  # a tie: in dimension order


# --- the five-organisation rule ---------------------------------------------------------------------


def test_four_organisations_are_too_few_to_show_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = five(tmp_path / "p", (1, 2, 3, 4))
    p = portfolio(folder)
    assert p.total.organisations is None
    assert p.total.overall is None and p.total.dimensions == [] and p.total.stages == []
    code, out, _ = run(["portfolio", str(folder), "--lang", "en"], capsys)
    assert code == 0
    assert "All organisations: too few to compare (fewer than 5 organisations)" in out
    assert "Median" not in out


def test_a_dimension_that_fewer_than_five_have_a_score_for_shows_no_quartiles(
    tmp_path: Path,
) -> None:
    # five organisations; gamma answered by four only (the fifth says "don't know" there)
    files = {f"org{k}": org(k, f"Org {k}") for k in (1, 2, 3, 4)}
    files["org5"] = org(
        {
            "a1": 5,
            "a2": 5,
            "b1": 5,
            "b2": 5,
            "g1": "dont-know",
            "g2": "dont-know",
            "g3": "dont-know",
        },
        "Org 5",
    )
    p = portfolio(write(tmp_path / "p", files))
    dims = {d.id: d for d in p.total.dimensions}
    assert dims["alpha"].scores is not None and dims["alpha"].scores.count == 5
    assert dims["gamma"].scores is None


# --- one organisation counted once ----------------------------------------------------------------


def test_only_the_latest_iteration_of_an_organisation_counts(tmp_path: Path) -> None:
    # Org 5 was at option 1 (0) and is now at option 5 (100), linked by `previous`
    files = {f"org{k}": org(k, f"Org {k}") for k in (2, 3, 4)}
    files["org1"] = org(1, "Org 1")
    files["20260105-090000"] = org(1, "Org 5", engagement="e5", completed=date(2026, 1, 5))
    files["20260302-090000"] = org(5, "Org 5", engagement="e5", previous="20260105-090000")
    p = portfolio(write(tmp_path / "p", files))
    assert (p.files, p.organisations) == (6, 5)
    s = p.total.overall
    assert s is not None
    # 0, 25, 50, 75 and Org 5's latest 100: not its earlier 0
    assert (s.count, s.q1, s.median, s.q3) == (5, 25.0, 50.0, 75.0)
    assert p.total.iterated is None  # one organisation with two iterations: too few for a change


def test_the_later_answers_of_a_respondent_win_whatever_the_order_they_are_read_in(
    tmp_path: Path,
) -> None:
    # the same named respondent twice, no link: the later completed date is the latest; the
    # later one is read first (a.toml sorts before b.toml)
    files = {f"org{k}": org(k, f"Org {k}") for k in (2, 3, 4, 5)}
    files["a"] = org(1, "Acme", person="Anna Berg", completed=date(2026, 6, 1))
    files["b"] = org(5, "ACME", person="anna berg", completed=date(2026, 1, 5))
    p = portfolio(write(tmp_path / "p", files))
    assert p.organisations == 5
    assert p.total.overall is not None and p.total.overall.q1 == 25.0  # 0, 25, 50, 75, 100


def test_the_change_between_iterations_is_latest_minus_earlier(tmp_path: Path) -> None:
    # five organisations, each moved from option 2 (25) to option 3 (50) or 4 (75)
    files = {}
    for i, later in enumerate((3, 3, 3, 4, 4)):
        files[f"2026010{i + 1}-090000"] = org(2, f"Org {i}", completed=date(2026, 1, 5))
        files[f"2026030{i + 1}-090000"] = org(later, f"Org {i}", previous=f"2026010{i + 1}-090000")
    p = portfolio(write(tmp_path / "p", files))
    assert (p.organisations, p.total.iterated) == (5, 5)
    c = p.total.overall_change
    assert c is not None
    # changes 25, 25, 25, 50, 50 → Q1 25 (position 1), median 25 (2), Q3 50 (3)
    assert (c.count, c.q1, c.median, c.q3) == (5, 25.0, 25.0, 50.0)


def test_respondents_of_one_engagement_are_combined_and_counted_once(tmp_path: Path) -> None:
    # leadership 100 and team 0 in one engagement: the mean of the role means, 50
    files = {f"org{k}": org(k, f"Org {k}") for k in (1, 2, 4, 5)}
    files["boss"] = org(5, "Acme", engagement="acme", role="leadership")
    files["team"] = org(1, "Acme", engagement="acme", role="team")
    p = portfolio(write(tmp_path / "p", files))
    assert (p.files, p.organisations) == (6, 5)
    s = p.total.overall
    assert s is not None and (s.q1, s.median, s.q3) == (25.0, 50.0, 75.0)  # 0 25 50 75 100
    assert p.total.both_roles is None  # one organisation with both: too few to tell


def test_without_an_engagement_one_name_is_one_organisation_case_and_spaces_ignored(
    tmp_path: Path,
) -> None:
    files = {f"org{k}": org(k, f"Org {k}") for k in (1, 2, 4, 5)}
    files["x"] = org(5, "Acme GmbH", role="leadership")
    files["y"] = org(1, " acme  gmbh", role="team")
    p = portfolio(write(tmp_path / "p", files))
    assert p.organisations == 5
    assert p.total.overall is not None and p.total.overall.median == 50.0


def test_how_often_leadership_and_team_differ_is_counted_over_organisations_with_both(
    tmp_path: Path,
) -> None:
    files = {}
    for i in range(5):  # leadership at 100, team at 0 (or 100 for the last: no gap)
        files[f"l{i}"] = org(5, f"Org {i}", engagement=f"e{i}", role="leadership")
        files[f"t{i}"] = org(1 if i < 4 else 5, f"Org {i}", engagement=f"e{i}", role="team")
    files["solo"] = org(3, "Solo")
    p = portfolio(write(tmp_path / "p", files))
    assert (p.organisations, p.total.both_roles, p.total.differ) == (6, 5, 4)
    assert [d.gaps for d in p.total.dimensions] == [4, 4, 4]


# --- opting out ----------------------------------------------------------------------------------


def test_an_organisation_one_of_whose_files_opts_out_is_left_out_entirely(tmp_path: Path) -> None:
    files = {f"org{k}": org(k, f"Org {k}") for k in (1, 2, 3, 4, 5)}
    files["boss"] = org(5, "Acme", engagement="acme", role="leadership")
    files["team"] = org(1, "Acme", engagement="acme", role="team", benchmark=False)
    p = portfolio(write(tmp_path / "p", files))
    assert (p.files, p.organisations, p.left_out) == (7, 5, 1)


def test_answers_count_in_benchmarks_unless_they_say_benchmark_false() -> None:
    assert answers({"a1": 3}).benchmark is True
    schema = json.loads((ROOT / "schemas" / "answers.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["benchmark"]["default"] is True


# --- grouping ------------------------------------------------------------------------------------


def test_grouped_by_size_each_size_class_has_its_own_figures(tmp_path: Path) -> None:
    files = {f"s{k}": org(k, f"Small {k}", size="1-9") for k in (1, 2, 3, 4, 5)}
    files |= {f"m{k}": org(k, f"Mid {k}", size="50-249") for k in (2, 3)}
    p = portfolio(write(tmp_path / "p", files), by="size")
    assert [(g.key, g.label, g.organisations) for g in p.groups] == [
        ("1-9", "1–9 employees", 5),
        ("50-249", "50–249 employees", None),
    ]
    small = p.groups[0].overall
    assert small is not None and (small.q1, small.median, small.q3) == (25.0, 50.0, 75.0)
    assert p.total.organisations == 7


def test_grouped_by_industry_spellings_meet_and_rare_industries_are_pooled_unnamed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spellings = ("Retail", "retail", " RETAIL", "Re tail", "Retail")
    files = {
        f"r{k}": org(k, f"Shop {k}", industry=s)
        for k, s in zip((1, 2, 3, 4, 5), spellings, strict=True)
    }
    rare = ("Bell foundry", "Bell foundry", "Organ building", "Lighthouse keeping", "Falconry")
    files |= {f"x{i}": org(3, f"Rare {i}", industry=s) for i, s in enumerate(rare)}
    files["none"] = org(3, "Plain")
    folder = write(tmp_path / "p", files)
    p = portfolio(folder, by="industry")
    assert [(g.key, g.label, g.organisations) for g in p.groups] == [
        ("retail", "Retail", 5),  # the most common spelling names the group
        ("", "industry not given", None),
        ("*", "other industries (fewer than five organisations each)", 5),
    ]
    for fmt in ("text", "md", "html", "json", "csv"):
        code, out, _ = run(["portfolio", str(folder), "--by", "industry", "--format", fmt], capsys)
        assert code == 0
        for word in ("Bell", "Organ", "Lighthouse", "Falconry"):
            assert word not in out, (fmt, word)


# --- formats -------------------------------------------------------------------------------------


def test_json_output_validates_against_the_portfolio_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = five(tmp_path / "p", size="1-9")
    code, out, _ = run(["portfolio", str(folder), "--format", "json", "--by", "size"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "smcheck.portfolio/1"
    assert data["total"]["overall"] == {"count": 5, "q1": 25.0, "median": 50.0, "q3": 75.0}
    schema = json.loads((ROOT / "schemas" / "portfolio.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_csv_has_a_row_per_dimension_and_group_and_one_for_the_overall_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {f"s{k}": org(k, f"Small {k}", size="1-9") for k in (1, 2, 3, 4, 5)}
    files["m"] = org(3, "Mid", size="50-249")
    folder = write(tmp_path / "p", files)
    code, out, _ = run(
        ["portfolio", str(folder), "-o", str(tmp_path / "p.csv"), "--by", "size"], capsys
    )
    assert code == 0 and out == ""
    rows = list(csv.DictReader(io.StringIO((tmp_path / "p.csv").read_text(encoding="utf-8"))))
    assert [(r["group"], r["dimension"]) for r in rows] == [
        ("", "alpha"),
        ("", "beta"),
        ("", "gamma"),
        ("", "overall"),
        ("1-9", "alpha"),
        ("1-9", "beta"),
        ("1-9", "gamma"),
        ("1-9", "overall"),
        ("50-249", ""),  # too few: one row, no figures
    ]
    small = rows[7]
    assert (small["count"], small["q1"], small["median"], small["q3"]) == ("5", "25", "50", "75")
    assert rows[8]["group_organisations"] == "" and rows[8]["median"] == ""


def test_text_output_reads_as_a_table_with_stages_and_blockers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["portfolio", str(five(tmp_path / "p")), "--lang", "en"], capsys)
    assert code == 0
    assert "5 organisations from 5 answers files" in out
    assert "All organisations (5 organisations)" in out
    assert "Overall score      5  25      50  75" in out
    assert "Most common blockers: Alpha (2), Beta (2), Gamma (2)" in out


def test_german_output_writes_decimal_commas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["portfolio", str(five(tmp_path / "p", (1, 2, 2, 3, 4, 5))), "--lang", "de"], capsys
    )
    assert code == 0
    assert "37,5" in out and "68,75" in out


def test_answers_to_another_assessment_are_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = five(tmp_path / "p")
    other = answers({"a1": 3}, assessment="other").model_copy()
    (folder / "zz.toml").write_text(answers_toml(other), encoding="utf-8")
    code, out, err = run(["portfolio", str(folder)], capsys)
    assert code == 2 and out == ""
    assert "zz.toml" in err and "'other'" in err


# --- privacy -----------------------------------------------------------------------------------


def _secret_portfolio(folder: Path) -> Path:
    """Organisations whose names, notes and respondents all carry the word SECRET."""
    rnd = random.Random(17)
    files = {}
    for i in range(12):
        k = rnd.randint(1, 5)
        common = {
            "size": rnd.choice(("1-9", "10-49")),
            "industry": "Retail" if i < 6 else f"SECRET industry {i}",
        }
        files[f"o{i}-l"] = org(
            k,
            f"SECRET Org {i}",
            engagement=f"secret-{i}",
            person=f"SECRET Person {i}",
            note=f"SECRET note {i}",
            **common,  # type: ignore[arg-type]
        )
        files[f"o{i}-t"] = org(
            rnd.randint(1, 5),
            f"SECRET Org {i}",
            engagement=f"secret-{i}",
            role="team",
            person=f"SECRET Team {i}",
            note=f"SECRET team note {i}",
            **common,  # type: ignore[arg-type]
        )
    return write(folder, files)


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json", "csv"])
@pytest.mark.parametrize("by", [None, "industry", "size"])
def test_no_organisations_name_note_or_respondent_appears_in_any_format(
    fmt: str, by: str | None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _secret_portfolio(tmp_path / "p")
    argv = ["portfolio", str(folder), "--format", fmt] + (["--by", by] if by else [])
    code, out, err = run(argv, capsys)
    assert code == 0, err
    assert "Retail" in out or by != "industry"  # a group of six: named
    assert "secret" not in out.lower()


# --- generated portfolios ---------------------------------------------------------------------------


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(options=st.lists(st.integers(min_value=1, max_value=5), min_size=5, max_size=12))
def test_overall_quartiles_of_generated_portfolios_are_statistics_quantiles_of_the_scores(
    options: list[int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    # every question at option k scores 25·(k-1) everywhere
    folder = tmp_path_factory.mktemp("gen")
    write(folder, {f"o{i}": org(k, f"Org {i}") for i, k in enumerate(options)})
    p = portfolio(folder)
    scores = [25 * (k - 1) for k in options]
    q1, median, q3 = statistics.quantiles(scores, n=4, method="inclusive")
    s = p.total.overall
    assert s is not None and (s.count, s.q1, s.median, s.q3) == (len(options), q1, median, q3)


DUCKDB_QUERY = """\
-- smcheck score answers/ --format json > plans.jsonl
WITH plans AS (SELECT * FROM read_json('plans.jsonl', format = 'newline_delimited')),
scores AS (
  SELECT d.id AS dimension, d.score AS score
  FROM (SELECT unnest(result.dimensions) AS d FROM plans)
  UNION ALL
  SELECT 'overall', result.overall FROM plans
)
SELECT dimension,
       count(score) AS count,
       quantile_cont(score, 0.25) AS q1,
       quantile_cont(score, 0.5) AS median,
       quantile_cont(score, 0.75) AS q3
FROM scores
GROUP BY dimension
HAVING count(score) >= 5
ORDER BY dimension;
"""
"""The README's query ("Benchmarks from your own portfolio"), word for word."""


def test_the_duckdb_query_of_the_readme_gives_the_same_quartiles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    duckdb = pytest.importorskip("duckdb")
    rnd = random.Random(5)
    values = [{q: rnd.randint(1, 5) for q in QUESTIONS} for _ in range(9)]
    folder = write(tmp_path / "p", {f"o{i}": org(v, f"Org {i}") for i, v in enumerate(values)})  # type: ignore[arg-type]
    code, lines, _ = run(["score", str(folder), "--format", "json", "--jobs", "1"], capsys)
    assert code == 0
    (tmp_path / "plans.jsonl").write_text(lines, encoding="utf-8")
    code, out, _ = run(["portfolio", str(folder), "--format", "json"], capsys)
    mine = json.loads(out)["total"]
    rows = duckdb.sql(DUCKDB_QUERY.replace("plans.jsonl", str(tmp_path / "plans.jsonl"))).fetchall()
    expected = {d["id"]: d["scores"] for d in mine["dimensions"]} | {"overall": mine["overall"]}
    assert {r[0] for r in rows} == set(expected)
    for dimension, count, q1, median, q3 in rows:
        e = expected[dimension]
        assert (count, q1, median, q3) == (e["count"], e["q1"], e["median"], e["q3"]), dimension


# --- session folders --------------------------------------------------------------------------------


def test_a_session_folder_counts_open_sessions_with_their_journal_and_not_removed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smcheck.files.locations import sessions_dir, user_assessments_dir
    from smcheck.files.open_session import OpenSession

    user_assessments_dir().mkdir(parents=True)
    (user_assessments_dir() / "mini.toml").write_bytes(MINI.read_bytes())
    boss = OpenSession.start(mini(), "full", "en")
    for q in QUESTIONS:
        boss.set_answer(q, 5)  # in the journal only: the session stays open
    team = OpenSession.open(boss.add_respondent(Respondent(name="Tom", role="team")))
    for q in QUESTIONS:
        team.set_answer(q, 1)
    team.close()
    gone = OpenSession.open(boss.add_respondent(Respondent(name="Xia", role="team")))
    for q in QUESTIONS:
        gone.set_answer(q, 5)
    gone.close()
    boss.remove_respondent(gone.id)
    others = write(tmp_path / "others", {f"org{k}": org(k, f"Org {k}") for k in (1, 2, 4, 5)})
    try:
        code, out, err = run(
            ["portfolio", str(sessions_dir()), str(others), "--format", "json"], capsys
        )
    finally:
        boss.close()
    assert code == 0, err
    data = json.loads(out)
    # leadership 100 and Tom 0 combine to 50 (Xia, removed, would make the team 50 and it 75)
    assert (data["files"], data["organisations"]) == (6, 5)
    assert data["total"]["overall"] == {"count": 5, "q1": 25.0, "median": 50.0, "q3": 75.0}


def test_respondents_who_answered_different_scopes_are_left_out_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {f"org{k}": org(k, f"Org {k}") for k in (1, 2, 3, 4, 5)}
    files["boss"] = org(5, "Acme", engagement="acme")
    files["team"] = org(1, "Acme", engagement="acme", role="team").model_copy(
        update={"scope": "quick"}
    )
    code, out, err = run(
        ["portfolio", str(write(tmp_path / "p", files)), "--format", "json"], capsys
    )
    assert code == 0
    assert (json.loads(out)["organisations"], json.loads(out)["left_out"]) == (5, 1)
    assert "engagement 'acme': left out of the portfolio" in err
    assert "scopes full, quick" in err


def test_an_industry_label_is_escaped_in_html_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    label = "<b>Tools & Dies</b>"
    folder = five(tmp_path / "p", industry=label)
    code, html, _ = run(["portfolio", str(folder), "--by", "industry", "--format", "html"], capsys)
    assert code == 0
    assert "&lt;b&gt;Tools &amp; Dies&lt;/b&gt;" in html and "<b>" not in html
    code, md, _ = run(["portfolio", str(folder), "--by", "industry", "--format", "md"], capsys)
    assert "<b>" not in md and "&lt;b>Tools & Dies&lt;/b>" in md


def test_the_readme_shows_the_duckdb_query_word_for_word() -> None:
    from conftest import ROOT

    assert DUCKDB_QUERY in (ROOT / "README.md").read_text(encoding="utf-8")
