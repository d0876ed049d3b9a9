"""One screen per excuse: the excuse, what speaks against it, and its questions."""

from __future__ import annotations

import asyncio
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import DescendantFocus
from textual.messages import UpdateScroll
from textual.widgets import Header, Input, Static

from smcheck.core.models.answers import Answers, Confidence
from smcheck.core.models.assessment import Assessment, Dimension
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line
from smcheck.screens.base import WalkScreen
from smcheck.screens.fields import FieldOrder
from smcheck.screens.question import QuestionCard
from smcheck.seams import QuietFooter


class DimensionScreen(FieldOrder, WalkScreen):
    """The questions of one dimension, answered with digits."""

    # Priority bindings run on the app before a key reaches any widget, so answers typed ahead
    # land on the right question and screen; in a note field the letters are typed instead.
    # An interview's footer shows g k v (otherwise named only at the foot of a long card) and
    # leaves out 1–5 and c (every option shows its digit, a line says what c does): so every key
    # it shows fits 80 columns. Those two keys are bound twice, shown and not (the twin ends in
    # False); check_action enables the one for the mode.
    BINDINGS = [
        Binding("1", "pick(1)", "key.pick", key_display="1–5", priority=True),
        Binding("1", "pick(1, False)", "key.pick", show=False, priority=True),
        *(
            Binding(str(k), f"pick({k})", "key.pick", show=False, priority=True)
            for k in range(2, 10)
        ),
        Binding("0", "pick('dont-know')", "key.dont-know", show=False, priority=True),
        Binding("n", "pick('n/a')", "key.n-a", show=False, priority=True),
        Binding("c", "counter", "key.counter", priority=True),
        Binding("c", "counter(False)", "key.counter", show=False, priority=True),
        Binding("g", "confidence('guess')", "key.confidence", key_display="g k v", priority=True),
        Binding("k", "confidence('know')", "key.confidence", show=False, priority=True),
        Binding("v", "confidence('verified')", "key.confidence", show=False, priority=True),
        Binding("f", "revisit", "key.revisit", show=False, priority=True),
        Binding("enter", "app.next", "key.next", key_display="⏎", priority=True),
        # on the screen, not the cards: bindings that change with focus rebuild the footer;
        # priority, so that "down, 3" typed at once answers the next question, not this one
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
    ]

    KEYS = {"dont-know": "0", "n/a": "n", "guess": "g", "know": "k", "verified": "v"}

    def __init__(
        self,
        lang: Lang,
        assessment: Assessment,
        answers: Answers,
        index: int,
        focus: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(lang, **kwargs)
        self.assessment = assessment
        self.answers = answers
        self.index = index
        self.initial_focus = focus
        self.dims = assessment.dimensions_in(answers.scope)
        self.dimension: Dimension = self.dims[index]
        self.in_scope = [q for _, q in assessment.questions(answers.scope)]
        self._where = 0  # the number of the question the progress line names
        self._changing = asyncio.Lock()  # see show_excuse

    def _excuse(self) -> Text:
        """The excuse, in quotation marks of the language."""
        d, lang = self.dimension, self.lang
        return Text(
            f"„{one_line(d.excuse.de)}“" if lang == "de" else f"“{one_line(d.excuse.en)}”",
            style="bold",
        )

    def _counter(self) -> Text:
        """What speaks against the excuse."""
        return Text.assemble(
            (self.t("dim.counter"), "bold"), one_line(self.dimension.counter.get(self.lang))
        )

    def _cards(self) -> list[QuestionCard]:
        """A card for each of the excuse's questions in the walk's scope."""
        return [
            QuestionCard(
                q,
                self.in_scope.index(q) + 1,
                self.lang,
                self.answers.answers.get(q.id),
                interview=self.answers.interview,
            )
            for q in self.dimension.questions
            if q in self.in_scope
        ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="where")
        yield Static(self._excuse(), id="excuse")
        yield Static(self._counter(), id="counter", classes="hidden")
        yield Static(self.t("dim.counter-hint"), id="counter-hint")
        with VerticalScroll(id="questions"):
            yield from self._cards()
        yield QuietFooter()

    def shows_walk_of(self, lang: Lang, assessment: Assessment, answers: Answers) -> bool:
        """True if this screen can show any excuse of that walk (:meth:`show_excuse`)."""
        return (
            self.lang == lang
            and self.assessment is assessment
            and self.answers.scope == answers.scope
            and self.answers.interview == answers.interview
        )

    def show_excuse(self, index: int, answers: Answers, focus: str | None = None) -> AwaitComplete:
        """Show another excuse of the same walk on this screen, as a new screen would show it
        (the counterpoint closed, the first open question focused): the header and the footer
        stay, the excuse's texts and questions change. Runs whether awaited or not, as a
        screen change does; one change at a time."""
        return AwaitComplete(self._show_excuse(index, answers, focus))

    async def _show_excuse(self, index: int, answers: Answers, focus: str | None) -> None:
        async with self._changing:
            questions = self.query_one("#questions", VerticalScroll)
            with self.app.batch_update():  # one frame for the whole change
                self._change(index, answers, focus)
                await questions.remove_children()
                await questions.mount_all(self._cards())
                questions.scroll_home(animate=False, immediate=True)
                self._focus_first()

    def _change(self, index: int, answers: Answers, focus: str | None) -> None:
        """Everything but the questions, for :meth:`show_excuse`."""
        self.answers, self.index, self.initial_focus = answers, index, focus
        self.dimension = self.dims[index]
        self._where = 0
        self.query_one("#excuse", Static).update(self._excuse())
        self.query_one("#counter", Static).update(self._counter())
        self.query_one("#counter").add_class("hidden")
        self.query_one("#counter-hint").remove_class("hidden")

    def on_mount(self) -> None:
        self._focus_first()

    def _focus_first(self) -> None:
        """Focus the question asked for, else the first open one."""
        cards = list(self.query(QuestionCard))
        if not cards:  # the app is ending (a hang-up) while this screen was still being built
            return
        target = next((c for c in cards if c.question.id == self.initial_focus), None)
        if target is None:
            target = next((c for c in cards if c.value == ""), cards[0])
        self.set_focus(target)  # at once: a key typed ahead must reach this question
        self.call_after_refresh(target.scroll_visible, animate=False)
        self._show_progress(target)

    def _show_progress(self, card: QuestionCard) -> None:
        """Say which question has the focus (once per change)."""
        if card.number == self._where:
            return
        self._where = card.number
        # one line of fixed height: showing the next question needs no new layout
        self.query_one("#where", Static).update(
            self.t(
                "dim.progress",
                i=self.index + 1,
                n=len(self.dims),
                q=card.number,
                total=len(self.in_scope),
            ),
            layout=False,
        )

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        # The focus as it is now, not as the event says: a question typed past a moment ago
        # may send its event after the next one's (it bubbles up through its own queue).
        widget = self.focused
        if widget is None:
            return
        card = (
            widget
            if isinstance(widget, QuestionCard)
            else next((a for a in widget.ancestors if isinstance(a, QuestionCard)), None)
        )
        if card is not None:
            self._show_progress(card)

    def _typed(self, key: str) -> bool:
        """In a note field the key is text: type it there and say so."""
        if isinstance(self.focused, Input):
            self.focused.insert_text_at_cursor(key)
            return True
        return False

    def action_pick(self, value: int | str, shown: bool = True) -> None:
        """Answer the focused question (``shown``: which twin of a key's bindings, see above)."""
        if self._typed(str(value) if isinstance(value, int) else self.KEYS[value]):
            return
        card = self.focused
        if not isinstance(card, QuestionCard):
            return
        if isinstance(value, int) and value > len(card.question.options.get(self.lang)):
            self.app.bell()
            return
        card.pick(value)
        self.move(card, 1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("confidence", "revisit") and not self.answers.interview:
            return isinstance(self.focused, Input)  # in a note the letters are typed
        if (action, parameters) in (("pick", (1,)), ("counter", ())):
            return not self.answers.interview  # shown in the footer
        if (action, parameters) in (("pick", (1, False)), ("counter", (False,))):
            return self.answers.interview  # the same key, kept out of an interview's footer
        return True

    def action_confidence(self, level: Confidence) -> None:
        if self._typed(self.KEYS[level]):
            return
        card = self.focused
        if isinstance(card, QuestionCard):
            card.set_confidence(None if card.answer.confidence == level else level)

    def action_revisit(self) -> None:
        if self._typed("f"):
            return
        card = self.focused
        if isinstance(card, QuestionCard):
            card.set_revisit(not card.answer.revisit)

    def action_move(self, step: int) -> None:
        card = self.focused
        if not isinstance(card, QuestionCard):
            card = next(
                (a for a in (card.ancestors if card else []) if isinstance(a, QuestionCard)), None
            )
        if isinstance(card, QuestionCard):
            self.move(card, step)

    def move(self, card: QuestionCard, step: int) -> None:
        """Focus the question ``step`` places from ``card``, scrolled into view, in one frame."""
        cards = list(self.query(QuestionCard))
        index = cards.index(card) + step
        if not 0 <= index < len(cards):
            return
        target = cards[index]
        # set_focus is immediate (Widget.focus() is deferred, and a fast next key would still
        # reach the old card). The layout has not changed, so the scroll can be immediate too.
        # UpdateScroll is the message the question list itself would send the screen, but only
        # once its own queue gets to it, a frame or two later: sent now, the answer, the focus,
        # the scroll and the progress line share one frame (measured: benchmarks/run.py).
        self.set_focus(target, scroll_visible=False)
        target.scroll_visible(animate=False, immediate=True)
        self.post_message(UpdateScroll())
        self._show_progress(target)

    def action_counter(self, shown: bool = True) -> None:
        """Show or hide what speaks against the excuse (``shown``: as for :meth:`action_pick`)."""
        if self._typed("c"):
            return
        self.query_one("#counter").toggle_class("hidden")
        self.query_one("#counter-hint").toggle_class("hidden")
