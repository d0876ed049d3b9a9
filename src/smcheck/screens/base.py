"""What every smcheck screen shares: localised key labels, header and footer, back and next."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from smcheck.core.langs import Lang
from smcheck.core.texts import KEYS, t
from smcheck.seams import localise_bindings


def localise(node: DOMNode, lang: Lang) -> None:
    """Show the node's key labels that are catalogue keys (``key.next``) in ``lang``."""
    localise_bindings(node, lambda key: t(key, lang) if key in KEYS else None)


class SmcheckScreen(Screen[None]):
    """A screen with key labels in the user's language."""

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        localise(self, lang)

    def t(self, key: str, **values: object) -> str:
        """Screen text in this screen's language."""
        return t(key, self.lang, **values)

    def error(self, message: str) -> None:
        """Show a problem in a dialog over this screen."""
        from smcheck.screens.dialogs import ErrorDialog

        self.app.push_screen(ErrorDialog(self.lang, message))


class WalkScreen(SmcheckScreen):
    """A screen of the walk; ``backspace``, ``left`` and ``escape`` always go back."""

    BINDINGS = [
        Binding("backspace", "app.go_back", "key.back", key_display="⌫"),
        Binding("left", "app.go_back", "key.back", show=False),
        Binding("escape", "app.go_back", "key.back", show=False),
    ]
