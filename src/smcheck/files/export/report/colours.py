"""The reports' colours, shared by the HTML charts and the PDF drawings so both look alike."""

from __future__ import annotations

SERIES = ("#2f6f9f", "#d9822b", "#3f9f6f", "#9f3f6f", "#6f5f9f", "#8f8f2f")
"""One colour per line of the radar chart, in order (colour-blind friendly enough to tell the
first two apart, which is the common case: leadership and team, or before and after)."""

PHASES = ("#2f6f9f", "#d9822b", "#3f9f6f", "#9f3f6f", "#6f5f9f")
"""The loop's five phases in the week grid, in plan order."""

INK = "#222222"
MUTED = "#666666"
RULE = "#cccccc"
TRACK = "#e8e8e8"
"""Text, secondary text, grid lines, and the empty part of a bar."""


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as red, green, blue 0-255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
