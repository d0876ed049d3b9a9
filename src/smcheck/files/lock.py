"""One writer per session, kept by the operating system.

``ID.lock`` beside the session file carries an OS file lock (``flock`` on Unix, via ``filelock``):
the kernel grants it to exactly one open file at a time and drops it when its process ends,
however it ends. So there is no owner to check for liveness and no stale lock to clean up: a lock
file whose owner died is simply free. The holder writes its pid and host into the file (through
the locked descriptor, before ``acquire`` returns); that is only for the message a refused
competitor shows, never a part of the locking. filelock 3.30 or later is needed for that: older
versions truncated the file on every attempt, so a refused competitor erased the holder's name.

The file stays in place on release (it is emptied instead): deleting a locked file lets a waiter
that opened the old file lock it while a newcomer creates and locks a new one, two holders at once.
A filesystem without OS locks is refused (filelock's fallback, a lock file's mere existence, is
the race this replaces).
"""

from __future__ import annotations

import os
import socket
import time
from contextlib import suppress
from pathlib import Path

from filelock import FileLock, Timeout

from smcheck.core.errors import SmcheckError
from smcheck.core.text import one_line
from smcheck.files.locations import sessions_dir
from smcheck.files.overview import check_session_id

_OWNER_BYTES = 512
"""At most this much of a lock file is read for the owner: it is a pid and a host name."""
_MAX_HOST = 100
_OWNER_TRIES = 4
"""A holder writes its name just after it got the lock: a competitor may look a moment too early."""
_OWNER_WAIT = 0.05


class SessionInUse(SmcheckError):
    """Another running smcheck has this session open."""


class SessionLock:
    """Keeps one writer per session: an OS lock on ``ID.lock`` beside the session file.

    Two locks on one session conflict whether they are in two processes or in one. The lock of a
    process that died (killed, crashed, machine restarted) is free again at once.
    """

    def __init__(self, session_id: str) -> None:
        check_session_id(session_id)
        self.session_id = session_id
        self.path: Path = sessions_dir() / f"{session_id}.lock"
        # Not thread-local: a screen may take the lock in one thread and give it back in another.
        # preserve_lock_file: never unlinked (see above), and no fallback to an existence lock.
        self._lock = FileLock(
            self.path,
            timeout=0,
            thread_local=False,
            preserve_lock_file=True,
            on_acquired=_sign,
        )

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._lock.is_locked

    def acquire(self) -> None:
        """Take the lock or raise :class:`SessionInUse` naming who holds it; never waits."""
        if self.held:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise SessionInUse(self._refusal()) from None
        except OSError as exc:  # e.g. a network folder that has no locks
            raise SmcheckError(
                f"session {self.session_id} cannot be locked: {one_line(str(exc))}"
            ) from exc

    def release(self) -> None:
        """Give the lock back (only if this object holds it)."""
        if not self.held:
            return
        try:
            with suppress(OSError):  # while still held: it names no one any more
                fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
                try:
                    os.ftruncate(fd, 0)
                finally:
                    os.close(fd)
        finally:
            self._lock.release(force=True)

    def _refusal(self) -> str:
        owner = None
        for attempt in range(_OWNER_TRIES):
            owner = _owner(self.path)
            if owner is not None:
                break
            if attempt + 1 < _OWNER_TRIES:
                time.sleep(_OWNER_WAIT)
        who = f" (process {owner[0]} on {owner[1]})" if owner else ""
        return f"session {self.session_id} is open in another smcheck{who}; close it there first"


def _sign(fd: int) -> None:
    """Write this process's pid and host into the lock file just locked (filelock's hook)."""
    with suppress(OSError):  # the name is for messages only; the lock is held either way
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())


def _owner(path: Path) -> tuple[int, str] | None:
    """The pid and host a lock file names, made safe to show; None if it names no one."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(_OWNER_BYTES)
    except OSError:
        return None
    parts = raw.decode("utf-8", errors="replace").split(maxsplit=1)
    if len(parts) != 2 or not parts[0].isascii() or not parts[0].isdigit():
        return None
    host = one_line(parts[1])[:_MAX_HOST]
    if not host:
        return None
    return int(parts[0]), host
