"""Browser mode: from opening the page to the start screen, with Playwright and Debian's Chromium.

``smcheck serve`` is measured beside textual-serve's own server and page serving the bare app
(``bare_app.py``): the same terminal in the browser, the same aiohttp server and app process
per tab, with textual-serve's stock page. Every time is taken in the page, from the start of
the navigation (``performance.now()``): a script Playwright adds before the page's own watches
the WebSocket and notes when the bytes received since the terminal last changed size first
hold the screen's text; the screen counts as drawn then, or when the page has made its
terminal, whichever comes later. Requests
to any other host (the stock page's web fonts) are refused, as in ``tests/test_browser.py``.
Used by ``steps.py`` (``--only browser``).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import run
from run import Series, Verdict, _interleaved

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LINK = re.compile(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+")
WAIT = 60.0

WATCH = """
(() => {
  const wanted = %s;
  const Native = window.WebSocket;
  const marks = (window.__marks = {});
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      marks.socket = performance.now();
      const query = new URL(url, location.href).searchParams;
      let size = query.get("width") + "x" + query.get("height");
      let decoder = new TextDecoder();
      let text = "";
      this.addEventListener("open", () => { marks.open = performance.now(); });
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string") return;
        if (marks.bytes === undefined) marks.bytes = performance.now();
        if (marks.text !== undefined) return;
        text = (text + decoder.decode(event.data, { stream: true })).slice(-65536);
        if (text.includes(wanted)) marks.text = performance.now();
      });
      const send = this.send.bind(this);
      this.send = (data) => {
        // a real change of size: the app draws the screen again, and only that one counts
        const resize = typeof data === "string" && data.startsWith('["resize"') && JSON.parse(data)[1];
        if (resize && resize.width + "x" + resize.height !== size) {
          size = resize.width + "x" + resize.height;
          marks.resized = performance.now();
          delete marks.text;
          decoder = new TextDecoder();
          text = "";
        }
        send(data);
      };
    }
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector(".xterm-screen")) {
      marks.xterm = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => { marks.dom = performance.now(); });
  window.addEventListener("load", () => { marks.load = performance.now(); });
})();
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(condition: Any, what: str) -> None:
    end = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError(f"gave up waiting for {what}")
        time.sleep(0.05)


@contextmanager
def _server(argv: list[str], home: Path, link: str | None) -> Iterator[str]:
    """Start a server; yield the page's address (the link it prints, or ``link``)."""
    out = home / "server.out"
    env = {**run._terminal_env(home), "TERM": "xterm-256color"}
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            argv, env=env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        found: list[str] = []

        def printed() -> bool:
            if proc.poll() is not None:
                raise RuntimeError(out.read_text(encoding="utf-8", errors="replace"))
            found[:] = [link] if link else LINK.findall(out.read_text(encoding="utf-8"))
            return bool(found)

        _wait_for(printed, "the link")

        def up() -> bool:
            try:
                with urllib.request.urlopen(found[0], timeout=1) as response:
                    return bool(response.status == 200)
            except OSError:
                return False

        _wait_for(up, "the server")
        yield found[0]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _open(browser: Any, link: str, text: str) -> dict[str, float]:
    """Open the page in a fresh context; the marks (ms since navigation started) once the
    text is drawn."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    try:
        page = context.new_page()
        here = link.split("/?", 1)[0]
        ws = here.replace("http", "ws", 1)
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith((here, ws)) else r.abort(),
        )
        page.add_init_script(WATCH % repr(text))
        page.goto(link)
        # polled: wait_for_function would evaluate a string, which the page's CSP forbids
        ready = "() => Boolean(window.__marks.text && window.__marks.xterm)"
        end = time.monotonic() + WAIT
        while True:
            if page.evaluate(ready):
                page.wait_for_timeout(300)  # a resize that makes the app draw again comes soon
                if page.evaluate(ready):
                    break
            if time.monotonic() > end:
                raise RuntimeError(f"{text!r} was not drawn in {WAIT:.0f} s")
            page.wait_for_timeout(20)
        marks: dict[str, float] = page.evaluate(
            """() => {
                const n = performance.getEntriesByType("navigation")[0];
                return {...window.__marks, response: n.responseEnd};
            }"""
        )
        # drawn once the text is there at the terminal's size and the terminal is on the page
        marks["drawn"] = max(marks["text"], marks["xterm"])
        return marks
    finally:
        context.close()


def _bare_server(port: int) -> list[str]:
    command = shlex.join([sys.executable, str(run.BARE_APP), run.BARE_TEXT])
    code = (
        "import sys; from textual_serve.server import Server; "
        f"Server(sys.argv[1], host='127.0.0.1', port={port}).serve()"
    )
    return [sys.executable, "-c", code, command]


def bench_browser(runs: int) -> list[Verdict]:
    """Opening the page to the start screen drawn, ``smcheck serve`` against textual-serve's
    own page and server with the bare app; the terminal's first screen beside them."""
    if not Path(CHROMIUM).exists():
        print("browser: Debian's chromium is not installed; skipped\n")
        return []
    from playwright.sync_api import sync_playwright

    mine = Series("smcheck serve: page opened -> start screen drawn", "ms")
    base = Series("textual-serve's page, bare app: -> its text drawn", "ms")
    steps = {
        k: Series(f"  smcheck: {label}", "ms")
        for k, label in (
            ("response", "page received"),
            ("dom", "DOMContentLoaded (scripts run)"),
            ("load", "load event (fonts, styles)"),
            ("socket", "WebSocket opened by the page"),
            ("xterm", "terminal made (textual.js ran)"),
            ("open", "WebSocket open"),
            ("bytes", "first bytes of the app"),
            ("text", "start screen's text received"),
        )
    }
    terminal = Series("smcheck in a terminal: first screen (pty)", "ms")
    resized: list[bool] = []
    homes = [Path(tempfile.mkdtemp(prefix="smcheck-bench-serve-")) for _ in range(2)]
    smcheck = [sys.executable, "-m", "smcheck", "serve", "--lang", "en", "--port"]
    mine_port, bare_port = _free_port(), _free_port()
    try:
        with (
            sync_playwright() as p,
            _server([*smcheck, str(mine_port)], homes[0], None) as link,
            _server(
                _bare_server(bare_port), homes[1], f"http://127.0.0.1:{bare_port}/"
            ) as bare_link,
        ):
            browser = p.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )

            def one() -> None:
                marks = _open(browser, link, run.START_TEXT)
                resized.append("resized" in marks)
                mine.values.append(marks["drawn"])
                for key, series in steps.items():
                    series.values.append(marks[key])

            def bare() -> None:
                base.values.append(_open(browser, bare_link, run.BARE_TEXT)["drawn"])

            def pty() -> None:
                terminal.values.append(run.first_screen(run.SMCHECK_ARGV, run.START_TEXT)[0] * 1000)

            one()  # warm-up
            bare()
            for s in (mine, base, *steps.values()):
                s.values.clear()
            resized.clear()
            _interleaved(runs, one, bare, pty)
            browser.close()
    finally:
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)
    print("browser: Playwright with Debian's Chromium, 1200x800, times since navigation start")
    print(mine.line())
    for s in steps.values():
        print(s.line())
    print(f"  (the app was resized after its start in {sum(resized)} of {len(resized)} runs)")
    print(base.line())
    print(terminal.line())
    return [Verdict("browser", mine, base, 1.25)]
