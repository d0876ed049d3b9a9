"""The result: overall score and stage, a bar per dimension, blockers, strengths, and why."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Result
from smcheck.core.result_text import result_lines
from smcheck.screens.base import WalkScreen
from smcheck.seams import QuietFooter


def result_text(r: Result, lang: Lang, deltas: dict[str, int | None] | None = None) -> Text:
    """The whole result as colour-independent text (see :func:`result_lines`)."""
    out = Text()
    for line in result_lines(r, lang, deltas):
        for text, style in line:
            out.append(text, style=style)
        out.append("\n")
    return out


class ResultsScreen(WalkScreen):
    """Scores and what they mean."""

    BINDINGS = [Binding("enter", "app.next", "key.next", key_display="⏎", priority=True)]

    def __init__(
        self, lang: Lang, result: Result, deltas: dict[str, int | None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(lang, **kwargs)
        self.result = result
        self.deltas = deltas

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("results.title"), style="bold"), classes="title")
        with VerticalScroll(id="results-body", can_focus=True):
            yield Static(result_text(self.result, self.lang, self.deltas), id="results-text")
        yield Static(self.t("results.to-plan"), id="results-hint")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#results-body"))
