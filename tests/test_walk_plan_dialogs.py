"""The plan, the dialogs and the help at 80×24: everything readable in full, nothing cut off.

What a user sees is read from the widgets as drawn (their lines at their size on the screen),
and "visible" means: inside the 80×24 screen, not clipped by its dialog, and the widget that is
actually on top at that place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import DataTable, Label, Static

from smcheck.app import SmcheckApp
from smcheck.core.models.answers import Answer
from smcheck.files.catalog import find_assessment
from smcheck.files.session import new_answers, save_session
from smcheck.screens.plan import PlanScreen
from tui_helpers import drive, make_app

SESSION = "20261124-090000"
QUICK = [3, 2, 1, 4, 2, "dont-know", 3, 1, 2, 4]

CAMPAIGN = {
    "en": (
        "Run one campaign on one channel: at least two posts a week on a topic that serves a "
        "company goal",
        "By the end of week 5 at least eight posts have gone out as planned; the topic and the "
        "company goal it serves are written down in the campaign plan.",
    ),
    "de": (
        "Eine Kampagne auf einem Kanal fahren: mindestens zwei Beiträge pro Woche zu einem "
        "Thema, das auf ein Unternehmensziel einzahlt",
        "Bis Ende Woche 5 sind mindestens acht Beiträge wie geplant erschienen; das Thema und "
        "das Unternehmensziel, auf das es einzahlt, stehen schriftlich im Kampagnenplan.",
    ),
}
"""The campaign task of the awareness objective (the 7th task of the plan below), as the
questionnaire words it, with its week filled in."""


def save_checked_session(lang: str = "en", interview: bool = False, answered: int = 10) -> None:
    """A quick check of a bakery that wants awareness, answered and completed on 25 Nov 2026."""
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    answers = new_answers(a, "quick", lang, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))  # type: ignore[arg-type]
    org = answers.organisation.model_copy(
        update={
            "name": "Bäckerei Korn",
            "objectives": ["awareness"],
            "company_goals": ["Mehr Stammkunden"],
            "baselines": {"reach": 800},
        }
    )
    answers = answers.model_copy(
        update={
            "interview": interview,
            "organisation": org,
            "completed": date(2026, 11, 25) if answered == 10 else None,
            "answers": {
                q: Answer(value=v) for q, v in list(zip(quick, QUICK, strict=True))[:answered]
            },
        }
    )
    save_session(SESSION, answers)


def drawn(widget: Widget) -> str:
    """The text of a widget as it is drawn at its size, lines joined by spaces."""
    region = widget.region
    lines = widget.render_lines(Region(0, 0, region.width, region.height))
    return " ".join(" ".join(strip.text.split()) for strip in lines)


def on_top(app: SmcheckApp, widget: Widget) -> bool:
    """Whether ``widget`` lies wholly inside the screen and is what is drawn at its middle."""
    region = widget.region
    if not app.screen.region.contains_region(region) or region.area == 0:
        return False
    found, _ = app.screen.get_widget_at(*region.center)
    return found is widget or widget in found.ancestors


def unclipped(widget: Widget) -> bool:
    """Whether every ancestor up to the screen shows the widget whole (nothing scrolled away)."""
    return all(
        a.region.contains_region(widget.region)
        for a in widget.ancestors
        if isinstance(a, Widget) and not isinstance(a, ModalScreen)
    )


async def to_plan(pilot: Pilot[None]) -> PlanScreen:
    await pilot.press("r", "enter")  # resumed on the review: results, then the plan
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlanScreen)
    return screen


# --- the plan: every goal and task readable in full -----------------------------------------


def test_enter_on_a_task_shows_its_whole_text_weeks_owner_effort_and_done_criterion_at_80x24(
    tmp_path: Path,
) -> None:
    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)
    title, done = CAMPAIGN["en"]

    async def script(pilot: Pilot[None]) -> None:
        plan = await to_plan(pilot)
        tasks = plan.query_one("#tasks", DataTable)
        tasks.focus()
        await pilot.press(*["down"] * 6)
        cell = str(tasks.get_row_at(6)[-1])
        assert cell.endswith("…") and title.startswith(cell[:-1])  # cut in the table
        await pilot.press("enter")
        await pilot.pause()
        text = (
            drawn(app.screen.query_one("#task-title"))
            + " "
            + drawn(app.screen.query_one("#task-facts"))
        )
        assert f"Task 7 of 12 {title}" in text
        assert "Phase: Campaign · week 2–5 (7 Dec 2026 – 1 Jan 2027)" in text
        assert "Owner: Social media lead · Effort: medium" in text
        assert f"Done when: {done}" in text
        assert "Objective: Build awareness" in text
        for part in ("#task-title", "#task-facts", "#ok"):
            widget = app.screen.query_one(part)
            assert on_top(app, widget) and unclipped(widget), part

    drive(app, script)


def test_up_and_down_in_a_task_go_through_the_tasks_and_the_table_follows(
    tmp_path: Path,
) -> None:
    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        plan = await to_plan(pilot)
        tasks = plan.query_one("#tasks", DataTable)
        tasks.focus()
        await pilot.press("enter", "down", "down", "up")
        assert "Task 2 of 12" in drawn(app.screen.query_one("#task-title"))
        await pilot.press("escape")
        assert app.screen is plan and tasks.cursor_row == 1

    drive(app, script)


def test_the_goal_dialog_shows_the_goal_in_full_and_its_ok_and_cancel_fit_80x24(
    tmp_path: Path,
) -> None:
    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        await to_plan(pilot)
        await pilot.press("enter")  # the outcome goal, the one with the most fields
        await pilot.pause()
        dialog = app.screen
        text = " ".join(drawn(w) for w in dialog.query(".facts Static"))
        assert (
            "Edit goal: Accounts reached per week across all channels: 800 → 960 (suggested)"
            in text
        )
        assert "Owner: Social media lead · due 8 Jan 2027" in text
        assert "Objective: Build awareness" in text
        assert "Serves the company goal: not linked yet" in text
        assert "Done when: The value at the end of the iteration meets the target." in text
        for part in ("#baseline", "#target", "#owner", "#ok", "#cancel"):
            widget = dialog.query_one(part)
            assert on_top(app, widget) and unclipped(widget), part

    drive(app, script)


def test_e_edits_the_marked_goal_and_left_still_goes_back(tmp_path: Path) -> None:
    from smcheck.screens.dialogs import EditGoalDialog
    from smcheck.screens.results import ResultsScreen

    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        plan = await to_plan(pilot)
        await pilot.press("down", "e")
        assert isinstance(app.screen, EditGoalDialog)
        assert app.screen.goal.id == "enable-staff-attitude"
        await pilot.press("escape")
        assert app.screen is plan
        await pilot.press("left")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

    drive(app, script)


def test_the_owner_column_takes_short_role_names_and_the_titles_get_the_rest(
    tmp_path: Path,
) -> None:
    save_checked_session("de")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        plan = await to_plan(pilot)
        goals = plan.query_one("#goals", DataTable)
        assert [str(c) for c in goals.get_row("reach")[:3]] == ["800", "960", "Social Media"]
        widths = [c.get_render_width(goals) for c in goals.ordered_columns]
        # Ausgangswert, Zielwert, Zuständig: 12, 8 and 12 columns plus their padding
        assert widths[:3] == [14, 10, 14]
        assert widths[3] >= 80 - sum(widths[:3]) - 6  # the title gets the rest (less a bar)
        assert goals.virtual_size.width <= goals.size.width  # nothing to scroll sideways

    drive(app, script)


def test_the_hint_about_missing_objectives_is_shown_whole(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")  # a quick check, no objective chosen
        for value in QUICK:
            await pilot.press("0" if value == "dont-know" else str(value), "enter")
        plan = await to_plan(pilot)
        hint = plan.query_one("#plan-hint", Static)
        assert drawn(hint) == "Pick objectives in the profile to get measurable starter goals."
        assert on_top(app, hint)

    drive(app, script)


def test_the_notes_leave_the_tables_room_at_80x24(tmp_path: Path) -> None:
    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        plan = await to_plan(pilot)
        assert plan.query_one("#plan-notes").region.height <= 3
        tasks = plan.query_one("#tasks", DataTable)
        assert tasks.region.height >= 9  # the header and at least eight tasks

    drive(app, script)


# --- dialogs: centred over the dimmed screen ------------------------------------------------


def _dialogs(plan: PlanScreen) -> dict[str, Any]:
    from smcheck.screens.dialogs import (
        AmountDialog,
        ConfirmDialog,
        EditGoalDialog,
        ErrorDialog,
        ExportDialog,
        RespondentDialog,
        TaskDialog,
    )
    from smcheck.screens.help import HelpDialog

    lang = plan.lang
    return {
        "help": HelpDialog(lang, plan.active_bindings),
        "error": ErrorDialog(lang, "Something went wrong."),
        "goal": EditGoalDialog(lang, plan.plan.goals[0], plan.plan),
        "task": TaskDialog(lang, plan.plan, 0),
        "export": ExportDialog(lang, Path("plan")),
        "respondent": RespondentDialog(lang, "Another respondent"),
        "confirm": ConfirmDialog(lang, "Erase?", "Erase"),
        "amount": AmountDialog(lang, "Reach", "Actual value", None),
    }


@pytest.mark.parametrize(
    "name", ["help", "error", "goal", "task", "export", "respondent", "confirm", "amount"]
)
def test_every_dialog_is_centred_over_the_dimmed_screen(tmp_path: Path, name: str) -> None:
    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        plan = await to_plan(pilot)
        await app.push_screen(_dialogs(plan)[name])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ModalScreen)
        assert screen.styles.background.a < 1  # the plan shows through, dimmed
        box = screen.query_one(".dialog").region
        left, right = box.x, 80 - box.right
        top, bottom = box.y, 24 - box.bottom
        assert abs(left - right) <= 1 and left > 0, (left, right)
        assert abs(top - bottom) <= 1, (top, bottom)

    drive(app, script)


def test_the_respondent_dialog_asks_for_the_respondent_s_name_not_yours(
    tmp_path: Path,
) -> None:
    from smcheck.screens.dialogs import RespondentDialog

    async def labels(lang: str) -> list[str]:
        app = make_app(tmp_path, lang=lang)  # type: ignore[arg-type]
        async with app.run_test(size=(80, 24)) as pilot:
            await app.push_screen(RespondentDialog(app.lang, "x"))
            await pilot.pause()
            return [str(label.render()) for label in app.screen.query(Label)]

    import asyncio

    assert asyncio.run(labels("en")) == ["Name of the respondent", "Role of the respondent"]
    assert asyncio.run(labels("de")) == ["Name der befragten Person", "Rolle der befragten Person"]


# --- help: every key of the screen and the mode, ctrl+q in view -----------------------------


def _help_lines(app: SmcheckApp) -> list[str]:
    keys = app.screen.query_one("#help-keys")
    return [" ".join(s.text.split()) for s in keys.render_lines(Region(0, 0, *keys.size))]


def test_f1_on_an_excuse_in_an_interview_lists_every_key_and_quit_within_24_lines(
    tmp_path: Path,
) -> None:
    save_checked_session("en", interview=True, answered=4)
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        await pilot.pause()
        lines = _help_lines(app)
        for line in (
            "1–5 pick an option of the marked question",
            "0 don't know",
            "n not applicable",
            "c show what speaks against the excuse",
            "g k v confidence: guess, know, verified",
            "f mark the question to revisit",
            "Enter on to the next step",
            "↑ ↓ previous / next question",
            "ctrl+r respondents: add, switch, compare",
            "ctrl+e export the plan",
            "F1 this help",
        ):
            assert line in lines, line
        assert lines[-1] == "ctrl+q quit – nothing is lost"
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y == 0  # all of it in view, no scrolling
        keys = app.screen.query_one("#help-keys")
        assert on_top(app, keys) and unclipped(keys)

    drive(app, script)


def test_f1_follows_the_mode_and_the_screen_in_the_session_s_language(tmp_path: Path) -> None:
    save_checked_session("de", answered=4)  # not an interview
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("f1")
        await pilot.pause()
        lines = _help_lines(app)
        assert "1–5 Option der markierten Frage wählen" in lines
        assert lines[-1] == "Strg+Q beenden – nichts geht verloren"
        assert not any(line.startswith(("g k v", "f ", "Strg+R")) for line in lines)
        await pilot.press("escape")
        app.screen.query_one("#questions").query_one("Input").focus()  # the note field
        await pilot.press("f1")
        await pilot.pause()
        lines = _help_lines(app)
        # in a note the letters and digits are text: the help no longer offers them
        assert not any(line.startswith(("1–5", "0 ", "n ", "c ")) for line in lines)

    drive(app, script)


def test_f1_on_the_plan_names_its_own_keys(tmp_path: Path) -> None:
    save_checked_session("en")
    app = make_app(tmp_path, resume=SESSION)

    async def script(pilot: Pilot[None]) -> None:
        await to_plan(pilot)
        await pilot.press("f1")
        await pilot.pause()
        lines = _help_lines(app)
        for line in (
            "Enter show the row in full (and edit a goal)",
            "e edit the goal (baseline, target, owner)",
            "ctrl+e export the plan",
            "← ⌫ Esc back (even when something is still open)",
            "ctrl+q quit – nothing is lost",
        ):
            assert line in lines, line

    drive(app, script)


def _smcheck_bindings() -> list[tuple[str, str]]:
    """(class, action) of every key smcheck binds on its screens and its app."""
    import importlib
    import pkgutil

    from textual.binding import BindingsMap
    from textual.screen import Screen

    import smcheck.screens

    for module in pkgutil.iter_modules(smcheck.screens.__path__):
        importlib.import_module(f"smcheck.screens.{module.name}")
    found: list[tuple[str, str]] = []
    classes: list[type[Any]] = [SmcheckApp]
    todo: list[type[Any]] = [Screen]
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("smcheck.") and not issubclass(cls, ModalScreen):
            classes.append(cls)
    for cls in classes:
        for klass in cls.__mro__:
            for _, binding in BindingsMap(klass.__dict__.get("BINDINGS", [])):
                found.append((cls.__name__, binding.action))
    return found


def test_every_key_smcheck_binds_on_a_screen_has_a_help_text() -> None:
    from smcheck.screens.help import help_text

    bindings = _smcheck_bindings()
    assert ("DimensionScreen", "confidence('guess')") in bindings  # the search finds them
    missing = sorted({f"{c}: {a}" for c, a in bindings if help_text(a, "en") is None})
    # Textual's own: ctrl+c (a hint to use ctrl+q) and copying selected text
    assert missing == sorted(
        {f"{c}: {a}" for c, a in bindings if a in ("help_quit", "screen.copy_text")}
    )
