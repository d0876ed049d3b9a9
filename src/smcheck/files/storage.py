"""Writing files safely: temporary files beside the targets, then atomic ``os.replace``."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from smcheck.core.errors import SmcheckError


def _os_problem(path: Path, exc: OSError) -> SmcheckError:
    folder = path.parent if str(path.parent) else Path(".")
    if isinstance(exc, FileNotFoundError):
        return SmcheckError(f"{path}: the folder {folder} does not exist")
    if isinstance(exc, PermissionError):
        return SmcheckError(f"{path}: cannot write here: permission denied")
    return SmcheckError(f"{path}: cannot write: {exc.strerror or exc}")


def _keep(path: Path) -> Path | None:
    """A second name beside ``path`` for the file there now, to put it back from; None if none.

    A hard link, so the target stays in place for readers and nothing is copied; a copy where
    the filesystem has no hard links.
    """
    folder = path.parent if str(path.parent) else Path(".")
    for _ in range(100):
        backup = folder / f".{path.name}.{secrets.token_hex(4)}.bak"
        try:
            os.link(path, backup, follow_symlinks=False)
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None
        except (OSError, NotImplementedError):  # no hard links (of links) here
            fd, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".bak")
            os.close(fd)
            try:
                shutil.copy2(path, name)
            except BaseException:
                _remove([name])
                raise
            return Path(name)
        return backup
    raise FileExistsError(errno.EEXIST, "no free name for a backup", str(path))


def _remove(paths: Iterable[str | Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _put_back(replaced: list[tuple[Path, Path | None]]) -> list[str]:
    """Undo the replacements made so far, last first; a line for each that could not be undone.

    An old file that cannot be put back stays under its second name, and its line says where.
    """
    stuck: list[str] = []
    for path, backup in reversed(replaced):
        try:
            if backup is None:
                os.unlink(path)
            else:
                os.replace(backup, path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            stuck.append(
                f"{path}: could not be removed again ({reason})"
                if backup is None
                else f"{path}: the old file could not be put back ({reason}); it is kept as {backup}"
            )
    return stuck


def _umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and put back at once
    os.umask(mask)
    return mask


def _mode_for(path: Path, private: bool) -> int:
    """The permissions a new file at ``path`` gets: 0600 for a private file (a session, the
    settings); else those of the file it replaces, or what the umask leaves of 0666, as for
    any file a program creates."""
    if private:
        return 0o600
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


class Staging:
    """Files written in full beside their targets now, and moved into place all together later.

    :meth:`add` writes one file's data to a temporary file beside its target (flushed to
    disk) and keeps only the two names, so many large files can be staged one after another
    without holding their contents. :meth:`commit` moves them all into place, or none (see
    :func:`write_all_atomic`); :meth:`discard` removes the temporary files. Used as a context
    manager, anything staged but not committed is discarded on the way out.

    ``private`` files (sessions, settings) are readable by their owner only (0600); other
    files (exports) get the permissions of the file they replace, or else those the user's
    umask gives a new file.
    """

    def __init__(self, *, private: bool = True) -> None:
        self.private = private
        self._temps: list[tuple[str, Path]] = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()

    def __len__(self) -> int:
        return len(self._temps)

    def add(self, path: Path, data: str | bytes) -> None:
        """Write ``data`` (text as UTF-8) to a temporary file beside ``path``."""
        if path.is_dir():
            raise SmcheckError(f"{path}: is a directory")
        folder = path.parent if str(path.parent) else Path(".")
        raw = data.encode("utf-8") if isinstance(data, str) else data
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            self._temps.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                mode = _mode_for(path, self.private)
                if mode != 0o600:  # mkstemp made it 0600
                    os.fchmod(fh.fileno(), mode)
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise _os_problem(path, exc) from None

    def discard(self) -> None:
        """Remove every temporary file not yet moved into place."""
        _remove(tmp for tmp, _ in self._temps)
        self._temps = []

    def commit(self) -> None:
        """Move every staged file into place, each target's old file kept under a second name
        until all are in place; on a failure put every old file back (see
        :func:`write_all_atomic`)."""
        temps, self._temps = self._temps, []
        replaced: list[tuple[Path, Path | None]] = []  # each target, and its old file if any
        try:
            for tmp, path in temps:
                backup = _keep(path)
                try:
                    os.replace(tmp, path)
                except BaseException:
                    _remove([backup] if backup else [])
                    raise
                replaced.append((path, backup))
        except BaseException as exc:
            stuck = _put_back(replaced)
            _remove(tmp for tmp, _ in temps[len(replaced) :])
            if isinstance(exc, OSError):
                failed = temps[len(replaced)][1]
                lines = [str(_os_problem(failed, exc)), *stuck]
                raise SmcheckError("\n".join(lines)) from None
            raise
        _remove(backup for _, backup in replaced if backup)


def write_all_atomic(files: Sequence[tuple[Path, str | bytes]], *, private: bool = True) -> None:
    """Write several files so that none changes unless all could be written.

    Every file's data (text is written as UTF-8) is first written in full to a temporary file
    beside its target (and flushed to disk). Only then are they moved into place with
    ``os.replace``, one by one, each target's old file kept under a second name until all are
    in place. A failure (no such folder, no permission, a full disk) raises
    :class:`SmcheckError` naming the file, after putting back every old file already replaced
    (and removing again a target that did not exist before); no temporary file and no kept old
    file is left behind. ``private``: see :class:`Staging`.
    """
    with Staging(private=private) as staging:
        for path, data in files:
            staging.add(path, data)
        staging.commit()


def write_atomic(
    path: Path, data: str | bytes, *, overwrite: bool = True, private: bool = True
) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    With ``overwrite=False`` an existing file is refused. Errors become :class:`SmcheckError`
    naming the file; the target is untouched and no temporary file is left behind.
    ``private``: see :class:`Staging`.
    """
    if not overwrite and path.exists():
        raise SmcheckError(f"{path}: already exists; choose another name or add --force")
    write_all_atomic([(path, data)], private=private)
