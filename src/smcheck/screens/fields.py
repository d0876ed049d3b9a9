"""Form fields shared by the screens."""

from __future__ import annotations

from textual.widgets import Input


class TextField(Input):
    """A text input whose cursor blinks unless the app turns blinking off (for steady snapshots)."""

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
