"""A summary of the saved sessions kept beside them, so that listing them costs little however
many there are.

``index.json`` in the sessions folder holds, per session, what the lists show of it and the
identity of its file and journal (inode, size, change time in nanoseconds) when it was read. An
entry is used only while both still match: the index is never trusted over the files, and a
session changed by anyone (another smcheck, an editor) is read again. A missing, unreadable or
foreign index, or one written for other installed questionnaires, is simply rebuilt. The file is
private (0600) like the sessions it summarises, and erasing a session removes its entry.

Entries come in two strengths: ``checked`` ones were read and validated in full (``smcheck
sessions``, the plain mode), the others only parsed (the start screen, which must not wait for
validation). A reader that needs the full check reads an unchecked entry's session again.

Reading stays free of pydantic (the start screen's first frame waits for it); the file's shape
is :class:`smcheck.core.models.session_index.SessionIndex`, published as a JSON Schema.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import asdict, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock

from smcheck.core.errors import SmcheckError
from smcheck.files.journal import journal_path_of
from smcheck.files.locations import sessions_dir
from smcheck.files.overview import SessionInfo

SCHEMA = "smcheck.session-index/1"
INDEX_NAME = "index.json"
_LOCK_NAME = ".index.lock"

Stamp = list[int]
"""inode, size and change time (ns) of the session file, then the same of its journal (-1 each
when there is none)."""


def index_path() -> Path:
    """Where the index of the saved sessions lives."""
    return sessions_dir() / INDEX_NAME


def assessments_fingerprint() -> str:
    """Which questionnaire files are installed, as of their identity: an index written for
    others (a questionnaire added, updated or removed) is not used, since the number of
    questions and the problems it records depend on them."""
    from smcheck.files.locations import bundled_assessments_dir, user_assessments_dir

    parts = []
    for folder in (bundled_assessments_dir(), user_assessments_dir()):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                parts.append(f"{path}:{':'.join(map(str, _identity(path)))}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _identity(path: Path) -> list[int]:
    try:
        st = path.stat()
    except OSError:
        return [-1, -1, -1]
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def stamp(path: Path) -> Stamp:
    """The identity of a session file and its journal as they are now."""
    return _identity(path) + _identity(journal_path_of(path))


def _encode(info: SessionInfo) -> dict[str, Any]:
    data = asdict(info)
    data.pop("path")
    for key in ("updated", "completed"):
        value = data[key]
        data[key] = value.isoformat() if value is not None else None
    return data


_FIELDS = {f.name for f in fields(SessionInfo)} - {"path"}


def _decode(data: object, path: Path) -> SessionInfo | None:
    """An entry's info, or ``None`` if it is not exactly what :func:`_encode` writes."""
    if not isinstance(data, dict) or set(data) != _FIELDS or data.get("id") != path.stem:
        return None
    try:
        updated = data["updated"]
        completed = data["completed"]
        values = {
            **data,
            "updated": datetime.fromisoformat(updated) if updated is not None else None,
            "completed": date.fromisoformat(completed) if completed is not None else None,
        }
        info = SessionInfo(path=path, **values)
    except (TypeError, ValueError):
        return None
    text = (info.organisation, info.assessment, info.scope, info.respondent)
    numbers = (info.given, info.total)
    if not all(isinstance(v, str) for v in text) or not all(type(n) is int for n in numbers):
        return None
    if info.problem is not None and not isinstance(info.problem, str):
        return None
    return info


class SessionIndex:
    """The index of one sessions folder for one listing: look up, record, save."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.folder = sessions_dir()
        self.path = self.folder / INDEX_NAME
        self._entries: dict[str, dict[str, Any]] = {}
        self._changed = False
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            self._changed = self.path.exists() or self.folder.is_dir()
            return
        if (
            not isinstance(data, dict)
            or data.get("schema") != SCHEMA
            or data.get("assessments") != self.fingerprint
            or not isinstance(data.get("sessions"), dict)
        ):
            self._changed = True
            return
        self._entries = data["sessions"]

    def get(self, path: Path, now: Stamp, *, checked: bool) -> SessionInfo | None:
        """The recorded info of a session if its files are unchanged (and, with ``checked``,
        if it was validated in full)."""
        entry = self._entries.get(path.stem)
        if not isinstance(entry, dict) or entry.get("stamp") != now:
            return None
        if checked and entry.get("checked") is not True:
            return None
        return _decode(entry.get("info"), path)

    def put(self, info: SessionInfo, now: Stamp, *, checked: bool) -> None:
        """Record what was read of a session whose files had the identity ``now``."""
        if now[0] == -1:  # gone while it was read: nothing to remember
            return
        self._entries[info.id] = {"stamp": now, "checked": checked, "info": _encode(info)}
        self._changed = True

    def keep_only(self, ids: Iterable[str]) -> None:
        """Forget sessions that are no longer there."""
        wanted = set(ids)
        gone = set(self._entries) - wanted
        for session_id in gone:
            del self._entries[session_id]
        self._changed = self._changed or bool(gone)

    def save(self) -> None:
        """Write the index if anything changed; a failure only costs speed, never the listing."""
        if not self._changed or not self.folder.is_dir():
            return
        from smcheck.files.storage import write_atomic

        with suppress(OSError, SmcheckError), FileLock(self.folder / _LOCK_NAME):
            # Under the lock an erasure cannot interleave: drop whatever vanished meanwhile.
            kept = {k: v for k, v in self._entries.items() if (self.folder / f"{k}.toml").exists()}
            document = {"schema": SCHEMA, "assessments": self.fingerprint, "sessions": kept}
            text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            write_atomic(self.path, text + "\n", private=True)
        self._changed = False


def listed(
    paths: Iterable[Path],
    fingerprint: str,
    read: Callable[[Path], SessionInfo],
    *,
    checked: bool,
) -> list[SessionInfo]:
    """The info of every session in ``paths``: from the index where the files are unchanged,
    else from ``read`` (recorded for next time; ``checked`` says whether ``read`` validates in
    full). The index is saved once at the end."""
    index = SessionIndex(fingerprint)
    found: list[SessionInfo] = []
    for path in paths:
        now = stamp(path)
        info = index.get(path, now, checked=checked)
        if info is None:
            info = read(path)
            index.put(info, now, checked=checked)
        found.append(info)
    index.keep_only(p.stem for p in (i.path for i in found))
    index.save()
    return found


def forget(session_id: str) -> None:
    """Remove a session's entry from the index (when the session is erased)."""
    folder = sessions_dir()
    path = folder / INDEX_NAME
    if not path.exists():
        return
    from smcheck.files.storage import write_atomic

    with FileLock(folder / _LOCK_NAME):
        try:
            data = json.loads(path.read_bytes())
            if data["sessions"].pop(session_id, None) is None:
                return
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # unreadable: it may still name the session, and no index at all is always safe
            with suppress(FileNotFoundError):
                os.unlink(path)
            return
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        write_atomic(path, text + "\n", private=True)
