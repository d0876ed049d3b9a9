"""Plain-text helpers shared by the report, the CLI and the screens."""

from __future__ import annotations

import re

BAR_WIDTH = 20

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters and the bidi overrides/isolates that can make text display reordered."""
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def bar(score: int | None, width: int = BAR_WIDTH) -> str:
    """A bar readable without colour: ``███████░░░░░░░`` (full blocks for the score)."""
    if score is None:
        return "·" * width
    filled = (score * width + 50) // 100
    return "█" * filled + "░" * (width - filled)


def printable(text: str) -> str:
    """Drop control characters (terminal escape sequences among them), keep everything else."""
    return _CONTROL.sub("", text.replace("\r", " ").replace("\n", " "))


def one_line(text: str) -> str:
    """Collapse line breaks and drop control characters (terminal escapes among them)."""
    return " ".join(_CONTROL.sub("", text.replace("\r", " ").replace("\n", " ")).split())


def md_escape(text: str) -> str:
    """User text made inert in Markdown: no markup, no HTML, no line breaks."""
    text = one_line(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)
