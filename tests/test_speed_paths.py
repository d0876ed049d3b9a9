"""The quick paths of the walk behave as the slow ones did: the start screen readies the walk
while the user reads it, and one excuse screen shows excuse after excuse (issue 16)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from conftest import MINI
from smcheck.files.catalog import find_assessment
from smcheck.files.session import load_session
from smcheck.screens.dialogs import ErrorDialog
from smcheck.screens.dimension import DimensionScreen
from smcheck.screens.question import QuestionCard
from smcheck.screens.start import StartScreen
from tui_helpers import drive, make_app, screen_text, type_ahead

BROKEN_PROBLEM = "ours.toml:45: dimensions[alpha].weight: Input should be greater than 0"


async def _readied(pilot: Pilot[None]) -> None:
    """Wait until the start screen has readied the walk."""
    screen = pilot.app.screen
    assert isinstance(screen, StartScreen)
    for _ in range(1000):
        if screen.warmed.is_set():
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the start screen never readied the walk")


def _cards(pilot: Pilot[None]) -> list[QuestionCard]:
    return list(pilot.app.screen.query(QuestionCard))


def test_a_questionnaire_that_fails_its_check_is_still_refused_when_chosen_after_the_warm_up(
    tmp_path: Path, smcheck_home: Path
) -> None:
    # listed (it parses), but its full check fails: the warm-up must neither say so early
    # nor make it pass
    folder = smcheck_home / "assessments"
    folder.mkdir()
    broken = MINI.read_text(encoding="utf-8").replace("weight = 1.0", "weight = -1.0", 1)
    (folder / "ours.toml").write_text(broken, encoding="utf-8")
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await _readied(pilot)
        assert isinstance(app.screen, StartScreen)  # nothing was shown while readying
        choices = app.screen.query_one("#choices")
        labels = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert labels[3:5] == [
            "Start new: Mini check",
            "  Quick check: 3 questions, about 1 minute",
        ]
        await pilot.press("down", "down")  # from the bundled quick check to the mini one
        await pilot.press("enter")
        assert isinstance(app.screen, ErrorDialog)
        assert f"{folder}/{BROKEN_PROBLEM}" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)
        assert app.session is None

    drive(app, script)
    assert not (smcheck_home / "sessions").exists() or not any(
        (smcheck_home / "sessions").glob("*.toml")
    )


def test_the_excuse_screen_shows_the_right_excuse_and_answers_after_moving_on_and_back(
    tmp_path: Path, smcheck_home: Path
) -> None:
    a = find_assessment(None)
    dims = a.dimensions_in("quick")
    quick = [q.id for _, q in a.questions("quick")]  # one question per excuse
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")  # the quick check
        first = app.screen
        assert isinstance(first, DimensionScreen)
        await pilot.press("c", "3", "enter")  # the counterpoint shown, answered, on
        # the same screen shows the next excuse (what this test is about), as a new one did
        assert app.screen is first
        text = screen_text(app)
        assert "Excuse 2 of 10 · question 2 of 10" in text
        assert f"“{dims[1].excuse.en}”" in text
        assert f"“{dims[0].excuse.en}”" not in text
        assert app.screen.query_one("#counter").has_class("hidden")  # closed again
        assert not app.screen.query_one("#counter-hint").has_class("hidden")
        (card,) = _cards(pilot)
        assert card.question.id == quick[1]
        assert card.value == "" and app.screen.focused is card
        assert "● " not in "\n".join(card.text.rows)
        await pilot.press("4", "backspace")
        assert app.screen is first
        assert f"“{dims[0].excuse.en}”" in screen_text(app)
        (card,) = _cards(pilot)
        assert (card.question.id, card.value) == (quick[0], 3)
        assert any(row.startswith(" ● 3 ") for row in card.text.rows)
        await pilot.press("enter")
        (card,) = _cards(pilot)
        assert (card.question.id, card.value) == (quick[1], 4)

    drive(app, script)
    (session,) = (smcheck_home / "sessions").glob("*.toml")
    answers, _ = load_session(session.stem)
    given = {q: a.value for q, a in answers.answers.items() if a.value != ""}
    assert given == {quick[0]: 3, quick[1]: 4}


def test_answers_typed_ahead_across_excuses_land_on_their_questions(
    tmp_path: Path, smcheck_home: Path
) -> None:
    dims = find_assessment(None).dimensions_in("full")
    first, second = dims[0].questions, dims[1].questions
    assert len(first) == 3  # the keys below answer all of the first excuse, then go on
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("down", "enter", "ctrl+n")  # the full check
        await type_ahead(pilot, "3", "3", "3", "enter", "2", "2")
        cards = _cards(pilot)
        assert [c.question.id for c in cards] == [q.id for q in second]
        assert [c.value for c in cards] == [2, 2, "", ""]
        assert app.screen.focused is cards[2]
        assert "Excuse 2 of 10 · question 6 of 37" in screen_text(app)

    drive(app, script)
    (session,) = (smcheck_home / "sessions").glob("*.toml")
    answers, _ = load_session(session.stem)
    given = {q: a.value for q, a in answers.answers.items() if a.value != ""}
    assert given == {
        first[0].id: 3,
        first[1].id: 3,
        first[2].id: 3,
        second[0].id: 2,
        second[1].id: 2,
    }


def test_after_switching_language_the_next_excuse_is_in_the_new_language(
    tmp_path: Path, smcheck_home: Path
) -> None:
    dims = find_assessment(None).dimensions_in("quick")
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n", "3", "enter")
        assert f"“{dims[1].excuse.en}”" in screen_text(app)
        await pilot.press("ctrl+l")
        assert f"„{dims[1].excuse.de}“" in screen_text(app)
        await pilot.press("2", "enter")
        text = screen_text(app)
        assert f"„{dims[2].excuse.de}“" in text
        assert "Ausrede 3 von 10" in text

    drive(app, script)
