"""One writer per session: an OS lock, so a live owner is refused and a dead one's lock is free."""

from __future__ import annotations

import errno
import fcntl
import multiprocessing
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from smcheck.core.errors import SmcheckError
from smcheck.files.session import SessionInUse, SessionLock

SESSION = "20261124-090000"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@contextmanager
def _held_by_hand(path: Path, content: bytes) -> Iterator[None]:
    """An OS lock on ``path`` as another holder has it, with ``content`` as its owner line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(fd, 0)
        os.write(fd, content)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def test_a_session_held_by_a_live_process_is_refused(smcheck_home: Path) -> None:
    first = SessionLock(SESSION)
    first.acquire()
    assert first.held
    assert first.path == smcheck_home / "sessions" / f"{SESSION}.lock"
    second = SessionLock(SESSION)  # same process, another lock object: still one holder
    with pytest.raises(SessionInUse) as caught:
        second.acquire()
    assert str(caught.value) == (
        f"session {SESSION} is open in another smcheck (process {os.getpid()} on "
        f"{socket.gethostname()}); close it there first"
    )
    assert not second.held
    first.release()
    assert not first.held
    second.acquire()  # free again
    assert second.held
    second.release()
    # The file stays (deleting a locked file lets two holders in), but it names no one any more.
    assert (smcheck_home / "sessions" / f"{SESSION}.lock").read_bytes() == b""


def test_acquire_and_release_are_idempotent(smcheck_home: Path) -> None:
    lock = SessionLock(SESSION)
    lock.acquire()
    lock.acquire()  # already held: nothing more to take, one release gives it back
    lock.release()
    assert not lock.held
    lock.release()  # not held: nothing happens
    other = SessionLock(SESSION)
    other.acquire()
    assert other.held
    other.release()


def test_the_lock_of_a_dead_owner_is_taken_over(smcheck_home: Path) -> None:
    folder = smcheck_home / "sessions"
    folder.mkdir()
    (folder / f"{SESSION}.lock").write_text(
        f"{_dead_pid()} {socket.gethostname()}\n", encoding="utf-8"
    )
    lock = SessionLock(SESSION)
    lock.acquire()
    assert (folder / f"{SESSION}.lock").read_text(encoding="utf-8") == (
        f"{os.getpid()} {socket.gethostname()}\n"
    )
    lock.release()


def test_a_killed_holder_leaves_the_session_free(smcheck_home: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from smcheck.files.lock import SessionLock\n"
            f"lock = SessionLock({SESSION!r})\n"
            "lock.acquire()\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(SessionInUse, match=f"process {holder.pid} on "):
            SessionLock(SESSION).acquire()
    finally:
        holder.kill()
        holder.wait()
    lock = SessionLock(SESSION)
    lock.acquire()  # its lock died with it, whatever the file still says
    assert lock.held
    lock.release()


def test_a_lock_file_nobody_holds_is_free_whatever_it_names(smcheck_home: Path) -> None:
    # The old lock files named an owner and were trusted; an OS lock needs no such trust: a file
    # from a machine that crashed holds nothing.
    folder = smcheck_home / "sessions"
    folder.mkdir()
    (folder / f"{SESSION}.lock").write_text("123 laptop-of-someone-else\n", encoding="utf-8")
    lock = SessionLock(SESSION)
    lock.acquire()
    assert lock.held
    lock.release()


def test_the_holder_another_smcheck_names_is_shown(smcheck_home: Path) -> None:
    path = smcheck_home / "sessions" / f"{SESSION}.lock"
    with (
        _held_by_hand(path, b"123 laptop-of-someone-else\n"),
        pytest.raises(SessionInUse, match=r"\(process 123 on laptop-of-someone-else\); close"),
    ):
        SessionLock(SESSION).acquire()


def test_a_hostile_owner_line_is_made_harmless(smcheck_home: Path) -> None:
    path = smcheck_home / "sessions" / f"{SESSION}.lock"
    hostile = b"42 evil\x1b]0;pwned\x07\x1b[31m\r\nhost\xff\xfe\xe2\x80\xae" + b"x" * 300
    with _held_by_hand(path, hostile), pytest.raises(SessionInUse) as caught:
        SessionLock(SESSION).acquire()
    message = str(caught.value)
    assert message.startswith(f"session {SESSION} is open in another smcheck (process 42 on evil")
    assert message.endswith("); close it there first")
    assert message.isprintable()
    assert "\x1b" not in message and "\n" not in message and "\u202e" not in message
    assert len(message) < 200


@pytest.mark.parametrize("content", [b"", b"not a lock", b"\xff\xfe 12", b"-5 host\n"])
def test_a_holder_that_names_no_one_is_still_refused(smcheck_home: Path, content: bytes) -> None:
    path = smcheck_home / "sessions" / f"{SESSION}.lock"
    with _held_by_hand(path, content), pytest.raises(SessionInUse) as caught:
        SessionLock(SESSION).acquire()
    assert str(caught.value) == (
        f"session {SESSION} is open in another smcheck; close it there first"
    )


def test_a_garbage_lock_file_is_replaced(smcheck_home: Path) -> None:
    folder = smcheck_home / "sessions"
    folder.mkdir()
    (folder / f"{SESSION}.lock").write_text("not a lock", encoding="utf-8")
    lock = SessionLock(SESSION)
    lock.acquire()
    assert lock.held
    assert (folder / f"{SESSION}.lock").read_text(encoding="utf-8").startswith(f"{os.getpid()} ")
    lock.release()


def test_a_folder_without_os_locks_is_refused_not_raced(
    smcheck_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # filelock would fall back to an existence lock (the old race); preserve_lock_file forbids
    # that, so the OS error arrives, said as a user error.
    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    lock = SessionLock(SESSION)
    with pytest.raises(SmcheckError, match=f"^session {SESSION} cannot be locked: ") as caught:
        lock.acquire()
    assert not isinstance(caught.value, SessionInUse)
    assert not lock.held


def test_a_lock_refuses_what_is_not_a_session_id(smcheck_home: Path) -> None:
    with pytest.raises(SmcheckError, match="is not a session id"):
        SessionLock("../../etc/passwd")


# ----------------------------------------------------------------------------------------------
# Many processes at once: the race the old create-then-write lock lost now and then.

PROCESSES, TRIALS = 8, 30


def _contender(home: str, start: Any, attempted: Any, results: Any) -> None:
    """One smcheck of many: per trial, try the trial's session at the same moment as the rest."""
    os.environ["SMCHECK_HOME"] = home
    from smcheck.files.lock import SessionInUse, SessionLock

    for trial in range(TRIALS):
        lock = SessionLock(f"20261124-0900{trial:02d}")
        start.wait()
        try:
            lock.acquire()
        except SessionInUse as exc:
            outcome = str(exc)
        else:
            outcome = ""
        attempted.wait()  # the holder keeps it until every other one has tried
        results.put((trial, os.getpid(), lock.held, outcome))
        lock.release()


def test_eight_smchecks_opening_one_session_at_once_get_one_holder(smcheck_home: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    start, attempted = ctx.Barrier(PROCESSES, timeout=30), ctx.Barrier(PROCESSES, timeout=30)
    results = ctx.Queue()
    workers = [
        ctx.Process(target=_contender, args=(str(smcheck_home), start, attempted, results))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    try:
        outcomes = [results.get(timeout=60) for _ in range(PROCESSES * TRIALS)]
    finally:
        for worker in workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
    assert all(worker.exitcode == 0 for worker in workers)
    for trial in range(TRIALS):
        these = [o for o in outcomes if o[0] == trial]
        assert len(these) == PROCESSES
        holders = [pid for _, pid, held, _ in these if held]
        assert len(holders) == 1, f"trial {trial}: {len(holders)} holders"
        for _, _, held, refusal in these:
            if not held:  # refused, naming the holder or (caught mid-write) no one, never another
                assert refusal.startswith(f"session 20261124-0900{trial:02d} is open in another")
                assert "(process" not in refusal or f"(process {holders[0]} on " in refusal
