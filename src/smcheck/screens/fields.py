"""Form fields shared by the screens."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer, Input

from smcheck.text import printable


class TextField(Input):
    """A text input that shows stored text harmlessly (no control characters reach the terminal)
    and whose cursor blinks unless the app turns blinking off (for steady snapshots)."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(printable(value or ""), *args, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))


class QuietFooter(Footer):
    """Textual's footer, rebuilt only when the keys it shows change (not on every focus move:
    moving between questions would otherwise rebuild it each time, the costliest part of a move)."""

    _shown: tuple[tuple[str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        shown = tuple(
            (key, active.binding.description, active.enabled)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
