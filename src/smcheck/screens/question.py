"""One question with its anchored options, as a focusable card."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Click, Leave, MouseMove
from textual.geometry import Offset, Size
from textual.style import Style as VisualStyle
from textual.widget import Widget
from textual.widgets import Input

from smcheck.core.models.answers import Answer, Confidence
from smcheck.core.models.assessment import Question
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line
from smcheck.core.texts import t
from smcheck.screens.fields import TextField
from smcheck.screens.messages import (
    AnswerPicked,
    ConfidenceChanged,
    NoteChanged,
    RevisitChanged,
)

MARK = {True: "●", False: "○"}
INDENT = 6  # " ● 1  " before an option's text; its wrapped lines line up under the text
GAP = 3  # columns between "don't know" and "not applicable" on one line


_VARIABLE = re.compile(r"\$([a-z0-9-]+)")
_RESOLVED: dict[tuple[int, str], dict[str, VisualStyle]] = {}


def _theme_styles(app: App[object], styles: dict[str, str]) -> dict[str, VisualStyle]:
    """``styles`` with the theme variables they name replaced by the app's current values."""
    key = (id(styles), app.theme)
    if key not in _RESOLVED:
        variables = app.get_css_variables()
        _RESOLVED[key] = {
            name: VisualStyle.parse(_VARIABLE.sub(lambda m: variables[m[1]], text))
            for name, text in styles.items()
        }
    return _RESOLVED[key]


@dataclass(frozen=True)
class _Wrapped:
    """A question's fixed texts, wrapped to one width."""

    prompt: list[Content]
    options: list[list[Content]]
    why: list[Content]
    hint: list[Content]


@dataclass(frozen=True)
class Spot:
    """Where an option is drawn: a row and the columns [start, end) a click picks it in."""

    row: int
    start: int
    end: int
    value: int | str


class QuestionText(Widget):
    """The prompt, the options, help, hint and the interview line, drawn as one widget.

    One widget per line would be simpler to style, but a card would then hold about twenty
    widgets, and every answer would restyle and lay out a whole screen of them. Here an answer
    repaints one widget; clicks and hover are mapped to the options by row and column.
    """

    # Styles with theme variables, resolved once per theme. (Component classes would do the
    # same, but every focus change would then restyle seven of them per question.)
    STYLES = {
        "prompt": "bold",
        "key": "bold",
        "chosen": "bold $accent",
        "hover": "on $boost",
        "help": "$text-muted",
        "hint": "$warning",
        "interview": "$text-muted",
    }

    def __init__(
        self, question: Question, number: int, lang: Lang, answer: Answer, interview: bool
    ) -> None:
        super().__init__(classes="question-text")
        self.question = question
        self.number = number
        self.lang = lang
        self.answer = answer
        self.interview = interview
        self.hover: int | str | None = None
        self._wrapped_for: tuple[tuple[int, str], _Wrapped] | None = None
        self._drawn: tuple[object, ...] | None = None
        self._lines: list[Content] = []
        self._spots: list[Spot] = []

    # --- what is shown ----------------------------------------------------------------------

    def style(self, name: str) -> VisualStyle:
        """One of :attr:`STYLES`, with the current theme's colours."""
        return _theme_styles(self.app, self.STYLES)[name]

    def choices(self) -> list[tuple[int | str, str, str]]:
        """(value, key, label) of every choice, in order."""
        q, lang = self.question, self.lang
        options: list[tuple[int | str, str, str]] = [
            (k, str(k), one_line(text)) for k, text in enumerate(q.options.get(lang), start=1)
        ]
        options.append(("dont-know", "0", t("dim.dont-know", lang)))
        options.append(("n/a", "n", t("dim.n-a", lang)))
        return options

    def interview_line(self) -> Content:
        """Confidence and the revisit flag, readable without colour."""
        lang, a = self.lang, self.answer
        key = self.style("key")
        parts: list[str | tuple[str, VisualStyle]] = [t("dim.confidence", lang)]
        for letter, level in (("g", "guess"), ("k", "know"), ("v", "verified")):
            parts += [f"  {MARK[a.confidence == level]} ", (letter, key)]
            parts.append(f" {t(f'conf.{level}', lang)}")
        parts += [f"    {'⚑' if a.revisit else '·'} ", ("f", key), f" {t('dim.revisit', lang)}"]
        return Content.assemble(*parts)

    def texts(self) -> tuple[Content, Content, Content]:
        """The prompt, the help and the interviewer's hint, styled, not yet wrapped."""
        q, lang = self.question, self.lang
        prompt = Content(f"{self.number}. {one_line(q.prompt.get(lang))}").stylize(
            self.style("prompt")
        )
        why = Content.assemble(
            Content.styled(t("dim.why", lang), "italic"), one_line(q.help.get(lang))
        ).stylize(self.style("help"))
        hint = Content.assemble(
            Content.styled(t("dim.hint", lang), "bold"), one_line(q.hint.get(lang))
        ).stylize(self.style("hint"))
        return prompt, why, hint

    @property
    def plain(self) -> str:
        """Everything shown, one line per part, not wrapped (for reading back in tests)."""
        prompt, why, hint = self.texts()
        chosen = self.answer.value
        parts = [prompt.plain]
        parts += [f"{MARK[chosen == v]} {key} {label}" for v, key, label in self.choices()]
        parts.append(why.plain)
        if self.interview:
            parts += [hint.plain, self.interview_line().plain]
        return "\n".join(parts)

    @property
    def rows(self) -> list[str]:
        """The lines as drawn at the widget's width (without styles)."""
        return [line.plain for line in self._draw(self.content_size.width)]

    # --- drawing ----------------------------------------------------------------------------

    def _wrapped(self, width: int) -> _Wrapped:
        """The parts that do not change with the answer, wrapped to ``width`` (cached)."""
        key = (width, self.app.theme)
        if self._wrapped_for is not None and self._wrapped_for[0] == key:
            return self._wrapped_for[1]
        prompt, why, hint = self.texts()
        wrapped = _Wrapped(
            prompt=prompt.wrap(width),
            options=[Content(label).wrap(width - INDENT) for _, _, label in self.choices()[:-2]],
            why=why.wrap(width),
            hint=hint.wrap(width) if self.interview else [],
        )
        self._wrapped_for = (key, wrapped)
        return wrapped

    def _draw(self, width: int) -> list[Content]:
        """The lines for ``width`` columns, and where each option is; cached until a change."""
        width = max(width, INDENT + 8)
        key = (width, self.answer, self.hover, self.app.theme)
        if key == self._drawn:
            return self._lines
        parts = self._wrapped(width)
        lines: list[Content] = list(parts.prompt)
        spots: list[Spot] = []
        choices = self.choices()
        for (value, letter, _), body in zip(choices[:-2], parts.options, strict=True):
            row = len(lines)
            for i, part in enumerate(body):
                lead = self._mark(value, letter).pad_right(INDENT - 4) if i == 0 else " " * INDENT
                lines.append(self._emphasise(Content.assemble(lead, part), value, width))
            spots += [Spot(r, 0, width, value) for r in range(row, len(lines))]

        extras = [Content.assemble(self._mark(v, k), "  ", label) for v, k, label in choices[-2:]]
        if sum(x.cell_length for x in extras) + GAP <= width:
            row, line = len(lines), Content()
            for (value, _, _), part in zip(choices[-2:], extras, strict=True):
                if line.cell_length:
                    line = line.append(" " * GAP)
                spots.append(
                    Spot(row, line.cell_length, line.cell_length + part.cell_length, value)
                )
                line = line.append(self._emphasise(part, value, None))
            lines.append(line)
        else:
            for (value, _, _), part in zip(choices[-2:], extras, strict=True):
                row = len(lines)
                lines += [self._emphasise(x, value, width) for x in part.wrap(width)]
                spots += [Spot(r, 0, width, value) for r in range(row, len(lines))]

        lines += parts.why
        if self.interview:
            lines += parts.hint
            lines += self.interview_line().stylize(self.style("interview")).wrap(width)
        self._drawn, self._lines, self._spots = key, lines, spots
        return lines

    def _mark(self, value: int | str, letter: str) -> Content:
        """The mark (filled when chosen) and the key that picks the option, as in " ● 1"."""
        key = self.style("key")
        return Content.assemble(f" {MARK[self.answer.value == value]} ", (letter, key))

    def _emphasise(self, line: Content, value: int | str, width: int | None) -> Content:
        """The chosen option in the accent style; the one under the mouse on a lighter ground."""
        styles = []
        if self.answer.value == value:
            styles.append(self.style("chosen"))
        if self.hover == value:
            styles.append(self.style("hover"))
        if not styles:
            return line
        if width is not None:
            line = line.pad_right(width - line.cell_length)
        return line.stylize_before(sum(styles, VisualStyle()))

    def render(self) -> Content:
        return Content("\n").join(self._draw(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._draw(width))

    def show(self, answer: Answer) -> None:
        """Show a changed answer; a new layout only if the number of lines changes."""
        rows = len(self._lines)
        self.answer = answer
        self.refresh(layout=len(self._draw(self.content_size.width)) != rows)

    # --- the mouse --------------------------------------------------------------------------

    def spot_at(self, offset: Offset | None) -> Spot | None:
        """The option drawn at a content offset, if any."""
        if offset is None:
            return None
        self._draw(self.content_size.width)
        return next(
            (s for s in self._spots if s.row == offset.y and s.start <= offset.x < s.end),
            None,
        )

    def on_click(self, event: Click) -> None:
        spot = self.spot_at(event.get_content_offset(self))
        card = self.parent
        if isinstance(card, QuestionCard):
            event.stop()
            if spot is not None:
                card.pick(spot.value)
            card.focus()

    def on_mouse_move(self, event: MouseMove) -> None:
        spot = self.spot_at(event.get_content_offset(self))
        hover = None if spot is None else spot.value
        if hover != self.hover:
            self.hover = hover
            self.refresh()

    def on_leave(self, event: Leave) -> None:
        if self.hover is not None:
            self.hover = None
            self.refresh()


class QuestionCard(Vertical, can_focus=True):
    """A question: prompt, five anchored options, don't know / not applicable, help, note."""

    def __init__(
        self,
        question: Question,
        number: int,
        lang: Lang,
        answer: Answer | None,
        interview: bool = False,
    ) -> None:
        super().__init__(id=f"q-{question.id}", classes="question")
        self.question = question
        self.number = number
        self.lang = lang
        self.answer = answer or Answer()
        self.interview = interview
        self.text = QuestionText(question, number, lang, self.answer, interview)

    def compose(self) -> ComposeResult:
        q, lang = self.question, self.lang
        yield self.text
        yield TextField(
            self.answer.note,
            placeholder=t("dim.note-shared" if self.interview else "dim.note", lang),
            classes="note",
            id=f"note-{q.id}",
            compact=True,
            select_on_focus=False,
        )
        if self.interview:
            yield TextField(
                self.answer.private_note,
                placeholder=t("dim.note-private", lang),
                classes="note private",
                id=f"private-{q.id}",
                compact=True,
                select_on_focus=False,
            )

    def set_confidence(self, confidence: Confidence | None) -> None:
        """Change how sure the answer is; the app saves it."""
        self.answer = self.answer.model_copy(update={"confidence": confidence})
        self.text.show(self.answer)
        self.post_message(ConfidenceChanged(self.question.id, confidence))

    def set_revisit(self, revisit: bool) -> None:
        """Flag the question to come back to, or unflag it; the app saves it."""
        self.answer = self.answer.model_copy(update={"revisit": revisit})
        self.text.show(self.answer)
        self.post_message(RevisitChanged(self.question.id, revisit))

    @property
    def value(self) -> int | str:
        """The current answer value."""
        return self.answer.value

    def pick(self, value: int | str) -> None:
        """Choose ``value``; the app saves it."""
        self.answer = self.answer.model_copy(update={"value": value})
        self.text.show(self.answer)
        self.post_message(AnswerPicked(self.question.id, value))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        private = event.input.has_class("private")
        field = "private_note" if private else "note"
        if event.value != getattr(self.answer, field):
            self.answer = self.answer.model_copy(update={field: event.value})
            self.text.answer = self.answer
            self.post_message(NoteChanged(self.question.id, event.value, private=private))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus()
