"""The organisation profile: name, size, industry, channels, objectives, company goals, role."""

from __future__ import annotations

from typing import Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.strip import Strip
from textual.widgets import Button, Header, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from smcheck.core.calendar import check_place, default_country
from smcheck.core.models.answers import MAX_GOAL, MAX_NAME, SIZES, Answers, Size
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import ROLES, Lang, Role
from smcheck.core.text import one_line
from smcheck.core.texts import t
from smcheck.files.open_session import OrganisationEdit, RespondentEdit
from smcheck.screens.base import WalkScreen
from smcheck.screens.fields import Dropdown, FieldOrder, ListKeys, TextField
from smcheck.screens.messages import ProfileChanged
from smcheck.screens.titles import window_title
from smcheck.seams import QuietFooter, plain_tick


class TickList(SelectionList[str]):
    """A selection list whose ticks read without colour too: ``▐X▌`` ticked, ``▐ ▌`` not."""

    def render_line(self, y: int) -> Strip:
        return plain_tick(self, y, super().render_line(y))


class ProfileScreen(FieldOrder, ListKeys, WalkScreen):
    """A short form; every change is saved at once."""

    BINDINGS = [
        Binding("ctrl+n", "app.next", "key.next", priority=True),
        # In a text field Enter moves on as soon as it arrives, as Tab does (see FieldOrder);
        # elsewhere (a list, a button) it keeps its usual meaning.
        Binding("enter", "next_field", show=False, priority=True),
    ]

    def __init__(self, lang: Lang, assessment: Assessment, answers: Answers, **kwargs: Any) -> None:
        super().__init__(lang, **kwargs)
        self.assessment = assessment
        self.answers = answers

    def compose(self) -> ComposeResult:
        org, who, lang = self.answers.organisation, self.answers.respondent, self.lang
        goals = [*org.company_goals, "", ""]
        yield Header()
        yield Static(Text(self.t("profile.title"), style="bold"), id="profile-title")
        yield Static(self.t("profile.intro"), id="profile-intro")
        with VerticalScroll(id="profile-scroll"):
            with Grid(id="profile-form"):
                yield Label(self.t("profile.name"))
                yield TextField(org.name, id="organisation-name", max_length=MAX_NAME, compact=True)
                yield Label(self.t("profile.size"))
                yield Dropdown(
                    [(s, s) for s in SIZES],
                    value=org.size or Select.NULL,
                    id="organisation-size",
                    lang=self.lang,
                    prompt=self.t("size.none"),
                    compact=True,
                )
                yield Label(self.t("profile.industry"))
                yield TextField(
                    org.industry, id="organisation-industry", max_length=MAX_NAME, compact=True
                )
                yield Label(self.t("profile.channels"))
                yield TextField(
                    ", ".join(org.channels),
                    id="organisation-channels",
                    placeholder="LinkedIn, Instagram",
                    compact=True,
                )
                yield Label(self.t("profile.goal1"))
                yield TextField(goals[0], id="goal-1", max_length=MAX_GOAL, compact=True)
                yield Label(self.t("profile.goal2"))
                yield TextField(goals[1], id="goal-2", max_length=MAX_GOAL, compact=True)
                yield Label(self.t("profile.country"))
                yield TextField(
                    org.country,
                    id="organisation-country",
                    max_length=2,
                    placeholder=default_country(lang),
                    compact=True,
                )
                yield Label(self.t("profile.region"))
                yield TextField(
                    org.region,
                    id="organisation-region",
                    max_length=3,
                    compact=True,
                )
                interview = self.answers.interview  # the consultant types someone else's name
                yield Label(
                    self.t("profile.respondent-other" if interview else "profile.respondent")
                )
                yield TextField(who.name, id="respondent-name", max_length=MAX_NAME, compact=True)
                yield Label(self.t("profile.role-other" if interview else "profile.role"))
                yield Dropdown(
                    [(t(f"role.{r}", lang), r) for r in ROLES],
                    value=who.role,
                    allow_blank=False,
                    id="respondent-role",
                    lang=self.lang,
                    compact=True,
                )
            if self.assessment.objectives:
                yield Label(self.t("profile.objectives"), id="objectives-label")
                # above the list: still in view while the list scrolls in under it
                yield Static(
                    self.t("profile.no-objectives"),
                    id="no-objectives",
                    classes="hidden" if org.objectives else "",
                )
                yield TickList(
                    *(
                        Selection(
                            Text(
                                f"{one_line(o.name.get(lang))} – {one_line(o.description.get(lang))}"
                            ),
                            o.id,
                            o.id in org.objectives,
                        )
                        for o in self.assessment.objectives
                    ),
                    id="organisation-objectives",
                    compact=True,
                )
                yield Label(self.t("profile.links"), id="links-label")
                yield TickList(
                    *(
                        Selection(
                            Text(self.t("profile.link", objective=one_line(o.name.get(lang)), n=n)),
                            f"{o.id}:{n}",
                            n in org.links.get(o.id, []),
                        )
                        for o in self.assessment.objectives
                        for n in (1, 2)
                    ),
                    id="organisation-links",
                    compact=True,
                )
            yield Button(self.t("profile.continue"), id="continue", variant="primary", compact=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#organisation-name", Input))
        self._show_title()

    def _show_title(self) -> None:
        """In an interview, the window title names who is answering, as it is typed."""
        if not self.answers.interview:
            return  # the app's title follows the organisation's name
        org = self.query_one("#organisation-name", Input).value
        name = self.query_one("#respondent-name", Input).value
        role = self.query_one("#respondent-role", Select).value
        self.sub_title = window_title(org, self.lang, name, str(role))

    def on_input_changed(self, event: Input.Changed) -> None:
        field, value = event.input.id or "", event.value
        edit: OrganisationEdit | RespondentEdit
        if field.startswith("goal-"):
            goals = [self.query_one(f"#goal-{i}", Input).value.strip() for i in (1, 2)]
            edit = OrganisationEdit(company_goals=tuple(g for g in goals if g))
        elif field == "organisation-channels":
            edit = OrganisationEdit(
                channels=tuple(c.strip() for c in value.split(",") if c.strip())
            )
        elif field in ("organisation-country", "organisation-region"):
            country = self.query_one("#organisation-country", Input).value.strip().upper()
            region = self.query_one("#organisation-region", Input).value.strip().upper()
            problem = check_place(country or default_country(self.lang), region)
            event.input.set_class(problem is not None, "-invalid")
            if problem is not None:  # half typed: saved once it names a real place
                return
            edit = OrganisationEdit(country=country, region=region)
        elif field == "organisation-name":
            edit = OrganisationEdit(name=value)
        elif field == "organisation-industry":
            edit = OrganisationEdit(industry=value)
        else:
            edit = RespondentEdit(name=value)
        self.post_message(ProfileChanged(edit))
        if field in ("organisation-name", "respondent-name"):
            self._show_title()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_field":
            return isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def action_next_field(self) -> None:
        self.focus_next()

    def on_select_changed(self, event: Select.Changed) -> None:
        # a choice made, Enter goes on to the next field, as on the text fields (not the list again)
        if self.focused is event.select:
            self.call_after_refresh(self.focus_next)
        value = event.value
        if event.select.id == "respondent-role":
            self.post_message(ProfileChanged(RespondentEdit(role=cast("Role", value))))
            self._show_title()
        else:
            size = "" if value is Select.NULL else value
            self.post_message(ProfileChanged(OrganisationEdit(size=cast("Size", size))))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        if event.selection_list.id == "organisation-links":
            picked = [v.split(":") for v in event.selection_list.selected]
            links = tuple(
                (o.id, tuple(sorted(int(n) for oid, n in picked if oid == o.id)))
                for o in self.assessment.objectives
            )
            self.post_message(ProfileChanged(OrganisationEdit(links=links)))
            return
        chosen = set(event.selection_list.selected)
        self.query_one("#no-objectives").set_class(bool(chosen), "hidden")
        ordered = [o.id for o in self.assessment.objectives if o.id in chosen]
        self.post_message(ProfileChanged(OrganisationEdit(objectives=tuple(ordered))))

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            await self.app.run_action("app.next")
