"""The baselines of the step budgets (``steps.py``): bare Textual apps doing what smcheck does.

- :class:`FormApp`: a first screen like ``bare_app.py``'s; Enter pushes a form comparable to
  smcheck's profile (8 inputs, 2 selects, a selection list, with labels in a grid and a button),
  and on the form Enter replaces it by a new one. Nothing is imported late: the widgets are
  imported here, at the top, as an app usually does.
- :class:`KeysApp`: ``bare_app.py``'s screen where every digit and Enter show the number of
  keys pressed so far: a key press that changes the screen and does nothing else.
- :class:`CardsApp`: twelve bordered cards of twenty lines in a scrolling list; every digit and
  Enter focus the next card and scroll it into view, as an answer in smcheck moves on (for
  reference: what Textual itself spends on that).
"""

# Textual declares BINDINGS as plain class attributes (as src/smcheck/screens does).
# ruff: noqa: RUF012

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

READY = "The bare Textual app is ready"
FORM_TITLE = "A form like the profile"

CSS = """
#form-scroll { height: 1fr; padding: 0 2; }
#form-grid { grid-size: 2; grid-columns: 31 1fr; grid-gutter: 0 1; grid-rows: 1; height: auto; }
#form-grid Label { color: $text-muted; }
#form-list { height: auto; }
"""


class SteadyInput(Input):
    """A text input with a steady cursor, as smcheck's benchmarks run it (a blinking cursor
    would change the screen twice a second and no step would ever look settled)."""

    def on_mount(self) -> None:
        self.cursor_blink = False


class FormScreen(Screen[None]):
    """Eight inputs, two selects and a selection list; Enter brings a fresh copy."""

    BINDINGS = [Binding("enter", "again", "Next", priority=True)]

    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"{FORM_TITLE} ({self.number})", id="form-title")
        with VerticalScroll(id="form-scroll"):
            with Grid(id="form-grid"):
                for i in range(1, 9):
                    yield Label(f"Field number {i}")
                    yield SteadyInput(f"value {i}", id=f"field-{i}", max_length=200, compact=True)
                yield Label("Size")
                yield Select(
                    [(s, s) for s in ("1-9", "10-49", "50-249", "250-999", "1000+")],
                    compact=True,
                )
                yield Label("Role")
                yield Select(
                    [(r, r) for r in ("leadership", "team", "consultant")],
                    value="team",
                    allow_blank=False,
                    compact=True,
                )
            yield Label("Objectives")
            yield SelectionList(
                *(Selection(f"Objective {i} – what it is for", i, i == 2) for i in range(1, 5)),
                id="form-list",
                compact=True,
            )
            yield Button("Continue", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    def action_again(self) -> None:
        self.app.switch_screen(FormScreen(self.number + 1))


class FormApp(App[None]):
    """``bare_app.py``'s screen; Enter pushes the form."""

    CSS = CSS
    BINDINGS = [Binding("enter", "form", "Next")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY)
        yield Footer()

    def action_form(self) -> None:
        self.push_screen(FormScreen(1))


class KeysApp(App[None]):
    """``bare_app.py``'s screen; every digit and Enter change its text."""

    BINDINGS = [
        *(Binding(str(k), "count", show=False) for k in range(10)),
        Binding("enter", "count", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY, id="text")
        yield Footer()

    def action_count(self) -> None:
        self.count += 1
        self.query_one("#text", Static).update(f"{READY}: {self.count} keys")


CARD = "\n".join(f"line {i} of a card as tall as a question with its options" for i in range(20))


class Card(Static, can_focus=True):
    """A focusable card of twenty lines."""

    DEFAULT_CSS = """
    Card { margin: 1 1 0 1; padding: 0 1; border: round $panel-lighten-2; }
    Card:focus { border: round $accent; }
    """


class CardsApp(App[None]):
    """Twelve cards; every digit and Enter move the focus to the next and scroll to it."""

    BINDINGS = [
        *(Binding(str(k), "next", show=False, priority=True) for k in range(10)),
        Binding("enter", "next", show=False, priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY, id="text")
        with VerticalScroll(id="cards"):
            for i in range(12):
                yield Card(f"{i + 1}. {CARD}")
        yield Footer()

    def on_mount(self) -> None:
        self.set_focus(self.query(Card).first())

    def action_next(self) -> None:
        self.count += 1
        target = self.query(Card)[self.count]
        self.set_focus(target, scroll_visible=False)
        target.scroll_visible(animate=False, immediate=True)
