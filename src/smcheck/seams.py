"""Every place smcheck relies on Textual's internals, in one module.

Textual is pinned exactly (see pyproject.toml); ``tests/test_seams.py`` checks each of these
against the installed Textual and fails loudly when an upgrade moves one of them.

- :func:`localise_bindings` rewrites a node's own copy of its bindings (``_bindings``), the
  only place Textual reads footer labels from for that node.
- :class:`QuietFooter` overrides ``Footer.bindings_changed`` to skip rebuilds that change
  nothing.
- :func:`nothing` is ``AwaitComplete.nothing()``, an awaitable for "the screen did not change".
- :class:`KeyScreens` relies on ``events.Key.is_forwarded``: a key the app passes to the focused
  widget comes back to the app to be matched against the focus chain's bindings.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Awaitable, Callable
from typing import Any, cast

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer

TEXTUAL_VERSION = "8.2.8"
"""The Textual release these seams were written against (pinned in pyproject.toml)."""


def localise_bindings(node: DOMNode, translate: Callable[[str], str | None]) -> None:
    """Replace binding descriptions by ``translate(description)`` where it gives a text.

    Textual reads footer labels from the node's own copy of its bindings (which also holds
    bindings added at run time, such as the command palette's), so this changes what the
    footer shows for this node only. The original descriptions are remembered on first use,
    so switching the language back and forth works.
    """
    remembered: dict[tuple[str, str], str] | None = getattr(node, "_smcheck_ui_keys", None)
    if remembered is None:
        remembered = {
            (b.key, b.action): b.description
            for bindings in node._bindings.key_to_bindings.values()
            for b in bindings
            if translate(b.description) is not None
        }
        node._smcheck_ui_keys = remembered  # type: ignore[attr-defined]
    keys: dict[str, list[Binding]] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        keys[key] = [
            dataclasses.replace(b, description=translate(remembered[(b.key, b.action)]) or "")
            if (b.key, b.action) in remembered
            else b
            for b in bindings
        ]
    node._bindings = BindingsMap.from_keys(keys)


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


def nothing() -> Awaitable[Any]:
    """An awaitable for when the screen does not change."""
    return cast("Awaitable[Any]", AwaitComplete.nothing())  # type: ignore[no-untyped-call]


class KeyScreens:
    """Remembers the screen each key arrived on, until it has been handled.

    A key the app passes on to the focused widget comes back to the app (forwarded) to be
    matched against the bindings of the focus chain. If the screen changed meanwhile (a go-on
    key typed right behind it), that chain belongs to another screen: an Enter meant for a
    list on the profile would end a note on the first excuse. :meth:`stale` says so.
    """

    def __init__(self) -> None:
        self._screens: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )

    def stale(self, event: events.Key, screen: Screen[Any]) -> bool:
        """True for a forwarded key whose screen is gone: drop it."""
        if not event.is_forwarded:
            self._screens[event] = screen
            return False
        return self._screens.pop(event, screen) is not screen
