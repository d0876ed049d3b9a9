"""Every Textual internal smcheck relies on (see smcheck/seams.py) is still where it was.

These fail loudly on a Textual upgrade that moves one of them; fix the seam, then the pin.
"""

from __future__ import annotations

import asyncio
import inspect
import tomllib
from importlib.metadata import version

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Footer

from conftest import ROOT
from smcheck import seams


def test_the_installed_and_pinned_textual_is_the_one_the_seams_were_written_for() -> None:
    assert version("textual") == seams.TEXTUAL_VERSION
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"textual=={seams.TEXTUAL_VERSION}" in project["project"]["dependencies"]


def test_a_node_keeps_its_own_bindings_map_that_localising_replaces() -> None:
    class Node(Widget):
        BINDINGS = [Binding("f1", "help", "key.help"), Binding("x", "other", "plain")]  # noqa: RUF012

    node = Node()
    assert isinstance(node._bindings, BindingsMap)
    assert hasattr(node._bindings, "key_to_bindings")
    seams.localise_bindings(node, lambda d: "Hilfe" if d == "key.help" else None)
    shown = {b.action: b.description for bs in node._bindings.key_to_bindings.values() for b in bs}
    assert shown == {"help": "Hilfe", "other": "plain"}
    seams.localise_bindings(node, lambda d: "Help" if d == "key.help" else None)
    shown = {b.action: b.description for bs in node._bindings.key_to_bindings.values() for b in bs}
    assert shown["help"] == "Help"
    assert inspect.signature(BindingsMap.from_keys).parameters.keys() >= {"keys"}
    assert issubclass(Node, DOMNode)


def test_the_footer_still_rebuilds_through_bindings_changed() -> None:
    method = Footer.bindings_changed
    assert list(inspect.signature(method).parameters) == ["self", "screen"]
    assert seams.QuietFooter.bindings_changed is not method


def test_await_complete_nothing_and_forwarded_keys_exist() -> None:
    async def nothing() -> object:
        return seams.nothing()

    assert isinstance(asyncio.run(nothing()), AwaitComplete)
    key = events.Key("enter", None)
    assert key.is_forwarded is False
