"""The baseline for the start-up and memory budgets: the barest Textual app with a first screen.

Header, one Static with known text, Footer; nothing else is imported. ``run.py`` starts it in a
pseudo-terminal exactly as it starts smcheck and waits for the text given as the first argument.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY = "The bare Textual app is ready"


class BareApp(App[None]):
    """Header, one Static, Footer."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.text)
        yield Footer()


if __name__ == "__main__":
    BareApp(sys.argv[1] if len(sys.argv) > 1 else READY).run()
