"""Small modal dialogs: help, editing a goal, exporting, and errors."""

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
from smcheck.core.models.plan import Goal
from smcheck.core.text import one_line
from smcheck.core.texts import t
from smcheck.files.export.files import targets
from smcheck.screens.fields import FieldOrder, TextField
from smcheck.screens.messages import GoalChanged

_T = TypeVar("_T")

OWNERS: tuple[OwnerRole, ...] = get_args(OwnerRole)


class HelpDialog(ModalScreen[None]):
    """Every key, in the screen's language."""

    BINDINGS = [Binding("escape,f1,enter,q", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(t("help.title", self.lang), style="bold"))
            with VerticalScroll(id="help-body"):
                yield Static(Text(t("help.body", self.lang)))
            yield Button(t("ok", self.lang), id="ok", variant="primary", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)


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


class _FormDialog(FieldOrder, ModalScreen[_T]):
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


class EditGoalDialog(_FormDialog[GoalChanged | None]):
    """Baseline, target and owner of one starter goal."""

    BINDINGS = [Binding("escape", "dismiss(None)", show=False)]

    def __init__(self, lang: Lang, goal: Goal) -> None:
        super().__init__()
        self.lang = lang
        self.goal = goal

    def compose(self) -> ComposeResult:
        g, lang = self.goal, self.lang
        with Vertical(classes="dialog"):
            yield Static(Text(t("edit.title", lang, goal=one_line(g.title)), style="bold"))
            if g.kind == "outcome":
                yield Label(t("edit.baseline", lang))
                yield TextField("" if g.baseline is None else f"{g.baseline:g}", id="baseline")
                yield Label(t("edit.target", lang))
                explicit = g.target if g.target_change_pct is None else None
                yield TextField("" if explicit is None else f"{explicit:g}", id="target")
            yield Label(t("edit.owner", lang))
            yield Select(
                [(t(f"role.{o}", lang), o) for o in OWNERS],
                value=g.owner,
                allow_blank=False,
                id="owner",
            )
            yield Static("", id="edit-error")
            with Horizontal(classes="buttons"):
                yield Button(t("ok", lang), id="ok", variant="primary")
                yield Button(t("cancel", lang), id="cancel")

    def _done(self) -> None:
        baseline = target = None
        try:
            if self.goal.kind == "outcome":
                baseline = parse_amount(self.query_one("#baseline", Input).value)
                target = parse_amount(self.query_one("#target", Input).value)
        except ValueError:
            self.query_one("#edit-error", Static).update(t("edit.bad-number", self.lang))
            return
        owner = self.query_one("#owner", Select).value
        edit = GoalEdit(target=target, owner=owner if isinstance(owner, str) else None)
        self.dismiss(GoalChanged(self.goal.id, baseline, edit))


class ExportDialog(FieldOrder, ModalScreen[tuple[Path, bool] | None]):
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
            yield Label(t("export.intro", self.lang))
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
        base = Path(text).expanduser()
        for suffix in (".toml", ".json", ".md"):
            if base.name.endswith(suffix):
                base = base.with_name(base.name.removesuffix(suffix))
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
            yield Label(t("profile.respondent", lang))
            yield TextField(self.respondent_name, id="respondent-name", max_length=MAX_NAME)
            yield Label(t("profile.role", lang))
            yield Select(
                [(t(f"role.{r}", lang), r) for r in ROLES],
                value=self.role,
                allow_blank=False,
                id="respondent-role",
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


class AmountDialog(FieldOrder, ModalScreen[tuple[float | None] | None]):
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
