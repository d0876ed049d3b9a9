"""Problems found in a file, reported one line each: ``FILE:LINE: field.path: message``."""

from __future__ import annotations

import re
from typing import NamedTuple

FieldPath = tuple[str | int, ...]


class Problem(NamedTuple):
    """One thing wrong with one file."""

    file: str
    message: str
    line: int | None = None
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class SmcheckError(Exception):
    """An error meant for the user: printed as ``smcheck: error: …``, exit code 2."""


class InvalidFile(SmcheckError):
    """A file that could not be read as what it should be; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _shown(key: str) -> str:
    """A key as it can stand in a one-line message: bare, or quoted with escapes."""
    if _BARE.fullmatch(key):  # not .match: "$" would also match before a final line break
        return key
    import json  # only for the odd key that needs quoting

    return json.dumps(key, ensure_ascii=False)


def format_path(path: FieldPath, data: object = None) -> str:
    """Render a field path, naming list items by their ``id`` where the data has one.

    ``('dimensions', 2, 'questions', 0, 'prompt', 'en')`` becomes
    ``dimensions[hierarchy].questions[hi-levels].prompt.en``.
    """
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            label = str(part)
            if isinstance(node, list) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str):
                    label = _shown(node["id"])
            else:
                node = None
            out += f"[{label}]"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out += f".{_shown(part)}" if out else _shown(part)
    return out
