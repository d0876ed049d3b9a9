"""Every place smcheck relies on Textual's internals, in one module.

Textual is pinned exactly (see pyproject.toml); ``tests/test_seams.py`` checks each of these
against the installed Textual and fails loudly when an upgrade moves one of them.

- :func:`localise_bindings` rewrites a node's own copy of its bindings (``_bindings``), the
  only place Textual reads footer labels from for that node.
- :func:`select_list` finds a Select's list by its type name ``SelectOverlay``;
  :func:`localise_select` relabels its Esc binding, whose Textual label is :data:`SELECT_DISMISS`.
- :class:`QuietFooter` overrides ``Footer.bindings_changed`` to skip rebuilds that change
  nothing.
- :func:`nothing` is ``AwaitComplete.nothing()``, an awaitable for "the screen did not change".
- :func:`plain_tick` relies on how ``SelectionList.render_line`` draws a line: the selection at
  ``scroll_offset.y + y``, its button as the first three segments, the middle one
  ``ToggleButton.BUTTON_INNER`` (a private module's class).
- :class:`KeyScreens` relies on ``events.Key.is_forwarded``: a key the app passes to the focused
  widget comes back to the app to be matched against the focus chain's bindings.

The second section, at the end, holds the overrides of textual-serve's server that
``smcheck serve`` (:mod:`smcheck.web`) needs: :class:`ServeSeams`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import threading
import weakref
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.widgets import SelectionList

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


SELECT_DISMISS = "Dismiss menu"
"""The footer label Textual gives Esc while a Select's list is open."""


def select_list(select: Widget) -> Widget:
    """The list a Select opens: its ``SelectOverlay`` child, composed before the Select's own
    Mount handler runs."""
    return select.query_one("SelectOverlay")


def localise_select(select: Widget, label: str) -> None:
    """Show ``label`` for Esc in the footer while ``select``'s list is open (Textual labels
    it in English only)."""
    localise_bindings(select_list(select), lambda d: label if d == SELECT_DISMISS else None)


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


def plain_tick(selections: SelectionList[Any], y: int, line: Strip) -> Strip:
    """Line ``y`` of ``selections`` as drawn, with the button readable without colour: ``▐X▌``
    when ticked, ``▐ ▌`` when not (Textual draws ``▐X▌`` for both; only colour differs)."""
    from rich.segment import Segment
    from textual.widgets._toggle_button import ToggleButton  # what SelectionList draws with

    segments = list(line)
    if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
        return line  # no button on this line (or drawn another way: left as it is)
    index = selections.scroll_offset.y + y  # one line per selection, as render_line counts
    if not 0 <= index < selections.option_count:
        return line
    if selections.get_option_at_index(index).value in selections.selected:
        return line
    segments[1] = Segment(" " * len(segments[1].text), segments[1].style)
    return Strip(segments, line.cell_length)


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


# A message a screen does not handle is passed on to its parent, for a screen the app, by calling
# the parent's ``post_message`` (``Message._bubble_to`` in Textual 8.2.8), in the task of the
# screen that passes it on. The app's own queue may be far behind by then: keys typed ahead wait
# there, each behind the screen change the key before it asked for, and a message put in the
# queue waits behind all of them. ArrivalApp handles chosen messages in ``post_message`` instead,
# the moment they arrive (the session's edits: they reach the journal before any screen work).
# tests/test_seams.py checks that bubbling still goes this way; should it change, the messages
# simply take the queue again (later, never lost).


class ArrivalApp(App[None]):
    """An app that handles the messages in :attr:`ARRIVING` as soon as they are posted to it.

    Their handlers (``on_...``, named by ``Message.handler_name``) must be plain functions; they
    run in the task that posts the message, on the app's thread only (from another thread a
    message takes the queue, as usual).
    """

    ARRIVING: ClassVar[tuple[type[Message], ...]] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._thread = threading.get_ident()  # the app runs in the thread that made it

    def post_message(self, message: Message) -> bool:
        if (
            isinstance(message, self.ARRIVING)
            and self.is_running
            and threading.get_ident() == self._thread
        ):
            getattr(self, message.handler_name)(message)
            return True
        return super().post_message(message)


# =================================================================================================
# textual-serve: the overrides of its Server behind `smcheck serve` (smcheck.web)
# =================================================================================================
#
# Nothing of textual-serve is imported here at run time: every app start (each browser tab's
# process too) loads this module, and textual-serve brings aiohttp, about 0.3 s. ServeSeams is a
# textual-serve Server for the type checker only; smcheck.web mixes it in before Server.

TEXTUAL_SERVE_VERSION = "1.1.3"
"""The textual-serve release the overrides below were written against."""

PROCESS_END = 10.0
"""Seconds an app process has to end after its session did, before it is killed."""

if TYPE_CHECKING:
    from aiohttp import web
    from textual_serve.server import Server as _ServeBase
else:
    _ServeBase = object


class ServeSeams(_ServeBase):
    """textual-serve's ``Server`` where its public API stops (mix in before ``Server``).

    - :meth:`_make_app`: ``Server.serve()`` runs the aiohttp application this private method
      makes; textual-serve's has fixed, unguarded routes. Here it is the subclass's
      :meth:`make_app`.
    - :meth:`run_session`: textual-serve's ``handle_websocket`` starts ``self.command``, one
      command for every browser tab. This is its body with the command given per session; it
      starts the process through ``AppService``, relays the browser's messages through the
      private ``_process_messages`` and, at the end, waits for the process (``AppService``'s
      private ``_process``), which textual-serve does not.
    - :meth:`download_owner`: the running app a download comes from (the ``AppService`` held by
      ``DownloadManager``'s metadata).
    """

    async def make_app(self) -> web.Application:
        """The aiohttp application to serve: routes, middlewares, templates."""
        raise NotImplementedError

    async def _make_app(self) -> web.Application:
        return await self.make_app()

    async def run_session(
        self,
        websocket: web.WebSocketResponse,
        command: str,
        size: tuple[int, int],
        started: Callable[[str], object],
    ) -> None:
        """Run ``command`` (a shell command line) for a prepared WebSocket until either ends,
        and until its process is gone.

        ``started`` gets the id of the app process's service, which its downloads name.
        """
        from textual_serve.app_service import AppService

        async def close() -> None:
            await websocket.close()

        app_service: AppService | None = None
        try:
            app_service = AppService(
                command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            started(app_service.app_service_id)
            await app_service.start(*size)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # as textual-serve does: the server keeps serving
            logging.getLogger("textual-serve").exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
                if (process := app_service._process) is not None:
                    # textual-serve neither closes the process's stdin nor waits for its end: a
                    # session is over (and its place free) only when the process is gone
                    if process.stdin is not None:
                        process.stdin.close()
                    try:
                        await asyncio.wait_for(process.wait(), PROCESS_END)
                    except TimeoutError:
                        process.kill()
                        await process.wait()

    async def download_owner(self, key: str) -> str | None:
        """The id of the app service a pending download comes from; None for an unknown key."""
        try:
            download = await self.download_manager.get_download_metadata(key)
        except KeyError:
            return None
        return download.app_service.app_service_id
