"""Browser mode end to end: `smcheck serve`, headless Chromium (Debian's package, driven by
Playwright) opening the link it prints, the quick check answered by keyboard with a note typed
in one burst, the plan delivered as a download and equal to what `smcheck score` makes of the
saved session; nothing asked of any other host; a tab beyond the session limit told so."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from smcheck.cli.main import main
from smcheck.files.session import load_session

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Download, Page, Route

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NOTE = "Öffnungszeiten, neue Filiale & 3 Kanäle: noch offen"
WAIT = 60.0

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium); CI installs it",
        allow_module_level=True,
    )


def wait_for(
    condition: Callable[[], bool], what: str, tick: Callable[[], object] | None = None
) -> None:
    """Poll ``condition``; ``tick`` waits between polls (Playwright's own wait lets it deliver events)."""
    end = time.monotonic() + WAIT
    while time.monotonic() < end:
        if condition():
            return
        (tick or (lambda: time.sleep(0.1)))()
    raise AssertionError(f"gave up waiting for {what}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


LINK = re.compile(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+")


@pytest.fixture
def serve(smcheck_home: Path, tmp_path: Path) -> Iterator[Callable[..., str]]:
    """Starts `smcheck serve` with the given options; returns the link it prints (the one that
    carries the token), once the page opens through it."""
    started: list[subprocess.Popen[bytes]] = []

    def start(*options: str) -> str:
        out = tmp_path / f"serve-{len(started)}.out"
        with out.open("wb") as sink:
            proc = subprocess.Popen(
                [sys.executable, "-m", "smcheck", "serve", "--port", str(_free_port()), *options],
                env={**os.environ, "SMCHECK_HOME": str(smcheck_home)},
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started.append(proc)
        found: list[str] = []

        def printed() -> bool:
            assert proc.poll() is None, out.read_text(encoding="utf-8")
            found[:] = LINK.findall(out.read_text(encoding="utf-8"))
            return bool(found)

        wait_for(printed, "the link")

        def up() -> bool:
            try:
                with urllib.request.urlopen(found[0], timeout=1) as response:
                    return bool(response.status == 200)
            except OSError:
                return False

        wait_for(up, "the server")
        return found[0]

    try:
        yield start
    finally:
        for proc in started:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=WAIT)


@pytest.fixture
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


def _only_here(page: Page, link: str) -> list[str]:
    """Lets the page reach the server only; returns the list of what it asked elsewhere."""
    here = link.split("/?", 1)[0]
    elsewhere: list[str] = []

    def route(r: Route) -> None:
        if r.request.url.startswith((here + "/", here.replace("http", "ws", 1) + "/")):
            r.continue_()
        else:
            elsewhere.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    return elsewhere


def _answers(home: Path) -> list[int | str]:
    sessions = sorted((home / "sessions").glob("*.toml")) if (home / "sessions").is_dir() else []
    if not sessions:
        return []
    answers, _ = load_session(sessions[0].stem)
    return [a.value for a in answers.answers.values() if a.value != ""]


def test_quick_check_in_the_browser_downloads_the_plan(
    serve: Callable[..., str], chromium: Browser, smcheck_home: Path, tmp_path: Path
) -> None:
    link = serve("--lang", "en")
    values = ["3", "2", "1", "4", "2", "0", "3", "1", "2", "4"]
    page = chromium.new_context(
        accept_downloads=True, viewport={"width": 1200, "height": 800}
    ).new_page()
    elsewhere = _only_here(page, link)
    downloads: list[Download] = []
    page.on("download", lambda download: downloads.append(download))
    page.goto(link)
    page.wait_for_selector("body.-first-byte", timeout=WAIT * 1000)
    page.click("#terminal")
    wait_for(
        lambda: (page.keyboard.press("Enter"), (smcheck_home / "sessions").is_dir())[1],
        "a new session",
    )
    page.keyboard.press("Control+n")
    # text through the browser: a note on the first question, typed in one burst
    page.keyboard.press("Tab")
    page.keyboard.type(NOTE)
    page.keyboard.press("Shift+Tab")
    for count, key in enumerate(values, start=1):
        page.keyboard.press(key)
        page.keyboard.press("Enter")
        wait_for(lambda count=count: len(_answers(smcheck_home)) == count, f"answer {count}")
    page.keyboard.press("r")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+e")
    # the downloads go through the cookie the link's first visit set (they carry no token)
    wait_for(lambda: len(downloads) == 7, "seven downloads", lambda: page.wait_for_timeout(100))
    names = sorted(d.suggested_filename for d in downloads)
    toml = next(d for d in downloads if d.suggested_filename.endswith(".toml"))
    got = tmp_path / toml.suggested_filename
    toml.save_as(got)
    assert elsewhere == []  # the font included: nothing was asked of another host
    assert [n.rsplit(".", 1)[1] for n in names] == [
        "csv",
        "html",
        "ics",
        "json",
        "md",
        "pdf",
        "toml",
    ]
    assert names[0].startswith("smcheck-20")  # no organisation name was given
    (session,) = (smcheck_home / "sessions").glob("*.toml")
    answers, _ = load_session(session.stem)
    assert answers.answers["sf-planning-state"].note == NOTE
    assert main(["score", str(session), "-o", str(tmp_path / "cli.toml")]) == 0
    assert got.read_bytes() == (tmp_path / "cli.toml").read_bytes()


def test_a_tab_beyond_the_session_limit_is_told_so_on_the_page(
    serve: Callable[..., str], chromium: Browser
) -> None:
    link = serve("--lang", "en", "--max-sessions", "1")
    context = chromium.new_context(viewport={"width": 1000, "height": 700})
    first, second = context.new_page(), context.new_page()
    first.goto(link)
    first.wait_for_selector("body.-first-byte", timeout=WAIT * 1000)
    second.goto(link.split("?", 1)[0])  # the cookie the first visit set lets it in
    second.wait_for_selector("body.-closed", timeout=WAIT * 1000)
    told = second.inner_text(".closed-dialog .message")
    assert "All sessions this link allows are open (1;" in told and "--max-sessions" in told
    assert first.evaluate("document.body.classList.contains('-closed')") is False
