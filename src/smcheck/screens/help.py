"""F1: the keys of the screen it was opened on, read from that screen's active bindings.

The list is made from what is bound right now (the screen, the focused widget and the app, as
Textual's footer sees them), so it cannot drift from the code: a key shows up once it is bound
and an action has a text ``help.do.NAME`` in the catalogue; disabled actions are left out.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding, BindingsMap
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.geometry import Size
from textual.keys import format_key
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from smcheck.core.langs import Lang
from smcheck.core.texts import KEYS, t

_ARROWS = {"up": "↑", "down": "↓", "left": "←", "right": "→", "backspace": "⌫"}
"""Keys shown as a symbol in both languages."""

_LAST = ("quit",)
"""Actions listed at the very end, after the app's other keys."""


def action_names(action: str) -> list[str]:
    """The catalogue names of a bound action, most specific first: ``app.go_back`` →
    ``go-back``; ``pick('n/a')`` → ``pick-n-a``, then ``pick``; numbers among the arguments
    are left out (``pick(2)`` → ``pick``)."""
    name, _, arguments = action.partition("(")
    base = _name(name.rsplit(".", 1)[-1])
    words: list[str] = []
    if arguments.rstrip(")"):
        try:
            values = ast.literal_eval(f"({arguments.rstrip(')')},)")
        except (ValueError, SyntaxError):
            values = ()
        words = [v for v in values if isinstance(v, str)]
    return [_name("-".join([base, *words])), base] if words else [base]


def _name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def help_text(action: str, lang: Lang) -> str | None:
    """What an action does, in ``lang``; ``None`` for actions the help leaves out."""
    for name in action_names(action):
        if f"help.do.{name}" in KEYS:
            return t(f"help.do.{name}", lang)
    return None


def key_name(key: str, lang: Lang) -> str:
    """A key as a person names it: ``ctrl+s`` → ``Strg+S`` / ``ctrl+s``, ``escape`` → ``Esc``."""
    *modifiers, name = key.split("+")
    if name in _ARROWS:
        shown = _ARROWS[name]
    elif f"help.key.{name}" in KEYS:
        shown = t(f"help.key.{name}", lang)
    elif re.fullmatch(r"f[0-9]+", name) or (len(name) == 1 and modifiers and lang == "de"):
        shown = name.upper()  # F1; German keyboards and manuals write Strg+S
    else:
        shown = format_key(name)
    return "+".join([*(t(f"help.key.{m}", lang) for m in modifiers), shown])


def key_rows(bindings: Iterable[ActiveBinding], lang: Lang) -> list[tuple[str, str]]:
    """(keys, what they do) for every enabled binding with a help text, one row per text.

    The screen's keys come first, then the focused widget's, then the app's, quitting last.
    Where a screen binds one action with several arguments, the ``key_display`` one of them
    has stands for all of them, as in the footer (``1–5`` for the picks 1 to 9, even while
    the binding that carries it is switched off for the mode).
    """
    rows: dict[str, list[str]] = {}
    summaries: dict[int, dict[tuple[str, str], str]] = {}
    active = [a for a in bindings if a.enabled]
    active.sort(key=lambda a: (action_names(a.binding.action)[-1] in _LAST, _rank(a.node)))
    for a in active:
        text = help_text(a.binding.action, lang)
        if text is None:
            continue
        if id(a.node) not in summaries:
            summaries[id(a.node)] = _summaries(a.node, lang)
        shown = summaries[id(a.node)].get((_base(a.binding.action), text))
        name = shown or key_name(a.binding.key, lang)
        names = rows.setdefault(text, [])
        if name not in names:
            names.append(name)
    return [(" ".join(names), text) for text, names in rows.items()]


def _base(action: str) -> str:
    return action.partition("(")[0]


def _summaries(node: DOMNode, lang: Lang) -> dict[tuple[str, str], str]:
    """(action, help text) → the ``key_display`` that stands for all of the node's bindings of
    that action with other arguments (read from the node's ``BINDINGS``, disabled ones too)."""
    own = [b for _, b in BindingsMap(getattr(node, "BINDINGS", []))]
    out: dict[tuple[str, str], str] = {}
    for b in own:
        base = _base(b.action)
        if b.key_display and any(_base(o.action) == base and o.action != b.action for o in own):
            text = help_text(b.action, lang)
            if text is not None:
                out.setdefault((base, text), b.key_display)
    return out


def _rank(node: DOMNode) -> int:
    """The screen's own keys first, then the focused widget's, then the app's."""
    return 0 if isinstance(node, Screen) else 2 if isinstance(node, App) else 1


class KeyList(Static):
    """Keys and what they do in two columns; a long text wraps under its own column."""

    def __init__(self, rows: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rows = rows

    def lines(self, width: int) -> list[str]:
        """The rows wrapped to ``width`` columns."""
        keys = max((cell_len(k) for k, _ in self.rows), default=0) + 2
        room = max(20, width - keys)
        lines: list[str] = []
        for key, text in self.rows:
            wrapped = textwrap.wrap(text, room) or [""]
            lines.append(key + " " * (keys - cell_len(key)) + wrapped[0])
            lines += [" " * keys + more for more in wrapped[1:]]
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Text:
        return Text("\n".join(self.lines(self.size.width or 80)))


class HelpDialog(ModalScreen[None]):
    """The keys of the screen below, in the screen's language."""

    BINDINGS = [Binding("escape,f1,enter,q", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, bindings: Mapping[str, ActiveBinding], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lang = lang
        self.rows = key_rows(bindings.values(), lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Static(Text(t("help.title", self.lang), style="bold"))
            with VerticalScroll(id="help-body"):
                yield KeyList(self.rows, id="help-keys")
                yield Static(Text(t("help.body", self.lang)), id="help-saved")
