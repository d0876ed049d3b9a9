"""The interactive walk, driven by keyboard in a headless terminal (Textual's Pilot)."""

from __future__ import annotations

import asyncio
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from smcheck.cli.main import main
from smcheck.core.models.answers import Answer
from smcheck.files.catalog import find_assessment
from smcheck.files.config import load_config
from smcheck.files.session import list_sessions, load_session, new_answers, now, save_session
from smcheck.screens.dimension import DimensionScreen
from smcheck.screens.plan import PlanScreen
from smcheck.screens.profile import ProfileScreen
from smcheck.screens.question import QuestionCard
from smcheck.screens.results import ResultsScreen
from smcheck.screens.review import ReviewScreen
from smcheck.screens.start import StartScreen
from tui_helpers import drive, make_app, run_command, screen_text, type_ahead, type_text

QUICK = [3, 2, 1, 4, 2, "dont-know", 3, 1, 2, 4]
KEYS = {"dont-know": "0", "n/a": "n"}


def _sessions_dir(home: Path) -> Path:
    return home / "sessions"


async def _answer_quick_check(pilot: Pilot[None], values: list[int | str]) -> None:
    for value in values:
        await pilot.press(KEYS.get(str(value), str(value)))
        await pilot.press("enter")


def test_quick_check_by_keyboard_exports_what_score_gives(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")  # the quick check is the first choice
        assert isinstance(app.screen, ProfileScreen)
        await type_text(pilot, "Bäckerei Korn")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, DimensionScreen)
        await _answer_quick_check(pilot, QUICK)
        assert isinstance(app.screen, ReviewScreen)
        assert "Every question is answered." in screen_text(app)
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen)
        assert "Overall: 36/100   Stage: First steps" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script)
    exported = sorted(tmp_path.glob("smcheck-baeckerei-korn-*"))
    assert [p.suffix for p in exported] == [
        ".csv",
        ".html",
        ".ics",
        ".json",
        ".md",
        ".pdf",
        ".toml",
    ]
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    answers, _ = load_session(session.stem)
    assert answers.organisation.name == "Bäckerei Korn"
    assert answers.completed == date.today()
    assert [answers.answers[q].value for q in answers.answers] == QUICK
    # the exported plan is byte for byte what the headless command makes of the saved session
    assert main(["score", str(session), "-o", str(tmp_path / "cli.toml")]) == 0
    toml_export = next(p for p in exported if p.suffix == ".toml")
    assert toml_export.read_bytes() == (tmp_path / "cli.toml").read_bytes()
    plan = tomllib.loads(toml_export.read_text(encoding="utf-8"))
    assert (plan["result"]["overall"], plan["result"]["stage"]) == (36, "first-steps")


def test_back_goes_back_from_an_incomplete_screen(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")
        await pilot.press("enter")  # skip excuse 1 without answering
        assert isinstance(app.screen, DimensionScreen) and app.screen.index == 1
        await pilot.press("backspace")
        assert isinstance(app.screen, DimensionScreen) and app.screen.index == 0
        await pilot.press("left")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")  # from the form, escape is the way back
        assert isinstance(app.screen, StartScreen)

    drive(app, script)


def test_the_session_left_on_the_start_screen_can_be_picked_up_again(tmp_path: Path) -> None:
    """Back on the start screen, the session just left heads the list; choosing it goes on
    where it stood (it used to find its own lock: "open in another smcheck")."""
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Physiopraxis Lindner")
        await pilot.press("ctrl+n", "3")  # question 1 answered
        assert isinstance(app.screen, DimensionScreen)
        await pilot.press("left", "left")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, StartScreen)
        await app.screen.ready.wait()
        offered = str(app.screen.query_one("#choices").get_option_at_index(1).prompt)
        assert "Physiopraxis Lindner · quick check · 1/10 answered" in offered
        await pilot.press("enter")  # the first choice: the session just left
        await pilot.pause()
        assert "another smcheck" not in screen_text(app)
        assert isinstance(app.screen, DimensionScreen)
        assert app.screen.index == 1  # the first excuse with an open question

    drive(app, script)


def test_digits_answer_the_focused_question_and_move_on_even_when_typed_fast(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "ctrl+n")  # the full check: three questions here
        await pilot.press("2", "4", "n")
        cards = list(app.screen.query(QuestionCard))
        assert [c.value for c in cards] == [2, 4, "n/a"]
        assert "Excuse 1 of 10 · question 3 of 37" in screen_text(app)

    drive(app, script)
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    answers, _ = load_session(session.stem)
    assert {q: a.value for q, a in answers.answers.items()} == {
        "sf-planning-state": 2,
        "sf-start-decision": 4,
        "sf-plan-size": "n/a",
    }


def test_clicking_an_option_picks_it_on_any_of_its_lines(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "ctrl+n")  # the full check
        first, second = list(app.screen.query(QuestionCard))[:2]
        rows = first.text.rows
        four = next(i for i, row in enumerate(rows) if row.startswith(" ○ 4  "))
        assert rows[four + 1].startswith("      ")  # option 4 wraps onto a second line
        await pilot.click(first.text, offset=(30, four + 1))
        assert first.value == 4
        assert first.text.rows[four].startswith(" ● 4  ")
        assert app.screen.focused is first  # a click answers; it does not move on

        await pilot.press("down")
        await pilot.pause()
        rows = second.text.rows
        extras = next(i for i, row in enumerate(rows) if "○ 0  don't know" in row)
        await pilot.click(second.text, offset=(rows[extras].index("○ n") + 3, extras))
        assert second.value == "n/a"
        await pilot.click(second.text, offset=(0, 0))  # the prompt: focus only, no answer
        assert second.value == "n/a" and app.screen.focused is second

        # the mouse over an option lights it up, on all its lines; off it, the light goes
        await pilot.hover(first.text, offset=(30, four + 1))
        assert first.text.hover == 4
        ground = first.text.style("hover").background
        lines = first.text.render().split()

        def lit(line: Any) -> bool:
            return any(getattr(s.style, "background", None) == ground for s in line.spans)

        assert ground is not None and lit(lines[four]) and lit(lines[four + 1])
        assert not any(lit(line) for line in lines[:four] + lines[four + 2 :])
        await pilot.hover(first.text, offset=(0, 0))
        assert first.text.hover is None

    drive(app, script, size=(80, 60))  # tall enough to show both questions
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    answers, _ = load_session(session.stem)
    assert {q: a.value for q, a in answers.answers.items()} == {
        "sf-planning-state": 4,
        "sf-start-decision": "n/a",
    }


def test_resume_a_session_saved_half_way(tmp_path: Path, smcheck_home: Path) -> None:
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    answers = new_answers(a, "quick", "en", now()).model_copy(
        update={
            "answers": {
                q: Answer(value=v, note="kept") for q, v in zip(quick[:5], QUICK, strict=False)
            }
        }
    )
    save_session("20261124-090000", answers)
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        assert isinstance(app.screen, StartScreen)
        assert "5/10 answered" in str(
            app.screen.query_one("#choices").get_option_at_index(1).prompt
        )
        await pilot.press("enter")  # resume is offered first
        assert isinstance(app.screen, DimensionScreen)
        assert app.screen.dimension.id == "best-practices"  # the first excuse with an open question
        await pilot.press("backspace")
        card = app.screen.query_one(QuestionCard)
        assert (card.value, card.answer.note) == (2, "kept")
        assert card.query_one(Input).value == "kept"

    drive(app, script)


def test_resume_by_id(tmp_path: Path) -> None:
    a = find_assessment("social-media-readiness")
    save_session("20261124-090000", new_answers(a, "quick", "de", now()))
    app = make_app(tmp_path, resume="20261124-090000")

    async def script(pilot: Pilot[None]) -> None:
        assert isinstance(
            app.screen, ProfileScreen
        )  # nothing answered yet: the profile comes first
        assert "Ihre Organisation" in screen_text(app)  # the session's language

    drive(app, script)


def test_palette_jumps_to_an_excuse(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")
        await run_command(pilot, "Go to excuse: And what if something goes wrong?")
        assert isinstance(app.screen, DimensionScreen)
        assert app.screen.dimension.id == "guidelines"
        assert "Excuse 10 of 10" in screen_text(app)

    drive(app, script)


def test_palette_theme_switch_is_remembered(tmp_path: Path, smcheck_home: Path) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await run_command(pilot, "Light theme")
        assert app.theme == "textual-light"

    drive(app, script)
    assert load_config().theme == "textual-light"
    assert 'theme = "textual-light"' in (smcheck_home / "config.toml").read_text(encoding="utf-8")
    second = make_app(tmp_path, config=load_config())

    async def check(pilot: Pilot[None]) -> None:
        assert second.theme == "textual-light"

    drive(second, check)


def test_german_and_switching_language(tmp_path: Path, smcheck_home: Path) -> None:
    app = make_app(tmp_path, lang="de")

    async def script(pilot: Pilot[None]) -> None:
        assert "Wie bereit ist Ihre Organisation für Social Media?" in screen_text(app)
        await pilot.press("enter", "ctrl+n")
        assert "Ausrede 1 von 10 · Frage 1 von 10" in screen_text(app)
        assert "„Ohne fertige Strategie können wir nicht anfangen.“" in screen_text(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Excuse 1 of 10 · question 1 of 10" in screen_text(app)
        assert "“Without a finished strategy we can't start.”" in screen_text(app)

    drive(app, script)
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    assert load_session(session.stem)[0].lang == "en"
    assert load_config().lang == "en"


def test_text_that_looks_like_markup_is_shown_literally(tmp_path: Path, smcheck_home: Path) -> None:
    app = make_app(tmp_path)
    name = "[bold]Evil[/ [link=x]"

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, name)
        await pilot.press("ctrl+n", "tab")
        await type_text(pilot, "[red]note[/]")
        await pilot.pause()
        assert app.sub_title == name
        await pilot.press("ctrl+q")

    drive(app, script)
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    answers, _ = load_session(session.stem)
    assert answers.organisation.name == name
    assert answers.answers["sf-planning-state"].note == "[red]note[/]"


def test_export_never_overwrites_without_a_second_press(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    keep = "keep me"

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")
        await _answer_quick_check(pilot, QUICK)
        await pilot.press("r", "enter")
        base = tmp_path / "plan"
        (tmp_path / "plan.toml").write_text(keep, encoding="utf-8")
        await pilot.press("ctrl+e")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = str(base)
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "plan.toml").read_text(encoding="utf-8") == keep
        assert "Already there: plan.toml. Press again to overwrite." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script)
    assert (
        tomllib.loads((tmp_path / "plan.toml").read_text(encoding="utf-8"))["schema"]
        == "smcheck.plan/2"
    )


def test_editing_a_goal_in_place_is_saved_and_exported(tmp_path: Path, smcheck_home: Path) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        objectives = app.screen.query_one("#organisation-objectives")
        objectives.focus()
        await pilot.press("space")  # awareness
        await pilot.press("ctrl+n")
        await _answer_quick_check(pilot, QUICK)
        await pilot.press("r", "enter")
        assert isinstance(app.screen, PlanScreen)
        goals = app.screen.query_one("#goals", DataTable)
        assert goals.has_focus
        await pilot.press("enter")  # the first goal: reach
        await pilot.pause()
        # typed in one burst, as a paste or a fast typist does: each number in its field
        await type_ahead(pilot, *"1200", "tab", *"1500", "enter")
        assert [str(c) for c in goals.get_row("reach")[:2]] == ["1200", "1500"]

    drive(app, script)
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    answers, _ = load_session(session.stem)
    assert answers.organisation.objectives == ["awareness"]
    assert answers.organisation.baselines == {"reach": 1200}
    assert answers.goals["reach"].target == 1500


def test_bad_resume_shows_an_error_and_keeps_running(tmp_path: Path, smcheck_home: Path) -> None:
    folder = _sessions_dir(smcheck_home)
    folder.mkdir()
    (folder / "20261124-090000.toml").write_text(
        "schema = 'smcheck.answers/1'\nassessment = 1\n", encoding="utf-8"
    )
    app = make_app(tmp_path, resume="20261124-090000")

    async def script(pilot: Pilot[None]) -> None:
        assert "That did not work" in screen_text(app)
        assert "20261124-090000.toml:2: assessment:" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)

    drive(app, script)
    assert [s.problem is not None for s in list_sessions()] == [True]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_every_screen_renders_at_small_and_large_sizes(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")
        await _answer_quick_check(pilot, QUICK)
        for screen in (ReviewScreen, ResultsScreen, PlanScreen):
            assert isinstance(app.screen, screen)
            await pilot.press("r" if screen is ReviewScreen else "enter")
        await pilot.press("escape")  # Enter on the plan showed the first goal in full
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("f1")
        lines = [" ".join(line.split()) for line in screen_text(app).splitlines()]
        assert "ctrl+q quit – nothing is lost" in lines

    drive(app, script, size=size)


def test_markup_in_a_custom_assessment_is_shown_literally(tmp_path: Path) -> None:
    from conftest import MINI
    from smcheck.files.catalog import load_assessment

    text = MINI.read_text(encoding="utf-8")
    text = text.replace('en = "Question a1?"', 'en = "Question [b]a1[/b] [link=x]?"')
    text = text.replace('en = "Awareness"', 'en = "Aware[ness"')
    text = text.replace('en = "Mini check"', 'en = "Mini [red]check"')
    path = tmp_path / "custom.toml"
    path.write_text(text, encoding="utf-8")
    app = make_app(tmp_path, assessment=load_assessment(path))

    async def script(pilot: Pilot[None]) -> None:
        assert "Start new: Mini [red]check" in str(
            app.screen.query_one("#choices").get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        objectives = app.screen.query_one("#organisation-objectives")
        assert "Aware[ness – Get known." in str(objectives.get_option_at_index(0).prompt)
        await pilot.press("ctrl+n")
        assert "1. Question [b]a1[/b] [link=x]?" in screen_text(app)
        await pilot.press("5", "enter")
        assert isinstance(app.screen, DimensionScreen)

    drive(app, script)


def test_a_session_open_elsewhere_is_refused_with_a_dialog(
    tmp_path: Path, smcheck_home: Path
) -> None:
    from smcheck.files.session import SessionLock

    a = find_assessment("social-media-readiness")
    save_session("20261124-090000", new_answers(a, "quick", "en", now()))
    other = SessionLock("20261124-090000")
    other.acquire()  # another smcheck (this live process) holds it
    app = make_app(tmp_path, resume="20261124-090000")

    async def script(pilot: Pilot[None]) -> None:
        assert "is open in another smcheck" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)

    drive(app, script)
    other.release()


def test_export_into_an_unwritable_folder_keeps_the_session_and_writes_nothing(
    tmp_path: Path, smcheck_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    app = make_app(tmp_path)
    folder = tmp_path / "readonly"
    folder.mkdir()

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")
        await _answer_quick_check(pilot, QUICK)
        await pilot.press("r", "enter")
        (session,) = _sessions_dir(smcheck_home).glob("*.toml")
        before = session.read_bytes()

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)  # root ignores chmod: simulate it
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(folder / "plan")
        await pilot.press("enter")
        await pilot.pause()
        assert "cannot write here: permission denied" in screen_text(app)
        monkeypatch.undo()
        await pilot.press("enter")  # the app keeps running
        assert isinstance(app.screen, PlanScreen)
        assert session.read_bytes() == before

    drive(app, script)
    assert list(folder.iterdir()) == []


def test_a_broken_settings_file_is_shown_and_never_overwritten(
    tmp_path: Path, smcheck_home: Path
) -> None:
    config = smcheck_home / "config.toml"
    config.write_text('schema = "smcheck.config/1"\ntheme = "pink"\n', encoding="utf-8")
    app = make_app(
        tmp_path,
        config_problem=f"{config}:2: theme: Input should be 'textual-dark' or 'textual-light'",
    )

    async def script(pilot: Pilot[None]) -> None:
        assert f"{config}:2: theme:" in screen_text(app)
        await pilot.press("enter")
        await run_command(pilot, "Light theme")
        assert app.theme == "textual-light"

    drive(app, script)
    assert config.read_text(encoding="utf-8") == 'schema = "smcheck.config/1"\ntheme = "pink"\n'


def test_escape_sequences_and_odd_text_are_shown_harmlessly(
    tmp_path: Path, smcheck_home: Path
) -> None:
    a = find_assessment("social-media-readiness")
    odd = "\x1b[2J\x1b]0;owned\x07Korn \u202eRTL\u202c e\u0301 " + "x" * 150
    answers = new_answers(a, "quick", "en", now())
    answers = answers.model_copy(
        update={
            "organisation": answers.organisation.model_copy(update={"name": odd[:200]}),
            "answers": {
                "sf-planning-state": Answer(value=3, note="\x1b[31mred\x1b[0m " + "y" * 5000)
            },
        }
    )
    save_session("20261124-090000", answers)
    app = make_app(tmp_path, resume="20261124-090000")

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("backspace")  # back to the first excuse, the note is shown
        assert "\x1b" not in app.sub_title and "Korn" in app.sub_title
        assert "\x1b" not in screen_text(app)
        assert all("\x1b" not in field.value for field in app.screen.query(Input))
        assert any(field.value.startswith("[31mred[0m y") for field in app.screen.query(Input))
        await pilot.press("r")  # nothing crashes on the way to results and plan
        await run_command(pilot, "Show the results")
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)

    drive(app, script)


def test_a_broken_custom_questionnaire_is_named_on_the_start_screen(
    tmp_path: Path, smcheck_home: Path
) -> None:
    folder = smcheck_home / "assessments"
    folder.mkdir()
    (folder / "ours.toml").write_text('schema = "smcheck.assessment/1"\nid = [\n', encoding="utf-8")
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        choices = app.screen.query_one("#choices")
        last = str(choices.get_option_at_index(choices.option_count - 1).prompt)
        assert f"cannot be read: {folder / 'ours.toml'}:" in last
        await pilot.press("enter")  # the bundled quick check still starts
        assert isinstance(app.screen, ProfileScreen)

    drive(app, script)


def test_enter_typed_before_the_list_is_read_still_starts_the_check(tmp_path: Path) -> None:
    import asyncio

    app = make_app(tmp_path)

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("enter")  # at once, no pause: the questionnaires may still be read
            await pilot.pause()
            assert isinstance(app.screen, ProfileScreen)

    asyncio.run(main())


def test_keys_typed_ahead_are_handled_in_the_order_they_were_typed(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        # an arrow in the list, then Enter: the full check, not the quick check highlighted first
        await type_ahead(pilot, "down", "enter")
        assert isinstance(app.screen, ProfileScreen)
        assert app.session is not None and app.session.answers.scope == "full"
        # fields filled at once, Enter and Tab between them: each text in its own field
        await type_ahead(pilot, *"Korn", "enter", "tab", *"Bakery", "tab", *"LinkedIn")
        # back one field (its text is selected, as a form does) and retyped
        await type_ahead(pilot, "shift+tab", *"Bakeries")
        # the objectives list: space ticks, arrows move, ctrl+n right behind them
        app.screen.query_one("#organisation-objectives").focus()
        await pilot.pause()
        await type_ahead(pilot, "space", "down", "down", "space", "ctrl+n")
        assert isinstance(app.screen, DimensionScreen)
        org = app.session.answers.organisation
        assert (org.name, org.industry, org.channels) == ("Korn", "Bakeries", ["LinkedIn"])
        assert org.objectives == ["awareness", "insights"]
        # an arrow, then a digit: the digit answers the question the arrow went to
        await type_ahead(pilot, "down", "4", "up", "up", "2")
        cards = list(app.screen.query(QuestionCard))
        assert [c.value for c in cards] == [2, 4, ""]
        assert app.screen.focused is cards[1]

    drive(app, script)


def test_a_note_typed_right_after_tab_lands_in_the_note(tmp_path: Path, smcheck_home: Path) -> None:
    # letters that are answer keys on a question (n, c, k, v, f, g) are text in a note
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "ctrl+n")
        await type_ahead(pilot, "tab", *"xnxnxc vvk fg", "shift+tab", "3")
        cards = list(app.screen.query(QuestionCard))
        assert cards[0].answer.note == "xnxnxc vvk fg"
        assert [c.value for c in cards[:2]] == [3, ""]

    drive(app, script)
    (session,) = _sessions_dir(smcheck_home).glob("*.toml")
    answers, _ = load_session(session.stem)
    assert answers.answers["sf-planning-state"].note == "xnxnxc vvk fg"


def test_a_key_meant_for_a_screen_that_is_gone_does_nothing_on_the_next(
    tmp_path: Path, smcheck_home: Path
) -> None:
    # Enter on the size list comes back to the app only after passing the list; by then
    # ctrl+n has opened the first excuse, where that Enter must not end the note being typed
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.press("tab")  # the size list
        await type_ahead(pilot, "enter", "ctrl+n", "tab", *"Fil")
        await type_ahead(pilot, *"iale", "shift+tab", "2")
        assert isinstance(app.screen, DimensionScreen)
        card = app.screen.query(QuestionCard).first()
        assert (card.value, card.answer.note) == (2, "Filiale")

    drive(app, script)


def test_keys_typed_before_the_start_list_is_read_wait_for_it(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def main() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            assert isinstance(app.screen, StartScreen) and not app.screen.ready.is_set()
            await type_ahead(pilot, "down", "enter")
            assert isinstance(app.screen, ProfileScreen)
            assert app.session is not None and app.session.answers.scope == "full"

    asyncio.run(main())


def test_enter_after_choosing_in_a_dropdown_moves_on_to_the_next_field(
    tmp_path: Path, smcheck_home: Path
) -> None:
    # the profile promises "Enter goes to the next field": after a choice in the Size list too,
    # not the list opening again
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")  # a new quick check: the profile
        assert isinstance(app.screen, ProfileScreen)
        app.screen.query_one("#organisation-size").focus()
        await pilot.pause()
        await pilot.press("enter", "down", "down", "enter")  # open the list, pick 10-49
        await pilot.pause()
        assert app.session is not None and app.session.answers.organisation.size == "10-49"
        assert app.screen.focused is app.screen.query_one("#organisation-industry")

    drive(app, script)


def test_the_help_names_the_options_of_the_interactive_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for option in ("--lang de|en", "--interview", "--plain", "--resume ID"):
        assert option in out


def test_left_goes_back_from_the_tables_of_the_review_and_the_plan(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")  # the quick check, past the profile
        for _ in range(10):
            await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("left")  # from the table: back to the last excuse, not a scroll
        await pilot.pause()
        assert isinstance(app.screen, DimensionScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("r", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("left")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)

    drive(app, script)


def test_saved_sessions_on_the_start_screen_show_the_last_change_in_the_language_s_style(
    tmp_path: Path, smcheck_home: Path
) -> None:
    from datetime import UTC, datetime

    a = find_assessment("social-media-readiness")
    base = new_answers(a, "quick", "de", datetime(2026, 11, 2, 12, 0, tzinfo=UTC))
    org = base.organisation.model_copy(update={"name": "Hotel Seeblick"})
    changed = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # noon: the same day in any time zone
    save_session(
        "20261102-120000", base.model_copy(update={"organisation": org, "updated": changed})
    )
    app = make_app(tmp_path, lang="de")

    def listed() -> str:
        choices = app.screen.query_one("#choices")
        return "\n".join(
            str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)
        )

    async def script(pilot: Pilot[None]) -> None:
        for _ in range(100):  # the list is read once the first frame is painted
            await pilot.pause(0.02)
            if "Hotel Seeblick" in listed():
                break
        text = listed()
        assert "Hotel Seeblick" in text and "24.11.2026" in text  # the last change, not the start
        assert "2026-11-24" not in text

    drive(app, script)
