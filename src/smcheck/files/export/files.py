"""Writing a plan in every export format side by side: ``NAME.toml``, ``NAME.json`` …"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import Answers
from smcheck.core.models.plan import Plan
from smcheck.core.text import one_line
from smcheck.core.texts import t
from smcheck.files.export import render
from smcheck.files.storage import write_all_atomic

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)
"""German letters written out as Germans do without them (Bäckerei → Baeckerei)."""

Content = str | bytes
"""What a format gives: text (written as UTF-8) or bytes (a PDF)."""


def _report(fmt: str, plan: Plan) -> Content:
    """The HTML or PDF report (their libraries are loaded only when one is made)."""
    from smcheck.files.export.report import plan_html, plan_pdf

    return plan_html(plan) if fmt == "html" else plan_pdf(plan)


EXPORTS: dict[str, Callable[[Plan], Content]] = {
    "toml": partial(render, fmt="toml"),
    "json": partial(render, fmt="json"),
    "md": partial(render, fmt="md"),
    "csv": partial(render, fmt="csv"),
    "ics": partial(render, fmt="ics"),
    "html": lambda plan: _report("html", plan),
    "pdf": lambda plan: _report("pdf", plan),
}
"""Every format an export writes, by its suffix (the names of ``smcheck score --format``), in
the order they are listed; a new format is one more line here."""

NAMES = {
    "toml": "TOML",
    "json": "JSON",
    "md": "Markdown",
    "csv": "CSV",
    "ics": "iCalendar",
    "html": "HTML",
    "pdf": "PDF",
}
"""How the formats are called where people read them."""


def slug(text: str) -> str:
    """A safe file-name part: ASCII letters, digits and hyphens only (never a path)."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_GERMAN)).encode("ascii", "ignore").decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")


def respondent_label(session_id: str, members: Sequence[tuple[str, Answers]]) -> str:
    """Who answered session ``session_id``, to tell the exports of an engagement's respondents
    apart: their name, else their role and their place among the respondents ("Team 2");
    empty when they are the engagement's only respondent. A person's later iterations (a
    session naming a ``previous`` one) are the same respondent, not another."""
    by_id = dict(members)
    first = [sid for sid, answers in members if answers.previous not in by_id]
    if len(first) < 2 or session_id not in by_id:
        return ""
    root, seen = session_id, {session_id}
    while (before := by_id[root].previous) in by_id and before not in seen:
        root = before
        seen.add(root)
    who = by_id[session_id].respondent
    number = first.index(root) + 1 if root in first else 0
    return one_line(who.name) or f"{t(f'role.{who.role}', by_id[session_id].lang)} {number}"


def default_base(plan: Plan, folder: Path, respondent: str = "") -> Path:
    """``FOLDER/smcheck-ORGANISATION[-RESPONDENT]-START`` (no suffix), inside ``folder`` whatever
    the names; ``respondent`` (see :func:`respondent_label`) when there are several."""
    parts = ("smcheck", slug(plan.organisation.name), slug(respondent))
    name = "-".join(p for p in (*parts, plan.iteration.start.isoformat()) if p)
    return folder / name


def without_suffix(base: Path) -> Path:
    """``base`` without the suffix of an export format, if it was typed with one."""
    for fmt in EXPORTS:
        if base.name.endswith(f".{fmt}") and len(base.name) > len(fmt) + 1:
            return base.with_name(base.name.removesuffix(f".{fmt}"))
    return base


def targets(base: Path) -> list[Path]:
    """The files an export to ``base`` writes: one per format."""
    return [base.with_name(f"{base.name}.{fmt}") for fmt in EXPORTS]


def format_names() -> str:
    """The formats as people call them: "TOML, JSON, Markdown, CSV, iCalendar"."""
    return ", ".join(NAMES.get(fmt, fmt.upper()) for fmt in EXPORTS)


def rendered(plan: Plan, reports: Mapping[str, Content] | None = None) -> list[tuple[str, Content]]:
    """Every format's content, by suffix. ``reports`` replace the plan's own in their formats:
    the client report of several respondents (its comparison and combined plan)."""
    reports = reports or {}
    return [(fmt, reports.get(fmt) or make(plan)) for fmt, make in EXPORTS.items()]


def write_exports(
    plan: Plan, base: Path, *, overwrite: bool, reports: Mapping[str, Content] | None = None
) -> list[Path]:
    """Write every format (see :func:`rendered`); refuse existing files unless ``overwrite``.
    All or nothing: every file is checked, made and written before any is replaced."""
    paths = targets(base)
    if not base.parent.is_dir():
        raise SmcheckError(f"{base.parent}: no such folder")
    existing = [p for p in paths if p.exists()]
    if existing and not overwrite:
        raise SmcheckError(f"{existing[0]}: already exists")
    contents = [content for _, content in rendered(plan, reports)]
    # exports are for sharing: the permissions of the file replaced, or the umask's (as the CLI)
    write_all_atomic(list(zip(paths, contents, strict=True)), private=False)
    return paths
