"""Every Textual internal smcheck relies on (see smcheck/seams.py) is still where it was.

These fail loudly on a Textual upgrade that moves one of them; fix the seam, then the pin.
"""

from __future__ import annotations

import asyncio
import inspect
import tomllib
from importlib.metadata import version
from pathlib import Path

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


def test_a_selection_list_line_still_starts_with_its_button_and_plain_tick_blanks_the_unticked() -> (
    None
):
    from textual.app import App, ComposeResult
    from textual.widgets import SelectionList
    from textual.widgets._toggle_button import ToggleButton

    drawing = inspect.getsource(SelectionList.render_line)
    assert "selection_index = scroll_y + y" in drawing  # one line per selection
    assert "Segment(ToggleButton.BUTTON_INNER, style=button_style)" in drawing
    assert ToggleButton.BUTTON_INNER == "X"

    class Ticks(SelectionList[str]):
        def render_line(self, y: int) -> seams.Strip:
            return seams.plain_tick(self, y, super().render_line(y))

    class Lists(App[None]):
        def compose(self) -> ComposeResult:
            yield Ticks(("ticked", "a", True), ("not ticked", "b", False))

    async def lines() -> list[str]:
        async with Lists().run_test(size=(30, 4)) as pilot:
            await pilot.pause()
            ticks = pilot.app.query_one(Ticks)
            return [ticks.render_line(y).text for y in range(2)]

    first, second = asyncio.run(lines())
    assert first.startswith("▐X▌ ticked") and second.startswith("▐ ▌ not ticked")


# --- textual-serve: the overrides behind `smcheck serve` (seams.ServeSeams, smcheck.web) -----------


def test_the_installed_textual_serve_is_the_one_the_serve_overrides_were_written_for() -> None:
    assert version("textual-serve") == seams.TEXTUAL_SERVE_VERSION
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(d.startswith("textual-serve") for d in project["project"]["dependencies"])


def test_textual_serve_still_serves_what_make_app_builds_and_relays_in_process_messages() -> None:
    from textual_serve.server import Server

    from smcheck.web import WebServer

    assert "self._make_app()" in inspect.getsource(Server.serve)
    assert inspect.iscoroutinefunction(Server._make_app)
    assert list(inspect.signature(Server._make_app).parameters) == ["self"]
    relay = Server._process_messages
    assert inspect.iscoroutinefunction(relay)
    assert list(inspect.signature(relay).parameters) == ["self", "websocket", "app_service"]
    assert list(inspect.signature(Server.handle_download).parameters) == ["self", "request"]
    assert {"public_url", "templates_path"} <= inspect.signature(Server).parameters.keys()
    assert {"statics_path", "download_manager", "debug", "title"} <= vars(
        Server("true", templates_path=".")
    ).keys()
    # the overrides come before textual-serve's own
    assert WebServer.__mro__.index(seams.ServeSeams) < WebServer.__mro__.index(Server)


def test_app_services_and_downloads_are_still_what_the_session_override_expects() -> None:
    import dataclasses

    from textual_serve.app_service import AppService
    from textual_serve.download_manager import Download, DownloadManager

    async def nothing(*_: object) -> None:
        return None

    wanted = {"command", "write_bytes", "write_str", "close", "download_manager", "debug"}
    assert wanted <= inspect.signature(AppService).parameters.keys()
    service = AppService(
        "true",
        write_bytes=nothing,
        write_str=nothing,
        close=nothing,
        download_manager=DownloadManager(),
    )
    assert isinstance(service.app_service_id, str)
    assert service._process is None  # set by start(); the session override waits for its end
    assert list(inspect.signature(service.start).parameters) == ["width", "height"]
    assert inspect.iscoroutinefunction(service.stop)
    assert "app_service" in {f.name for f in dataclasses.fields(Download)}
    assert inspect.iscoroutinefunction(DownloadManager.get_download_metadata)


def test_textual_serves_page_script_still_reads_what_smchecks_page_gives_it() -> None:
    import textual_serve

    static = Path(textual_serve.__file__).parent / "static"
    script = (static / "js" / "textual.js").read_text(encoding="utf-8")
    for hook in (
        ".textual-terminal",  # the terminal's element
        "dataset.sessionWebsocketUrl",  # its WebSocket address …
        'new WebSocket(this.websocket_url+"?width="',  # … to which it adds the size
        "dataset.fontSize",
        '"-first-byte"',
        '"-closed"',  # the page shows the close reason then
        "${window.location.origin}/download/",  # downloads go to the page's own host
        '"#start"',
    ):
        assert hook in script, hook
    for font in ("RobotoMono-VariableFont_wght.ttf", "RobotoMono-Italic-VariableFont_wght.ttf"):
        assert (static / "fonts" / font).is_file()
    assert (static / "css" / "xterm.css").is_file()


def test_an_open_select_list_is_a_select_overlay_whose_escape_localise_select_relabels() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Select

    class Menu(App[None]):
        def compose(self) -> ComposeResult:
            yield Select([("one", 1)])

    async def labels() -> tuple[list[str], list[str]]:
        async with Menu().run_test() as pilot:
            select = pilot.app.query_one(Select)
            overlay = seams.select_list(select)
            assert type(overlay).__name__ == "SelectOverlay"

            def escape() -> list[str]:
                return [b.description for b in overlay._bindings.key_to_bindings.get("escape", [])]

            before = escape()
            seams.localise_select(select, "Liste schließen")
            return before, escape()

    before, after = asyncio.run(labels())
    assert before == [seams.SELECT_DISMISS]
    assert after == ["Liste schließen"]
