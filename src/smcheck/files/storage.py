"""Writing files safely: temporary files beside the targets, then atomic ``os.replace``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from smcheck.core.errors import SmcheckError


def _os_problem(path: Path, exc: OSError) -> SmcheckError:
    folder = path.parent if str(path.parent) else Path(".")
    if isinstance(exc, FileNotFoundError):
        return SmcheckError(f"{path}: the folder {folder} does not exist")
    if isinstance(exc, PermissionError):
        return SmcheckError(f"{path}: cannot write here: permission denied")
    return SmcheckError(f"{path}: cannot write: {exc.strerror or exc}")


def write_all_atomic(files: Sequence[tuple[Path, str]]) -> None:
    """Write several files so that none changes unless all could be written.

    Every text is first written in full to a temporary file beside its target (and flushed to
    disk); only when all of them succeeded are they moved into place with ``os.replace``. A
    failure (no such folder, no permission, a full disk) raises :class:`SmcheckError` naming the
    file, leaves every target as it was and removes the temporary files.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, text in files:
            if path.is_dir():
                raise SmcheckError(f"{path}: is a directory")
            folder = path.parent if str(path.parent) else Path(".")
            try:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
                temps.append((tmp, path))
                with os.fdopen(fd, "wb") as fh:
                    fh.write(text.encode("utf-8"))
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:
                raise _os_problem(path, exc) from None
        while temps:
            tmp, path = temps[0]
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _os_problem(path, exc) from None
            temps.pop(0)
    finally:
        for tmp, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_atomic(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that readers see the old file or the new one, never half.

    With ``overwrite=False`` an existing file is refused. Errors become :class:`SmcheckError`
    naming the file; the target is untouched and no temporary file is left behind.
    """
    if not overwrite and path.exists():
        raise SmcheckError(f"{path}: already exists; choose another name or add --force")
    write_all_atomic([(path, text)])
