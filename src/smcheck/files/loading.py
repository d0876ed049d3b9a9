"""Read smcheck's TOML files into models, or fail with one clear line per problem.

TOML is parsed with ``tomli``, the package the standard library's ``tomllib`` was taken from,
whose compiled build reads an answers file about 2.8 times as fast (it matters to ``score DIR``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import tomli

from smcheck.core.errors import FieldPath, InvalidFile, Problem, format_path
from smcheck.files.tomlpos import find_line, line_map

MAX_BYTES = 2 * 1024 * 1024
"""Larger files are refused: a real assessment is about 100 KB, an answers file a few KB."""

SCHEMAS = {
    "assessment": ("smcheck.assessment/2",),
    "answers": ("smcheck.answers/1",),
    "plan": ("smcheck.plan/2", "smcheck.plan/1"),
    "comparison": ("smcheck.comparison/2", "smcheck.comparison/1"),
    "config": ("smcheck.config/1",),
}
"""The files smcheck reads by kind: the schema it writes first, then older ones it still reads."""

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")

_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_EOF = re.compile(r"\s*\(at end of document\)$")


class Document:
    """A parsed TOML file: its name for messages, its text and its data."""

    def __init__(self, name: str, text: str, data: dict[str, Any]) -> None:
        self.name = name
        self.text = text
        self.data = data
        self._lines: dict[tuple[str | int, ...], int] | None = None

    def problem(self, path: FieldPath, message: str) -> Problem:
        """A problem at ``path``, with the line it is on where that can be known."""
        if self._lines is None:
            self._lines = line_map(self.text)
        return Problem(
            self.name,
            message,
            line=find_line(self._lines, path),
            field=format_path(path, self.data),
        )


def decode(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8, a leading byte-order mark dropped."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InvalidFile(
            [
                Problem(
                    name,
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {column}); "
                    "save the file as UTF-8",
                    line=line,
                )
            ]
        ) from None


def parse(text: str, name: str) -> Document:
    """Parse TOML text; a syntax error becomes a problem with its line."""
    if not text.strip():
        raise InvalidFile([Problem(name, "the file is empty")])
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = None
        if m := _TOML_POS.search(message):
            line = int(m.group(1))
            message = f"{message[: m.start()]} (column {m.group(2)})"
        elif m := _TOML_EOF.search(message):
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
            message = f"{message[: m.start()]} (at the end of the file)"
        raise InvalidFile([Problem(name, f"not valid TOML: {message}", line=line)]) from None
    except RecursionError:  # tomli refuses arrays and inline tables nested over 400 deep
        message = "arrays or tables are nested too deeply (smcheck files nest a few levels)"
        raise InvalidFile([Problem(name, message)]) from None
    return Document(name, text, data)


def read_bytes(path: Path) -> bytes:
    """The bytes of a readable, sane-sized regular file; anything else is a clear problem."""
    name = str(path)
    try:
        if path.is_dir():
            raise InvalidFile([Problem(name, "is a directory; expected a file")])
        if path.exists() and not path.is_file():
            raise InvalidFile([Problem(name, "is not a regular file (a device or a pipe?)")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidFile(
                [
                    Problem(
                        name, f"the file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})"
                    )
                ]
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidFile([Problem(name, "no such file")]) from None
    except PermissionError:
        raise InvalidFile([Problem(name, "cannot be read: permission denied")]) from None
    except OSError as exc:
        raise InvalidFile([Problem(name, f"cannot be read: {exc.strerror or exc}")]) from None


def read_document(path: Path) -> Document:
    """Read and parse one TOML file."""
    return document(read_bytes(path), str(path))


def document(raw: bytes, name: str) -> Document:
    """Bytes read from a file (or standard input) named ``name`` in messages, parsed."""
    return parse(decode(raw, name), name)


def kind_of(doc: Document) -> str:
    """Which smcheck file this is (a key of ``SCHEMAS``), from its ``schema`` field."""
    schema = doc.data.get("schema")
    if schema is None:
        raise InvalidFile(
            [
                doc.problem(
                    ("schema",),
                    "missing; an smcheck file starts with its kind and version, e.g. "
                    'schema = "smcheck.answers/1"',
                )
            ]
        )
    for kind, readable in SCHEMAS.items():
        if schema in readable:
            return kind
        if isinstance(schema, str) and schema.startswith(readable[0].split("/")[0] + "/"):
            raise InvalidFile(
                [
                    doc.problem(
                        ("schema",),
                        f"{schema} is not supported; this smcheck reads {' or '.join(readable)}",
                    )
                ]
            )
    *first, last = (readable[0] for readable in SCHEMAS.values())
    known = f"{', '.join(first)} or {last}"
    raise InvalidFile([doc.problem(("schema",), f"unknown file type {schema!r}; expected {known}")])


_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field",
    "bool_type": "must be true or false (without quotes)",
}


def validate(model: type[M], doc: Document) -> M:
    """Validate ``doc`` against ``model``; every error becomes one problem line."""
    from pydantic import ValidationError

    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems: list[Problem] = []
        seen: set[tuple[str | int, ...]] = set()
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if loc in seen:
                continue
            seen.add(loc)
            message = _MESSAGES.get(error["type"], error["msg"])
            message = message.removeprefix("Value error, ")
            problems.append(doc.problem(loc, message))
        raise InvalidFile(problems) from None


def refuse(doc: Document, issues: list[tuple[FieldPath, str]]) -> None:
    """Raise the semantic ``issues`` found in ``doc``, if any."""
    if issues:
        raise InvalidFile([doc.problem(path, message) for path, message in issues])
