"""Where a value sits in a TOML text: maps field paths to line numbers for error messages.

The TOML parser gives no positions, so this scans the text once, tracking tables, arrays of
tables, dotted keys and values that span several lines. It only needs to be right for
valid TOML; it never raises.
"""

from __future__ import annotations

import re

import tomli

Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _unquote(quoted: str) -> str:
    """The key a quoted TOML key stands for (escapes resolved in basic strings)."""
    if quoted.startswith("'"):
        return quoted[1:-1]
    try:
        return str(tomli.loads(f"k = {quoted}")["k"])
    except tomli.TOMLDecodeError:
        return quoted[1:-1]


def _parse_keys(text: str, pos: int) -> tuple[list[str], int]:
    """Read a dotted key starting at ``pos``; return the parts and the position after it."""
    keys: list[str] = []
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \t":
            pos += 1
        if pos >= n:
            break
        ch = text[pos]
        if ch in "\"'":
            end = pos + 1
            while end < n and text[end] != ch:
                end += 2 if ch == '"' and text[end] == "\\" else 1
            keys.append(_unquote(text[pos : end + 1]))
            pos = end + 1
        else:
            m = _BARE.match(text, pos)
            if not m:
                break
            keys.append(m.group())
            pos = m.end()
        while pos < n and text[pos] in " \t":
            pos += 1
        if pos < n and text[pos] == ".":
            pos += 1
            continue
        break
    return keys, pos


class _ValueScanner:
    """Follows brackets and strings of a value across lines."""

    def __init__(self) -> None:
        self.depth = 0
        self.in_multiline: str | None = None

    @property
    def open(self) -> bool:
        return self.depth > 0 or self.in_multiline is not None

    def feed(self, line: str, pos: int = 0) -> None:
        n = len(line)
        while pos < n:
            if self.in_multiline:
                end = line.find(self.in_multiline, pos)
                if end < 0:
                    return
                pos = end + 3
                self.in_multiline = None
                continue
            ch = line[pos]
            if ch == "#":
                return
            if line.startswith('"""', pos) or line.startswith("'''", pos):
                self.in_multiline = line[pos : pos + 3]
                pos += 3
                continue
            if ch in "\"'":
                end = pos + 1
                while end < n and line[end] != ch:
                    end += 2 if ch == '"' and line[end] == "\\" else 1
                pos = end + 1
                continue
            if ch in "[{":
                self.depth += 1
            elif ch in "]}":
                self.depth = max(0, self.depth - 1)
            pos += 1


def line_map(text: str) -> dict[Path, int]:
    """Map each table and key path in ``text`` to the (1-based) line where it is defined."""
    lines: dict[Path, int] = {}
    aot_last: dict[Path, int] = {}
    table: Path = ()
    value = _ValueScanner()

    def resolve(keys: list[str], new_item: bool) -> Path:
        path: Path = ()
        for i, key in enumerate(keys):
            path = (*path, key)
            last = i == len(keys) - 1
            if last and new_item:
                aot_last[path] = aot_last.get(path, -1) + 1
            if path in aot_last:
                path = (*path, aot_last[path])
        return path

    # TOML ends lines at "\n" only; str.splitlines() would also split at U+2028 and friends,
    # which may stand in strings and comments, and shift every later line number.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if value.open:
            value.feed(line)
            continue
        stripped = line.lstrip()
        if not stripped or stripped.startswith("#"):
            continue
        start = len(line) - len(stripped)
        if stripped.startswith("[["):
            keys, _ = _parse_keys(line, start + 2)
            table = resolve(keys, new_item=True)
            lines.setdefault(table, number)
            continue
        if stripped.startswith("["):
            keys, _ = _parse_keys(line, start + 1)
            table = resolve(keys, new_item=False)
            lines.setdefault(table, number)
            continue
        keys, pos = _parse_keys(line, start)
        if not keys or pos >= len(line) or line[pos] != "=":
            continue
        for i in range(1, len(keys) + 1):
            lines.setdefault((*table, *keys[:i]), number)
        value.feed(line, pos + 1)
    return lines


def find_line(lines: dict[Path, int], path: Path) -> int | None:
    """The line of ``path`` or of its nearest enclosing key or table that has one."""
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None
