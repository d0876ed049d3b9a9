"""The plan's tasks as CSV, in three flavours: plain (RFC 4180, for scripts, Trello and Jira's
CSV importer), excel (opens with umlauts intact in a German or English Excel) and gitlab (the
columns GitLab's issue import reads)."""

from __future__ import annotations

import csv
import io
from typing import Literal

from smcheck.core.models.plan import Plan, Task
from smcheck.core.text import one_line, week_span
from smcheck.core.texts import t

Flavour = Literal["plain", "excel", "gitlab"]
FLAVOURS: tuple[Flavour, ...] = ("plain", "excel", "gitlab")

HEADER = (
    "Task ID",
    "Summary",
    "Description",
    "Phase",
    "Start date",
    "Due date",
    "Owner",
    "Effort",
    "Labels",
    "Goals",
)
GITLAB_HEADER = ("title", "description", "due_date")
"""GitLab reads these columns by name and ignores any other; the due date as YYYY-MM-DD."""

DECIMAL_COMMA = frozenset({"de"})
"""Languages that write decimal commas: a spreadsheet set to one of them splits CSV at ``;``."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Cells starting with these are run as formulas by spreadsheets (CSV injection)."""


def cell(text: str) -> str:
    """One line of text that no spreadsheet runs as a formula: such cells get a leading ``'``."""
    text = one_line(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _row(task: Task, plan: Plan, phases: dict[str, str]) -> list[str]:
    lang = plan.lang
    return [
        cell(v)
        for v in (
            task.id,
            task.title,
            f"{t('report.done', lang)}: {task.done}",
            phases.get(task.phase, task.phase),
            task.start.isoformat(),
            task.end.isoformat(),
            t(f"role.{task.owner}", lang),
            task.effort,
            task.dimension or task.objective or "",
            " ".join(task.goals),
        )
    ]


def _gitlab_row(task: Task, plan: Plan, phases: dict[str, str]) -> list[str]:
    """Title, a description of several lines (GitLab renders it as Markdown), the due date.

    The task's label goes in as a quick action on the last line (GitLab's import has no label
    column); GitLab applies labels the project already has."""
    lang = plan.lang
    lines = [
        f"{t('report.done', lang)}: {one_line(task.done)}",
        "",
        f"{one_line(phases.get(task.phase, task.phase))} · {t('report.week', lang)} "
        f"{week_span(task.weeks)} · {task.start.isoformat()} – {task.end.isoformat()}",
        f"{t('report.owner', lang)}: {t(f'role.{task.owner}', lang)} · {task.effort}",
    ]
    if task.goals:
        lines.append(f"{t('report.goals', lang)}: {', '.join(task.goals)}")
    lines.append(f"smcheck: {task.id}")
    label = task.dimension or task.objective
    if label:
        lines += ["", f'/label ~"{label}"']
    description = "\n".join(lines)  # starts with "Done when": never read as a formula
    return [cell(task.title), description, task.end.isoformat()]


def to_csv(plan: Plan, flavour: Flavour = "plain") -> str:
    """A header row, then one row per task in plan order; same plan, same bytes.

    ``excel`` starts with a UTF-8 byte-order mark (without one Excel reads UTF-8 as the
    system's code page) and ends rows with CRLF; it separates with ``;`` in a language that
    writes decimal commas (German), as such an Excel expects. The task rows hold no decimal
    numbers (effort is S, M or L; dates are ISO, which Excel reads in every language), so no
    cell changes with the separator.
    """
    phases: dict[str, str] = {p.id: p.name for p in plan.iteration.phases}
    out = io.StringIO()
    if flavour == "gitlab":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(GITLAB_HEADER)
        writer.writerows(_gitlab_row(task, plan, phases) for task in plan.tasks)
        return out.getvalue()
    if flavour == "excel":
        out.write("\ufeff")
        delimiter = ";" if plan.lang in DECIMAL_COMMA else ","
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    else:
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    writer.writerows(_row(task, plan, phases) for task in plan.tasks)
    return out.getvalue()
