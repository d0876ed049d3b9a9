"""The start screen, the profile and an interview at 80×24, read as a user reads the terminal:
who is answering, every footer key in full, ticks without colour, the language and where it
comes from, completed checks to open again."""

from __future__ import annotations

import asyncio
import html
import re
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from smcheck.app import SmcheckApp
from smcheck.cli.main import main
from smcheck.core.models.answers import Answer
from smcheck.files.catalog import find_assessment
from smcheck.files.config import load_config
from smcheck.files.session import new_answers, save_session
from smcheck.screens.dimension import DimensionScreen
from smcheck.screens.profile import ProfileScreen
from smcheck.screens.respondents import RespondentsScreen
from smcheck.screens.results import ResultsScreen
from smcheck.screens.review import ReviewScreen
from smcheck.screens.start import StartScreen
from tui_helpers import drive, make_app, screen_text, type_text

# One text element of Rich's SVG export: its x position and its line (in the clip path's name).
_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">(.*?)</text>'
)
_CELL = 12.2  # the width of one cell in Rich's SVG export (20 px line height × 0.61)


def screen_lines(app: SmcheckApp) -> list[str]:
    """The terminal as a user sees it, without colour: one string per row (from the app's own
    screenshot, the composed screen with the header, the footer and any dialog)."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL)
        for i, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            if column + i < width:
                rows[int(line)][column + i] = char
    return ["".join(row).rstrip() for row in rows]


def footer(app: SmcheckApp) -> str:
    """The bottom row: the footer's keys."""
    return screen_lines(app)[-1]


async def until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Wait (a polled deadline) until ``done()`` holds, e.g. the start list has been read."""
    for _ in range(200):
        if done():
            return
        await pilot.pause(0.02)
    raise AssertionError("the screen did not get there")


def start_listed(app: SmcheckApp) -> bool:
    return isinstance(app.screen, StartScreen) and app.screen.ready.is_set()


async def to_objectives(pilot: Pilot[None]) -> None:
    """Tab from the organisation's name to the objectives list (it scrolls into view)."""
    for _ in range(15):
        if getattr(pilot.app.focused, "id", None) == "organisation-objectives":
            return
        await pilot.press("tab")
    raise AssertionError("the objectives list never got the focus")


# --- an interview: who is answering, and a footer that fits ---------------------------------------


def test_an_interview_names_the_respondent_and_role_in_the_title_of_every_question_screen(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path, interview=True)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        for _ in range(8):  # name, size, industry, channels, two goals, country, region
            await pilot.press("tab")
        await type_text(pilot, "Anna")
        await pilot.press("ctrl+n")
        for excuse in range(1, 11):
            assert isinstance(app.screen, DimensionScreen)
            title = screen_lines(app)[0]
            assert "smcheck — Korn · Anna (Leadership)" in title, (excuse, title)
            await pilot.press("3", "enter")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("backspace")  # back on the last excuse, then a second respondent
        await pilot.press("ctrl+r", "a")
        await type_text(pilot, "Tina")
        await pilot.press("enter")  # the role is "team" unless chosen
        await pilot.pause()
        assert isinstance(app.screen, DimensionScreen)
        assert "smcheck — Korn · Tina (Team)" in screen_lines(app)[0]
        await pilot.press("ctrl+r", "e")  # renamed: the title follows at once
        await pilot.press("end")
        await type_text(pilot, " Berg")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DimensionScreen)
        assert "smcheck — Korn · Tina Berg (Team)" in screen_lines(app)[0]

    drive(app, script)


def test_a_respondent_without_a_name_is_named_by_role_in_the_title(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path, lang="de", interview=True)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        await pilot.press("ctrl+n")
        assert "smcheck — Korn · Leitung" in screen_lines(app)[0]

    drive(app, script)


@pytest.mark.parametrize(
    ("lang", "keys"),
    [
        ("en", ["⌫ Back", "g k v Confidence", "⏎ Next", "f1 Help", "^r Respondents"]),
        ("de", ["⌫ Zurück", "g k v Sicherheit", "⏎ Weiter", "f1 Hilfe", "^r Befragte"]),
    ],
)
def test_every_key_in_an_interview_s_footer_is_readable_at_80x24(
    tmp_path: Path, smcheck_home: Path, lang: str, keys: list[str]
) -> None:
    app = make_app(tmp_path, lang=lang, interview=True)  # type: ignore[arg-type]

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, DimensionScreen)
        shown = footer(app)
        for key in keys:
            assert key in shown, (key, shown)
        assert shown.endswith("▏^p palette")
        # the keys left out of the footer still work: 1 (the options show their digits) and c
        await pilot.press("1", "c")
        text = "\n".join(screen_lines(app))
        assert ("What speaks against it:" if lang == "en" else "Was dagegen spricht:") in text
        assert "\n● 1 " in screen_text(app)  # the first option chosen
        # the respondents' list: its footer fits too (e, Del and x are named above the table)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, RespondentsScreen)
        shown = footer(app)
        words = (
            ["esc Back", "a Add", "m Compare", "f1 Help"]
            if lang == "en"
            else ["esc Zurück", "a Hinzufügen", "m Vergleich", "f1 Hilfe"]
        )
        for key in words:
            assert key in shown, (key, shown)

    drive(app, script)


def test_outside_an_interview_the_footer_still_names_the_counterpoint_key(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "ctrl+n")
        shown = footer(app)
        for key in ("1–5 Answer", "c Counterpoint", "⏎ Next", "f1 Help"):
            assert key in shown, (key, shown)
        assert "Confidence" not in shown  # no confidence outside an interview
        await pilot.press("c")
        assert any(line.startswith(" What speaks against it:") for line in screen_lines(app))

    drive(app, script)


# --- the profile: ticks without colour, and what no objective means ------------------------------


def test_a_ticked_and_an_unticked_objective_look_different_without_colour(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    def row(name: str) -> str:
        return next(line.strip() for line in screen_lines(app) if f" {name} – " in line)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        assert isinstance(app.screen, ProfileScreen)
        await to_objectives(pilot)
        assert row("Build awareness").startswith("▐ ▌ Build awareness")
        await pilot.press("space")  # ticks the highlighted, first objective
        assert row("Build awareness").startswith("▐X▌ Build awareness")
        assert row("Reach customers").startswith("▐ ▌ Reach customers")
        await pilot.press("space")
        assert row("Build awareness").startswith("▐ ▌ Build awareness")

    drive(app, script)


@pytest.mark.parametrize(
    ("lang", "hint"),
    [
        ("en", "None chosen: no measurable goals in the plan until you pick one."),
        ("de", "Nichts gewählt: keine messbaren Ziele im Plan, bis Sie eines wählen."),
    ],
)
def test_choosing_no_objective_says_there_are_no_measurable_goals_until_one_is_picked(
    tmp_path: Path, smcheck_home: Path, lang: str, hint: str
) -> None:
    app = make_app(tmp_path, lang=lang)  # type: ignore[arg-type]

    def seen() -> bool:
        return any(line.strip() == hint for line in screen_lines(app))

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await to_objectives(pilot)
        assert seen()
        await pilot.press("space")
        assert not seen()
        await pilot.press("space")
        assert seen()

    drive(app, script)


# --- the language: --lang for one run, ctrl+l remembered, and the start screen says which ------


def run_screen(
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    script: Callable[[Pilot[None]], Awaitable[None]],
) -> int:
    """``smcheck ARGV`` as from a terminal, its screen driven by ``script`` instead of a user."""

    def headless(self: SmcheckApp) -> None:
        async def go() -> None:
            async with self.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: start_listed(self))
                await script(pilot)

        asyncio.run(go())

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(SmcheckApp, "run", headless)
    return main(argv)


def lang_line(app: SmcheckApp) -> str:
    return next(
        line.strip() for line in screen_lines(app) if line.strip().startswith(("Spr", "Lan"))
    )


def test_lang_on_the_command_line_wins_for_that_run_and_is_not_remembered(
    smcheck_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (smcheck_home / "config.toml").write_text(
        'schema = "smcheck.config/1"\ntheme = "textual-dark"\nlang = "de"\n', encoding="utf-8"
    )

    async def given(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, SmcheckApp)
        assert (
            lang_line(app) == "Language: English (from --lang, this run only) – ctrl+l for German"
        )
        app.theme = "textual-light"  # something else is remembered meanwhile
        await pilot.pause()

    assert run_screen(monkeypatch, ["--lang", "en"], given) == 0
    config = load_config()
    assert (config.lang, config.theme) == ("de", "textual-light")

    async def remembered(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app, SmcheckApp)
        assert lang_line(pilot.app) == "Sprache: Deutsch (gespeichert) – Strg+L für Englisch"

    assert run_screen(monkeypatch, [], remembered) == 0


def test_ctrl_l_on_the_start_screen_switches_and_is_remembered(
    smcheck_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")

    async def switch(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, SmcheckApp)
        assert lang_line(app) == "Language: English (system language) – ctrl+l for German"
        await pilot.press("ctrl+l")
        await until(pilot, lambda: start_listed(app) and app.lang == "de")
        assert lang_line(app) == "Sprache: Deutsch (gespeichert) – Strg+L für Englisch"
        assert "Wie bereit ist Ihre Organisation für Social Media?" in "\n".join(screen_lines(app))

    assert run_screen(monkeypatch, [], switch) == 0
    assert load_config().lang == "de"

    async def after_given(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, SmcheckApp)
        assert lang_line(app).startswith("Language: English (from --lang")
        await pilot.press("ctrl+l")  # a switch overrides --lang, and is remembered
        await until(pilot, lambda: start_listed(app) and app.lang == "de")
        assert lang_line(app) == "Sprache: Deutsch (gespeichert) – Strg+L für Englisch"

    assert run_screen(monkeypatch, ["--lang", "en"], after_given) == 0
    assert load_config().lang == "de"


# --- completed checks on the start screen ----------------------------------------------------


def _completed(session_id: str, org: str, lang: str) -> None:
    """A quick check begun on 2 Nov 2026, answered in full and last changed on 24 Nov 2026."""
    a = find_assessment("social-media-readiness")
    base = new_answers(a, "quick", lang, datetime(2026, 11, 2, 12, 0, tzinfo=UTC))  # type: ignore[arg-type]
    given = {q.id: Answer(value=3) for _, q in a.questions("quick")}
    answers = base.model_copy(
        update={
            "organisation": base.organisation.model_copy(update={"name": org}),
            "answers": given,
            "completed": date(2026, 11, 23),
            "updated": datetime(2026, 11, 24, 12, 0, tzinfo=UTC),  # noon: this day everywhere
        }
    )
    save_session(session_id, answers)


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        (
            "en",
            "Completed: see the results, export again (ctrl+e)",
            "Hotel Seeblick · quick check · last changed 24 Nov 2026",
        ),
        (
            "de",
            "Abgeschlossen: Ergebnis ansehen, erneut exportieren (Strg+E)",
            "Hotel Seeblick · Schnellcheck · zuletzt geändert 24.11.2026",
        ),
    ],
)
def test_a_completed_check_is_listed_with_its_last_change_and_opens_at_its_results(
    tmp_path: Path, smcheck_home: Path, lang: str, heading: str, line: str
) -> None:
    _completed("20261102-120000", "Hotel Seeblick", lang)
    app = make_app(tmp_path, lang=lang)  # type: ignore[arg-type]

    async def script(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: start_listed(app))
        rows = [row.strip(" │") for row in screen_lines(app)]
        assert heading in rows
        listed = next(row for row in rows if "Hotel Seeblick" in row)
        assert listed.startswith(line)  # then the time of day
        assert "02.11.2026" not in listed and "2 Nov 2026" not in listed  # not the start
        assert not any(r.startswith(("Resume", "Fortsetzen")) for r in rows)  # nothing open
        await pilot.press("end", "enter")  # the last entry: the completed check
        await until(pilot, lambda: isinstance(app.screen, ResultsScreen))
        text = "\n".join(screen_lines(app))
        assert ("Overall: 50/100" if lang == "en" else "Gesamtwert: 50/100") in text
        assert "smcheck — Hotel Seeblick" in screen_lines(app)[0]

    drive(app, script)


def test_keys_typed_right_behind_the_one_that_opens_a_dropdown_choose_in_it(
    tmp_path: Path, smcheck_home: Path
) -> None:
    # ↓ opens the size list; the list takes the focus a moment later, so ↓ ↓ ⏎ typed in the
    # same breath used to reach the closed dropdown and be lost
    from textual.widgets import Select

    from tui_helpers import type_ahead

    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("tab")  # from the name to the size
        await type_ahead(pilot, "down", "down", "down", "enter")
        size = app.screen.query_one("#organisation-size", Select)
        assert size.value == "10-49"
        assert not size.expanded
        assert app.session is not None and app.session.answers.organisation.size == "10-49"

    drive(app, script)
