"""The end of the walk reads well at any size and hands over every format: the results and
review screens at 60x20 and 200x50, exports named per respondent, the export notice, the plain
mode's wrapping and the overall score's course across iterations."""

from __future__ import annotations

import asyncio
import html
import io
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Sparkline

from smcheck.app import SmcheckApp
from smcheck.cli.main import main
from smcheck.core.models.answers import Answer, Answers
from smcheck.files.catalog import find_assessment
from smcheck.files.session import new_answers, save_session
from smcheck.plain.walk import run_plain
from smcheck.screens.plan import PlanScreen
from smcheck.screens.results import ResultsScreen
from smcheck.screens.review import ReviewScreen
from tui_helpers import drive, make_app

QUICK = [3, 2, 1, 4, 2, "dont-know", 3, 1, 2, 4]
"""The quick check's answers used across the tests (overall 36, as in test_tui.py)."""
EARLIER = [2, 1, 1, 3, 1, 1, 2, 1, 1, 2]
"""A previous iteration's answers: by hand, points 25, 0, 0, 50, 0, 0, 25, 0, 0, 25 (all
weights 1) -> 125 / 10 = 12.5 -> 13 (half up)."""
LEAD, TEAM, BEFORE = "20261124-090000", "20261124-091000", "20261001-090000"
FRAGMENTS = "▏▎▍▌▋▊▉"
"""The left-eighth blocks a horizontal scrollbar or a cut bar leaves on screen."""
LONE = re.compile(r"[(\[]?[−+-]?\d+(?:[/.,]\d+)?\s?%?[)\]]?[.,;:]?|%\)?")
"""A line that is nothing but a number, a percentage, a count such as "(1/1)" or a "%"."""
CELL = 12.2
"""Rich's SVG export: each terminal cell is this many units wide."""


def _answers(
    lang: str,
    values: list[int | str],
    *,
    when: datetime,
    completed: date | None,
    name: str = "",
    role: str = "leadership",
    organisation: str = "Hotel Seeblick",
    **extra: object,
) -> Answers:
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    answers = new_answers(a, "quick", lang, when)  # type: ignore[arg-type]
    org = answers.organisation.model_copy(
        update={"name": organisation, "objectives": ["awareness"], "company_goals": ["Mehr Gäste"]}
    )
    who = answers.respondent.model_copy(update={"name": name, "role": role})
    return answers.model_copy(
        update={
            "organisation": org,
            "respondent": who,
            "completed": completed,
            "answers": {q: Answer(value=v) for q, v in zip(quick, values, strict=False)},
            **extra,
        }
    )


def _one(lang: str, answered: int = 10, *, previous: bool = False) -> None:
    """One respondent's quick check, completed when all ten are answered; with ``previous``,
    the second iteration after one completed on 1 Oct 2026."""
    if previous:
        save_session(
            BEFORE,
            _answers(
                lang,
                EARLIER,
                when=datetime(2026, 10, 1, 9, tzinfo=UTC),
                completed=date(2026, 10, 1),
                engagement="e-seeblick",
            ),
        )
    save_session(
        LEAD,
        _answers(
            lang,
            QUICK[:answered],
            when=datetime(2026, 11, 24, 9, tzinfo=UTC),
            completed=date(2026, 11, 25) if answered == 10 else None,
            engagement="e-seeblick",
            previous=BEFORE if previous else None,
        ),
    )


def _two(lang: str, *, team_done: bool = True) -> None:
    """An interview with two respondents of Hotel Seeblick: Anna (leadership), Tina (team)."""
    common = {"engagement": "e-seeblick", "interview": True}
    save_session(
        LEAD,
        _answers(
            lang,
            [4] * 10,
            when=datetime(2026, 11, 24, 9, tzinfo=UTC),
            completed=date(2026, 11, 25),
            name="Anna",
            **common,
        ),
    )
    save_session(
        TEAM,
        _answers(
            lang,
            [1] * (10 if team_done else 4),
            when=datetime(2026, 11, 24, 9, 10, tzinfo=UTC),
            completed=date(2026, 11, 25) if team_done else None,
            name="Tina",
            role="team",
            **common,
        ),
    )


def screen_lines(app: object) -> list[str]:
    """What the terminal shows, line by line, read from the app's SVG screenshot."""
    svg = app.export_screenshot()  # type: ignore[attr-defined]
    width, height = app.size  # type: ignore[attr-defined]
    grid = [[" "] * width for _ in range(height)]
    pattern = r'<text [^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[\w-]+?-line-(\d+)\)">([^<]*)</text>'
    for m in re.finditer(pattern, svg):
        column, row = round(float(m[1]) / CELL), int(m[2])
        for i, ch in enumerate(html.unescape(m[3]).replace("\xa0", " ")):
            if row < height and column + i < width:
                grid[row][column + i] = ch
    return ["".join(cells).rstrip() for cells in grid]


def _problems(screens: list[list[str]]) -> list[str]:
    """Lines that are a lone number or "%", and lines with a stray bar fragment (the footer,
    each screen's last line, has its own separator "▏")."""
    found = []
    for lines in screens:
        found += [line for line in lines if LONE.fullmatch(line.strip())]
        found += [line for line in lines[:-1] if any(ch in FRAGMENTS for ch in line)]
    return found


async def _every_page(pilot: Pilot[None], selector: str) -> list[list[str]]:
    """The screen's lines at every scroll position of ``selector``, top to bottom."""
    app = pilot.app
    body = app.screen.query_one(selector)
    seen = [screen_lines(app)]
    for _ in range(20):
        before = body.scroll_y
        await pilot.press("pagedown")
        await pilot.pause()
        if body.scroll_y == before:
            break
        seen.append(screen_lines(app))
    return seen


SIZES = [(60, 20), (200, 50)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_results_leave_no_number_or_percent_alone_and_no_bar_fragments(
    tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    _one(lang)
    app = make_app(tmp_path, resume=LEAD)
    seen: list[list[str]] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen)
        seen.extend(await _every_page(pilot, "#results-body"))

    drive(app, script, size=size)
    lines = [line for screen in seen for line in screen]
    overall = "Gesamtwert: 36/100" if lang == "de" else "Overall: 36/100"
    assert any(overall in line for line in lines)
    # each dimension's count stays on its line, after its score
    assert any(re.search(r"\b50  \(1/1\)$", line) for line in lines)
    assert _problems(seen) == []


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_review_has_no_sideways_scrollbar_and_no_lone_numbers(
    tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    _one(lang, answered=8)
    app = make_app(tmp_path, resume=LEAD)
    seen: list[list[str]] = []

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("enter", "enter")  # from the first open excuse to the review
        assert isinstance(app.screen, ReviewScreen)
        seen.extend(await _every_page(pilot, "#review-table"))

    drive(app, script, size=size)
    assert _problems(seen) == []
    if size == (200, 50):
        # a wide table shows a long chosen answer in full (it was cut at 30 characters)
        words = {
            "de": "2 – Aktionen laufen einmal und verschwinden dann; ausgewertet wird nicht.",
            "en": "2 – Activities run once and then vanish; nothing is evaluated.",
        }[lang]
        assert any(words in line for screen in seen for line in screen)


async def _export(pilot: Pilot[None]) -> None:
    """From a completed session's start: results, plan, export with the suggested name."""
    await pilot.press("r", "enter")
    assert isinstance(pilot.app.screen, PlanScreen)
    await pilot.press("ctrl+e")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def test_the_interface_writes_all_five_formats_named_as_the_command_line_does(
    tmp_path: Path, smcheck_home: Path
) -> None:
    _one("en")
    app = make_app(tmp_path, resume=LEAD)
    drive(app, _export)
    stem = "smcheck-hotel-seeblick-2026-11-30"  # one respondent: no name in it
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{stem}.{suffix}" for suffix in ("csv", "html", "ics", "json", "md", "pdf", "toml")
    ]
    # the suffixes are the command line's --format names: what it writes for them is the same
    session = smcheck_home / "sessions" / f"{LEAD}.toml"
    for fmt in ("csv", "ics", "html", "pdf"):
        out = tmp_path / "cli" / f"plan.{fmt}"
        out.parent.mkdir(exist_ok=True)
        assert main(["score", str(session), "--format", fmt, "-o", str(out)]) == 0
        assert (tmp_path / f"{stem}.{fmt}").read_bytes() == out.read_bytes()
    assert (tmp_path / f"{stem}.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_two_respondents_exports_carry_their_names_and_never_collide(tmp_path: Path) -> None:
    _two("de")
    for session_id in (LEAD, TEAM):
        drive(make_app(tmp_path, resume=session_id), _export)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert len(names) == 14  # seven each, none written over
    assert "smcheck-hotel-seeblick-anna-2026-11-30.toml" in names
    assert "smcheck-hotel-seeblick-tina-2026-11-30.toml" in names
    tina = (tmp_path / "smcheck-hotel-seeblick-tina-2026-11-30.toml").read_text(encoding="utf-8")
    assert 'name = "Tina"' in tina


def test_a_second_iteration_of_the_same_respondent_is_named_without_them(tmp_path: Path) -> None:
    _one("en", previous=True)  # two sessions of one engagement, but one person
    drive(make_app(tmp_path, resume=LEAD), _export)
    assert (tmp_path / "smcheck-hotel-seeblick-2026-11-30.toml").exists()


def test_the_export_notice_shows_the_file_name_whole_at_80x24(tmp_path: Path) -> None:
    _two("de")
    app = make_app(tmp_path, resume=TEAM)
    seen: list[str] = []

    async def main() -> None:
        # tests run without notifications unless asked for them
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await pilot.pause()
            await _export(pilot)
            for _ in range(100):  # the notice comes up after the files are written
                seen[:] = screen_lines(app)
                if any(".toml .json" in line for line in seen):
                    break
                await pilot.pause(0.02)

    asyncio.run(main())
    # the name whole on its own line, the folder once above it, then the formats
    at = next(i for i, line in enumerate(seen) if "smcheck-hotel-seeblick-tina" in line)
    assert seen[at].endswith(" smcheck-hotel-seeblick-tina-2026-11-30")
    assert any("Exportiert nach" in line for line in seen[:at])
    assert seen[at + 1].endswith(" .toml .json .md .csv .ics .html .pdf")


def test_a_long_file_name_in_the_notice_breaks_only_after_a_hyphen() -> None:
    from smcheck.core.result_text import wrap_text

    name = "smcheck-baeckerei-und-konditorei-korn-2026-11-30"
    lines = wrap_text(name, 24)
    assert lines == ["smcheck-baeckerei-und-", "konditorei-korn-", "2026-11-30"]


PROFILE = [
    "Bäckerei Korn",
    "2",
    "Bakery",
    "LinkedIn, Instagram",
    "Grow sales",
    "",
    "1 3",
    "1",
    "",
    "",
    "",
    "Anna",
    "2",
]


def _plain(tmp_path: Path, columns: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("SMCHECK_HOME", str(tmp_path / "home"))
    typed = ["1", *PROFILE, "3", "2", "1", "4", "2", "0", "3", "1", "2", "4", "-"]
    stdin = io.StringIO("".join(f"{x}\n" for x in typed))
    stdout = io.StringIO()
    code = run_plain(
        lang="en", stdin=stdin, stdout=stdout, cwd=tmp_path, today=lambda: date(2026, 11, 25)
    )
    assert code == 0
    return stdout.getvalue()


SESSION_ID = re.compile(r"\b\d{8}-\d{6}\b")


def test_plain_mode_wraps_to_the_terminal_width_without_breaking_a_word(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = _plain(tmp_path_factory.mktemp("wide"), 400, monkeypatch)
    narrow = _plain(tmp_path_factory.mktemp("narrow"), 50, monkeypatch)
    lines = narrow.splitlines()
    assert max(map(len, lines)) <= 49  # the width less one column
    assert max(map(len, wide.splitlines())) > 100  # the wide run was not wrapped
    # every word of the narrow run is a word of the wide one: none was broken in two (bars
    # are narrower, and a chosen answer cut to fit ends in "…" after a whole word); the two
    # runs' sessions are named by the second each started in, which may differ
    words = set(SESSION_ID.sub("ID", wide).split())
    broken = [
        w
        for w in SESSION_ID.sub("ID", narrow).split()
        if w not in words and not w.rstrip("“”").endswith("…")
    ]
    assert [w for w in broken if w.strip("█░·")] == []
    # a wrapped answer option hangs under its first word
    # (by hand: 5 + 42 characters, and " over" would make 52 of at most 49)
    first = lines.index("  1. A strategy paper has been in the works for")
    assert lines[first + 1] == "     over a year; nothing has been published yet."
    assert not any(LONE.fullmatch(line.strip()) for line in lines if not line.startswith(">"))


def test_the_overall_score_course_shows_only_when_there_was_a_previous_iteration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: dict[str, object] = {}
    for previous in (True, False):
        home = tmp_path / str(previous)
        home.mkdir()
        monkeypatch.setenv("SMCHECK_HOME", str(home))
        _one("en", previous=previous)
        app = make_app(tmp_path, resume=LEAD)

        async def script(
            pilot: Pilot[None], app: SmcheckApp = app, previous: bool = previous
        ) -> None:
            await pilot.press("r")
            assert isinstance(app.screen, ResultsScreen)
            sparks = list(app.screen.query(Sparkline))
            shown[str(previous)] = [list(s.data or []) for s in sparks]
            shown[f"{previous}-text"] = "\n".join(screen_lines(app))

        drive(app, script)
    assert shown["True"] == [[13, 36]]
    assert "Overall score by iteration: 13 → 36" in str(shown["True-text"])
    assert shown["False"] == []
    assert "by iteration" not in str(shown["False-text"])
