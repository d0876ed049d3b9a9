"""Files other tools take: CSV flavours read back by `csv` and pandas, the calendar read by two
independent parsers, JSON lines that stream and name their files, plans that validate against
their JSON Schema, Markdown that renders as meant."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import date, timedelta
from pathlib import Path

import icalendar
import jsonschema
import pytest
import vobject

from conftest import MINI, ROOT
from helpers import answers, mini
from smcheck.cli.main import main
from smcheck.core.planning import make_plan
from smcheck.core.scoring import score
from smcheck.files.export.csv import GITLAB_HEADER, HEADER, to_csv
from smcheck.files.export.ics import to_ics
from smcheck.files.export.markdown import to_markdown
from test_cli import answers_text
from test_export_formats import VALUES, plan_for

PREFIX = "smcheck: error: "


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# --- CSV ----------------------------------------------------------------------------------------


def test_plain_csv_reads_back_with_csv_and_pandas() -> None:
    pd = pytest.importorskip("pandas")
    plan = plan_for("en")
    text = to_csv(plan)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == HEADER
    assert [r[0] for r in rows[1:]] == [x.id for x in plan.tasks]
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == HEADER
    assert frame["Task ID"].tolist() == [x.id for x in plan.tasks]
    assert frame.loc[frame["Task ID"] == "aw-post", "Due date"].item() == "2027-01-01"


def test_excel_csv_in_german_has_a_byte_order_mark_and_semicolons() -> None:
    plan = plan_for("de")
    text = to_csv(plan, "excel")
    raw = text.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    assert text.splitlines(keepends=True)[0] == (
        "\ufeffTask ID;Summary;Description;Phase;Start date;Due date;Owner;Effort;Labels;Goals\r\n"
    )
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    plain = list(csv.reader(io.StringIO(to_csv(plan), newline="")))
    assert rows == plain  # the same cells, only separated and encoded for Excel
    link = next(r for r in rows if r[0] == "link-goals")
    assert link[1].startswith("Jedes Ziel mit dem Unternehmensziel verknüpfen")  # umlaut intact
    assert link[2].startswith("Erledigt, wenn: ")  # a comma in a cell, no quoting needed with ;


def test_excel_csv_in_english_keeps_commas_and_reads_with_pandas() -> None:
    pd = pytest.importorskip("pandas")
    plan = plan_for("en")
    raw = to_csv(plan, "excel").encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbfTask ID,Summary,")
    frame = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == HEADER
    german = pd.read_csv(
        io.BytesIO(to_csv(plan_for("de"), "excel").encode("utf-8")),
        sep=";",
        encoding="utf-8-sig",
        dtype=str,
        keep_default_na=False,
    )
    assert tuple(german.columns) == HEADER
    assert german["Task ID"].tolist() == frame["Task ID"].tolist()


def test_gitlab_csv_has_the_columns_gitlab_imports() -> None:
    plan = plan_for("en")
    text = to_csv(plan, "gitlab")
    assert text.startswith("title,description,due_date\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == GITLAB_HEADER
    assert len(rows) == len(plan.tasks)
    beta = next(r for r in rows if r["title"] == "Task beta-campaign")
    assert beta == {
        "title": "Task beta-campaign",
        "description": "Done when: beta-campaign done\n"
        "\n"
        "Campaign · Week 2–4 · 2026-12-07 – 2026-12-25\n"
        "Owner: Team · S\n"
        "Starter goals: enable-beta\n"
        "smcheck: beta-campaign\n"
        "\n"
        '/label ~"beta"',
        "due_date": "2026-12-25",
    }
    baselines = next(r for r in rows if r["description"].endswith("smcheck: measure-baselines"))
    assert "/label" not in baselines["description"]  # no dimension, no label


def test_gitlab_csv_reads_with_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(to_csv(plan_for("de"), "gitlab")), dtype=str)
    assert tuple(frame.columns) == GITLAB_HEADER
    assert frame["due_date"].tolist() == [x.end.isoformat() for x in plan_for("de").tasks]


def test_the_csv_flavour_is_chosen_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ann.toml"
    source.write_text(answers_text(), encoding="utf-8")
    target = tmp_path / "tasks.csv"
    argv = ["score", source, "-a", MINI, "--lang", "de", "-o", target]
    assert run(capsys, *argv, "--csv-flavour", "excel") == (0, "", "")
    assert target.read_bytes().startswith(b"\xef\xbb\xbfTask ID;Summary;")
    assert run(capsys, *argv, "--csv-flavour", "gitlab", "--force") == (0, "", "")
    assert target.read_bytes().startswith(b"title,description,due_date\n")


# --- iCalendar ----------------------------------------------------------------------------------


def _org_plan(name: str, weeks: int = 6):  # type: ignore[no-untyped-def]
    a = mini()
    ans = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    ans = ans.model_copy(
        update={"organisation": ans.organisation.model_copy(update={"name": name})}
    )
    return make_plan(a, ans, score(a, ans, "en"), lang="en", weeks=weeks)


def test_the_calendar_reads_the_same_with_two_independent_parsers() -> None:
    name = "Müller, Schmidt & Co; Berlin"
    text = to_ics(_org_plan(name))
    assert "X-WR-CALNAME:Social media readiness for Müller\\, Schmidt & Co\\; Berlin\r\n" in text
    first = icalendar.Calendar.from_ical(text)
    second = vobject.readOne(text)
    # an X- property is TEXT by default (RFC 5545 3.8.8.2): icalendar hands it over as written,
    # still escaped, vobject unescapes it
    assert (
        str(first["X-WR-CALNAME"]) == "Social media readiness for Müller\\, Schmidt & Co\\; Berlin"
    )
    assert second.contents["x-wr-calname"][0].value == f"Social media readiness for {name}"
    one = [
        (str(e["UID"]), str(e["SUMMARY"]), e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in first.walk("VEVENT")
    ]
    two = [
        (e.uid.value, e.summary.value, e.dtstart.value, e.dtend.value) for e in second.vevent_list
    ]
    assert one == two
    assert len(one) == 6
    assert one[0][1] == f"Start point: {name}"  # the comma survives in the summary too
    assert one[-1][2:] == (date(2027, 1, 11), date(2027, 1, 12))  # next assessment, one day


def test_a_replanned_calendar_changes_the_uids_of_exactly_the_events_that_changed() -> None:
    def events(text: str) -> dict[str, tuple[object, ...]]:
        return {
            e.uid.value: (
                e.summary.value,
                e.dtstart.value,
                e.dtend.value,
                e.description.value if hasattr(e, "description") else "",
            )
            for e in vobject.readOne(text).vevent_list
        }

    plan = _org_plan("Korn")
    six = events(to_ics(plan))
    assert events(to_ics(_org_plan("Korn"))) == six  # the same plan: the same events
    # re-planned: one campaign task less; only the campaign event changes
    fewer = plan.model_copy(update={"tasks": [x for x in plan.tasks if x.id != "aw-post"]})
    edited = events(to_ics(fewer))
    kept = six.keys() & edited.keys()
    assert len(kept) == 5
    (gone,) = six.keys() - kept
    (new,) = edited.keys() - kept
    assert "-campaign-" in gone and "-campaign-" in new
    assert six[gone][:3] == edited[new][:3]  # same summary and days, other tasks
    assert "Task aw-post" in str(six[gone][3]) and "Task aw-post" not in str(edited[new][3])
    # an event keeps its UID if and only if it is unchanged
    assert {uid: edited[uid] for uid in kept} == {uid: six[uid] for uid in kept}
    # eight weeks instead of six: every window moves, so every event is new
    eight = events(to_ics(_org_plan("Korn", 8)))
    assert not six.keys() & eight.keys()

    # the UID says which event it is, whatever moved
    def keys(uids: object) -> list[str]:
        return [uid.split("-", 1)[1].rsplit("-", 2)[0] for uid in uids]  # type: ignore[attr-defined]

    phases = ["start", "campaign", "feedback", "optimisation", "new-start", "next-assessment"]
    assert keys(six) == keys(eight) == phases


def test_each_uid_names_the_event_and_its_days() -> None:
    plan = _org_plan("Korn")
    uids = [e.uid.value for e in vobject.readOne(to_ics(plan)).vevent_list]
    nxt = plan.iteration.next_assessment
    assert uids[-1].endswith(f"-next-assessment-{nxt:%Y%m%d}-{nxt:%Y%m%d}@smcheck")
    start = plan.iteration.phases[0]
    assert uids[0].endswith(f"-start-{start.start:%Y%m%d}-{start.end:%Y%m%d}@smcheck")


# --- JSON lines ---------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    many = tmp_path / "many"
    many.mkdir()
    for name in ("a", "b", "c", "d"):
        (many / f"{name}.toml").write_text(answers_text(name.upper()), encoding="utf-8")
    return many


def _break(path: Path) -> None:
    path.write_text(answers_text().replace("value = 4", "value = 9"), encoding="utf-8")


def test_each_json_line_names_its_source_file(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "score", folder, "-a", MINI, "--format", "json")
    assert (code, err) == (0, "")
    sources = [json.loads(line)["source"]["file"] for line in out.splitlines()]
    assert sources == [str(folder / f"{name}.toml") for name in "abcd"]


def test_json_lines_stream_as_each_file_is_scored(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import smcheck.cli.batch as batch

    events: list[str] = []
    real_score, real_out = batch.score_file, batch.out

    def score_file(path: Path, options: batch.ScoreOptions) -> batch.Outcome:
        events.append(f"score {path.stem}")
        return real_score(path, options)

    def out(text: str) -> None:
        events.append(f"write {json.loads(text)['respondent']['name'].lower()}")
        real_out(text)

    monkeypatch.setattr(batch, "score_file", score_file)
    monkeypatch.setattr(batch, "out", out)
    assert run(capsys, "score", folder, "-a", MINI, "--format", "json", "--jobs", "1")[0] == 0
    # each line is out before the next file is read: nothing is held back
    assert events == [f"{what} {name}" for name in "abcd" for what in ("score", "write")]


def test_the_first_bad_file_ends_the_stream_and_the_lines_before_it_stay(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(folder / "b.toml")
    _break(folder / "d.toml")
    code, out, err = run(capsys, "score", folder, "-a", MINI, "--format", "json")
    assert code == 2
    assert [json.loads(line)["respondent"]["name"] for line in out.splitlines()] == ["A"]
    assert err.splitlines() == [
        f"{PREFIX}{folder / 'b.toml'}:19: answers.b2.value: 9 is out of range; choose 1-5, "
        '"dont-know" or "n/a"'
    ]


def test_keep_going_scores_every_good_file_and_names_every_bad_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(folder / "b.toml")
    _break(folder / "d.toml")
    code, out, err = run(capsys, "score", folder, "-a", MINI, "--format", "json", "--keep-going")
    assert code == 2
    assert [json.loads(line)["respondent"]["name"] for line in out.splitlines()] == ["A", "C"]
    assert [line.split(":")[2] for line in err.splitlines()] == [
        f" {folder / 'b.toml'}",
        f" {folder / 'd.toml'}",
    ]


def test_a_folder_gets_nothing_unless_every_file_scored(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(folder / "c.toml")
    plans = tmp_path / "plans"
    plans.mkdir()
    code, out, err = run(capsys, "score", folder, "-a", MINI, "-o", plans)
    assert (code, out) == (2, "")
    assert err.startswith(f"{PREFIX}{folder / 'c.toml'}:19: ")
    assert list(plans.iterdir()) == []  # neither plans nor temporary files
    code, out, err = run(capsys, "score", folder, "-a", MINI, "-o", plans, "--keep-going")
    assert (code, out) == (2, "")
    assert sorted(p.name for p in plans.iterdir()) == [
        "a.plan.toml",
        "b.plan.toml",
        "d.plan.toml",
    ]


# --- the plan's JSON Schema ---------------------------------------------------------------------


def test_plan_toml_and_json_from_the_command_line_validate_against_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    source = tmp_path / "ann.toml"
    source.write_text(answers_text(), encoding="utf-8")
    as_toml, as_json = tmp_path / "plan.toml", tmp_path / "plan.json"
    assert run(capsys, "score", source, "-a", MINI, "-o", as_toml)[0] == 0
    assert run(capsys, "score", source, "-a", MINI, "-o", as_json)[0] == 0
    data = tomllib.loads(as_toml.read_text(encoding="utf-8"))
    assert data["iteration"]["start"] == date(2026, 3, 9)  # TOML has dates; JSON Schema strings
    jsonschema.validate(json.loads(json.dumps(data, default=date.isoformat)), schema)
    from_json = json.loads(as_json.read_text(encoding="utf-8"))
    jsonschema.validate(from_json, schema)
    # a line of JSON lines names its file, and validates too
    other = tmp_path / "bob.toml"
    other.write_text(answers_text("Bob"), encoding="utf-8")
    code, out, _ = run(capsys, "score", source, other, "-a", MINI, "--format", "json")
    assert code == 0
    line = json.loads(out.splitlines()[0])
    assert line["source"]["file"] == str(source)
    jsonschema.validate(line, schema)
    broken = {**line, "source": {**line["source"], "file": 7}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_renders_separate_paragraphs_and_keeps_ampersands_plain() -> None:
    from markdown_it import MarkdownIt

    plan = _org_plan("R&D <b>Labs</b> &amp; more")
    md = to_markdown(plan)
    assert "for R&D &lt;b>Labs&lt;/b> &amp;amp; more" in md.splitlines()[0]
    html = MarkdownIt("commonmark").render(md)
    assert (
        "<h1>Social media readiness for R&amp;D &lt;b&gt;Labs&lt;/b&gt; &amp;amp; more</h1>" in html
    )
    assert "<b>" not in html
    assert "<p>Respondent: Leadership</p>" in html  # not joined to the line above it
    assert "<p>Objectives: Awareness</p>\n<p>Company goals: Grow</p>" in html


def test_the_dates_in_a_plan_and_its_files_agree() -> None:
    plan = plan_for("en")
    ics = icalendar.Calendar.from_ical(to_ics(plan))
    last = [e.decoded("DTEND") for e in ics.walk("VEVENT")][-2]
    assert last - timedelta(days=1) == plan.iteration.phases[-1].end
    rows = list(csv.DictReader(io.StringIO(to_csv(plan, "gitlab"), newline="")))
    assert max(r["due_date"] for r in rows) == plan.iteration.end.isoformat()
