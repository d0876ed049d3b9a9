"""The interactive walk: start → profile → one screen per excuse → review → results → plan.

It orchestrates screens: holds the open session (:class:`OpenSession`, as the plain mode does),
turns the screens' messages into its typed edits and moves along its walk. What the first screen
does not need is imported where used: it must appear as fast as a bare Textual app (benchmarks/).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.langs import Lang
from smcheck.core.texts import t
from smcheck.core.walk import Excuse, Results, Step
from smcheck.keeping import KeepingApp
from smcheck.screens.base import localise
from smcheck.screens.remembered import Remembered
from smcheck.screens.start import StartScreen
from smcheck.seams import KeyScreens, nothing

if TYPE_CHECKING:
    from smcheck.core.models.answers import Scope
    from smcheck.core.models.assessment import Assessment
    from smcheck.files.open_session import OpenSession
    from smcheck.screens import messages as m


class SmcheckApp(KeepingApp):
    """smcheck's terminal interface (holding the session: :class:`KeepingApp`)."""

    CSS_PATH = "app.tcss"
    TITLE = "smcheck"
    BINDINGS = [
        Binding("f1", "help", "key.help"),
        Binding("ctrl+s", "save", "key.save", show=False),
        Binding("ctrl+e", "export", "key.export", show=False),
        Binding("ctrl+l", "switch_lang", "key.lang", show=False),
        Binding("ctrl+r", "respondents", "key.respondents"),
    ]

    def __init__(
        self,
        *,
        lang: Lang,
        theme: str = "textual-dark",
        remembered_lang: str | None = None,
        lang_given: bool = False,
        assessment: Assessment | None = None,
        resume: str | None = None,
        cwd: Path | None = None,
        cursor_blink: bool = True,
        interview: bool = False,
        config_problem: str = "",
        confined: bool = False,
    ) -> None:
        super().__init__()
        self.lang: Lang = lang
        self.remembered = Remembered(theme, remembered_lang, config_problem)
        self.given_lang: Lang | None = lang if lang_given else None
        """The language chosen with ``--lang``: it wins for this run and is not remembered."""
        self.system_lang = None if lang_given or remembered_lang else lang
        """The system's language, when neither ``--lang`` nor a remembered switch chose one."""
        self._keys = KeyScreens()
        self.only = assessment
        self.resume_id = resume
        self.cwd = cwd or Path.cwd()
        self.cursor_blink = cursor_blink
        self.config_problem = config_problem
        self.interview = interview
        self.confined = confined  # one session only: an invited respondent in a browser
        self.step: Step | None = None  # where the walk stands; None on the start screen
        self.theme = theme
        localise(self, lang)

    def on_mount(self) -> None:
        self.start_keeping()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.resume_id:
            self.resume(self.resume_id, first=True)
        if self.config_problem:
            self.error(self.config_problem)

    def get_default_screen(self) -> Screen[Any]:
        # The start screen is the first screen (one less to build); a resumed session goes on top
        return Screen() if self.resume_id else self._start_screen()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._keys.stale(event, self.screen):
            return  # a key whose screen was replaced while it travelled (see KeyScreens)
        await super().on_event(event)

    def _start_screen(self) -> StartScreen:
        source = self.remembered.lang_source(self.lang, self.given_lang, self.system_lang)
        return StartScreen(self.lang, self.only, lang_source=source)

    def _remember(self, **settings: str) -> None:
        if problem := self.remembered.update(**settings):
            self.error(problem)

    def _remember_theme(self, theme: Any) -> None:
        name = getattr(theme, "name", str(theme))
        if name in ("textual-dark", "textual-light"):
            self._remember(theme=name)

    def start_new(self, assessment: Assessment, scope: Scope) -> Awaitable[Any]:
        """Begin a new session: it is saved at once, then the profile comes. Returns the screen
        change (the start screen awaits it: keys typed ahead then reach the next screen)."""
        from smcheck.files.open_session import OpenSession

        return self._hold(
            lambda: OpenSession.start(assessment, scope, self.lang, interview=self.interview)
        )

    def resume(self, session_id: str, first: bool = False, results: bool = False) -> Awaitable[Any]:
        """Reopen a saved session where it stopped (see :meth:`Walk.resume`), or at its
        ``results`` (a completed check)."""
        from smcheck.files.open_session import OpenSession

        held = self.session
        if held is not None and not held.closed and held.id == session_id:
            # back on the start screen, the session left there is still held by this app:
            # reopening it would find its own lock ("open in another smcheck")
            return self._show_where(held, first, results)
        return self._hold(lambda: OpenSession.open(session_id), first=first, results=results)

    def _hold(
        self, opening: Callable[[], OpenSession], first: bool = False, results: bool = False
    ) -> Awaitable[Any]:
        """Open a session, give back the one held so far, and show where it stands."""
        try:
            session = opening()
        except (SmcheckError, InvalidFile) as exc:
            if self.confined:  # no start list to fall back to
                self.exit(return_code=2, message=str(exc))
                return nothing()
            if first:
                self.push_screen(self._start_screen())
            self.error(str(exc))
            return nothing()
        self._close()
        self.session = session
        if self.confined and session.answers.interview:
            # a respondent answering on their own: no interviewer's hints or private notes
            self.edit(lambda s: s.set_interview(False))
        return self._show_where(session, first, results)

    def _show_where(self, session: OpenSession, first: bool, results: bool) -> Awaitable[Any]:
        """Show where the held ``session`` stands, or its ``results``, in its language."""
        self.lang = session.answers.lang
        localise(self, self.lang)
        step = Results() if results else session.walk.resume(session.answers)
        return self.show(step, first=first)

    def _title(self) -> None:
        from smcheck.screens.titles import session_title

        if self.session is not None:  # the organisation; in an interview also who answers
            self.sub_title = session_title(self.session, self.lang)

    def on_goal_changed(self, message: m.GoalChanged) -> None:
        self.edit(lambda s: s.set_goal(message.goal, message.baseline, message.edit))
        self.refresh_plan()

    def on_actual_recorded(self, message: m.ActualRecorded) -> None:
        self.edit(lambda s: s.record_actual(message.goal, message.amount))
        self.refresh_plan()

    def on_question_chosen(self, message: m.QuestionChosen) -> None:
        if self.session and (step := self.session.walk.excuse_of(message.question)):
            self.show(step, focus=message.question)

    def on_respondent_chosen(self, message: m.RespondentChosen) -> None:
        from smcheck.screens.respondents import RespondentsScreen

        if self.confined:
            return
        if isinstance(self.screen, RespondentsScreen):
            self.pop_screen()
        if self.session and message.session_id != self.session.id:
            self.resume(message.session_id)

    def show(self, step: Step, focus: str | None = None, first: bool = False) -> Awaitable[Any]:
        """Go to a step of the walk. Returns the screen change; actions await it so that keys
        typed ahead reach the new screen rather than the one being replaced."""
        from smcheck.screens.steps import screen_for

        assert self.session is not None
        if self.session.walk.shows_results(step):
            self.edit(lambda s: s.complete(date.today()))
        self.step = step
        self._title()
        self.fold_soon()
        if isinstance(step, Excuse):
            from smcheck.screens.dimension import DimensionScreen

            # from one excuse to the next the screen stays and only its questions change: a
            # new screen would rebuild the header and the footer and lay out every widget anew
            current, answers = self.screen, self.session.answers
            if isinstance(current, DimensionScreen) and current.shows_walk_of(
                self.lang, self.session.assessment, answers
            ):
                return current.show_excuse(step.index, answers, focus)
        screen = screen_for(step, self.session, self.lang, focus, date.today())
        if first or len(self.screen_stack) <= 1:
            return self.push_screen(screen, wait_for_dismiss=False)
        return self.switch_screen(screen)

    async def action_next(self) -> None:
        if self.session is not None and self.step is not None:
            step = self.session.walk.next(self.step)
            if step is not None:
                await self.show(step)

    async def action_go_back(self) -> None:
        if self.session is None or self.step is None:
            return
        step = self.session.walk.back(self.step)
        if step is None and self.confined:
            return  # the first step is as far back as an invited respondent goes
        if step is None:
            self.step = None
            await self.switch_screen(self._start_screen())
        else:
            await self.show(step)

    def refresh_plan(self) -> None:
        """Show the plan again after an edit."""
        from smcheck.screens.plan import PlanScreen

        if isinstance(self.screen, PlanScreen) and self.session is not None:
            self.screen.show_plan(self.session.plan(date.today()))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "respondents":
            return self.session is not None and self.session.answers.interview and not self.confined
        if action in ("save", "export"):
            return self.session is not None  # nothing to save or export before a session
        return True

    def action_export(self) -> None:
        from smcheck.screens.export import export

        if self.session is not None:
            self.edit(lambda s: s.complete(date.today()))
            export(self, self.session, self.session.plan(date.today()), self.cwd)

    def action_save(self) -> None:
        if self.session and self.edit(lambda s: s.save()):
            saved = t("saved", self.lang, path=f"{self.session.id}.toml")
            self.notify(saved, timeout=3, markup=False)

    def action_help(self) -> None:
        from smcheck.screens.help import HelpDialog

        # the keys bound on the screen F1 was pressed on, as they are right now
        self.push_screen(HelpDialog(self.lang, self.screen.active_bindings))

    def action_switch_lang(self) -> None:
        self.lang = "en" if self.lang == "de" else "de"
        localise(self, self.lang)
        self.given_lang = None  # a switch is remembered, and overrides --lang from now on
        self._remember(lang=self.lang)
        if self.session is not None:
            self.edit(lambda s: s.set_lang(self.lang))
        if self.step is None and len(self.screen_stack) <= 1:
            self.push_screen(self._start_screen())  # the first screen cannot be switched away
        elif self.step is None:
            self.switch_screen(self._start_screen())
        else:
            self.show(self.step)
        self.refresh_bindings()

    def action_theme_to(self, theme: str) -> None:
        self.theme = theme

    def action_respondents(self, adding: bool = False, comparing: bool = False) -> None:
        from smcheck.screens.respondents import RespondentsScreen

        if self.session is not None:
            if isinstance(self.screen, RespondentsScreen):
                self.pop_screen()
            screen = RespondentsScreen(self.lang, self.session, adding=adding, comparing=comparing)
            self.push_screen(screen)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from smcheck.screens.palette import commands

        yield from super().get_system_commands(screen)
        yield from commands(self)
