"""Every answer at a glance; open ones marked; Enter on a row jumps there to change it."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, DataTable, Header, Static

from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line, shorten
from smcheck.screens.base import WalkScreen
from smcheck.screens.messages import QuestionChosen
from smcheck.seams import QuietFooter


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

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("review.title"), style="bold"), classes="title")
        yield Static(self.t("review.intro"), classes="intro")
        yield Static(id="review-status")
        yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Button(self.t("review.results"), id="to-results", variant="primary", compact=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", key="n")
        table.add_column(self.t("review.col.excuse"), key="excuse")
        table.add_column(self.t("review.col.answer"), key="answer")
        table.add_column(self.t("review.col.question"), key="question")
        open_count = 0
        first_open: int | None = None
        for number, (d, q) in enumerate(self.assessment.questions(self.answers.scope), start=1):
            answer = self.answers.answers.get(q.id)
            value = answer.value if answer else ""
            if value == "":
                open_count += 1
                first_open = number - 1 if first_open is None else first_open
                shown = Text(f"! {self.t('review.open')}", style="bold")
            elif value == "dont-know":
                shown = Text(self.t("dim.dont-know"))
            elif value == "n/a":
                shown = Text(self.t("dim.n-a"))
            else:
                # the chosen option's own words (a scale word reads as nonsense next to some)
                chosen = q.options.get(self.lang)[int(value) - 1]
                shown = Text(f"{value} – {shorten(chosen, 30)}")
            if answer is not None and answer.revisit:
                shown.append(" ⚑")
            if answer is not None and answer.confidence:
                shown.append(f" ({self.t(f'conf.{answer.confidence}')})")
            table.add_row(
                str(number),
                Text(one_line(d.name.get(self.lang))),
                shown,
                Text(one_line(q.prompt.get(self.lang))),
                key=q.id,
            )
        status = self.t("review.missing", n=open_count) if open_count else self.t("review.complete")
        self.query_one("#review-status", Static).update(
            Text(status, style="bold" if open_count else "")
        )
        self.set_focus(table)
        if first_open is not None:
            table.move_cursor(row=first_open)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(QuestionChosen(event.row_key.value))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "to-results":
            await self.app.run_action("app.next")
