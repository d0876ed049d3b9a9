"""Form fields shared by the screens."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from smcheck.text import printable


class TextField(Input):
    """A text input that shows stored text harmlessly (no control characters reach the terminal)
    and whose cursor blinks unless the app turns blinking off (for steady snapshots)."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(printable(value or ""), *args, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
