"""The plan's tasks as CSV for spreadsheets, Trello (CSV import power-ups) and Jira's CSV importer."""

from __future__ import annotations

import csv
import io

from smcheck.core.models.plan import Plan, Task
from smcheck.core.text import one_line
from smcheck.core.texts import t

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


def to_csv(plan: Plan) -> str:
    """A header row, then one row per task in plan order; same plan, same bytes."""
    phases: dict[str, str] = {p.id: p.name for p in plan.iteration.phases}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    writer.writerows(_row(task, plan, phases) for task in plan.tasks)
    return out.getvalue()
