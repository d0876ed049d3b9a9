"""Writing files safely: a temporary file beside the target, then an atomic ``os.replace``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from smcheck.errors import SmcheckError


def write_atomic(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that readers see the old file or the new one, never half.

    With ``overwrite=False`` an existing file is refused. Errors become :class:`SmcheckError`
    naming the file; the target is untouched and no temporary file is left behind.
    """
    if not overwrite and path.exists():
        raise SmcheckError(f"{path}: already exists; choose another name or add --force")
    if path.is_dir():
        raise SmcheckError(f"{path}: is a directory")
    folder = path.parent if str(path.parent) else Path(".")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except FileNotFoundError:
        raise SmcheckError(f"{path}: the folder {folder} does not exist") from None
    except PermissionError:
        raise SmcheckError(f"{path}: cannot write here: permission denied") from None
    except OSError as exc:
        raise SmcheckError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
