"""Interview mode by keyboard: hints, confidence, revisit, private notes, respondents, compare,
and the next iteration with the progress of the previous plan."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from smcheck.core.models.answers import Answer
from smcheck.files.catalog import find_assessment
from smcheck.files.session import load_session, new_answers, save_session
from smcheck.screens.dimension import DimensionScreen
from smcheck.screens.plan import PlanScreen
from smcheck.screens.respondents import CompareScreen, RespondentsScreen
from tui_helpers import drive, make_app, run_command, screen_text, type_text

QUICK = [3, 2, 1, 4, 2, "dont-know", 3, 1, 2, 4]


def _sessions(home: Path) -> list[Path]:
    return sorted((home / "sessions").glob("*.toml"))


def test_interview_mode_shows_hints_and_keeps_confidence_flags_and_private_notes(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path, interview=True)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        await pilot.press("ctrl+n")
        text = screen_text(app)
        assert "Probe: Ask for the date of the last published post" in text
        assert "Confidence:  ○ g guess  ○ k know  ○ v verified" in text
        await pilot.press("3", "up", "v", "f")
        assert "● v verified    ⚑ f revisit" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "shared words")
        await pilot.press("tab")
        await type_text(pilot, "SECRET-consultant-only")
        await pilot.pause()
        await run_command(pilot, "Show the results")
        # strategy-first: one answer, verified -> confidence 100; its score is 50 (option 3)
        assert (
            "Strategy first" + " " * 6 + "██████████░░░░░░░░░░   50  (1/1)  confidence 100 %"
            in screen_text(app)
        )

    drive(app, script)
    (session,) = _sessions(smcheck_home)
    answers, _ = load_session(session.stem)
    first = answers.answers["sf-planning-state"]
    assert (first.value, first.confidence, first.revisit) == (3, "verified", True)
    assert (first.note, first.private_note) == ("shared words", "SECRET-consultant-only")
    assert answers.interview is True and answers.engagement == f"e{session.stem}"


def test_respondents_are_added_renamed_removed_and_compared(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path, interview=True)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        await pilot.press("ctrl+n", "4")  # leadership answers 4 on the first question
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RespondentsScreen)
        await pilot.press("a")
        await pilot.pause()
        await type_text(pilot, "Tina")
        await pilot.press("enter")  # role defaults to team
        await pilot.pause()
        assert isinstance(app.screen, DimensionScreen)  # Tina starts where a new respondent starts
        assert app.session is not None and app.session.answers.respondent.name == "Tina"
        assert app.session.answers.organisation.name == "Korn"
        await pilot.press("1")
        await pilot.press("ctrl+r")
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press(
            "e"
        )  # rename Tina (the current one, highlighted); the old name is selected
        await pilot.pause()
        await type_text(pilot, "Tina Team")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "Perception gaps" in text and "at 75 points, the team at 0." in text
        assert "Ask:" in text
        await pilot.press("escape")
        assert isinstance(app.screen, RespondentsScreen)

    drive(app, script)
    sessions = _sessions(smcheck_home)
    people = sorted(
        (load_session(p.stem)[0].respondent.name, load_session(p.stem)[0].respondent.role)
        for p in sessions
    )
    assert people == [("", "leadership"), ("Tina Team", "team")]


def test_removing_a_respondent_moves_the_file_and_needs_a_yes(
    tmp_path: Path, smcheck_home: Path
) -> None:
    a = find_assessment("social-media-readiness")
    when = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    base = new_answers(a, "quick", "en", when).model_copy(
        update={"engagement": "e-korn", "interview": True}
    )
    save_session("20261124-090000", base)
    save_session(
        "20261124-090500",
        base.model_copy(update={"respondent": base.respondent.model_copy(update={"name": "Bo"})}),
    )
    app = make_app(tmp_path, resume="20261124-090000")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+r")
        await pilot.press("down", "delete")
        await pilot.pause()
        assert "Take session 20261124-090500 off the list?" in screen_text(app)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert (smcheck_home / "sessions" / "20261124-090500.toml").exists()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from Cancel to the remove button
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1

    drive(app, script)
    assert not (smcheck_home / "sessions" / "20261124-090500.toml").exists()
    assert (smcheck_home / "sessions" / "removed" / "20261124-090500.toml").exists()


def test_next_iteration_shows_the_previous_goals_and_takes_actuals(
    tmp_path: Path, smcheck_home: Path
) -> None:
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    earlier = new_answers(a, "quick", "en", datetime(2026, 10, 1, 9, 0, tzinfo=UTC)).model_copy(
        update={
            "completed": date(2026, 10, 1),
            "answers": {q: Answer(value=v) for q, v in zip(quick, QUICK, strict=True)},
        }
    )
    earlier = earlier.model_copy(
        update={
            "organisation": earlier.organisation.model_copy(
                update={"name": "Korn", "objectives": ["awareness"], "baselines": {"reach": 800}}
            )
        }
    )
    save_session("20261001-090000", earlier)
    app = make_app(tmp_path, resume="20261001-090000")

    async def script(pilot: Pilot[None]) -> None:
        await run_command(pilot, "Start the next iteration (new start point)")
        assert app.session is not None and app.session.answers.previous == "20261001-090000"
        for value in QUICK:
            await pilot.press(str(value) if value != "dont-know" else "0", "enter")
        await pilot.press("r")
        # the same answers as six weeks ago: no change; best-practices has no score either time
        text = screen_text(app)
        assert "Hierarchy" + " " * 11 + "█████░░░░░░░░░░░░░░░   25  (1/1)  Δ +0" in text
        assert "Best practices" + " " * 6 + "····················  no score  (0/1)\n" in text
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        table = app.screen.query_one("#progress", DataTable)
        assert table.get_row("reach")[:4] == ["800", "960", "–", "open"]
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "1000")
        await pilot.press("enter")
        await pilot.pause()
        assert table.get_row("reach")[:4] == ["800", "960", "1000", "reached (125 %)"]

    drive(app, script, size=(100, 40))
    current = [p for p in _sessions(smcheck_home) if p.stem != "20261001-090000"]
    answers, _ = load_session(current[0].stem)
    assert answers.actuals == {"reach": 1000}
    assert answers.organisation.baselines == {"reach": 1000}  # the new start point


def test_client_report_from_an_interview_has_the_comparison_and_no_private_notes(
    tmp_path: Path, smcheck_home: Path
) -> None:
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    when = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    lead = new_answers(a, "quick", "en", when).model_copy(
        update={
            "engagement": "e-korn",
            "interview": True,
            "completed": date(2026, 11, 25),
            "answers": {
                q: Answer(value=4, note="said openly", private_note="PRIVATE-hunch") for q in quick
            },
        }
    )
    team = lead.model_copy(
        update={
            "respondent": lead.respondent.model_copy(update={"name": "Tina", "role": "team"}),
            "answers": {q: Answer(value=1) for q in quick},
        }
    )
    save_session("20261124-090000", lead)
    save_session("20261124-091000", team)
    app = make_app(tmp_path, resume="20261124-090000")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("r", "enter", "ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script)
    (report,) = tmp_path.glob("*.md")
    md = report.read_text(encoding="utf-8")
    # the client report: the title, the comparison, then the one plan of the combined view
    assert md.startswith("# Social media readiness")
    assert md.index("## Comparison") < md.index("## Starter goals")
    assert "Tina" in md and "said openly" in md
    for export in tmp_path.glob("smcheck-*"):
        if export.suffix == ".pdf":
            from pypdf import PdfReader

            text = "\n".join(page.extract_text() for page in PdfReader(export).pages)
        else:
            text = export.read_text(encoding="utf-8")
        assert "PRIVATE-hunch" not in text, export.name
    # the HTML and PDF client reports are the comparison too, not one respondent's plan
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    assert "Tina" in html and "said openly" in html


def test_an_invited_respondent_stays_in_their_own_session(
    tmp_path: Path, smcheck_home: Path
) -> None:
    # `smcheck serve --invite` opens `run --resume ID --session-only`: no way back to the start
    # list, no other respondents, no interviewer's hints, and a session that cannot be opened
    # ends the app instead of showing every saved session.
    from smcheck.core.models.answers import Respondent
    from smcheck.files.catalog import find_assessment
    from smcheck.files.open_session import OpenSession
    from smcheck.screens.palette import commands
    from smcheck.screens.start import StartScreen

    lead = OpenSession.start(
        find_assessment("social-media-readiness"), "quick", "en", interview=True
    )
    anna = lead.add_respondent(Respondent(name="Anna", role="team"))
    lead.close()
    app = make_app(tmp_path, resume=anna, confined=True)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert app.session is not None and app.session.id == anna
        assert app.session.answers.interview is False  # answering on her own
        for _ in range(3):  # back from the first step goes nowhere
            await pilot.press("escape")
            await pilot.pause()
        assert not isinstance(app.screen, StartScreen)
        assert app.check_action("respondents", ()) is False
        await pilot.press("ctrl+r")
        assert not isinstance(app.screen, RespondentsScreen)
        titles = [c.title for c in commands(app)]
        assert not [x for x in titles if "espondent" in x or "nterview" in x or "iteration" in x]

    drive(app, script)

    gone = make_app(tmp_path, resume="20200101-000000", confined=True)

    async def missing(pilot: Pilot[None]) -> None:
        await pilot.pause()

    drive(gone, missing)
    assert gone.return_code == 2
