"""Where the headless commands' results go: standard output (text or bytes), standard error,
files; which format a file name says; what standard input holds."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Collection, Sequence
from pathlib import Path

from smcheck.core.errors import SmcheckError

STDIN = "-"
"""The file name that stands for standard input (answers) or standard output (``-o -``)."""
STDIN_NAME = "<stdin>"
"""Standard input as it is named in messages and in the plan's ``source.file``."""

SUFFIXES = {
    "toml": "toml",
    "json": "json",
    "md": "md",
    "markdown": "md",
    "csv": "csv",
    "ics": "ics",
    "html": "html",
    "htm": "html",
    "pdf": "pdf",
    "txt": "text",
}
"""File name suffixes and the format each stands for."""

_LINE_END = re.compile(r"(\r?\n)")
_UNSAFE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
"""Whatever ``printable`` would change, besides plain line ends (a CR or a tab among them)."""


def is_stdin(path: Path | None) -> bool:
    """Whether ``path`` is ``-``: standard input for answers, standard output for ``-o``."""
    return path is not None and str(path) == STDIN


def file_name(path: Path) -> str:
    """``path`` as messages and ``source.file`` name it."""
    return STDIN_NAME if is_stdin(path) else str(path)


def out(text: str) -> None:
    """Write ``text`` to standard output, each line made safe for a terminal (see ``printable``).

    Line ends stay as they are (an iCalendar file needs its CRLF). A write that fails raises
    BrokenPipeError for a reader that stopped (``| head``), :class:`SmcheckError` for anything
    else (a full disk); either way what is still buffered is dropped, see :func:`drop_stdout`.
    """
    safe = text
    if _UNSAFE.search(text):  # most text has nothing to change: one scan, no copies
        from smcheck.core.text import printable

        parts = _LINE_END.split(text)  # line, end, line, end, …, line
        safe = "".join(part if i % 2 else printable(part) for i, part in enumerate(parts))
    try:
        sys.stdout.write(safe)
        sys.stdout.flush()  # now, while a failure can still be told about
    except OSError as exc:
        _failed(exc)


def out_bytes(data: bytes) -> None:
    """Write ``data`` to standard output as it is (a PDF asked for with ``-o -``)."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as exc:
        _failed(exc)


def _failed(exc: OSError) -> None:
    drop_stdout()
    if isinstance(exc, BrokenPipeError):
        raise exc
    raise SmcheckError(f"standard output: cannot write: {exc.strerror or exc}") from None


def drop_stdout() -> None:
    """Point standard output at the null device, as the Python docs advise after a broken pipe:
    what it still buffers would fail again at exit, as an "Exception ignored" message."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor (a capture)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def err(message: str) -> None:
    """Print ``message`` to standard error, one ``smcheck: error:`` line per line of it.

    Each line is made safe for a terminal; a long list of problems is cut to its first ones.
    """
    from smcheck.core.text import first_problems, printable

    for line in first_problems([printable(line) for line in message.split("\n")]):
        print(f"smcheck: error: {line}", file=sys.stderr)


def output_format(
    output: Path | None,
    given: str | None,
    known: Collection[str],
    default: str,
    *,
    choosable: bool = True,
) -> str:
    """The format to write: ``--format`` (``given``), else the one ``-o``'s name ends in, else
    ``default`` (standard output, or a folder for many files).

    A file is never written in a format its name does not say: a suffix that names another
    format than ``--format``, or (without ``--format``) a suffix this command does not write or
    none at all, is refused before anything is read. ``choosable``: the command has ``--format``.
    """
    if output is None or is_stdin(output) or output.is_dir():
        return given or default
    suffix = output.suffix.lower().lstrip(".")
    named = SUFFIXES.get(suffix)
    if given is not None:
        if named in known and named != given:
            raise SmcheckError(
                f"{output}: the name says {named} but --format says {given}; make them agree"
            )
        return given
    if named is not None and named in known:
        return named
    endings = list(dict.fromkeys(f".{fmt}" for fmt in SUFFIXES.values() if fmt in known))
    endings = [".txt" if e == ".text" else e for e in endings]
    choices = endings[0] if len(endings) == 1 else f"{', '.join(endings[:-1])} or {endings[-1]}"
    hint = f"end it in {choices}" + (", or choose one with --format" if choosable else "")
    if named is not None:
        raise SmcheckError(f"{output}: this command does not write .{suffix}; {hint}")
    if suffix:
        raise SmcheckError(f"{output}: smcheck does not know the format .{suffix}; {hint}")
    raise SmcheckError(f"{output}: the name does not say the format; {hint}")


def refuse_pdf_on_terminal(fmt: str, output: Path | None) -> None:
    """A PDF is bytes no terminal can show: refuse it there, unless ``-o -`` asked for it."""
    if fmt == "pdf" and output is None and sys.stdout.isatty():
        raise SmcheckError(
            "a PDF is not for a terminal: give -o report.pdf, or -o - to write it to standard "
            "output all the same"
        )


def check_targets(targets: Sequence[Path], inputs: Sequence[Path], force: bool) -> None:
    """Refuse, before anything is written, to replace an input or (without --force) any file."""
    read = {i.resolve() for i in inputs if not is_stdin(i)}
    problems = [p for target in targets if (p := target_problem(target, read, force))]
    if problems:
        raise SmcheckError("\n".join(problems))


def target_problem(target: Path, inputs: Collection[Path], force: bool) -> str:
    """Why ``target`` cannot be written (one of the resolved ``inputs``, or there without
    ``force``); empty if it can."""
    if target.resolve() in inputs:
        return f"{target}: is one of the input files; choose another output name"
    if not force and target.exists():
        return f"{target}: already exists; choose another name or add --force"
    return ""


def write(path: Path | None, data: str | bytes) -> None:
    """``data`` to the file ``path`` (an export: the user's umask decides who may read it, or
    the file it replaces), or to standard output when ``path`` is None or ``-``."""
    if path is None or is_stdin(path):
        if isinstance(data, bytes):
            out_bytes(data)
        else:
            out(data)
        return
    from smcheck.files.storage import write_atomic

    write_atomic(path, data, private=False)


def read_stdin(paths: Sequence[Path | None]) -> bytes | None:
    """What standard input holds, if ``-`` is among ``paths``; it can be read once only."""
    count = sum(1 for p in paths if is_stdin(p))
    if not count:
        return None
    if count > 1:
        raise SmcheckError("- (standard input) can stand for one file only")
    from smcheck.files.loading import MAX_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(MAX_BYTES + 1) if stream is not None else b""
    if len(data) > MAX_BYTES:
        raise SmcheckError(f"{STDIN_NAME}: too large (the limit is {MAX_BYTES:,} bytes)")
    return bytes(data)
