"""Every answer at a glance; open ones marked; Enter on a row jumps there to change it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, DataTable, Header, Static

from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.result_text import NBSP, wrap_text
from smcheck.core.text import one_line, shorten
from smcheck.screens.base import WalkScreen
from smcheck.screens.messages import QuestionChosen
from smcheck.seams import QuietFooter

MIN_QUESTION = 12
"""Narrower than this, the question column is left out (Enter shows the question in full)."""


@dataclass(frozen=True)
class ReviewRow:
    """One question's row, in full; cut to the columns' widths when shown."""

    key: str
    number: str
    excuse: str
    before: str  # the option's number: "3 – "
    answer: str  # the chosen option's own words, or "open", "don't know" …
    after: str  # the revisit flag and the confidence
    question: str
    open: bool

    def answer_text(self, width: int) -> Text:
        room = max(1, width - len(self.before) - len(self.after))
        shown = Text(f"{self.before}{shorten(self.answer, room)}{self.after}")
        if self.open:
            shown.stylize("bold")
        return shown


def column_widths(rows: list[ReviewRow], width: int) -> list[int]:
    """Widths of the columns #, excuse, answer (and question, when there is room for it) that
    fill ``width`` cells, each column with one cell of padding either side."""
    number = max(len(r.number) for r in rows)
    excuse_full = max(len(r.excuse) for r in rows)
    answer_full = max(len(r.before) + len(r.answer) + len(r.after) for r in rows)
    question_full = max(len(r.question) for r in rows)
    usable = width - 2 * 4
    excuse = min(excuse_full, max(10, usable * 3 // 8))
    rest = usable - number - excuse
    # answer and question share the rest as their full lengths do
    answer = min(answer_full, max(16, rest * answer_full // (answer_full + question_full)))
    if rest - answer >= MIN_QUESTION:
        return [number, excuse, answer, rest - answer]
    # no room for the question: three columns share the width
    excuse = min(excuse_full, max(8, (usable + 2) * 2 // 5))
    return [number, excuse, usable + 2 - number - excuse]


class ReviewTable(DataTable[Any]):
    """The answers' table: its columns are fitted to its width whenever that changes, so
    nothing scrolls sideways and long texts end in "…" at a word."""

    def __init__(
        self, rows: list[ReviewRow], headers: list[str], start_row: int = 0, **kwargs: Any
    ) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.review_rows = rows
        self.headers = headers
        self.start_row = start_row
        self.fitted_to = 0

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        width = self.size.width
        if self.size.height and len(self.review_rows) + 1 > self.size.height:
            width -= self.styles.scrollbar_size_vertical  # the rows scroll: leave the bar room
        if width <= 0 or width == self.fitted_to:
            return
        row = self.cursor_row if self.fitted_to else self.start_row
        self.fitted_to = width
        widths = column_widths(self.review_rows, width)
        self.clear(columns=True)
        for header, w in zip(self.headers, widths, strict=False):
            self.add_column(header, width=w)
        for r in self.review_rows:
            cells = [
                Text(r.number),
                Text(shorten(r.excuse, widths[1])),
                r.answer_text(widths[2]),
                Text(shorten(r.question, widths[3])) if len(widths) > 3 else None,
            ]
            self.add_row(*(c for c in cells if c is not None), key=r.key)
        self.move_cursor(row=row)


class RowDetail(Static):
    """The highlighted row's question and answer in full, wrapped at words to the width."""

    def __init__(self, label: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label = label
        self.row: ReviewRow | None = None

    def show(self, row: ReviewRow) -> None:
        self.row = row
        self.relayout()

    def on_resize(self, event: events.Resize) -> None:
        self.relayout()

    def relayout(self) -> None:
        width = self.size.width
        if self.row is None or width <= 0:
            return
        r = self.row
        answer = f"{self.label}:{NBSP}{r.before.replace(' ', NBSP)}{r.answer}{r.after}"
        lines = wrap_text(f"{r.number}. {r.question}", width) + wrap_text(f"   {answer}", width)
        self.update(Text("\n".join(lines), end=""))


class ReviewScreen(WalkScreen):
    """A table of all questions in scope with their answers."""

    BINDINGS = [
        Binding("r", "app.next", "key.results", priority=True),
        # ← goes back here too, as everywhere, rather than scroll the table sideways
        Binding("left", "app.go_back", "key.back", show=False, priority=True),
    ]

    def __init__(self, lang: Lang, assessment: Assessment, answers: Answers, **kwargs: Any) -> None:
        super().__init__(lang, **kwargs)
        self.assessment = assessment
        self.answers = answers
        self.rows = self._rows()

    def _rows(self) -> list[ReviewRow]:
        rows = []
        for number, (d, q) in enumerate(self.assessment.questions(self.answers.scope), start=1):
            answer = self.answers.answers.get(q.id)
            value = answer.value if answer else ""
            before = ""
            if value == "":
                before, shown = "! ", self.t("review.open")
            elif value == "dont-know":
                shown = self.t("dim.dont-know")
            elif value == "n/a":
                shown = self.t("dim.n-a")
            else:
                # the chosen option's own words (a scale word reads as nonsense next to some)
                before, shown = f"{value} – ", q.options.get(self.lang)[int(value) - 1]
            after = ""
            if answer is not None and answer.revisit:
                after += " ⚑"
            if answer is not None and answer.confidence:
                after += f" ({self.t(f'conf.{answer.confidence}')})"
            rows.append(
                ReviewRow(
                    key=q.id,
                    number=str(number),
                    excuse=one_line(d.name.get(self.lang)),
                    before=before,
                    answer=one_line(shown),
                    after=after,
                    question=one_line(q.prompt.get(self.lang)),
                    open=value == "",
                )
            )
        return rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("review.title"), style="bold"), classes="title")
        yield Static(self.t("review.intro"), classes="intro")
        yield Static(id="review-status")
        headers = [self.t(f"review.col.{c}") for c in ("excuse", "answer", "question")]
        # the cursor starts on the first open question
        first_open = next((i for i, r in enumerate(self.rows) if r.open), 0)
        yield ReviewTable(self.rows, ["#", *headers], first_open, id="review-table")
        yield RowDetail(self.t("review.col.answer"), id="review-detail")
        yield Button(self.t("review.results"), id="to-results", variant="primary", compact=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(ReviewTable)
        open_count = sum(r.open for r in self.rows)
        status = self.t("review.missing", n=open_count) if open_count else self.t("review.complete")
        self.query_one("#review-status", Static).update(
            Text(status, style="bold" if open_count else "")
        )
        self.set_focus(table)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.rows):
            self.query_one(RowDetail).show(self.rows[event.cursor_row])

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(QuestionChosen(event.row_key.value))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "to-results":
            await self.app.run_action("app.next")
