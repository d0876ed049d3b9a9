"""Every text smcheck itself shows, in German and English: one catalogue, ``texts.toml``.

The words of an assessment (excuses, questions, options) live in the assessment files; this
catalogue holds the rest: screen labels, the plain walk, reports, exports and the template.

The catalogue is read on first use, once, with ``tomli`` (no pydantic: the first screen must
come up fast) and checked then: each entry is a table with exactly a non-empty ``de`` and
``en`` string. A broken catalogue raises :class:`BrokenCatalogue` naming the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import tomli

from smcheck.core.langs import LANGS, Lang

CATALOGUE = Path(__file__).with_name("texts.toml")
"""The catalogue file, shipped beside this module."""


class BrokenCatalogue(Exception):
    """The text catalogue cannot be read, or an entry in it is not a German/English pair."""


if TYPE_CHECKING:
    KEYS: frozenset[str]
    """Every key of the catalogue (reading it on first access)."""


def _check(data: dict[str, object], where: str) -> dict[str, dict[Lang, str]]:
    """``data`` as catalogue entries, or :class:`BrokenCatalogue` naming the first bad key."""
    entries: dict[str, dict[Lang, str]] = {}
    for key, entry in data.items():
        if not isinstance(entry, dict):
            raise BrokenCatalogue(f'{where}: "{key}" must be a table with de and en texts')
        if set(entry) != set(LANGS):
            found = ", ".join(sorted(entry)) or "nothing"
            hint = f' (a dotted key needs quotes: ["{key}.…"])' if "." not in key else ""
            raise BrokenCatalogue(
                f'{where}: "{key}" must have exactly de and en, not {found}{hint}'
            )
        texts: dict[Lang, str] = {}
        for lang in LANGS:
            text = entry[lang]
            if not isinstance(text, str) or not text:
                raise BrokenCatalogue(f'{where}: "{key}": {lang} must be a non-empty string')
            texts[lang] = text
        entries[key] = texts
    return entries


@cache
def catalogue() -> Mapping[str, Mapping[Lang, str]]:
    """All entries, key → language → text, in the order of the file (read once)."""
    try:
        with CATALOGUE.open("rb") as f:
            data = tomli.load(f)
    except (OSError, tomli.TOMLDecodeError) as exc:
        raise BrokenCatalogue(f"{CATALOGUE}: {exc}") from exc
    return _check(data, str(CATALOGUE))


@cache
def _keys() -> frozenset[str]:
    return frozenset(catalogue())


def t(key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in (``KeyError`` for an unknown key)."""
    text = catalogue()[key][lang]
    return text.format(**values) if values else text


if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """``KEYS`` reads the catalogue only when it is first asked for."""
        if name == "KEYS":
            return _keys()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CATALOGUE", "KEYS", "BrokenCatalogue", "catalogue", "t"]
