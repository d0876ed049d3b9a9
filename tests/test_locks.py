"""One writer per session: a live owner is refused, a dead one's lock is taken over."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from smcheck.files.session import SessionInUse, SessionLock


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_session_held_by_a_live_process_is_refused(smcheck_home: Path) -> None:
    first = SessionLock("20261124-090000")
    first.acquire()
    second = SessionLock("20261124-090000")
    with pytest.raises(SessionInUse) as caught:
        second.acquire()
    assert str(caught.value) == (
        f"session 20261124-090000 is open in another smcheck (process {os.getpid()} on "
        f"{socket.gethostname()}); close it there first"
    )
    first.release()
    second.acquire()  # free again
    assert second.held
    second.release()
    assert not (smcheck_home / "sessions" / "20261124-090000.lock").exists()


def test_the_lock_of_a_dead_owner_is_taken_over(smcheck_home: Path) -> None:
    folder = smcheck_home / "sessions"
    folder.mkdir()
    (folder / "20261124-090000.lock").write_text(
        f"{_dead_pid()} {socket.gethostname()}\n", encoding="utf-8"
    )
    lock = SessionLock("20261124-090000")
    lock.acquire()
    assert (
        (folder / "20261124-090000.lock").read_text(encoding="utf-8").startswith(f"{os.getpid()} ")
    )


def test_a_lock_from_another_machine_is_respected(smcheck_home: Path) -> None:
    folder = smcheck_home / "sessions"
    folder.mkdir()
    (folder / "20261124-090000.lock").write_text("123 laptop-of-someone-else\n", encoding="utf-8")
    with pytest.raises(SessionInUse, match="process 123 on laptop-of-someone-else"):
        SessionLock("20261124-090000").acquire()


def test_a_garbage_lock_file_is_replaced(smcheck_home: Path) -> None:
    folder = smcheck_home / "sessions"
    folder.mkdir()
    (folder / "20261124-090000.lock").write_text("not a lock", encoding="utf-8")
    lock = SessionLock("20261124-090000")
    lock.acquire()
    assert lock.held
