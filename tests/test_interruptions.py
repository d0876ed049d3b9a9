"""smcheck in a real pseudo-terminal, interrupted: SIGKILL loses nothing already typed,
SIGTERM and SIGHUP save and leave cleanly, and a killed session is offered for resuming."""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from smcheck.files.session import SessionLock, load_session

WAIT = 60.0  # generous: a slow CI machine starting Python and Textual


class Terminal:
    """smcheck running in a pseudo-terminal of 80x24; everything it draws is collected."""

    def __init__(self, home: Path, *args: str) -> None:
        master, slave = pty.openpty()
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
            [sys.executable, "-m", "smcheck", "--lang", "en", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.master = master
        self.output = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def screen_has(self, text: str) -> bool:
        return text.encode() in self.output

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def wait_for(condition: Callable[[], bool], what: str) -> None:
    end = time.monotonic() + WAIT
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def _session(home: Path) -> Path | None:
    found = sorted((home / "sessions").glob("*.toml")) if (home / "sessions").is_dir() else []
    return found[0] if found else None


def _answered(home: Path) -> dict[str, int | str]:
    path = _session(home)
    if path is None:
        return {}
    try:
        answers, _ = load_session(path.stem)
    except Exception:  # a reader may race the writer only if writes were not atomic
        raise
    return {q: a.value for q, a in answers.answers.items() if a.value != ""}


def _released(session: Path) -> bool:
    """The session's lock was given back: its file (kept, see smcheck.files.lock) names no one,
    and the session can be locked again."""
    if session.with_suffix(".lock").read_bytes() != b"":
        return False
    lock = SessionLock(session.stem)
    lock.acquire()
    lock.release()
    return True


@pytest.fixture
def terminals() -> list[Terminal]:
    opened: list[Terminal] = []
    yield opened
    for term in opened:
        term.close()


def test_sigkill_loses_nothing_and_the_session_is_resumed(
    smcheck_home: Path, terminals: list[Terminal]
) -> None:
    term = Terminal(smcheck_home)
    terminals.append(term)
    wait_for(lambda: term.screen_has("How ready is your organisation"), "the start screen")
    term.type("\r")  # the quick check
    wait_for(lambda: _session(smcheck_home) is not None, "the new session file")
    term.type("Korn\x0e")  # organisation name, ctrl+n
    term.type("3\r2\r1\r4\r")  # four excuses answered, typed ahead
    wait_for(lambda: len(_answered(smcheck_home)) == 4, "four saved answers")
    session = _session(smcheck_home)
    assert session is not None
    term.proc.send_signal(signal.SIGKILL)
    term.proc.wait(timeout=WAIT)
    assert list(_answered(smcheck_home).values()) == [3, 2, 1, 4]
    answers, _ = load_session(session.stem)
    assert answers.organisation.name == "Korn"
    # The dead process could not clean up: its lock file still names it (its OS lock died with it).
    assert session.with_suffix(".lock").read_text(encoding="utf-8").startswith(f"{term.proc.pid} ")

    again = Terminal(smcheck_home)
    terminals.append(again)
    wait_for(lambda: again.screen_has("4/10 answered"), "the offer to resume")
    again.type("\r")  # resume: the dead owner's lock is taken over
    again.type("2\r")  # the fifth excuse
    wait_for(lambda: len(_answered(smcheck_home)) == 5, "the fifth answer")
    again.proc.send_signal(signal.SIGTERM)
    assert again.proc.wait(timeout=WAIT) == 0
    assert list(_answered(smcheck_home).values()) == [3, 2, 1, 4, 2]
    assert _released(session)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_save_and_exit_cleanly(
    sig: signal.Signals, smcheck_home: Path, terminals: list[Terminal]
) -> None:
    term = Terminal(smcheck_home)
    terminals.append(term)
    wait_for(lambda: term.screen_has("How ready is your organisation"), "the start screen")
    term.type("\r")
    wait_for(lambda: _session(smcheck_home) is not None, "the new session file")
    term.type("\x0e5")
    wait_for(lambda: len(_answered(smcheck_home)) == 1, "the saved answer")
    term.proc.send_signal(sig)
    assert term.proc.wait(timeout=WAIT) == 0
    session = _session(smcheck_home)
    assert session is not None and _released(session)
    assert list(_answered(smcheck_home).values()) == [5]
