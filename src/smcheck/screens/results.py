"""The result: overall score and stage, a bar per dimension, blockers, strengths, and why."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Sparkline, Static

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Result, StartPoint
from smcheck.core.result_text import Segment, overall_history, result_lines
from smcheck.screens.base import WalkScreen
from smcheck.seams import QuietFooter


def result_text(
    r: Result, lang: Lang, deltas: dict[str, int | None] | None = None, width: int | None = None
) -> Text:
    """The whole result as colour-independent text (see :func:`result_lines`)."""
    return _text(result_lines(r, lang, deltas, width=width))


def _text(lines: list[list[Segment]]) -> Text:
    out = Text(end="")
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        for text, style in line:
            out.append(text, style=style)
    return out


class ResultPart(Static):
    """Lines of the result laid out for this widget's width, again whenever it changes (the
    lines wrap at words themselves: no "%" or score alone on a line)."""

    def __init__(self, screen: ResultsScreen, part: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.results = screen
        self.part = part

    def on_mount(self) -> None:
        self.relayout()

    def on_resize(self, event: events.Resize) -> None:
        self.relayout()

    def relayout(self) -> None:
        # before the first layout the width is not known: a guess (the screen's, less padding
        # and a scrollbar) until the resize that follows
        width = self.size.width or max(20, self.app.size.width - 4)
        self.update(_text(self.results.parts(width)[self.part]))


class ResultsScreen(WalkScreen):
    """Scores and what they mean; with a previous iteration, the overall score's course."""

    BINDINGS = [Binding("enter", "app.next", "key.next", key_display="⏎", priority=True)]

    def __init__(
        self,
        lang: Lang,
        result: Result,
        deltas: dict[str, int | None] | None = None,
        *,
        start_point: StartPoint | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(lang, **kwargs)
        self.result = result
        self.deltas = deltas
        self.history = overall_history(start_point)
        self._laid_out: tuple[int, tuple[list[list[Segment]], list[list[Segment]]]] | None = None

    def parts(self, width: int) -> tuple[list[list[Segment]], list[list[Segment]]]:
        """The result's lines for ``width``, cut after the overall score and its reason (where
        the course across iterations goes) and the bars."""
        if self._laid_out is None or self._laid_out[0] != width:
            lines = result_lines(self.result, self.lang, self.deltas, width=width)
            cut = lines.index([]) + 1 if [] in lines else len(lines)
            self._laid_out = (width, (lines[:cut], lines[cut:]))
        return self._laid_out[1]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("results.title"), style="bold"), classes="title")
        with VerticalScroll(id="results-body", can_focus=True):
            yield ResultPart(self, 0, id="results-head", classes="result-part")
            if len(self.history) > 1:
                with Horizontal(id="results-trend"):
                    scores = " → ".join(map(str, self.history))
                    yield Static(self.t("results.trend", scores=scores), id="results-trend-label")
                    spark = Sparkline(self.history, id="results-sparkline")
                    spark.styles.width = 3 * len(self.history)  # three cells per iteration
                    yield spark
            yield ResultPart(self, 1, id="results-text", classes="result-part")
        yield Static(self.t("results.to-plan"), id="results-hint")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#results-body"))
