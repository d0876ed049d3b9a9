"""The iteration as a grid of calendar weeks × the loop's phases, each phase with its tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smcheck.core.models.common import PHASES
from smcheck.core.models.plan import Iteration, Plan
from smcheck.core.text import format_date, one_line, week_span
from smcheck.core.texts import t


@dataclass(frozen=True)
class Week:
    """One calendar week of the iteration: a working week, or one that does not count."""

    number: int | None
    """The working week's number; ``None`` for a week with too many holidays to count."""
    monday: str
    holidays: tuple[str, ...]
    """The public holidays on its working days, each as "name (date)"."""


@dataclass(frozen=True)
class Row:
    """A phase or a task: its words, and in which of the grid's weeks it runs."""

    title: str
    span: str
    """The working weeks as text, e.g. "Week 1–2"."""
    cells: tuple[bool, ...]
    owner: str = ""
    done: str = ""


@dataclass(frozen=True)
class PhaseRows:
    """A phase of the loop and its tasks, in plan order."""

    phase: Row
    tasks: tuple[Row, ...]
    step: int
    """The phase's place in the loop, 0-4: it picks the phase's colour."""


@dataclass(frozen=True)
class Timeline:
    """The grid: the weeks as columns, the phases (each with its tasks) as rows."""

    weeks: tuple[Week, ...]
    phases: tuple[PhaseRows, ...]

    @property
    def holidays(self) -> tuple[str, ...]:
        """Every holiday of the iteration, in date order."""
        return tuple(h for w in self.weeks for h in w.holidays)

    @property
    def skipped(self) -> bool:
        """Whether a week inside the iteration does not count."""
        return any(w.number is None for w in self.weeks)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weeks(it: Iteration, lang: str) -> list[tuple[date, Week]]:
    """Every calendar week from the first working week to the last, numbered where it counts."""
    skipped = {_monday(d) for d in it.skipped_weeks}
    out: list[tuple[date, Week]] = []
    number = 0
    monday = _monday(it.start)
    while monday <= it.end:
        counts = monday not in skipped
        number += counts
        holidays = tuple(
            f"{one_line(h.name)} ({format_date(h.day, lang)})"
            for h in it.holidays
            if _monday(h.day) == monday
        )
        out.append((monday, Week(number if counts else None, format_date(monday, lang), holidays)))
        monday += timedelta(days=7)
    return out


def timeline(plan: Plan) -> Timeline:
    """The plan's iteration as a grid; phases without a task are left out, as in the Markdown."""
    lang = plan.lang
    weeks = _weeks(plan.iteration, lang)

    def cells(span: tuple[int, int]) -> tuple[bool, ...]:
        return tuple(w.number is not None and span[0] <= w.number <= span[1] for _, w in weeks)

    def when(span: tuple[int, int]) -> str:
        return f"{t('report.week', lang)} {week_span(span)}"

    phases = []
    for p in plan.iteration.phases:
        tasks = tuple(
            Row(
                one_line(x.title),
                when(x.weeks),
                cells(x.weeks),
                t(f"role.{x.owner}", lang),
                one_line(x.done),
            )
            for x in plan.tasks
            if x.phase == p.id
        )
        if tasks:
            row = Row(one_line(p.name), when(p.weeks), cells(p.weeks))
            phases.append(PhaseRows(row, tasks, PHASES.index(p.id)))
    return Timeline(tuple(w for _, w in weeks), tuple(phases))
