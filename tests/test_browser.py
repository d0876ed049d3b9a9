"""Browser mode end to end: `smcheck serve`, headless Chromium (Debian's package, driven by
Playwright), the quick check answered by keyboard with a note typed in one burst, the plan
delivered as a download and equal to what `smcheck score` makes of the saved session."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from smcheck.cli.main import main
from smcheck.files.session import load_session

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


@pytest.fixture
def server(smcheck_home: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "smcheck", "serve", "--port", str(port), "--lang", "en"],
        env={**os.environ, "SMCHECK_HOME": str(smcheck_home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                return bool(response.status == 200)
        except OSError:
            return False

    try:
        wait_for(up, "the server")
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=WAIT)


def _answers(home: Path) -> list[int | str]:
    sessions = sorted((home / "sessions").glob("*.toml")) if (home / "sessions").is_dir() else []
    if not sessions:
        return []
    answers, _ = load_session(sessions[0].stem)
    return [a.value for a in answers.answers.values() if a.value != ""]


def test_quick_check_in_the_browser_downloads_the_plan(
    server: str, smcheck_home: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    values = ["3", "2", "1", "4", "2", "0", "3", "1", "2", "4"]
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
            page = browser.new_context(
                accept_downloads=True, viewport={"width": 1200, "height": 800}
            ).new_page()
            # the page asks for web fonts from the internet: only this machine is reachable
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if "127.0.0.1" in route.request.url else route.abort()
                ),
            )
            downloads: list = []
            page.on("download", lambda download: downloads.append(download))
            page.goto(server)
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
                wait_for(
                    lambda count=count: len(_answers(smcheck_home)) == count, f"answer {count}"
                )
            page.keyboard.press("r")
            page.keyboard.press("Enter")
            page.keyboard.press("Control+e")
            wait_for(
                lambda: len(downloads) == 3, "three downloads", lambda: page.wait_for_timeout(100)
            )
            names = sorted(d.suggested_filename for d in downloads)
            toml = next(d for d in downloads if d.suggested_filename.endswith(".toml"))
            got = tmp_path / toml.suggested_filename
            toml.save_as(got)
        finally:
            browser.close()
    assert [n.rsplit(".", 1)[1] for n in names] == ["json", "md", "toml"]
    assert names[0].startswith("smcheck-20")  # no organisation name was given
    (session,) = (smcheck_home / "sessions").glob("*.toml")
    answers, _ = load_session(session.stem)
    assert answers.answers["sf-planning-state"].note == NOTE
    assert main(["score", str(session), "-o", str(tmp_path / "cli.toml")]) == 0
    assert got.read_bytes() == (tmp_path / "cli.toml").read_bytes()
