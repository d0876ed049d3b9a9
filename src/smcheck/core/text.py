"""Plain-text helpers shared by the report, the CLI and the screens."""

from __future__ import annotations

import re
from datetime import date

BAR_WIDTH = 20

_BREAKS = re.compile(r"[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]")
"""Tabs and everything ``str.splitlines`` breaks at: each becomes one space."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls (ESC, BEL, DEL among them: what terminal escape sequences are made of) and
the bidi controls (marks, embeddings, overrides, isolates) that make text display reordered."""
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


NO_SCORE = "–"
"""What a missing score reads as, in every table."""


def score_text(n: int | None) -> str:
    """A score, or a dash when there is none."""
    return NO_SCORE if n is None else str(n)


def signed(n: int | None) -> str:
    """A change with its sign (a real minus, ±0 for none); a dash when unknown."""
    if n is None:
        return NO_SCORE
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0"


def week_span(weeks: tuple[int, int]) -> str:
    """Weeks as people write them: "3" or "3–6"."""
    return str(weeks[0]) if weeks[0] == weeks[1] else f"{weeks[0]}–{weeks[1]}"


def bar(score: int | None, width: int = BAR_WIDTH) -> str:
    """A bar readable without colour: ``███████░░░░░░░`` (full blocks for the score)."""
    if score is None:
        return "·" * width
    filled = (score * width + 50) // 100
    return "█" * filled + "░" * (width - filled)


def printable(text: str) -> str:
    """Text from a file made safe to show: on one line, nothing a terminal would act on.

    The one sanitiser for what smcheck shows (screens, plain prompts, command output, reports):
    line breaks and tabs become spaces; control characters (so terminal escape sequences, clipboard
    writes, bells) and bidi controls are dropped. Everything else, spacing included, is kept.
    """
    return _CONTROL.sub("", _BREAKS.sub(" ", text))


def one_line(text: str) -> str:
    """:func:`printable`, with runs of spaces collapsed and the ends trimmed."""
    return " ".join(printable(text).split())


MAX_PROBLEMS = 20
"""More problems than this are cut to the first ones and a count: a broken file is not a flood."""


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word to at most ``width`` characters, "…" marking the cut."""
    line = one_line(text)
    if len(line) <= width:
        return line
    cut = line[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return (cut or line[: width - 1]) + "…"


def first_problems(lines: list[str], limit: int = MAX_PROBLEMS) -> list[str]:
    """The first ``limit`` lines, then "… and N more problems" for the rest."""
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"… and {len(lines) - limit:,} more problems"]


_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""An ``&`` a renderer would read as the start of an entity (``&amp;``, ``&#60;``)."""
_MD_TAG = re.compile(r"<(?=[A-Za-z/!?])")
"""A ``<`` a renderer would read as the start of a tag, a comment or an autolink."""
_MD_BLOCK = re.compile(r"^(?:[#>+-]|\d+[.)])")
"""What makes a line a heading, a quote or a list: harmless inside a line, escaped anyway."""


def md_escape(text: str) -> str:
    """User text made inert in Markdown: no markup, no HTML, no line breaks.

    ``&`` and ``<`` become ``&amp;`` and ``&lt;`` only where a renderer would otherwise read an
    entity or a tag; elsewhere (R&D, 3 < 4, a -> b) they stay as typed, so the Markdown reads
    well as plain text too."""
    text = one_line(text)
    text = _MD_TAG.sub("&lt;", _MD_ENTITY.sub("&amp;", text))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_BLOCK.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text, count=1)


_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date, lang: str) -> str:
    """A date as people write it: 07.12.2026 in German, 7 Dec 2026 in English (never the
    system locale's; machine files keep ISO dates)."""
    if lang == "de":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
