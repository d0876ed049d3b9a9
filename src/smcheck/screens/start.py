"""The start screen: begin a quick or full check, resume a saved session, or open the results
of a completed one."""

from __future__ import annotations

import asyncio
import threading
from contextlib import suppress
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from smcheck.core.errors import InvalidFile
from smcheck.core.langs import Lang
from smcheck.core.text import format_date, one_line
from smcheck.core.walk import check_label
from smcheck.screens.base import SmcheckScreen
from smcheck.screens.fields import ListKeys
from smcheck.screens.messages import New, Resume, StartChoice
from smcheck.seams import QuietFooter

if TYPE_CHECKING:
    from smcheck.app import SmcheckApp
    from smcheck.core.models.answers import Scope
    from smcheck.core.models.assessment import Assessment
    from smcheck.files.overview import AssessmentInfo, SessionInfo
    from smcheck.screens.remembered import LangSource

LISTED = 9
"""Saved sessions listed in each group, the most recently changed first (`smcheck sessions` lists
them all)."""

WALK_MODULES = (
    "smcheck.files.open_session",
    "smcheck.screens.dimension",
    "smcheck.screens.profile",
)
"""What the walk loads first (with pydantic and the models); the start screen loads it early."""

LANG_SOURCES = {
    "given": "start.lang-given",
    "saved": "start.lang-saved",
    "system": "start.lang-system",
}
LANG_NAMES = {"de": "start.lang-de", "en": "start.lang-en"}


@dataclass(frozen=True)
class Reopen:
    """Open a completed check at its results (to read them, or export again)."""

    session_id: str


class StartScreen(ListKeys, SmcheckScreen):
    """Choose what to do; the most recent unfinished session comes first."""

    BINDINGS = [
        Binding("enter", "choose", "key.next", key_display="⏎", priority=True),
        Binding("ctrl+q", "app.quit", "key.quit"),
    ]

    def __init__(
        self,
        lang: Lang,
        only: Assessment | None = None,
        lang_source: LangSource | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(lang, **kwargs)
        self.only = only
        """The one questionnaire offered (``smcheck run QUESTIONNAIRE``), else all installed."""
        self.lang_source = lang_source
        """Why the screen speaks its language (said on the screen, so nobody is surprised)."""
        self.assessments: list[AssessmentInfo] = []
        self.sessions: list[SessionInfo] = []
        self.choices: dict[str, StartChoice | Reopen] = {}
        self.ready = asyncio.Event()
        """Set once the list is filled: a choice typed ahead of it waits for it."""
        self.warmed = threading.Event()
        """Set once the walk is readied (:meth:`_warm`), whether that went well or not."""

    @property
    def smcheck(self) -> SmcheckApp:
        """The app, typed (the start screen hands it the choice and waits for the next screen)."""
        return cast("SmcheckApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("start.title"), style="bold"), id="start-title")
        yield Static(self.t("start.intro"), id="start-intro")
        yield OptionList(id="choices")
        yield Static(self._lang_line(), id="start-lang")
        yield QuietFooter()

    def _lang_line(self) -> str:
        """The language, where it comes from, and the key that switches it."""
        current = self.t(LANG_NAMES[self.lang])
        other = self.t(LANG_NAMES["en" if self.lang == "de" else "de"])
        if self.lang_source is None:
            return self.t("start.lang-unsourced", current=current, other=other)
        source = self.t(LANG_SOURCES[self.lang_source])
        return self.t("start.lang", current=current, source=source, other=other)

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        resumable = [s for s in self.sessions if not s.done]
        if resumable:
            options.append(Option(Text(self.t("start.resume"), style="bold"), disabled=True))
            for s in resumable[:LISTED]:
                self.choices[f"resume:{s.id}"] = Resume(s.id)
                options.append(
                    Option(
                        self._session_label(s), id=f"resume:{s.id}", disabled=s.problem is not None
                    )
                )
            options.append(None)
        for i, a in enumerate(self.assessments):
            if a.problem is not None:  # a custom questionnaire that cannot be read: say why
                options.append(
                    Option(Text(f"  {self.t('start.broken', problem=a.problem)}"), disabled=True)
                )
                continue
            title = a.title.get(self.lang) or next(iter(a.title.values()), a.id)
            options.append(
                Option(
                    Text(f"{self.t('start.new')}: {one_line(title)}", style="bold"), disabled=True
                )
            )
            scopes: tuple[Scope, ...] = ("quick", "full")
            for scope in scopes:
                n = a.count(scope)
                if n:
                    label = check_label(scope, n, self.lang)
                    self.choices[f"new:{i}:{scope}"] = New(a, scope)
                    options.append(Option(f"  {label}", id=f"new:{i}:{scope}"))
        done = [s for s in self.sessions if s.done]
        if done:
            options.append(None)
            options.append(Option(Text(self.t("start.completed"), style="bold"), disabled=True))
            for s in done[:LISTED]:
                self.choices[f"results:{s.id}"] = Reopen(s.id)
                options.append(Option(self._session_label(s), id=f"results:{s.id}"))
        return options

    def _session_label(self, s: SessionInfo) -> Text:
        if s.problem:
            return Text(f"  {s.id}: {self.t('start.broken', problem=s.problem)}")
        if s.updated:
            local = s.updated.astimezone()  # the last change, in the language's date style
            when = f"{format_date(local.date(), self.lang)} {local:%H:%M}"
        else:
            when = s.id
        org = one_line(s.organisation) or self.t("start.unnamed")
        if s.respondent.strip():  # respondents of one organisation told apart
            org = self.t("start.with-respondent", org=org, name=one_line(s.respondent))
        scope = self.t(f"scope.{s.scope}") if s.scope in ("quick", "full") else s.scope
        if s.done:
            return Text("  " + self.t("start.done-session", org=org, scope=scope, when=when))
        return Text(
            "  "
            + self.t("start.session", org=org, scope=scope, given=s.given, total=s.total, when=when)
        )

    def on_mount(self) -> None:
        # Reading the questionnaires and sessions starts once the first frame is painted (in a
        # thread it would still take turns with the painting), and the list follows a moment
        # later; Enter typed before waits for it.
        self.call_after_refresh(self._start_reading)

    def _start_reading(self) -> None:
        self.run_worker(self._read, thread=True, exclusive=True, group="start")

    def _read(self) -> None:
        from smcheck.files.overview import start_choices

        found = start_choices(self.only)
        self.app.call_from_thread(self._fill, *found)

    def _fill(self, assessments: list[AssessmentInfo], sessions: list[SessionInfo]) -> None:
        self.assessments, self.sessions = assessments, sessions
        choices = self.query_one(OptionList)
        choices.add_options(self._options())
        self.set_focus(choices)
        for index in range(choices.option_count):
            if not choices.get_option_at_index(index).disabled:
                choices.highlighted = index
                break
        self.ready.set()
        self.call_after_refresh(self._start_warming)

    def _start_warming(self) -> None:
        self.run_worker(self._warm, thread=True, exclusive=True, group="warm")

    def _warm(self) -> None:
        """Ready the walk while the user reads the list (the first Enter then has only the
        profile to build): load the walk's screens and the session's models, and load and
        check the listed questionnaires (kept for the process: Enter finds them checked).

        Nothing is shown from here: a questionnaire that fails is refused, with its problem,
        when it is chosen, exactly as without this."""
        try:
            for module in WALK_MODULES:
                import_module(module)
            from smcheck.files.catalog import load_assessment

            for a in self.assessments:
                if a.problem is None and a.origin != "given":
                    # only time is at stake here: whatever goes wrong is met again on choosing
                    with suppress(Exception):
                        load_assessment(a.path)
        finally:
            self.warmed.set()

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # a mouse click; Enter is a priority binding, so that keys typed ahead wait until the
        # next screen is there
        await self.action_choose()

    async def action_choose(self) -> None:
        """Start or resume what is highlighted (Enter typed before the list was read waits)."""
        await self.ready.wait()
        choice = self.chosen()
        if isinstance(choice, Resume):
            await self.smcheck.resume(choice.session_id)
        elif isinstance(choice, Reopen):
            await self.smcheck.resume(choice.session_id, results=True)
        elif choice is not None:
            from smcheck.files.catalog import load_assessment

            try:
                assessment = self.only or load_assessment(choice.assessment.path)
            except InvalidFile as exc:
                self.error("\n".join(str(p) for p in exc.problems))
                return
            await self.smcheck.start_new(assessment, choice.scope)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "list_key" and not self.ready.is_set():
            return True  # typed before the list is read: it waits for the list
        return super().check_action(action, parameters)

    async def action_list_key(self, action: str) -> None:
        await self.ready.wait()
        await super().action_list_key(action)

    def chosen(self) -> StartChoice | Reopen | None:
        """What the highlighted entry stands for."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.choices[option.id]
