"""Starter goals (editable in place) and the first iteration's tasks by phase and week."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Goal, Plan
from smcheck.core.text import format_date, one_line
from smcheck.core.texts import t
from smcheck.screens.base import WalkScreen
from smcheck.screens.dialogs import AmountDialog, EditGoalDialog
from smcheck.screens.messages import ActualRecorded
from smcheck.seams import QuietFooter


def amount(value: float | None) -> str:
    """A KPI value as people write it (no trailing .0)."""
    return "" if value is None else f"{value:g}"


class PlanScreen(WalkScreen):
    """Goals on top, tasks below; Tab moves between them, Enter on a goal edits it."""

    BINDINGS = [
        Binding("ctrl+e", "app.export", "key.export", priority=True),
        # ← goes back here too, as everywhere, rather than scroll a table sideways
        Binding("left", "app.go_back", "key.back", show=False, priority=True),
    ]

    def __init__(self, lang: Lang, plan: Plan, **kwargs: Any) -> None:
        super().__init__(lang, **kwargs)
        self.plan = plan

    def compose(self) -> ComposeResult:
        it = self.plan.iteration
        yield Header()
        yield Static(Text(self.t("plan.title"), style="bold"), classes="title")
        yield Static(self.t("plan.goals"), classes="section")
        yield DataTable(id="goals", cursor_type="row")
        if self.plan.start_point is not None:
            yield Static(self.t("progress.title"), classes="section")
            yield DataTable(id="progress", cursor_type="row")
        yield Static(
            self.t(
                "plan.tasks",
                start=format_date(it.start, self.lang),
                end=format_date(it.end, self.lang),
                next=format_date(it.next_assessment, self.lang),
            ),
            classes="section",
        )
        yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
        notes = [f"• {one_line(remark)}" for remark in self.plan.remarks]
        if self.plan.later:
            later = "; ".join(one_line(x.title) for x in self.plan.later)
            notes.append(f"• {self.t('plan.later', n=len(self.plan.later))} {later}")
        if notes:
            yield Static(Text("\n".join(notes)), id="plan-notes")
        yield QuietFooter()

    def on_mount(self) -> None:
        goals = self.query_one("#goals", DataTable)
        for key in ("plan.col.baseline", "plan.col.target", "plan.col.owner", "plan.col.goal"):
            goals.add_column(self.t(key), key=key)
        self.fill_goals()
        if self.plan.start_point is not None:
            table = self.query_one("#progress", DataTable)
            for key in (
                "plan.col.baseline",
                "plan.col.target",
                "progress.col.actual",
                "progress.col.status",
                "plan.col.goal",
            ):
                table.add_column(self.t(key), key=key)
            self.fill_progress()
        tasks = self.query_one("#tasks", DataTable)
        for key in ("plan.col.phase", "plan.col.weeks", "plan.col.owner", "plan.col.task"):
            tasks.add_column(self.t(key), key=key)
        names = {p.id: p.name for p in self.plan.iteration.phases}
        for x in self.plan.tasks:
            weeks = str(x.weeks[0]) if x.weeks[0] == x.weeks[1] else f"{x.weeks[0]}–{x.weeks[1]}"
            tasks.add_row(
                names[x.phase],
                weeks,
                t(f"role.{x.owner}", self.lang),
                Text(one_line(x.title)),
                key=x.id,
            )
        self.set_focus(goals if self.plan.goals else tasks)

    def fill_goals(self) -> None:
        goals = self.query_one("#goals", DataTable)
        goals.clear()
        if not any(g.kind == "outcome" for g in self.plan.goals):
            goals.add_row("", "", "", Text(self.t("plan.no-goals")))
        for g in self.plan.goals:
            baseline = amount(g.baseline) if g.baseline is not None else self.t("plan.week-1")
            target = (
                amount(g.target)
                if g.target is not None
                else (
                    f"{'+' if g.direction == 'increase' else '−'}{g.target_change_pct} %"
                    if g.target_change_pct
                    else ""
                )
            )
            if g.kind == "enabler":
                baseline = target = "–"
            goals.add_row(
                baseline, target, t(f"role.{g.owner}", self.lang), Text(one_line(g.title)), key=g.id
            )

    def fill_progress(self) -> None:
        """The previous plan's goals with what they reached."""
        if self.plan.start_point is None:
            return
        table = self.query_one("#progress", DataTable)
        table.clear()
        for g in self.plan.start_point.goals:
            status = self.t(f"progress.status.{g.status}")
            if g.progress_pct is not None:
                status += f" ({g.progress_pct} %)"
            table.add_row(
                amount(g.baseline) or "–",
                amount(g.target) or "–",
                amount(g.actual) or "–",
                status,
                Text(one_line(g.title)),
                key=g.id,
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "progress" and event.row_key.value and self.plan.start_point:
            done = next(g for g in self.plan.start_point.goals if g.id == event.row_key.value)
            self.app.push_screen(
                AmountDialog(
                    self.lang, one_line(done.title), self.t("progress.actual"), done.actual
                ),
                lambda result: self._entered(done.id, result),
            )
            return
        if event.data_table.id != "goals" or event.row_key.value is None:
            return
        goal = next((g for g in self.plan.goals if g.id == event.row_key.value), None)
        if goal is not None:
            self.app.push_screen(EditGoalDialog(self.lang, goal), self._edited)

    def _entered(self, goal: str, result: tuple[float | None] | None) -> None:
        if result is not None:
            self.post_message(ActualRecorded(goal, result[0]))

    def _edited(self, result: Any) -> None:
        if result is not None:
            self.post_message(result)

    def show_plan(self, plan: Plan) -> None:
        """Refresh the goals after an edit, keeping the cursor."""
        self.plan = plan
        goals = self.query_one("#goals", DataTable)
        row = goals.cursor_row
        self.fill_goals()
        goals.move_cursor(row=row)
        if plan.start_point is not None:
            progress = self.query_one("#progress", DataTable)
            row = progress.cursor_row
            self.fill_progress()
            progress.move_cursor(row=row)


__all__ = ["Goal", "PlanScreen"]
