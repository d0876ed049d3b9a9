"""Every export format: golden files, parse-back, formula injection, determinism.

The golden files in tests/golden/ are the exact expected bytes. After an intended change of
the output, regenerate them and review the diff by eye before committing:

    SMCHECK_REGEN_GOLDEN=1 python -m pytest tests/test_export_formats.py -q

plan.ics has CRLF line endings (RFC 5545): keep the files byte for byte (no line-ending
conversion by git or an editor).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from helpers import answers, mini
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan
from smcheck.core.scoring import score
from smcheck.files import export
from smcheck.files.export import ALL_FORMATS, FORMATS, render, to_json, to_markdown, to_toml
from smcheck.files.export.csv import HEADER, to_csv
from smcheck.files.export.ics import to_ics

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("SMCHECK_REGEN_GOLDEN") == "1"

VALUES: dict[str, int | str] = {
    "a1": 5,
    "a2": 4,
    "b1": 1,
    "b2": 3,
    "g1": 2,
    "g2": "dont-know",
    "g3": "n/a",
}


def plan_for(lang: Lang = "en") -> Plan:
    """The plan of tests/test_plan.py's ``plan_for()``, in ``lang``."""
    a = mini()
    ans = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    return make_plan(a, ans, score(a, ans, lang), lang=lang)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_bytes(text.encode())
    assert text.encode() == path.read_bytes(), f"{name} differs from the golden file"


@pytest.mark.parametrize(
    ("name", "lang", "export_fn"),
    [
        ("plan.csv", "en", to_csv),
        ("plan-de.csv", "de", to_csv),
        ("plan.ics", "en", to_ics),
        ("plan.toml", "en", to_toml),
        ("plan.json", "en", to_json),
        ("plan.md", "en", to_markdown),
        ("plan-de.md", "de", to_markdown),
    ],
)
def test_exports_match_golden_files(
    name: str, lang: Lang, export_fn: Callable[[Plan], str]
) -> None:
    check_golden(name, export_fn(plan_for(lang)))


def test_render_knows_the_new_formats_but_the_app_writes_three() -> None:
    p = plan_for()
    assert FORMATS == ("toml", "json", "md")
    assert ALL_FORMATS == ("toml", "json", "md", "csv", "ics")
    assert render(p, "csv") == to_csv(p)
    assert render(p, "ics") == to_ics(p)
    assert export.__name__ == "smcheck.files.export"


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_reads_back_with_header_and_one_row_per_task() -> None:
    p = plan_for()
    text = to_csv(p)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert (
        tuple(reader.fieldnames or ())
        == HEADER
        == (
            "Task ID",
            "Summary",
            "Description",
            "Phase",
            "Start date",
            "Due date",
            "Owner",
            "Effort",
            "Labels",
            "Goals",
        )
    )
    got = list(reader)
    assert [r["Task ID"] for r in got] == [x.id for x in p.tasks]
    post = next(r for r in got if r["Task ID"] == "aw-post")
    assert post == {
        "Task ID": "aw-post",
        "Summary": "Task aw-post",
        "Description": "Done when: aw-post done",
        "Phase": "Campaign",
        "Start date": "2026-12-07",
        "Due date": "2027-01-01",
        "Owner": "Team",
        "Effort": "S",
        "Labels": "awareness",
        "Goals": "reach",  # one outcome goal per objective: its leading KPI
    }
    baselines = next(r for r in got if r["Task ID"] == "measure-baselines")
    assert baselines["Owner"] == "Social media lead"
    assert baselines["Goals"] == "reach enable-gamma enable-beta"


def test_csv_in_german_uses_german_words() -> None:
    got = {r["Task ID"]: r for r in rows(to_csv(plan_for("de")))}
    assert got["aw-post"]["Description"] == "Erledigt, wenn: aw-post erledigt"
    assert got["aw-post"]["Phase"] == "Kampagne"
    assert got["rerun"]["Owner"] == "Leitung"
    assert got["measure-baselines"]["Owner"] == "Social-Media-Verantwortliche:r"


def test_csv_neutralises_formulas_and_keeps_one_row_per_task() -> None:
    p = plan_for()
    evil = [
        '=HYPERLINK("http://x","click")',
        "+1",
        "-2",
        "@SUM(1)",
        "\t=1+1",
        "\r=1+1",
        "line one\nline two\r\nline three",
        'quote " and, comma',
    ]
    tasks = [
        x.model_copy(update={"title": title, "done": title})
        for x, title in zip(p.tasks, evil, strict=False)
    ]
    text = to_csv(p.model_copy(update={"tasks": tasks}))
    got = rows(text)
    assert len(text.splitlines()) == 1 + len(tasks) == 1 + len(got)
    assert [r["Summary"] for r in got] == [
        '\'=HYPERLINK("http://x","click")',
        "'+1",
        "'-2",
        "'@SUM(1)",
        "'=1+1",  # the tab goes with the whitespace, the formula stays inert
        "'=1+1",
        "line one line two line three",
        'quote " and, comma',
    ]
    # the description starts with "Done when", so it needs no quote
    assert got[0]["Description"] == 'Done when: =HYPERLINK("http://x","click")'
    assert '"\'=HYPERLINK(""http://x"",""click"")"' in text
    for r in got:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in r.values())


def vevents(text: str) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(text)
    return [c for c in cal.walk("VEVENT") if isinstance(c, icalendar.Event)]


def test_ics_has_a_calendar_with_phase_windows_and_the_next_assessment() -> None:
    p = plan_for()
    text = to_ics(p)
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    cal = icalendar.Calendar.from_ical(text)
    assert str(cal["PRODID"]) == "-//smcheck//smcheck 0.1.0//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["CALSCALE"]) == "GREGORIAN"
    assert str(cal["X-WR-CALNAME"]) == "Social media readiness for Testfirma"
    events = vevents(text)
    assert len(events) == 6
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == [
        date(2026, 11, 30),
        date(2026, 12, 7),
        date(2026, 12, 14),
        date(2026, 12, 21),
        date(2027, 1, 4),
        date(2027, 1, 11),
    ]
    assert all(type(s) is date for s in starts)  # all-day, not date-times
    ends = [e.decoded("DTEND") for e in events]
    windows = [ph.end for ph in p.iteration.phases] + [p.iteration.next_assessment]
    assert ends == [d + timedelta(days=1) for d in windows]  # the end is exclusive
    assert ends[-1] == date(2027, 1, 12)
    assert [str(e["SUMMARY"]) for e in events] == [
        "Start point: Testfirma",
        "Campaign: Testfirma",
        "Feedback: Testfirma",
        "Optimisation: Testfirma",
        "New start point: Testfirma",
        "Next smcheck assessment (new start point)",
    ]
    campaign = events[1]
    # beta's trigger answer is "not at all", gamma's only the second option: beta's task is more urgent
    assert str(campaign["DESCRIPTION"]) == "Task beta-campaign\nTask gamma-campaign\nTask aw-post"
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 6
    # the UID names the event's days (see to_ics: a re-planned event gets a new one)
    assert uids[1].endswith("-campaign-20261207-20270101@smcheck")
    assert len(uids[1].split("-")[0]) == 16
    stamps = {e.decoded("DTSTAMP").isoformat() for e in events}
    assert stamps == {"2026-11-30T00:00:00+00:00"}


def test_ics_in_german_and_without_organisation_name() -> None:
    p = plan_for("de")
    nameless = p.model_copy(update={"organisation": p.organisation.model_copy(update={"name": ""})})
    cal = icalendar.Calendar.from_ical(to_ics(nameless))
    assert str(cal["X-WR-CALNAME"]) == "Social-Media-Reife"
    events = vevents(to_ics(nameless))
    assert str(events[0]["SUMMARY"]) == "Startpunkt: smcheck"
    assert str(events[-1]["SUMMARY"]) == "Nächste Messung mit smcheck (neuer Startpunkt)"
    # the UIDs depend on the organisation: another organisation's events stay apart
    assert {str(e["UID"]) for e in events}.isdisjoint(str(e["UID"]) for e in vevents(to_ics(p)))


def test_ics_keeps_user_text_on_one_line_and_escaped() -> None:
    p = plan_for()
    org = p.organisation.model_copy(update={"name": "Evil; Co,\nEND:VCALENDAR"})
    text = to_ics(p.model_copy(update={"organisation": org}))
    assert text.split("\r\n").count("END:VCALENDAR") == 1  # the name cannot end the calendar
    events = vevents(text)
    assert str(events[0]["SUMMARY"]) == "Start point: Evil; Co, END:VCALENDAR"


def test_same_plan_gives_byte_identical_exports() -> None:
    langs: tuple[Lang, ...] = ("en", "de")
    for lang in langs:
        first, second = plan_for(lang), plan_for(lang)
        assert to_csv(first).encode() == to_csv(second).encode()
        assert to_ics(first).encode() == to_ics(second).encode()


def test_export_names_write_german_letters_out() -> None:
    from smcheck.files.export.files import slug

    assert slug("Bäckerei Körner & Söhne") == "baeckerei-koerner-soehne"
    assert slug("Straße 7 / ../etc") == "strasse-7-etc"
