"""What every smcheck screen shares: localised key labels, header and footer, back and next."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, cast

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen

from smcheck.core.langs import Lang
from smcheck.core.ui_text import UI, ui

if TYPE_CHECKING:
    from smcheck.app import SmcheckApp


def localise_bindings(node: DOMNode, lang: Lang) -> None:
    """Replace binding descriptions that are ui_text keys (``key.next``) by their translation.

    Textual reads footer labels from the node's own copy of its bindings (which also holds
    bindings added at run time, such as the command palette's), so this changes what the
    footer shows for this node only. The ui_text keys are remembered on first use, so
    switching the language back and forth works.
    """
    remembered: dict[tuple[str, str], str] | None = getattr(node, "_smcheck_ui_keys", None)
    if remembered is None:
        remembered = {
            (b.key, b.action): b.description
            for bindings in node._bindings.key_to_bindings.values()
            for b in bindings
            if b.description in UI
        }
        node._smcheck_ui_keys = remembered  # type: ignore[attr-defined]
    keys: dict[str, list[Binding]] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        keys[key] = [
            dataclasses.replace(b, description=ui(remembered[(b.key, b.action)], lang))
            if (b.key, b.action) in remembered
            else b
            for b in bindings
        ]
    node._bindings = BindingsMap.from_keys(keys)


class SmcheckScreen(Screen[None]):
    """A screen with key labels in the user's language."""

    def __init__(self, lang: Lang, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        localise_bindings(self, lang)

    @property
    def smcheck(self) -> SmcheckApp:
        """The app, typed."""
        return cast("SmcheckApp", self.app)

    def t(self, key: str, **values: object) -> str:
        """Screen text in this screen's language."""
        return ui(key, self.lang, **values)


class WalkScreen(SmcheckScreen):
    """A screen of the walk; ``backspace``, ``left`` and ``escape`` always go back."""

    BINDINGS = [
        Binding("backspace", "app.go_back", "key.back", key_display="⌫"),
        Binding("left", "app.go_back", "key.back", show=False),
        Binding("escape", "app.go_back", "key.back", show=False),
    ]
