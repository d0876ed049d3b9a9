"""One question with its anchored options, as a focusable card."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Click
from textual.widgets import Input, Static

from smcheck.messages import AnswerFieldChanged, AnswerPicked
from smcheck.models.answers import Answer
from smcheck.models.assessment import Question
from smcheck.models.common import Lang
from smcheck.screens.fields import TextField
from smcheck.text import one_line
from smcheck.ui_text import ui

MARK = {True: "●", False: "○"}


class OptionLine(Horizontal):
    """One choice: a mark (filled when chosen, readable without colour) and its text. Click picks it."""

    def __init__(self, question: str, value: int | str, key: str, label: str, chosen: bool) -> None:
        super().__init__(classes="option")
        self.question = question
        self.value = value
        self.key = key
        self.label = label
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        yield Static(self._mark(), classes="mark")
        yield Static(Text(self.label), classes="label")

    def _mark(self) -> Text:
        return Text.assemble(f"{MARK[self.chosen]} ", (self.key, "bold"))

    def on_mount(self) -> None:
        self.set_class(self.chosen, "-chosen")

    def set_chosen(self, chosen: bool) -> None:
        """Show or clear the mark."""
        self.chosen = chosen
        self.set_class(chosen, "-chosen")
        self.query_one(".mark", Static).update(self._mark())

    def on_click(self, event: Click) -> None:
        event.stop()
        card = self.query_ancestor(QuestionCard)
        card.pick(self.value)
        card.focus()


class QuestionCard(Vertical, can_focus=True):
    """A question: prompt, five anchored options, don't know / not applicable, help, note."""

    def __init__(
        self,
        question: Question,
        number: int,
        labels: list[str],
        lang: Lang,
        answer: Answer | None,
        interview: bool = False,
    ) -> None:
        super().__init__(id=f"q-{question.id}", classes="question")
        self.question = question
        self.number = number
        self.labels = labels
        self.lang = lang
        self.answer = answer or Answer()
        self.interview = interview

    def compose(self) -> ComposeResult:
        q, lang, value = self.question, self.lang, self.answer.value
        yield Static(
            Text(f"{self.number}. {one_line(q.prompt.get(lang))}", style="bold"), classes="prompt"
        )
        for k, option in enumerate(q.options.get(lang), start=1):
            yield OptionLine(q.id, k, str(k), one_line(option), value == k)
        with Horizontal(classes="extras"):
            yield OptionLine(
                q.id, "dont-know", "0", ui("dim.dont-know", lang), value == "dont-know"
            )
            yield OptionLine(q.id, "n/a", "n", ui("dim.n-a", lang), value == "n/a")
        yield Static(
            Text.assemble((ui("dim.why", lang), "italic"), one_line(q.help.get(lang))),
            classes="help",
        )
        if self.interview:
            yield Static(
                Text.assemble((ui("dim.hint", lang), "bold"), one_line(q.hint.get(lang))),
                classes="hint",
            )
            yield Static(self._interview_line(), classes="interview")
        yield TextField(
            self.answer.note,
            placeholder=ui("dim.note-shared" if self.interview else "dim.note", lang),
            classes="note",
            id=f"note-{q.id}",
            compact=True,
            select_on_focus=False,
        )
        if self.interview:
            yield TextField(
                self.answer.private_note,
                placeholder=ui("dim.note-private", lang),
                classes="note private",
                id=f"private-{q.id}",
                compact=True,
                select_on_focus=False,
            )

    def _interview_line(self) -> Text:
        """Confidence and the revisit flag, readable without colour."""
        lang, a = self.lang, self.answer
        line = Text(ui("dim.confidence", lang))
        for key, level in (("g", "guess"), ("k", "know"), ("v", "verified")):
            line.append(f"  {MARK[a.confidence == level]} ")
            line.append(key, "bold")
            line.append(f" {ui(f'conf.{level}', lang)}")
        line.append(f"    {'⚑' if a.revisit else '·'} ")
        line.append("f", "bold")
        line.append(f" {ui('dim.revisit', lang)}")
        return line

    def set_field(self, field: str, value: object) -> None:
        """Change confidence or the revisit flag; the app saves it."""
        self.answer = self.answer.model_copy(update={field: value})
        if self.interview:
            self.query_one(".interview", Static).update(self._interview_line())
        self.post_message(AnswerFieldChanged(self.question.id, field, value))

    @property
    def value(self) -> int | str:
        """The current answer value."""
        return self.answer.value

    def pick(self, value: int | str) -> None:
        """Choose ``value``; the app saves it."""
        self.answer = self.answer.model_copy(update={"value": value})
        for line in self.query(OptionLine):
            if line.chosen != (line.value == value):  # only the lines that change are restyled
                line.set_chosen(line.value == value)
        self.post_message(AnswerPicked(self.question.id, value))

    def action_move(self, step: int) -> None:
        cards = list(self.screen.query(QuestionCard))
        index = cards.index(self) + step
        if 0 <= index < len(cards):
            # set_focus is immediate; Widget.focus() is deferred and a fast next key would
            # still reach this card
            self.screen.set_focus(cards[index])
            cards[index].scroll_visible()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        field = "private_note" if event.input.has_class("private") else "note"
        if event.value != getattr(self.answer, field):
            self.answer = self.answer.model_copy(update={field: event.value})
            self.post_message(AnswerFieldChanged(self.question.id, field, event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus()
