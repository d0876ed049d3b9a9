"""`smcheck score ANSWERS --benchmark FOLDER`: the organisation's percentile among comparable
organisations of a portfolio, worked out by hand on the mini assessment.

On the mini assessment the same option on every question gives that option's points as every
dimension's score and the overall score: options 1-5 give 0, 25, 50, 75, 100.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from conftest import MINI, ROOT
from helpers import answers, mini
from smcheck.cli.main import main
from smcheck.core.benchmark import benchmark, percentile
from smcheck.core.models.answers import Answers, Organisation, Respondent
from smcheck.core.portfolio import OrgView, digest, view_of
from smcheck.core.scoring import score
from smcheck.files.session import answers_toml

QUESTIONS = ("a1", "a2", "b1", "b2", "g1", "g2", "g3")


def org(
    option: int,
    name: str = "",
    *,
    size: str = "50-249",
    industry: str = "",
    engagement: str | None = None,
    role: str = "leadership",
    person: str = "",
    note: str = "",
    benchmark: bool = True,
) -> Answers:
    """Answers to the mini assessment with ``option`` on every question."""
    base = answers(dict.fromkeys(QUESTIONS, option), completed=date(2026, 3, 2))
    given = {
        qid: a.model_copy(update={"note": note}) if note else a for qid, a in base.answers.items()
    }
    return base.model_copy(
        update={
            "organisation": Organisation(name=name, size=size, industry=industry),
            "respondent": Respondent(name=person, role=role),
            "engagement": engagement,
            "benchmark": benchmark,
            "answers": given,
        }
    )


def peer(option: int, name: str, **kw: object) -> OrgView:
    a = org(option, name, **kw)  # type: ignore[arg-type]
    keys = [digest(f"n:{name.lower().replace(' ', '')}")]
    return view_of(
        mini(), [a], known_as=keys, size=a.organisation.size, industry=a.organisation.industry
    )


def rank_of(own: Answers, peers: list[OrgView]):  # type: ignore[no-untyped-def]
    return benchmark(mini(), score(mini(), own, "en"), own, peers, "en")


def write(folder: Path, files: dict[str, Answers]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, a in files.items():
        (folder / f"{stem}.toml").write_text(answers_toml(a), encoding="utf-8")
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``smcheck`` with ``argv``, for the mini assessment: (exit code, stdout, stderr)."""
    code = main([argv[0], "-a", str(MINI), *argv[1:]])
    out, err = capsys.readouterr()
    return code, out, err


# --- the percentile ------------------------------------------------------------------------------


def test_the_percentile_is_the_share_strictly_lower_rounded_down() -> None:
    # 16 of 23 lower: 1600 / 23 = 69.56… → 69 (never "70", which would be more than true)
    assert percentile(60, [50] * 16 + [60, 70, 80, 90, 95, 99, 100]) == 69
    # equal scores are not lower: 2 of 5 lower → 40
    assert percentile(50, [0, 25, 50, 50, 75]) == 40
    assert percentile(0, [0, 0, 25, 50, 75]) == 0
    assert percentile(100, [0, 25, 50, 75, 99]) == 100


def test_the_sentence_names_the_share_the_number_and_the_group() -> None:
    peers = [peer(k, f"Org {k}") for k in (1, 2, 3, 4, 5)]  # 0 25 50 75 100
    b = rank_of(org(4, "Acme"), peers)  # 75: higher than 0, 25, 50 → 3 of 5 → 60 %
    assert (b.overall.score, b.overall.compared, b.overall.percentile) == (75, 5, 60)
    assert b.overall.text == "higher than 60 % of 5 organisations of 50–249 employees"
    assert b.group == "organisations of 50–249 employees" and b.organisations == 5
    assert [(d.id, d.percentile, d.compared) for d in b.dimensions] == [
        ("alpha", 60, 5),
        ("beta", 60, 5),
        ("gamma", 60, 5),
    ]
    lowest = rank_of(org(1, "Acme"), peers)
    assert lowest.overall.text == "not higher than any of the 5 organisations of 50–249 employees"


def test_german_sentences() -> None:
    peers = [peer(k, f"Org {k}") for k in (1, 2, 3, 4, 5)]
    own = org(4, "Acme")
    b = benchmark(mini(), score(mini(), own, "de"), own, peers, "de")
    assert b.overall.text == "höher als bei 60 % von 5 Organisationen mit 50–249 Beschäftigten"


# --- who is compared -------------------------------------------------------------------------------


def test_fewer_than_five_comparable_organisations_are_too_few_to_compare() -> None:
    peers = [peer(k, f"Org {k}") for k in (1, 2, 3, 4)]
    b = rank_of(org(3, "Acme"), peers)
    assert (b.overall.percentile, b.overall.compared, b.organisations) == (None, None, None)
    assert b.overall.text == ("too few to compare (fewer than 5 organisations of 50–249 employees)")
    assert all(d.percentile is None for d in b.dimensions)


def test_other_size_classes_are_not_compared() -> None:
    peers = [peer(k, f"Org {k}") for k in (1, 2, 3, 4, 5)]
    peers += [peer(5, f"Big {i}", size="1000+") for i in range(5)]
    b = rank_of(org(4, "Acme"), peers)
    assert (b.overall.compared, b.overall.percentile) == (5, 60)


def test_without_a_size_every_size_is_compared() -> None:
    peers = [peer(1, f"Small {i}", size="1-9") for i in range(3)]
    peers += [peer(5, f"Big {i}", size="1000+") for i in range(3)]
    b = rank_of(org(3, "Acme", size=""), peers)  # 50: above three 0s, below three 100s
    assert (b.overall.compared, b.overall.percentile) == (6, 50)
    assert b.overall.text == "higher than 50 % of 6 organisations of any size"


def test_five_of_the_same_industry_narrow_the_group_case_and_spaces_ignored() -> None:
    spellings = ("Retail", "retail", " RETAIL", "Re tail", "retail ")
    peers = [
        peer(k, f"Shop {k}", industry=s) for k, s in zip((1, 2, 3, 4, 5), spellings, strict=True)
    ]
    peers += [peer(1, f"Mill {i}", industry="Manufacturing") for i in range(4)]
    b = rank_of(org(4, "Acme", industry="Retail"), peers)
    assert (b.overall.compared, b.overall.percentile, b.industry) == (5, 60, "Retail")
    assert b.overall.text == "higher than 60 % of 5 organisations of 50–249 employees in Retail"


def test_fewer_than_five_of_the_industry_compare_the_whole_size_class() -> None:
    peers = [peer(k, f"Shop {k}", industry="Retail") for k in (1, 2, 3, 4)]
    peers += [peer(1, f"Mill {i}", industry="Manufacturing") for i in range(3)]
    b = rank_of(org(4, "Acme", industry="Retail"), peers)
    # 0 25 50 75 and three 0s: below 75 are six of seven → 600 / 7 = 85.7 → 85
    assert (b.overall.compared, b.overall.percentile, b.industry) == (7, 85, "")


def test_a_dimension_without_a_score_of_its_own_has_no_percentile() -> None:
    own = org(3, "Acme").model_copy(
        update={
            "answers": answers(
                {"a1": 3, "a2": 3, "b1": 3, "b2": 3, "g1": "n/a", "g2": "n/a", "g3": "n/a"}
            ).answers
        }
    )
    b = rank_of(own, [peer(k, f"Org {k}") for k in (1, 2, 3, 4, 5)])
    gamma = next(d for d in b.dimensions if d.id == "gamma")
    assert (gamma.score, gamma.percentile, gamma.compared) == (None, None, 5)
    assert gamma.text == "no score of its own to compare"


# --- through `smcheck score --benchmark` --------------------------------------------------------


def _portfolio(folder: Path) -> Path:
    files = {
        f"org{k}": org(k, f"SECRET Org {k}", person=f"SECRET Person {k}", note=f"SECRET note {k}")
        for k in (1, 2, 3, 4, 5)
    }
    return write(folder, files)


def test_the_organisation_is_left_out_of_its_own_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _portfolio(tmp_path / "p")
    # Acme's own two respondents are in the portfolio too (by engagement, and by name)
    write(folder, {"acme-boss": org(5, "Acme", engagement="acme"), "acme-old": org(5, " ACME ")})
    own = write(tmp_path, {"acme": org(4, "Acme", engagement="acme")}) / "acme.toml"
    code, out, err = run(
        ["score", str(own), "--benchmark", str(folder), "--format", "json"], capsys
    )
    assert code == 0, err
    b = json.loads(out)["benchmark"]
    # compared with the five others only: 0 25 50 75 100 → 75 is higher than three → 60 %
    assert (b["organisations"], b["overall"]["compared"], b["overall"]["percentile"]) == (5, 5, 60)


def test_opted_out_organisations_are_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _portfolio(tmp_path / "p")
    write(folder, {"shy": org(1, "Shy", benchmark=False)})
    own = write(tmp_path, {"acme": org(4, "Acme")}) / "acme.toml"
    code, out, _ = run(["score", str(own), "--benchmark", str(folder), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["benchmark"]["overall"]["compared"] == 5


def test_the_plan_with_a_benchmark_validates_against_the_plan_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _portfolio(tmp_path / "p")
    own = write(tmp_path, {"acme": org(4, "Acme")}) / "acme.toml"
    code, out, _ = run(["score", str(own), "--benchmark", str(folder), "--format", "json"], capsys)
    assert code == 0
    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


@pytest.mark.parametrize("fmt", ["md", "json", "toml"])
def test_the_report_shows_the_benchmark_and_nothing_of_another_organisation(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _portfolio(tmp_path / "p")
    own = write(tmp_path, {"acme": org(4, "Acme")}) / "acme.toml"
    code, out, err = run(
        ["score", str(own), "--benchmark", str(folder), "--format", fmt, "--lang", "en"], capsys
    )
    assert code == 0, err
    assert "higher than 60 % of 5 organisations of 50–249 employees" in out or fmt == "md"
    assert "secret" not in out.lower()


def test_the_markdown_report_has_a_compared_with_others_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _portfolio(tmp_path / "p")
    own = write(tmp_path, {"acme": org(4, "Acme")}) / "acme.toml"
    code, out, _ = run(
        ["score", str(own), "--benchmark", str(folder), "--format", "md", "--lang", "en"], capsys
    )
    assert code == 0
    section = out.split("## Compared with others\n", 1)[1].split("\n## ", 1)[0]
    assert "Compared with organisations of 50–249 employees from a portfolio" in section
    assert "| **Overall score** | 75 | 60 % of 5 |" in section
    assert "| Alpha | 75 | 60 % of 5 |" in section


def test_a_plan_without_benchmark_has_no_such_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = write(tmp_path, {"acme": org(4, "Acme")}) / "acme.toml"
    code, out, _ = run(["score", str(own), "--format", "md", "--lang", "en"], capsys)
    assert code == 0
    assert "Compared with others" not in out


def test_a_benchmark_folder_of_another_assessment_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    bundled = answers({}, assessment="social-media-readiness")
    (folder / "x.toml").write_text(answers_toml(bundled), encoding="utf-8")
    own = write(tmp_path, {"acme": org(4, "Acme")}) / "acme.toml"
    code, out, err = run(["score", str(own), "--benchmark", str(folder)], capsys)
    assert code == 2 and out == ""
    assert "x.toml" in err


def test_an_unnamed_organisation_is_not_compared_with_its_own_file_in_the_portfolio(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _portfolio(tmp_path / "p")
    write(folder, {"anon": org(5)})  # neither engagement nor name: an organisation of its file
    own = folder / "anon.toml"
    code, out, _ = run(["score", str(own), "--benchmark", str(folder), "--format", "json"], capsys)
    assert code == 0
    overall = json.loads(out)["benchmark"]["overall"]
    assert (overall["compared"], overall["percentile"]) == (5, 80)  # 100 above 0 25 50 75
