"""Form fields shared by the screens."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Select, SelectionList

from smcheck.core.langs import Lang
from smcheck.core.text import printable
from smcheck.core.texts import t
from smcheck.seams import localise_select, select_list

_V = TypeVar("_V")


class TextField(Input):
    """A text input that shows stored text harmlessly (no control characters reach the terminal)
    and whose cursor blinks unless the app turns blinking off (for steady snapshots)."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(printable(value or ""), *args, **kwargs)

    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))


class Dropdown(Select[_V]):
    """Textual's Select whose open list names its Esc key in the user's language."""

    def __init__(self, *args: Any, lang: Lang, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def on_mount(self) -> None:
        localise_select(self, t("key.close-list", self.lang))

    def action_show_overlay(self) -> None:
        super().action_show_overlay()
        # Textual focuses the open list on its next turn: keys typed right behind the one that
        # opened it (↓ ↓ ⏎ in one breath) would reach the closed dropdown and be lost
        if self.expanded:
            self.screen.set_focus(select_list(self), scroll_visible=False)


class FieldOrder(Screen[Any]):
    """A screen of fields where Tab and Shift+Tab move the focus as soon as they arrive.

    Textual's own Tab passes the focused field first and comes back to the app as a binding,
    after any text typed right behind it, which then lands in the field being left (a fast
    typist, a paste, a browser sending keys in a burst). As priority bindings they keep order.
    """

    BINDINGS = [
        Binding("tab", "step_focus(1)", show=False, priority=True),
        Binding("shift+tab", "step_focus(-1)", show=False, priority=True),
    ]

    def action_step_focus(self, step: int) -> None:
        """Focus the next (1) or the previous (-1) field."""
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()


class ListKeys(Screen[Any]):
    """A screen with a list where its keys act as soon as they arrive (see :class:`FieldOrder`:
    as the list's own bindings they would come back to the app after a go-on key typed right
    behind them, and the arrow or the space would be lost with the screen)."""

    BINDINGS = [
        Binding(key, f"list_key('{action}')", show=False, priority=True)
        for key, action in (
            ("down", "cursor_down"),
            ("up", "cursor_up"),
            ("home", "first"),
            ("end", "last"),
            ("pagedown", "page_down"),
            ("pageup", "page_up"),
            ("space", "select"),  # ticks an entry of a selection list
        )
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "list_key":
            kind = SelectionList if parameters == ("select",) else OptionList
            return isinstance(self.focused, kind)
        return super().check_action(action, parameters)

    async def action_list_key(self, action: str) -> None:
        focused = self.focused
        if isinstance(focused, SelectionList) and action == "select":
            # the list's own "select" toggles whatever is highlighted when it gets round to it
            # (after arrows typed behind the space); this ticks the entry highlighted now
            if focused.highlighted is not None:
                focused.toggle(focused.get_option_at_index(focused.highlighted).value)
            return
        getattr(focused, f"action_{action}")()
