"""The walk as a client reads it: ← goes back on every screen of the walk, and no screen or
report shows an id from the questionnaire, in German or in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from smcheck.core.models.common import Lang
from smcheck.files.catalog import find_assessment
from smcheck.screens.dimension import DimensionScreen
from smcheck.screens.plan import PlanScreen
from smcheck.screens.profile import ProfileScreen
from smcheck.screens.results import ResultsScreen
from smcheck.screens.review import ReviewScreen
from tui_helpers import drive, make_app, type_text


def test_left_on_an_excuse_goes_back_like_everywhere_else_but_moves_the_cursor_in_a_note(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        await pilot.press("ctrl+n")
        await pilot.press("3", "enter")  # the first excuse answered: on to the second
        assert isinstance(app.screen, DimensionScreen)
        assert "Excuse 2 of 10" in str(app.screen.query_one("#where").render())
        await pilot.press("left")
        await pilot.pause()
        assert "Excuse 1 of 10" in str(app.screen.query_one("#where").render())
        await pilot.press("tab")  # into the note field: ← moves its cursor there
        await type_text(pilot, "ab")
        await pilot.press("left")
        await pilot.pause()
        assert "Excuse 1 of 10" in str(app.screen.query_one("#where").render())
        assert app.screen.focused is not None and app.screen.focused.cursor_position == 1  # type: ignore[attr-defined]
        await pilot.press("escape")  # out of the field, then back to the profile
        await pilot.press("left")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)

    drive(app, script)


def _ids(lang: Lang) -> set[str]:
    """Every id of the questionnaire a reader could mistake for a word: dimensions, stages,
    objectives, scopes, goals, actions, KPIs and questions (hyphenated or not)."""
    a = find_assessment("social-media-readiness")
    dump = a.model_dump(mode="python", by_alias=True)
    found: set[str] = {"quick", "full"} if lang == "de" else set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "id" and isinstance(item, str):
                    found.add(item)
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(dump)
    if lang == "en":  # one-word ids are English words ("customers", "goals"): only compounds
        return {i for i in found if "-" in i}
    return found  # in German every English id stands out (German nouns are capitalised)


def _visible(app: object) -> str:
    """Everything drawn in the terminal (dialogs and the screen under them), line by line, read
    from the app's own screenshot."""
    import html

    svg = app.export_screenshot()  # type: ignore[attr-defined]
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text[^>]*?x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return "\n".join("".join(t for _, t in sorted(row)) for _, row in sorted(rows.items()))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_screen_of_the_walk_and_no_report_shows_a_questionnaire_id(
    tmp_path: Path, smcheck_home: Path, lang: Lang
) -> None:
    ids = _ids(lang)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(ids))) + r")(?![\w-])")
    seen: dict[str, str] = {}
    app = make_app(tmp_path, lang=lang)

    async def look(name: str) -> None:
        await pilot_ref[0].pause()
        seen[name] = _visible(app)

    pilot_ref: list[Pilot[None]] = []

    async def script(pilot: Pilot[None]) -> None:
        pilot_ref.append(pilot)
        await look("start")
        await pilot.press("enter")
        assert isinstance(app.screen, ProfileScreen)
        await type_text(pilot, "Korn")
        await look("profile")
        await pilot.press("ctrl+n")
        for value in "2213431232":
            assert isinstance(app.screen, DimensionScreen)
            await look(f"excuse {len(seen)}")
            await pilot.press("c")  # the counterpoint open
            await look(f"counterpoint {len(seen)}")
            await pilot.press(value, "enter")
        assert isinstance(app.screen, ReviewScreen)
        await look("review")
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen)
        await look("results")
        await pilot.press("enter")
        assert isinstance(app.screen, PlanScreen)
        await look("plan")
        await pilot.press("enter")  # the first goal in full
        await look("goal")
        await pilot.press("escape", "f1")
        await look("help")
        await pilot.press("escape", "ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    drive(app, script, size=(120, 40))
    for name, text in seen.items():
        assert not pattern.findall(text), (name, pattern.findall(text), text)
    reports = sorted(tmp_path.glob("smcheck-korn-*"))
    for path in reports:
        if path.suffix in (".md", ".html"):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                text = re.sub(r"<[^>]+>", " ", text)  # ids may stay in markup (classes, anchors)
            found = pattern.findall(text)
            assert not found, (path.name, found)
    assert {p.suffix for p in reports} >= {".md", ".html"}


def test_the_export_dialog_names_every_format_it_writes_at_80x24(
    tmp_path: Path, smcheck_home: Path
) -> None:
    app = make_app(tmp_path, lang="de")
    seen: list[str] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await type_text(pilot, "Korn")
        await pilot.press("ctrl+n")
        for value in "2213431232":
            await pilot.press(value, "enter")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"
        seen.append(_visible(app))

    drive(app, script)
    # the dialog's lines: what lies between its left and right border
    inside = [line.split("█")[1] for line in seen[0].splitlines() if line.count("█") >= 2]
    flat = " ".join(" ".join(inside).split())
    assert "TOML, JSON, Markdown, CSV, iCalendar, HTML, PDF." in flat


@pytest.mark.parametrize(("lang", "label"), [("de", "Liste schließen"), ("en", "Close list")])
def test_an_open_dropdown_names_its_escape_key_in_the_users_language(
    tmp_path: Path, smcheck_home: Path, lang: Lang, label: str
) -> None:
    app = make_app(tmp_path, lang=lang)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter")  # the quick check: the profile
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("tab", "enter")  # from the name to the size, and open its list
        await pilot.pause()
        footer = _visible(app).splitlines()[-1]
        assert f"esc {label}" in footer and "Dismiss" not in footer
        await pilot.press("escape")
        await pilot.pause()
        assert label not in _visible(app).splitlines()[-1]

    drive(app, script)
