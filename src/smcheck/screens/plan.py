"""Starter goals (editable in place) and the first iteration's tasks by phase and week.

The tables show one line per goal or task, cut to the terminal's width; Enter opens the row in
full (a goal together with its fields to edit), so nothing needs an export to be read.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Goal, Plan
from smcheck.core.text import format_date, one_line, shorten
from smcheck.screens.base import WalkScreen
from smcheck.screens.dialogs import AmountDialog, EditGoalDialog, TaskDialog
from smcheck.screens.messages import ActualRecorded
from smcheck.seams import QuietFooter

MIN_TITLE = 24
"""Columns a goal's or task's title keeps at least, however narrow the terminal."""

SCROLLBAR = 2
"""Columns kept free for a table's vertical scrollbar."""


def amount(value: float | None) -> str:
    """A KPI value as people write it (no trailing .0)."""
    return "" if value is None else f"{value:g}"


class PlanScreen(WalkScreen):
    """Goals on top, tasks below; Tab moves between them, Enter opens a row in full."""

    BINDINGS = [
        # priority: Enter opens the row here rather than as the table's own "select", so that
        # the footer can name it
        Binding("enter", "open", "plan.key.open", key_display="⏎", priority=True),
        Binding("e", "edit", "help.do.edit", show=False),
        Binding("ctrl+e", "app.export", "key.export", priority=True),
        # ← goes back here too, as everywhere, rather than scroll a table sideways
        Binding("left", "app.go_back", "key.back", show=False, priority=True),
    ]

    def __init__(self, lang: Lang, plan: Plan, **kwargs: Any) -> None:
        super().__init__(lang, **kwargs)
        self.plan = plan
        self.title = self.t("plan.title")  # in the header: no line of its own at 80×24
        self._width = 0  # the width the tables were last filled for

    def compose(self) -> ComposeResult:
        it = self.plan.iteration
        yield Header()
        yield Static(Text(self.t("plan.goals"), style="bold"), classes="section first")
        if not any(g.kind == "outcome" for g in self.plan.goals):
            yield Static(self.t("plan.no-goals"), id="plan-hint")
        yield DataTable(id="goals", cursor_type="row")
        if self.plan.start_point is not None:
            yield Static(Text(self.t("progress.title"), style="bold"), classes="section")
            yield DataTable(id="progress", cursor_type="row")
        yield Static(
            Text(
                self.t(
                    "plan.tasks",
                    start=format_date(it.start, self.lang),
                    end=format_date(it.end, self.lang),
                    next=format_date(it.next_assessment, self.lang),
                ),
                style="bold",
            ),
            classes="section",
        )
        yield DataTable(id="tasks", cursor_type="row", zebra_stripes=True)
        notes = [f"• {one_line(remark)}" for remark in self.plan.remarks]
        if self.plan.later:
            later = "; ".join(one_line(x.title) for x in self.plan.later)
            notes.append(f"• {self.t('plan.later', n=len(self.plan.later))} {later}")
        if notes:
            with VerticalScroll(id="plan-notes"):
                yield Static(Text("\n".join(notes)))
        yield QuietFooter()

    def on_mount(self) -> None:
        self._fill(self.app.size.width)
        goals = self.query_one("#goals", DataTable)
        self.set_focus(goals if self.plan.goals else self.query_one("#tasks", DataTable))

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._fill(event.size.width)

    # --- the tables -------------------------------------------------------------------------

    def _owner(self, role: str) -> str:
        """A short name for the owner column (the full one is in the details)."""
        return self.t(f"plan.owner.{role}")

    def _fill(self, width: int) -> None:
        """(Re)fill every table for a terminal ``width`` columns wide, keeping the cursors."""
        self._width = width
        self.fill_goals()
        self.fill_progress()
        names = {p.id: p.name for p in self.plan.iteration.phases}
        rows = [
            (
                str(x.id),
                [
                    names[x.phase],
                    str(x.weeks[0]) if x.weeks[0] == x.weeks[1] else f"{x.weeks[0]}–{x.weeks[1]}",
                    self._owner(x.owner),
                ],
                x.title,
            )
            for x in self.plan.tasks
        ]
        columns = [
            (key, self.t(key))
            for key in ("plan.col.phase", "plan.col.weeks", "plan.col.owner", "plan.col.task")
        ]
        self._table("#tasks", columns, rows)

    def _table(
        self, selector: str, columns: list[tuple[str, str]], rows: list[tuple[str, list[str], str]]
    ) -> None:
        """Fill a table from (key, header) columns and (key, cells, title) rows; the title
        comes last, cut at a word to the room the other columns leave."""
        table = self.query_one(selector, DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        widths = [
            max([cell_len(header), *(cell_len(cells[i]) for _, cells, _ in rows)])
            for i, (_, header) in enumerate(columns[:-1])
        ]
        room = self._width - sum(w + 2 * table.cell_padding for w in widths)
        room = max(MIN_TITLE, room - 2 * table.cell_padding - SCROLLBAR)
        for key, header in columns:
            table.add_column(header, key=key)
        for key, cells, title in rows:
            table.add_row(*cells, Text(shorten(title, room)), key=key)
        if rows:
            table.move_cursor(row=min(row, len(rows) - 1), animate=False)

    def fill_goals(self) -> None:
        rows: list[tuple[str, list[str], str]] = []
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
            rows.append((g.id, [baseline, target, self._owner(g.owner)], g.title))
        columns = [
            (key, self.t(key))
            for key in ("plan.col.baseline", "plan.col.target", "plan.col.owner", "plan.col.goal")
        ]
        self._table("#goals", columns, rows)

    def fill_progress(self) -> None:
        """The previous plan's goals with what they reached."""
        if self.plan.start_point is None:
            return
        rows: list[tuple[str, list[str], str]] = []
        for g in self.plan.start_point.goals:
            status = self.t(f"progress.status.{g.status}")
            if g.progress_pct is not None:
                status += f" ({g.progress_pct} %)"
            cells = [
                amount(g.baseline) or "–",
                amount(g.target) or "–",
                amount(g.actual) or "–",
                status,
            ]
            rows.append((g.id, cells, g.title))
        columns = [
            (key, self.t(key))
            for key in (
                "plan.col.baseline",
                "plan.col.target",
                "progress.col.actual",
                "progress.col.status",
                "plan.col.goal",
            )
        ]
        self._table("#progress", columns, rows)

    # --- opening a row ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit":  # e edits a goal: only where one has the cursor
            focused = self.focused
            return isinstance(focused, DataTable) and focused.id in ("goals", "progress")
        return True

    def action_open(self) -> None:
        table = self.focused
        if isinstance(table, DataTable) and table.row_count:
            self._open(table, table.cursor_row)

    def action_edit(self) -> None:
        self.action_open()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.data_table, event.cursor_row)  # a click on a row

    def _open(self, table: DataTable[Any], row: int) -> None:
        """Show the row in full: a goal to edit, a task to read, a past goal's actual value."""
        if table.id == "tasks":
            self.app.push_screen(TaskDialog(self.lang, self.plan, row), self._task_shown)
        elif table.id == "goals" and row < len(self.plan.goals):
            goal = self.plan.goals[row]
            self.app.push_screen(EditGoalDialog(self.lang, goal, self.plan), self._edited)
        elif table.id == "progress" and self.plan.start_point is not None:
            done = self.plan.start_point.goals[row]
            self.app.push_screen(
                AmountDialog(
                    self.lang, one_line(done.title), self.t("progress.actual"), done.actual
                ),
                lambda result: self._entered(done.id, result),
            )

    def _task_shown(self, index: int | None) -> None:
        if index is not None:  # the table follows the task read last
            self.query_one("#tasks", DataTable).move_cursor(row=index, animate=False)

    def _entered(self, goal: str, result: tuple[float | None] | None) -> None:
        if result is not None:
            self.post_message(ActualRecorded(goal, result[0]))

    def _edited(self, result: Any) -> None:
        if result is not None:
            self.post_message(result)

    def show_plan(self, plan: Plan) -> None:
        """Refresh the goals after an edit, keeping the cursor."""
        self.plan = plan
        self.fill_goals()
        self.fill_progress()


__all__ = ["Goal", "PlanScreen"]
