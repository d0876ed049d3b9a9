"""A closed terminal (a hang-up) ends smcheck, whatever moment it comes: after saving, the process
is gone within seconds, never left running with no terminal; and what was saved stays saved."""

from __future__ import annotations

import fcntl
import os
import random
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

import pytest

from smcheck.files.session import SessionLock, load_session

T = TypeVar("T")

START = 60.0  # generous: a slow CI machine starting Python and Textual
GONE = 6.0  # after a hang-up the process must be gone by then (the watchdog ends it at 2 s)

# The child makes the pseudo-terminal its controlling terminal, as a shell in a terminal window,
# tmux or sshd has it: only then does closing the terminal send it SIGHUP. (Done in a tiny
# launcher, not in preexec_fn, which is unsafe with the threads these tests run.)
_LAUNCH = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
    "os.execv(sys.executable, [sys.executable, '-m', 'smcheck', *sys.argv[1:]])"
)


class Tty:
    """smcheck in a pseudo-terminal of 80x24 that is its controlling terminal."""

    def __init__(self, home: Path, *args: str) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = {
            **os.environ,
            "SMCHECK_HOME": str(home),
            "TERM": "xterm-256color",
            "TEXTUAL_ANIMATIONS": "none",
            "LANG": "C.UTF-8",
        }
        env.pop("LC_ALL", None)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, "--lang", "en", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.master: int | None = master
        self.output = bytearray()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # select with a timeout, never a read that blocks: a close of the master while a read
        # waits on it would not take effect (no hang-up) until that read returned.
        while not self._stop.is_set():
            master = self.master
            if master is None:
                return
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def type(self, keys: str) -> None:
        assert self.master is not None
        os.write(self.master, keys.encode())

    def shows(self, text: str) -> bool:
        return text.encode() in self.output

    def hang_up(self) -> None:
        """Close the terminal, as closing its window does."""
        self._stop.set()
        self._reader.join()
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def gone(self, within: float) -> bool:
        """True once the process and its whole process group have ended (polled)."""
        end = time.monotonic() + within
        while time.monotonic() < end:
            if self.proc.poll() is not None and not _group_alive(self.proc.pid):
                return True
            time.sleep(0.02)
        return False

    def close(self) -> None:
        if self.proc.poll() is None:
            with suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.hang_up()


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def wait_for(condition: Callable[[], bool], what: str, within: float = START) -> None:
    end = time.monotonic() + within
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"gave up waiting for {what}")


def session_file(home: Path) -> Path | None:
    folder = home / "sessions"
    found = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return found[0] if found else None


def saved_values(home: Path) -> list[int | str]:
    """The answers saved so far, read back as every reader does (file and journal)."""
    path = session_file(home)
    if path is None:
        return []
    answers, _ = load_session(path.stem)
    return [a.value for a in answers.answers.values() if a.value != ""]


def _hang_up_once(home: Path, delay: float, how: str, walk: bool) -> str | None:
    """One run: start, optionally answer two excuses, hang up after ``delay``; a problem or None."""
    tty = Tty(home)
    try:
        before: list[int | str] = []
        if walk:
            wait_for(lambda: tty.shows("How ready is your organisation"), "the start screen")
            tty.type("\r")
            wait_for(lambda: session_file(home) is not None, "the new session")
            tty.type("Korn\x0e3\r2\r")
            wait_for(lambda: len(_in(home, saved_values)) == 2, "two saved answers")
            before = _in(home, saved_values)
        time.sleep(delay)
        if how == "close":
            tty.hang_up()
        else:  # what a terminal emulator or sshd sends, with the terminal still there
            os.killpg(tty.proc.pid, signal.SIGHUP)
        if not tty.gone(GONE):
            return f"{how} after {delay:.2f}s (walk={walk}): still running after {GONE}s"
        if walk:
            after = _in(home, saved_values)
            if after != before:
                return f"{how} after {delay:.2f}s: saved {before}, then {after}"
            if not _in(home, _lock_is_free):
                return f"{how} after {delay:.2f}s: the session is still locked"
        return None
    finally:
        tty.close()


def _lock_is_free(home: Path) -> bool:
    session = session_file(home)
    assert session is not None
    lock = SessionLock(session.stem)
    try:
        lock.acquire()
    except Exception:
        return False
    lock.release()
    return True


_HOME = threading.Lock()


def _in(home: Path, read: Callable[[Path], T]) -> T:
    """``read(home)`` with ``SMCHECK_HOME`` set to ``home`` (it is process-wide: runs take turns)."""
    with _HOME:
        os.environ["SMCHECK_HOME"] = str(home)
        return read(home)


def test_a_hang_up_at_any_moment_ends_the_process_and_keeps_what_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(20261125)
    runs = [
        (
            tmp_path / f"run{i}",
            rng.uniform(0.05, 1.2),
            "close" if i % 2 == 0 else "sighup",
            i % 4 >= 2,  # half of the runs hang up in the middle of the walk
        )
        for i in range(40)
    ]
    for home, *_ in runs:
        home.mkdir()
    monkeypatch.setenv("SMCHECK_HOME", str(tmp_path))
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=4) as pool:
        problems = [p for p in pool.map(lambda r: _hang_up_once(*r), runs) if p]
    assert problems == [], "\n".join(problems)
    assert time.monotonic() - started < 110
