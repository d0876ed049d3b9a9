"""The start screen: begin a quick or full check, or resume a saved session."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from smcheck.core.langs import Lang
from smcheck.core.text import one_line
from smcheck.screens.base import SmcheckScreen
from smcheck.screens.fields import ListKeys, QuietFooter

if TYPE_CHECKING:
    from smcheck.files.overview import AssessmentInfo, SessionInfo

SECONDS_PER_QUESTION = 20


class StartScreen(ListKeys, SmcheckScreen):
    """Choose what to do; the most recent unfinished session comes first."""

    BINDINGS = [
        Binding("enter", "app.choose_start", "key.next", key_display="⏎", priority=True),
        Binding("ctrl+q", "app.quit", "key.quit"),
    ]

    def __init__(
        self,
        lang: Lang,
        load: Callable[[], tuple[list[AssessmentInfo], list[SessionInfo]]],
        **kwargs: Any,
    ) -> None:
        super().__init__(lang, **kwargs)
        self.load = load
        self.assessments: list[AssessmentInfo] = []
        self.sessions: list[SessionInfo] = []
        self.ready = asyncio.Event()
        """Set once the list is filled: a choice typed ahead of it waits for it."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("start.title"), style="bold"), id="start-title")
        yield Static(self.t("start.intro"), id="start-intro")
        yield OptionList(id="choices")
        yield Static(self.t("start.lang"), id="start-lang")
        yield QuietFooter()

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        resumable = [
            s for s in self.sessions if s.problem or s.given < s.total or s.completed is None
        ]
        if resumable:
            options.append(Option(Text(self.t("start.resume"), style="bold"), disabled=True))
            for s in resumable[:9]:
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
            for scope in ("quick", "full"):
                n = a.count(scope)
                if n:
                    label = self.t(f"start.{scope}", n=n, min=_minutes(n))
                    options.append(Option(f"  {label}", id=f"new:{i}:{scope}"))
        return options

    def _session_label(self, s: SessionInfo) -> Text:
        if s.problem:
            return Text(f"  {s.id}: {self.t('start.broken', problem=s.problem)}")
        when = s.updated.astimezone().strftime("%Y-%m-%d %H:%M") if s.updated else s.id
        org = one_line(s.organisation) or self.t("start.unnamed")
        scope = self.t(f"scope.{s.scope}") if s.scope in ("quick", "full") else s.scope
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
        found = self.load()
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

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # a mouse click; Enter is a priority binding run by the app itself, so that keys typed
        # ahead wait until the next screen is there
        await self.app.run_action("app.choose_start")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "list_key" and not self.ready.is_set():
            return True  # typed before the list is read: it waits for the list
        return super().check_action(action, parameters)

    async def action_list_key(self, action: str) -> None:
        await self.ready.wait()
        await super().action_list_key(action)

    def chosen(self) -> str:
        """The id of the highlighted choice ("resume:ID" or "new:INDEX:SCOPE")."""
        option = self.query_one(OptionList).highlighted_option
        return (option.id or "") if option is not None else ""


def _minutes(questions: int) -> int:
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))
