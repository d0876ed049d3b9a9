"""Text from foreign files never reaches a terminal as escapes: what every command prints and
every report holds is passed through the one sanitiser, ``smcheck.core.text.printable``."""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from smcheck.cli.commands import _out
from smcheck.cli.main import main
from smcheck.core.text import md_escape, one_line, printable

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
SESSION = "20261124-090000"

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
"""A terminal's clipboard write: ESC ] 52 … BEL."""
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
HOSTILE = f"Evil{OSC52} \x1b[31mred\x9b2J\x7f\x85 {BIDI}Corp\nsecond\tline\u2028end"
"""A name with a clipboard write, a colour, a C1 screen clear, DEL, NEL, every bidi control, a
line break, a tab and a line separator."""
SEEN = "Evil]52;c;cm0gLXJmIH4= [31mred2J Corp second line end"
"""What is left of it on one line."""

_UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]|[" + BIDI + "]")
"""Anything a terminal acts on, or that reorders or splits what it shows (a line end aside)."""


def _safe(text: str) -> bool:
    return _UNSAFE.search(text) is None


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize(
    "char",
    [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + list(BIDI) + ["\u2028", "\u2029"],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_the_sanitiser_leaves_no_control_or_bidi_character(char: str) -> None:
    assert _safe(printable(f"a{char}b"))
    assert _safe(one_line(f"a{char}b"))
    assert _safe(md_escape(f"a{char}b"))


def test_the_sanitiser_turns_line_breaks_and_tabs_into_spaces_and_keeps_the_words() -> None:
    assert printable("a\tb\nc\r\nd") == "a b c  d"
    assert one_line(HOSTILE) == SEEN
    assert one_line("Ünïcödé — “quoted” 日本語 עברית") == "Ünïcödé — “quoted” 日本語 עברית"


def test_sessions_shows_a_hostile_organisation_name_on_its_row_without_escapes(
    smcheck_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smcheck.files.catalog import find_assessment
    from smcheck.files.session import new_answers, save_session

    answers = new_answers(
        find_assessment("social-media-readiness"),
        "quick",
        "en",
        datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
    )
    organisation = answers.organisation.model_copy(update={"name": HOSTILE})
    save_session(SESSION, answers.model_copy(update={"organisation": organisation}))
    code, out, err = run(capsys, "sessions")
    assert (code, err) == (0, "")
    assert _safe(out)
    header, row = out.splitlines()  # the hostile name splits no row
    assert header.startswith("SESSION")
    assert row.startswith(SESSION) and out.endswith(f"quick  {SEEN}\n")


def test_assessments_shows_hostile_titles_and_file_names_on_their_rows_without_escapes(
    smcheck_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "C")  # English titles
    folder = smcheck_home / "assessments"
    folder.mkdir()
    escaped = HOSTILE.encode("unicode_escape").decode("ascii").replace("\\x", "\\u00")
    (folder / "mini.toml").write_text(
        MINI_TEXT.replace('en = "Mini check"', f'en = "{escaped}"'), encoding="utf-8"
    )
    (folder / f"bad{OSC52}\u202ename\nrow.toml").write_text("not toml [", encoding="utf-8")
    code, out, err = run(capsys, "assessments")
    assert (code, err) == (0, "")
    assert _safe(out)
    rows = out.splitlines()
    assert len(rows) == 3  # the bundled one, mini and the bad file
    assert any(row.startswith("mini ") and row.endswith(f"  {SEEN}") for row in rows)
    assert any(row.startswith("bad]52;c;cm0gLXJmIH4=name row INVALID  ") for row in rows), rows


def test_error_lines_about_a_hostile_key_are_one_line_each_without_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        MINI_TEXT.replace('version = "1.0"\n', 'version = "1.0"\n"k\\u202e\\u0085\\u009b2J" = 1\n'),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", bad)
    assert (code, out) == (2, "")
    assert _safe(err)
    assert err.count("\n") == 1 and err.startswith(f"smcheck: error: {bad}:")
    assert err.endswith(": unknown field\n")


@contextmanager
def _held_by(path: Path, owner: bytes) -> Iterator[None]:
    """The OS lock on ``path`` held as another smcheck holds it, naming ``owner``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, owner)
        yield
    finally:
        os.close(fd)


def test_a_session_in_use_names_its_holder_without_the_escapes_its_lock_file_holds(
    smcheck_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smcheck.files.catalog import find_assessment
    from smcheck.files.session import new_answers, save_session

    a = find_assessment("social-media-readiness")
    save_session(SESSION, new_answers(a, "quick", "en", datetime(2026, 11, 24, tzinfo=UTC)))
    owner = f"4242 {HOSTILE}\n".encode()
    with _held_by(smcheck_home / "sessions" / f"{SESSION}.lock", owner):
        code, _, err = run(capsys, "run", "--plain", "--resume", SESSION)
    assert code == 2
    assert _safe(err)
    assert err == (
        f"smcheck: error: session {SESSION} is open in another smcheck (process 4242 on "
        f"{SEEN}); close it there first\n"
    )


def _mini_with_marked_names(tmp_path: Path, marks: str) -> Path:
    """The mini assessment with ``marks`` around the English name of every stage and dimension."""
    escaped = marks.encode("unicode_escape").decode("ascii")
    text, n = re.subn(
        r'^(name = \{ de = "[^"]+", en = ")([^"]+)(" \})$',
        lambda m: f"{m[1]}{escaped}{m[2]}{escaped}{m[3]}",
        MINI_TEXT,
        flags=re.M,
    )
    assert n >= 5, "the mini assessment names its stages and dimensions on one line each"
    path = tmp_path / "mini.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_markdown_report_drops_the_bidi_controls_of_every_name(tmp_path: Path) -> None:
    from helpers import answers
    from smcheck.core.planning import make_plan
    from smcheck.core.scoring import score
    from smcheck.files.catalog import load_assessment
    from smcheck.files.export.markdown import to_markdown

    a = load_assessment(_mini_with_marked_names(tmp_path, "\u202e\u200e"))
    ans = answers({"a1": 1, "a2": 1, "b1": 2, "b2": 2, "g1": 4, "g2": 4, "g3": 4})
    ans = ans.model_copy(
        update={
            "organisation": ans.organisation.model_copy(update={"name": f"Org{BIDI}"}),
            "respondent": ans.respondent.model_copy(update={"name": "Ann\u200f\u061c"}),
        }
    )
    report = to_markdown(make_plan(a, ans, score(a, ans, "en"), lang="en", today=date(2026, 1, 5)))
    assert "Org" in report and "Ann" in report and "Alpha" in report
    assert _safe(report)


def test_a_comparison_drops_the_bidi_controls_of_names_as_text_and_as_markdown(
    tmp_path: Path,
) -> None:
    from helpers import answers
    from smcheck.core.compare import compare
    from smcheck.files.catalog import load_assessment
    from smcheck.files.export.comparison import comparison_markdown, comparison_text

    a = load_assessment(_mini_with_marked_names(tmp_path, "\u2067\u200f"))
    lead = answers({"a1": 1, "a2": 1, "b1": 2, "b2": 2, "g1": 4, "g2": 4, "g3": 4})
    team = answers({"a1": 5, "a2": 5, "b1": 4, "b2": 4, "g1": 1, "g2": 1, "g3": 1})
    team = team.model_copy(
        update={"respondent": team.respondent.model_copy(update={"role": "team"})}
    )
    c = compare(a, [("Ann\u200e", lead), (f"Bob{BIDI}", team)], "en", today=date(2026, 1, 5))
    for shown in (comparison_markdown(c), comparison_text(c)):
        assert "Ann" in shown and "Bob" in shown and "Alpha" in shown
        assert _safe(shown)


def test_printed_output_keeps_its_line_ends_and_loses_only_what_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = HOSTILE.replace("\n", " ")
    _out(f"BEGIN:VCALENDAR\r\nSUMMARY:{name}\r\n  indented\tcell\n\x1b[2J\n")
    assert capsys.readouterr().out == (
        f"BEGIN:VCALENDAR\r\nSUMMARY:{printable(name)}\r\n  indented cell\n[2J\n"
    )
