"""Small modal dialogs: a goal (read and edit), a task, exporting, respondents, errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar, get_args

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from smcheck.core.models.answers import MAX_NAME, GoalEdit
from smcheck.core.models.common import ROLES, Lang, OwnerRole
from smcheck.core.models.plan import Goal, Plan, Task
from smcheck.core.text import format_date, one_line
from smcheck.core.texts import t
from smcheck.files.export.files import format_names, targets, without_suffix
from smcheck.screens.fields import Dropdown, FieldOrder, TextField
from smcheck.screens.messages import GoalChanged

_T = TypeVar("_T")

OWNERS: tuple[OwnerRole, ...] = get_args(OwnerRole)


class ErrorDialog(ModalScreen[None]):
    """Shows one problem; the app keeps running."""

    BINDINGS = [Binding("escape,enter", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, message: str) -> None:
        super().__init__()
        self.lang = lang
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error"):
            yield Static(Text(t("error.title", self.lang), style="bold"))
            yield Static(Text(self.message))
            yield Button(t("ok", self.lang), id="ok", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


def parse_amount(text: str) -> float | None:
    """A number as typed (comma or point); ``None`` for empty; ValueError otherwise."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    value = float(text.replace(",", ""))
    if not 0 <= value <= 1e12:
        raise ValueError(text)
    return value


# ModalScreen comes first among the bases of a dialog: Textual takes a class's CSS type names
# (the ones selectors match, such as ModalScreen's dimmed, centring rule) from its first base
# only; after FieldOrder, a dialog drew top-left on a blank screen.


class _FormDialog(ModalScreen[_T], FieldOrder):
    """A dialog of fields with OK and Cancel: Enter in a field or OK finishes, Cancel gives None."""

    def _done(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._done()
        else:
            self.dismiss(None)


def _fact(label: str, value: str) -> Text:
    """One line of a detail: the label in bold, then the value (wrapped by the widget)."""
    return Text.assemble((f"{label}: ", "bold"), one_line(value))


def _facts(lines: list[Text]) -> Text:
    return Text("\n").join(lines)


def goal_facts(goal: Goal, plan: Plan | None, lang: Lang) -> Text:
    """Who owns a goal, by when, what it is for and when it is done, in full."""
    lines = [
        Text.assemble(
            _fact(t("dialog.owner", lang), t(f"role.{goal.owner}", lang)),
            " · ",
            t("dialog.due", lang, date=format_date(goal.due, lang)),
        )
    ]
    if plan is not None and goal.objective in plan.source.objectives:
        lines.append(_fact(t("dialog.objective", lang), plan.source.objectives[goal.objective]))
    if (name := _dimension_name(plan, goal.dimension)) is not None:
        lines.append(_fact(t("dialog.dimension", lang), name))
    if goal.kind == "outcome":
        serves = "; ".join(goal.serves) if goal.serves else t("report.not-linked", lang)
        lines.append(_fact(t("dialog.serves", lang), serves))
    lines.append(_fact(t("dialog.done", lang), goal.measure))
    return _facts(lines)


def task_facts(task: Task, plan: Plan, lang: Lang) -> Text:
    """When a task runs, who does it, how big it is, when it is done and what it is for."""
    phases = {p.id: p.name for p in plan.iteration.phases}
    first, last = task.weeks
    weeks = str(first) if first == last else f"{first}–{last}"
    when = t(
        "dialog.weeks",
        lang,
        weeks=weeks,
        start=format_date(task.start, lang),
        end=format_date(task.end, lang),
    )
    lines = [
        Text.assemble(_fact(t("plan.col.phase", lang), phases[task.phase]), " · ", when),
        Text.assemble(
            _fact(t("dialog.owner", lang), t(f"role.{task.owner}", lang)),
            " · ",
            _fact(t("dialog.effort", lang), t(f"plan.effort.{task.effort.lower()}", lang)),
        ),
        _fact(t("dialog.done", lang), task.done),
    ]
    titles = {g.id: g.title for g in plan.goals}
    goals = [titles[g] for g in task.goals if g in titles]
    if goals:
        lines.append(_fact(t("dialog.goals", lang), "; ".join(goals)))
    if task.objective in plan.source.objectives:
        lines.append(_fact(t("dialog.objective", lang), plan.source.objectives[task.objective]))
    if (name := _dimension_name(plan, task.dimension)) is not None:
        lines.append(_fact(t("dialog.dimension", lang), name))
    return _facts(lines)


def _dimension_name(plan: Plan | None, dimension: str | None) -> str | None:
    """The short title of a dimension (never its id: no title, no line)."""
    if plan is None or dimension is None:
        return None
    return next((d.name for d in plan.result.dimensions if d.id == dimension and d.name), None)


class EditGoalDialog(_FormDialog[GoalChanged | None]):
    """One starter goal in full (owner, due date, what it serves, when it is done), with its
    baseline, target and owner to edit. Compact fields, so that OK and Cancel fit 80×24."""

    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, goal: Goal, plan: Plan | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.goal = goal
        self.plan = plan

    def compose(self) -> ComposeResult:
        g, lang = self.goal, self.lang
        with Vertical(classes="dialog form", id="goal-dialog"):
            with VerticalScroll(classes="facts", can_focus=False):
                yield Static(Text(t("edit.title", lang, goal=one_line(g.title)), style="bold"))
                yield Static(goal_facts(g, self.plan, lang), id="goal-facts")
            if g.kind == "outcome":
                yield Label(t("edit.baseline", lang))
                yield TextField(
                    "" if g.baseline is None else f"{g.baseline:g}", id="baseline", compact=True
                )
                yield Label(t("edit.target", lang))
                explicit = g.target if g.target_change_pct is None else None
                yield TextField(
                    "" if explicit is None else f"{explicit:g}", id="target", compact=True
                )
            yield Label(t("edit.owner", lang))
            yield Dropdown(
                [(t(f"role.{o}", lang), o) for o in OWNERS],
                value=g.owner,
                allow_blank=False,
                id="owner",
                lang=lang,
                compact=True,
            )
            yield Static("", id="edit-error", classes="hidden")
            with Horizontal(classes="buttons"):
                yield Button(t("ok", lang), id="ok", variant="primary", compact=True)
                yield Button(t("cancel", lang), id="cancel", compact=True)

    def _done(self) -> None:
        baseline = target = None
        try:
            if self.goal.kind == "outcome":
                baseline = parse_amount(self.query_one("#baseline", Input).value)
                target = parse_amount(self.query_one("#target", Input).value)
        except ValueError:
            error = self.query_one("#edit-error", Static)
            error.update(t("edit.bad-number", self.lang))
            error.remove_class("hidden")
            return
        owner = self.query_one("#owner", Select).value
        edit = GoalEdit(target=target, owner=owner if isinstance(owner, str) else None)
        self.dismiss(GoalChanged(self.goal.id, baseline, edit))


class TaskDialog(ModalScreen[int]):
    """A task of the plan in full; ↑ and ↓ go through the tasks, Enter or Esc closes and
    gives back the number of the task shown last (the table's cursor follows it)."""

    BINDINGS = [
        Binding("escape,enter", "close", show=False),
        Binding("up", "step(-1)", show=False),
        Binding("down", "step(1)", show=False),
    ]

    def __init__(self, lang: Lang, plan: Plan, index: int) -> None:
        super().__init__()
        self.lang = lang
        self.plan = plan
        self.index = index

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="task-dialog"):
            with VerticalScroll(classes="facts", can_focus=False):
                yield Static(id="task-title")
                yield Static(id="task-facts")
            yield Static(Text(t("dialog.task-keys", self.lang)), id="task-keys")
            with Horizontal(classes="buttons"):
                yield Button(t("ok", self.lang), id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        task, lang = self.plan.tasks[self.index], self.lang
        n = len(self.plan.tasks)
        heading = t("dialog.task", lang, i=self.index + 1, n=n)
        self.query_one("#task-title", Static).update(
            Text.assemble((f"{heading}\n", "bold"), (one_line(task.title), "bold"))
        )
        self.query_one("#task-facts", Static).update(task_facts(task, self.plan, lang))

    def action_step(self, step: int) -> None:
        index = self.index + step
        if 0 <= index < len(self.plan.tasks):
            self.index = index
            self._show()

    def action_close(self) -> None:
        self.dismiss(self.index)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.index)


class ExportDialog(ModalScreen[tuple[Path, bool] | None], FieldOrder):
    """Asks where to write; returns (base path, overwrite?). Overwriting takes a second press."""

    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, base: Path) -> None:
        super().__init__()
        self.lang = lang
        self.base = base
        self.confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(t("export.title", self.lang), style="bold"))
            yield Static(t("export.intro", self.lang, formats=format_names()), markup=False)
            yield TextField(str(self.base), id="export-path")
            yield Static("", id="export-warning")
            with Horizontal(classes="buttons"):
                yield Button(t("export.go", self.lang), id="export", variant="primary")
                yield Button(t("cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.confirmed = None
        self.query_one("#export", Button).label = t("export.go", self.lang)
        self.query_one("#export-warning", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._go()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self._go()
        else:
            self.dismiss(None)

    def _go(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            return
        base = without_suffix(Path(text).expanduser())
        existing = [p for p in targets(base) if p.exists()]
        if existing and self.confirmed != base:
            self.confirmed = base
            names = ", ".join(p.name for p in existing)
            self.query_one("#export-warning", Static).update(
                Text(t("export.exists", self.lang, files=names))
            )
            self.query_one("#export", Button).label = t("export.overwrite", self.lang)
            return
        self.dismiss((base, self.confirmed == base))


class RespondentDialog(_FormDialog[tuple[str, str] | None]):
    """Name and role of a respondent (to add one, or to rename one)."""

    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, title: str, name: str = "", role: str = "team") -> None:
        super().__init__()
        self.lang = lang
        self.title_text = title
        self.respondent_name = name
        self.role = role

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Label(t("dialog.respondent-name", lang))
            yield TextField(self.respondent_name, id="respondent-name", max_length=MAX_NAME)
            yield Label(t("dialog.respondent-role", lang))
            yield Dropdown(
                [(t(f"role.{r}", lang), r) for r in ROLES],
                value=self.role,
                allow_blank=False,
                id="respondent-role",
                lang=lang,
            )
            with Horizontal(classes="buttons"):
                yield Button(t("ok", lang), id="ok", variant="primary")
                yield Button(t("cancel", lang), id="cancel")

    def _done(self) -> None:
        role = self.query_one(Select).value
        self.dismiss((self.query_one(Input).value.strip(), str(role)))


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; Escape means no."""

    BINDINGS = [Binding("escape", "dismiss(False)", show=False)]

    def __init__(self, lang: Lang, message: str, yes: str) -> None:
        super().__init__()
        self.lang = lang
        self.message = message
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.message))
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(t("cancel", self.lang), id="no")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#no", Button))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class AmountDialog(ModalScreen[tuple[float | None] | None], FieldOrder):
    """One number, e.g. the actual value a goal reached; empty clears it."""

    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, title: str, label: str, value: float | None) -> None:
        super().__init__()
        self.lang = lang
        self.title_text = title
        self.label = label
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Label(self.label)
            yield TextField("" if self.value is None else f"{self.value:g}", id="amount")
            yield Static("", id="edit-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            value = parse_amount(event.value)
        except ValueError:
            self.query_one("#edit-error", Static).update(t("edit.bad-number", self.lang))
            return
        self.dismiss((value,))
