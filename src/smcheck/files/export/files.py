"""Writing a plan as TOML, JSON and Markdown files side by side."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from smcheck.core.errors import SmcheckError
from smcheck.core.models.plan import Plan
from smcheck.files.export import FORMATS, render
from smcheck.files.storage import write_all_atomic

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
"""German letters written out as Germans do without them (Bäckerei → Baeckerei)."""


def slug(text: str) -> str:
    """A safe file-name part: ASCII letters, digits and hyphens only (never a path)."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_GERMAN)).encode("ascii", "ignore").decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def default_base(plan: Plan, folder: Path) -> Path:
    """``FOLDER/smcheck-ORGANISATION-START`` (no suffix), inside ``folder`` whatever the name."""
    name = "-".join(
        p for p in ("smcheck", slug(plan.organisation.name), plan.iteration.start.isoformat()) if p
    )
    return folder / name


def targets(base: Path) -> list[Path]:
    """The files an export to ``base`` writes: one per format."""
    return [base.with_name(f"{base.name}.{fmt}") for fmt in FORMATS]


def write_exports(plan: Plan, base: Path, *, overwrite: bool, report: str = "") -> list[Path]:
    """Write every format; refuse existing files unless ``overwrite``. All or nothing is checked first.

    ``report``, when given, is the Markdown report instead of the plan's own (the comparison of
    several respondents with its combined plan).
    """
    paths = targets(base)
    if not base.parent.is_dir():
        raise SmcheckError(f"{base.parent}: no such folder")
    existing = [p for p in paths if p.exists()]
    if existing and not overwrite:
        raise SmcheckError(f"{existing[0]}: already exists")
    texts = [(report or render(plan, fmt)) if fmt == "md" else render(plan, fmt) for fmt in FORMATS]
    write_all_atomic(list(zip(paths, texts, strict=True)))
    return paths
