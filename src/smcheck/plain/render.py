"""The words and plain-text renderings of the plain walk (see :mod:`smcheck.plain.walk`).

Results, goals and tasks as lines of text, readable by a screen reader: no colour, no escape
sequences, numbers before bars.
"""

from __future__ import annotations

import re
import shutil

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Plan, Result
from smcheck.core.result_text import result_lines as styled_result
from smcheck.core.text import format_date, one_line
from smcheck.core.texts import t

PROMPT = "> "
YES = ("yes", "ja", "j", "y")
NOTE = re.compile(r"^(note|notiz)\s*:\s?(.*)$", re.IGNORECASE | re.DOTALL)
_DIGITS = re.compile(r"^[0-9]{1,6}$")
PRIVATE = re.compile(r"^(private|privat)\s*:\s?(.*)$", re.IGNORECASE | re.DOTALL)


MIN_WIDTH = 20
"""Narrower terminals are written for as if they were this wide."""


def line_width() -> int:
    """How wide a line may be: the terminal's width (``COLUMNS`` when set, 80 when unknown) less
    one column, so a full line never makes a terminal wrap by itself and add an empty one."""
    return max(MIN_WIDTH, shutil.get_terminal_size().columns - 1)


class Stop(Exception):
    """stdin ended, or the user typed q: everything is saved, leave quietly."""


def parse_number(text: str) -> int | None:
    """A number typed with ASCII digits (not "²" or "٣", which ``str.isdigit`` also takes)."""
    return int(text) if _DIGITS.fullmatch(text) else None


def numbers_in(text: str, high: int) -> set[int] | None:
    """The numbers 1 to ``high`` typed in ``text``, apart by commas or spaces; ``None`` if
    anything else is typed."""
    numbers = [parse_number(part) for part in re.split(r"[,\s]+", text) if part]
    if not all(n is not None and 1 <= n <= high for n in numbers):
        return None
    return {n for n in numbers if n is not None}


def quoted(value: str, limit: int = 40) -> str:
    """Typed text as it can stand in a one-line explanation."""
    value = one_line(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _amount(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def result_lines(
    r: Result, lang: Lang, deltas: dict[str, int | None] | None = None, width: int | None = None
) -> list[str]:
    """The whole result as plain lines, like the app's results screen shows it, but each
    dimension line says its score before the bar, so a screen reader reads the number first.
    With ``width`` every line fits it (see :func:`smcheck.core.result_text.result_lines`)."""
    lines = styled_result(r, lang, deltas, bar_last=True, width=width)
    return ["".join(text for text, _ in line) for line in lines]


def plan_lines(plan: Plan, lang: Lang) -> list[str]:
    """Starter goals, the previous goals' progress and the tasks of the iteration, as lines."""
    lines = [t("plan.title", lang), "", t("report.goals", lang) + ":"]
    if not any(g.kind == "outcome" for g in plan.goals):
        lines.append("  " + t("plan.no-goals", lang))
    for g in plan.goals:
        owner = t(f"role.{g.owner}", lang)
        if g.kind == "enabler":
            lines.append("  - " + t("plain.enabler", lang, title=one_line(g.title), owner=owner))
            continue
        baseline = _amount(g.baseline) if g.baseline is not None else t("plan.week-1", lang)
        title = one_line(g.title)  # an outcome goal's title names its target
        lines.append("  - " + t("plain.goal", lang, title=title, baseline=baseline, owner=owner))
    if plan.start_point is not None and plan.start_point.goals:
        lines += ["", t("report.previous-goals", lang) + ":"]
        for p in plan.start_point.goals:
            status = t(f"progress.status.{p.status}", lang)
            if p.progress_pct is not None:
                status += f" ({p.progress_pct} %)"
            actual = _amount(p.actual) or "–"
            lines.append(
                "  - "
                + t(
                    "plain.previous-goal",
                    lang,
                    title=one_line(p.title),
                    actual=actual,
                    status=status,
                )
            )
    it = plan.iteration
    when = {k: format_date(v, lang) for k, v in (("start", it.start), ("end", it.end))}
    nxt = format_date(it.next_assessment, lang)
    lines += ["", t("plan.tasks", lang, **when, next=nxt) + ":"]
    names = {p.id: p.name for p in it.phases}
    for x in plan.tasks:
        weeks = str(x.weeks[0]) if x.weeks[0] == x.weeks[1] else f"{x.weeks[0]}–{x.weeks[1]}"
        lines.append(
            "  - "
            + t(
                "plain.task",
                lang,
                weeks=weeks,
                phase=one_line(names[x.phase]),
                owner=t(f"role.{x.owner}", lang),
                title=one_line(x.title),
            )
        )
    return lines
