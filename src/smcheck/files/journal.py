"""The journal of an open session: every edit durable the moment it is made.

Rewriting the whole session file (a complete new file, flushed to disk and moved into place) for
every key would make durability wait for that work. Instead each change is appended to
``ID.journal`` beside ``ID.toml`` as one small JSON line, flushed to disk before the edit counts
as made. The journal is folded into the session file (the file rewritten, the journal emptied) now
and then: the interface does it when the walk moves to another screen, when it has been idle for
a moment and on exit; :class:`~smcheck.files.open_session.OpenSession` when the journal grows
long, when it is opened and when it is closed.

The format (``smcheck.journal/1``), UTF-8, one JSON object per line, each ending in ``\\n``::

    {"schema": "smcheck.journal/1", "session": "20261125-143012"}
    {"set": {"updated": "2026-11-25T14:31:02Z"}, "answers": {"sf-planning-state": {"value": 2}}}

The first line names the format and the session. Every later line carries, for each field of the
answers file that changed, its new value (``set``: top-level fields; ``answers``: the whole answer
of each changed question, ``null`` for one taken out). A line holds whole values, never steps, so
replaying a line that was already folded changes nothing: a crash between writing the session
file and emptying the journal loses nothing and doubles nothing.

A last line without its ``\\n`` was cut off by a crash in the middle of the write (or is being
written while someone reads): it was never confirmed, and it is ignored. Any other line that
cannot be read is a broken file and is named (file, line), never skipped.

This module reads and writes plain dicts and does not load pydantic (the start screen's list
reads journals too); the answers model is applied in :mod:`smcheck.files.session`.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path
from typing import Any

from smcheck.core.errors import InvalidFile, Problem, SmcheckError

JOURNAL_SCHEMA = "smcheck.journal/1"

MAX_JOURNAL_BYTES = 16 * 1024 * 1024
"""A larger journal is refused: it is folded long before (see :data:`FOLD_BYTES`)."""

FOLD_LINES = 64
"""An open session folds its journal after this many changes, whatever the front end does."""
FOLD_BYTES = 256 * 1024
"""... or once it is this large (a long note typed key by key)."""

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no line-ending translation

Entry = dict[str, Any]
"""One change: ``{"set": {field: value}, "answers": {question: answer or None}}``."""


def journal_path_of(session_file: Path) -> Path:
    """The journal beside a session file (``ID.toml`` → ``ID.journal``)."""
    return session_file.with_suffix(".journal")


# --- what a change is ---------------------------------------------------------------------------


def entry_between(old: dict[str, Any], new: dict[str, Any]) -> Entry:
    """The journal line that turns ``old`` into ``new`` (both JSON-ready dumps of answers)."""
    entry: Entry = {}
    fields = {k: v for k, v in new.items() if k != "answers" and old.get(k) != v}
    fields.update({k: None for k in old if k != "answers" and k not in new})
    if fields:
        entry["set"] = fields
    before: dict[str, Any] = old.get("answers") or {}
    after: dict[str, Any] = new.get("answers") or {}
    answers: dict[str, Any] = {
        q: {k: v for k, v in a.items() if v is not None}
        for q, a in after.items()
        if before.get(q) != a
    }
    answers.update({q: None for q in before if q not in after})
    if answers:
        entry["answers"] = answers
    return entry


def apply_entry(data: dict[str, Any], entry: Entry) -> None:
    """Apply one journal line to the data of an answers file (in place)."""
    for field, value in entry.get("set", {}).items():
        data[field] = value
    answers = entry.get("answers")
    if answers:
        table = data.get("answers")
        table = dict(table) if isinstance(table, dict) else {}
        for question, answer in answers.items():
            if answer is None:
                table.pop(question, None)
            else:
                table[question] = answer
        data["answers"] = table


# --- reading ------------------------------------------------------------------------------------


def identity(path: Path) -> tuple[int, int, int] | None:
    """What changes when a session file is replaced (a fold): a reader that finds it changed
    between reading the file and reading the journal reads both again. (A fold replaces the file
    before it empties the journal, so an unchanged file means the journal read belongs to it.)"""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


READS = 5
"""A reader racing that many folds in a row gives up and takes what it read last."""


def _bad(path: Path, line: int, message: str) -> InvalidFile:
    return InvalidFile([Problem(str(path), message, line=line)])


def _checked(path: Path, number: int, entry: object) -> Entry:
    """``entry`` if it has the shape of a change line (the values are checked later)."""
    if not isinstance(entry, dict) or not set(entry) <= {"set", "answers"}:
        raise _bad(path, number, 'a change must be an object with "set" and/or "answers"')
    fields, answers = entry.get("set", {}), entry.get("answers", {})
    if not isinstance(fields, dict):
        raise _bad(path, number, '"set" must be an object of field values')
    if not isinstance(answers, dict) or not all(
        isinstance(a, dict) or a is None for a in answers.values()
    ):
        raise _bad(path, number, '"answers" must map question ids to answers (or null)')
    return entry


def read_journal(path: Path, session_id: str) -> list[tuple[int, Entry]]:
    """The changes in a journal with their line numbers, oldest first; none if there is no
    journal. A torn last line is left out; any other unreadable line raises
    :class:`InvalidFile` naming the file and the line."""
    try:
        size = path.stat().st_size
        if size > MAX_JOURNAL_BYTES:
            raise InvalidFile([Problem(str(path), f"the journal is too large ({size:,} bytes)")])
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise InvalidFile([Problem(str(path), f"cannot be read: {exc.strerror or exc}")]) from None
    lines = raw.split(b"\n")[:-1]  # what follows the last line break is torn (or empty)
    found: list[tuple[int, Entry]] = []
    for number, line in enumerate(lines, start=1):
        try:
            value = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _bad(path, number, "not a JSON line; the journal is damaged") from None
        if number == 1:
            if not isinstance(value, dict) or value.get("schema") != JOURNAL_SCHEMA:
                raise _bad(path, 1, f'not an smcheck journal (expected "{JOURNAL_SCHEMA}")')
            if value.get("session") != session_id:
                raise _bad(
                    path, 1, f"the journal of session {value.get('session')!r}, not of {session_id}"
                )
            continue
        found.append((number, _checked(path, number, value)))
    return found


# --- writing ------------------------------------------------------------------------------------


def _sync(fd: int) -> None:
    # fdatasync is enough (the size is data); macOS and Windows only have fsync
    getattr(os, "fdatasync", os.fsync)(fd)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a file moved in, created or deleted) to disk where possible."""
    with suppress(OSError):  # Windows cannot open a folder; its renames are durable anyway
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_at(fd: int, offset: int, count: int) -> bytes:
    os.lseek(fd, offset, os.SEEK_SET)  # (os.pread is not on Windows; appends ignore the offset)
    return os.read(fd, count)


def _cut_torn_tail(fd: int) -> int:
    """Cut a torn last line left by a crash, so that new lines start on a line of their own;
    returns the size kept. (Only the writer, holding the lock, does this.)"""
    size = os.fstat(fd).st_size
    if size == 0 or _read_at(fd, size - 1, 1) == b"\n":
        return size
    keep = size
    step = 4096
    while keep > 0:
        start = max(0, keep - step)
        chunk = _read_at(fd, start, keep - start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            keep = start + newline + 1
            break
        keep = start
    os.ftruncate(fd, keep)
    return keep


class Journal:
    """The journal of one session, written by the process holding the session's lock."""

    def __init__(self, path: Path, session_id: str) -> None:
        self.path = path
        self.session_id = session_id
        self.lines = 0
        """Changes written since the journal was last emptied."""
        self.size = 0
        self._fd: int | None = None

    @property
    def pending(self) -> bool:
        """True while the journal holds changes the session file does not."""
        return self.lines > 0

    @property
    def long(self) -> bool:
        """True once the journal should be folded (see :data:`FOLD_LINES`)."""
        return self.lines >= FOLD_LINES or self.size >= FOLD_BYTES

    def _open(self) -> int:
        if self._fd is None:
            created = not self.path.exists()
            flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | _O_CLOEXEC | _O_BINARY
            fd = os.open(self.path, flags, 0o600)
            try:
                if created:
                    sync_folder(self.path.parent)  # the file itself must survive a crash too
                self.size = _cut_torn_tail(fd)
            except OSError:
                os.close(fd)
                raise
            self._fd = fd
        return self._fd

    def append(self, entry: Entry) -> None:
        """Write one change and flush it to disk; only then has the edit been made."""
        text = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
        try:
            fd = self._open()
            if self.size == 0:
                header = {"schema": JOURNAL_SCHEMA, "session": self.session_id}
                text = json.dumps(header, separators=(",", ":")) + "\n" + text
            data = text.encode("utf-8")
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            _sync(fd)
        except OSError as exc:
            if self._fd is not None:  # a part written (a full disk): cut it, or the next line
                with suppress(OSError):  # would be glued to it
                    os.ftruncate(self._fd, self.size)
            raise SmcheckError(
                f"{self.path}: cannot save the change: {exc.strerror or exc}"
            ) from None
        self.size += len(data)
        self.lines += 1

    def clear(self) -> None:
        """Empty the journal: the session file now holds every change in it."""
        if self._fd is None and not self.path.exists():
            self.lines = self.size = 0
            return
        try:
            fd = self._open()
            os.ftruncate(fd, 0)
            _sync(fd)
        except OSError as exc:
            raise SmcheckError(f"{self.path}: cannot empty the journal: {exc}") from None
        self.lines = self.size = 0

    def close(self, *, remove: bool) -> None:
        """Stop writing; with ``remove`` (everything folded) the file goes too."""
        if self._fd is not None:
            with suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if remove:
            with suppress(FileNotFoundError):
                self.path.unlink()
