"""The interactive walk: start → profile → one screen per excuse → review → results → plan.

The app owns the session: screens send messages, the app updates the answers and saves them
at once (atomic write), so nothing typed is lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import weakref
from collections.abc import Awaitable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import events
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import Screen

from smcheck.app_engagement import EngagementMixin
from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.langs import Lang
from smcheck.core.text import one_line
from smcheck.core.ui_text import ui
from smcheck.screens.base import localise_bindings
from smcheck.screens.start import StartScreen

if TYPE_CHECKING:
    from smcheck.core.models.answers import Answers, Scope
    from smcheck.core.models.assessment import Assessment, Dimension
    from smcheck.core.models.plan import Plan, Result
    from smcheck.files.overview import AssessmentInfo, SessionInfo
    from smcheck.files.session import SessionLock
    from smcheck.screens.messages import (
        AnswerFieldChanged,
        AnswerPicked,
        GoalChanged,
        ProfileChanged,
    )

# Everything the first screen does not need is imported where it is used: the start screen
# must appear as fast as a bare Textual app (see benchmarks/).

START = -1


def _nothing() -> Awaitable[Any]:
    """An awaitable for when the screen does not change."""
    return cast("Awaitable[Any]", AwaitComplete.nothing())  # type: ignore[no-untyped-call]


class SmcheckApp(EngagementMixin, App[None]):
    """smcheck's terminal interface."""

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
        assessment: Assessment | None = None,
        resume: str | None = None,
        cwd: Path | None = None,
        cursor_blink: bool = True,
        interview: bool = False,
        config_problem: str = "",
    ) -> None:
        super().__init__()
        self.lang: Lang = lang
        self.remembered = {"theme": theme, "lang": remembered_lang}
        self._key_screens: weakref.WeakKeyDictionary[events.Key, Screen[Any]] = (
            weakref.WeakKeyDictionary()
        )
        """The screen each key arrived on, until it has been handled."""
        self.only = assessment
        self.resume_id = resume
        self.cwd = cwd or Path.cwd()
        self.cursor_blink = cursor_blink
        self.lock: SessionLock | None = None
        self._lock_problem = ""
        self.config_problem = config_problem
        self.interview = interview
        self.assessment: Assessment | None = None
        self.answers: Answers | None = None
        self.session_id: str | None = None
        self.position = START
        self.theme = theme
        localise_bindings(self, lang)

    # --- start-up -------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        with contextlib.suppress(NotImplementedError, AttributeError, RuntimeError):
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
                if sig is not None:
                    loop.add_signal_handler(sig, self._stop_on_signal)
        if self.resume_id:
            self.resume(self.resume_id, first=True)
        if self.config_problem:
            self.error(self.config_problem)

    def get_default_screen(self) -> Screen[Any]:
        # The start screen is the first screen itself (one screen less to build at start-up);
        # a resumed session is pushed on top of a plain one.
        return Screen() if self.resume_id else self._start_screen()

    async def on_event(self, event: events.Event) -> None:
        # A key the app passes on to the focused widget comes back here to be matched against
        # the bindings of the focus chain. If the screen changed meanwhile (a go-on key typed
        # right behind it), that chain belongs to another screen: an Enter meant for a list
        # on the profile would end a note on the first excuse. Such a key is dropped.
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                self._key_screens[event] = self.screen
            elif self._key_screens.pop(event, self.screen) is not self.screen:
                return
        await super().on_event(event)

    async def action_choose_start(self) -> None:
        """Start or resume what is highlighted on the start screen (awaited: typed-ahead keys
        reach the next screen)."""
        from smcheck.files.catalog import load_assessment

        if not isinstance(self.screen, StartScreen):
            return
        await self.screen.ready.wait()  # Enter typed before the list was read waits for it
        choice = self.screen.chosen()
        if choice.startswith("resume:"):
            await self.resume(choice.removeprefix("resume:"))
        elif choice.startswith("new:"):
            _, index, scope = choice.split(":")
            info = self.screen.assessments[int(index)]
            try:
                assessment = self.only if self.only is not None else load_assessment(info.path)
            except InvalidFile as exc:
                self.error("\n".join(str(p) for p in exc.problems))
                return
            await self.start_new(assessment, "quick" if scope == "quick" else "full")

    def _stop_on_signal(self) -> None:
        """SIGTERM or SIGHUP (terminal closed): save, give the session back, leave cleanly."""
        self.save()
        self.release_lock()
        self.exit()

    def on_unmount(self) -> None:
        self.release_lock()

    def _start_screen(self) -> StartScreen:
        return StartScreen(self.lang, self._start_choices)

    def _start_choices(self) -> tuple[list[AssessmentInfo], list[SessionInfo]]:
        """Questionnaires and saved sessions for the start screen (read fast, checked on open)."""
        from smcheck.files.overview import AssessmentInfo, assessment_infos, session_infos

        infos = assessment_infos()
        if self.only is None:
            return infos, session_infos(infos)
        a = self.only
        given = AssessmentInfo(
            Path(),
            "given",
            a.id,
            a.version,
            {"de": a.title.de, "en": a.title.en},
            tuple(q.id for _, q in a.questions("full")),
            frozenset(q.id for _, q in a.questions("quick")),
        )
        return [given], session_infos(infos)

    def _remember_theme(self, theme: Any) -> None:
        name = getattr(theme, "name", str(theme))
        if name in ("textual-dark", "textual-light") and name != self.remembered["theme"]:
            self.remembered["theme"] = name
            self._save_config()

    def _save_config(self) -> None:
        from smcheck.files.config import Config, save_config

        if self.config_problem:
            return  # the file on disk is broken; never overwrite what the user may want to fix
        try:
            save_config(Config.model_validate({k: v for k, v in self.remembered.items() if v}))
        except SmcheckError as exc:
            self.error(str(exc))

    # --- sessions ---------------------------------------------------------------------------

    def start_new(self, assessment: Assessment, scope: Scope) -> Awaitable[Any]:
        """Begin a new session: it is saved at once, then the profile comes."""
        from smcheck.files.session import new_answers, new_session_id, now

        when = now()
        self.assessment = assessment
        session_id = new_session_id(when)
        if not self._lock(session_id):
            return _nothing()
        self.session_id = session_id
        self.answers = new_answers(assessment, scope, self.lang, when).model_copy(
            update={"engagement": f"e{self.session_id}", "interview": self.interview}
        )
        self.save()
        return self.show(0)

    def resume(self, session_id: str, first: bool = False) -> Awaitable[Any]:
        """Reopen a saved session where it stopped: the first excuse with an open question."""
        from smcheck.files.session import load_session

        try:
            answers, assessment = load_session(session_id)
        except (SmcheckError, InvalidFile) as exc:
            if first:
                self.push_screen(self._start_screen())
            self.error(str(exc))
            return _nothing()
        if not self._lock(session_id):
            if first:
                self.push_screen(self._start_screen())
                self.error(self._lock_problem)
            return _nothing()
        self.assessment, self.answers, self.session_id = assessment, answers, session_id
        self.lang = answers.lang
        localise_bindings(self, self.lang)
        return self.show(self._resume_position(), first=first)

    def _lock(self, session_id: str) -> bool:
        """Hold the lock of ``session_id`` (and give back the one held so far); say if it is taken."""
        from smcheck.files.session import SessionLock

        lock = SessionLock(session_id)
        try:
            lock.acquire()
        except SmcheckError as exc:
            self._lock_problem = str(exc)
            if self.screen_stack and len(self.screen_stack) > 1:
                self.error(str(exc))
            return False
        if self.lock is not None and self.lock.session_id != session_id:
            self.lock.release()
        self.lock = lock
        return True

    def release_lock(self) -> None:
        """Give the session back to other smcheck processes."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _resume_position(self) -> int:
        """The profile for an untouched session, else the first excuse with an open question."""
        assert self.assessment and self.answers
        answers = self.answers.answers
        if not answers and not self.answers.organisation.name:
            return 0
        scope = {q.id for _, q in self.assessment.questions(self.answers.scope)}
        dims = self._dimensions()
        for i, d in enumerate(dims, start=1):
            if any(
                q.id in scope and (q.id not in answers or answers[q.id].value == "")
                for q in d.questions
            ):
                return i
        return len(dims) + 1

    def save(self) -> None:
        """Write the session file now (atomically)."""
        from smcheck.files.session import save_session

        if self.answers is None or self.session_id is None:
            return
        try:
            save_session(self.session_id, self.answers)
        except SmcheckError as exc:
            self.error(str(exc))

    def error(self, message: str) -> None:
        """Show a problem in a dialog; the app keeps running."""
        from smcheck.screens.dialogs import ErrorDialog

        self.push_screen(ErrorDialog(self.lang, message))

    def _update(self, **changes: Any) -> None:
        from smcheck.files.session import now

        assert self.answers is not None
        updated = self.answers.model_copy(update=changes)
        if updated == self.answers:
            return
        self.answers = updated.model_copy(update={"updated": now()})
        self.save()

    # --- what the screens report -----------------------------------------------------------

    def on_answer_picked(self, message: AnswerPicked) -> None:
        from smcheck.core.models.answers import Answer
        from smcheck.files.session import now

        assert self.answers is not None
        answer = self.answers.answers.get(message.question) or Answer()
        new = answer.model_copy(update={"value": message.value, "answered_at": now()})
        self._update(answers={**self.answers.answers, message.question: new})

    def on_answer_field_changed(self, message: AnswerFieldChanged) -> None:
        from smcheck.core.models.answers import Answer

        assert self.answers is not None
        answer = self.answers.answers.get(message.question) or Answer()
        changed = answer.model_copy(update={message.field: message.value})
        self._update(answers={**self.answers.answers, message.question: changed})

    def on_profile_changed(self, message: ProfileChanged) -> None:
        assert self.answers is not None
        section = (
            self.answers.organisation
            if message.section == "organisation"
            else self.answers.respondent
        )
        self._update(**{message.section: section.model_copy(update={message.field: message.value})})
        if message.section == "organisation" and message.field == "name":
            self.sub_title = one_line(str(message.value))

    def on_goal_changed(self, message: GoalChanged) -> None:
        assert self.answers is not None
        org = self.answers.organisation
        baselines = dict(org.baselines)
        if not message.goal.startswith("enable-"):
            if message.baseline is None:
                baselines.pop(message.goal, None)
            else:
                baselines[message.goal] = message.baseline
        goals = dict(self.answers.goals)
        if message.edit.target is None and message.edit.owner is None:
            goals.pop(message.goal, None)
        else:
            goals[message.goal] = message.edit
        self._update(organisation=org.model_copy(update={"baselines": baselines}), goals=goals)
        self.refresh_plan()

    # --- the walk -----------------------------------------------------------------------------

    def _dimensions(self) -> list[Dimension]:
        assert self.assessment and self.answers
        return self.assessment.dimensions_in(self.answers.scope)

    def _last(self) -> int:
        return len(self._dimensions()) + 3

    def _screen_for(self, position: int, focus: str | None = None) -> Screen[Any]:
        from smcheck.screens.dimension import DimensionScreen
        from smcheck.screens.plan import PlanScreen
        from smcheck.screens.profile import ProfileScreen
        from smcheck.screens.results import ResultsScreen
        from smcheck.screens.review import ReviewScreen

        assert self.assessment and self.answers
        n = len(self._dimensions())
        if position == 0:
            return ProfileScreen(self.lang, self.assessment, self.answers)
        if position <= n:
            return DimensionScreen(self.lang, self.assessment, self.answers, position - 1, focus)
        if position == n + 1:
            return ReviewScreen(self.lang, self.assessment, self.answers)
        if position == n + 2:
            start_point = self.plan().start_point
            deltas = {d.id: d.delta for d in start_point.dimensions} if start_point else None
            return ResultsScreen(self.lang, self.result(), deltas)
        return PlanScreen(self.lang, self.plan())

    def show(self, position: int, focus: str | None = None, first: bool = False) -> Awaitable[Any]:
        """Go to a position of the walk (0 profile, 1..n excuses, then review, results, plan).

        Returns the screen change; actions await it so that keys typed ahead reach the new
        screen rather than the one being replaced.
        """
        assert self.assessment and self.answers
        n = len(self._dimensions())
        if position >= n + 2 and self.answers.completed is None:
            self._update(completed=date.today())
        self.position = position
        self.sub_title = one_line(self.answers.organisation.name)
        screen = self._screen_for(position, focus)
        if first or len(self.screen_stack) <= 1:
            return self.push_screen(screen, wait_for_dismiss=False)
        return self.switch_screen(screen)

    async def action_next(self) -> None:
        if self.answers is not None and self.position < self._last():
            await self.show(self.position + 1)

    async def action_go_back(self) -> None:
        if self.answers is None or self.position == START:
            return
        if self.position == 0:
            self.position = START
            await self.switch_screen(self._start_screen())
        else:
            await self.show(self.position - 1)

    def jump_to_question(self, question_id: str) -> None:
        """Open the excuse screen that holds ``question_id`` with that question focused."""
        for i, d in enumerate(self._dimensions()):
            if any(q.id == question_id for q in d.questions):
                self.show(i + 1, focus=question_id)
                return

    # --- results, plan, export -----------------------------------------------------------------

    def result(self) -> Result:
        from smcheck.core.scoring import score

        assert self.assessment and self.answers
        return score(self.assessment, self.answers, self.lang)

    def plan(self) -> Plan:
        """The plan exactly as `smcheck score --previous` makes it from the saved sessions."""
        from smcheck.files.session import session_plan

        assert self.assessment and self.answers
        return session_plan(self.assessment, self.answers, self.lang, date.today())

    def refresh_plan(self) -> None:
        """Show the plan again after an edit."""
        from smcheck.screens.plan import PlanScreen

        if isinstance(self.screen, PlanScreen):
            self.screen.show_plan(self.plan())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "respondents":
            return self.answers is not None and self.answers.interview
        return True

    def action_export(self) -> None:
        from smcheck.files.export.files import default_base
        from smcheck.screens.dialogs import ExportDialog

        if self.answers is None:
            return
        if self.answers.completed is None:
            self._update(completed=date.today())
        plan = self.plan()
        if self.is_web:
            self._deliver(plan)
            return
        self.push_screen(ExportDialog(self.lang, default_base(plan, self.cwd)), self._export)

    def _export(self, choice: tuple[Path, bool] | None) -> None:
        from smcheck.files.export.files import write_exports

        if choice is None:
            return
        base, overwrite = choice
        try:
            paths = write_exports(
                self.plan(), base, overwrite=overwrite, report_prefix=self.comparison_report()
            )
        except SmcheckError as exc:
            self.error(str(exc))
            return
        names = ", ".join(p.name for p in paths)
        self.notify(ui("export.done", self.lang, files=names), timeout=8, markup=False)

    def _deliver(self, plan: Plan) -> None:
        """In a browser the exports are downloads: TOML, JSON and the Markdown report."""
        import io

        from smcheck.files.export import FORMATS, render
        from smcheck.files.export.files import default_base

        name = default_base(plan, Path()).name
        for fmt in FORMATS:
            text = render(plan, fmt)
            if fmt == "md":
                text = self.comparison_report() + text
            self.deliver_text(io.StringIO(text), save_filename=f"{name}.{fmt}")
        self.notify(ui("export.done", self.lang, files=f"{name}.toml, .json, .md"), markup=False)

    def action_save(self) -> None:
        self.save()
        if self.session_id:
            self.notify(
                ui("saved", self.lang, path=f"{self.session_id}.toml"), timeout=3, markup=False
            )

    def action_help(self) -> None:
        from smcheck.screens.dialogs import HelpDialog

        self.push_screen(HelpDialog(self.lang))

    def action_switch_lang(self) -> None:
        self.lang = "en" if self.lang == "de" else "de"
        localise_bindings(self, self.lang)
        self.remembered["lang"] = self.lang
        self._save_config()
        if self.answers is not None:
            self._update(lang=self.lang)
        if self.position == START:
            self.switch_screen(self._start_screen())
        else:
            self.show(self.position)
        self.refresh_bindings()

    def action_theme_to(self, theme: str) -> None:
        self.theme = theme

    # --- the command palette: smcheck's commands beside Textual's own ------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        lang = self.lang
        if self.answers is not None and self.assessment is not None:
            dims = self._dimensions()
            for i, d in enumerate(dims):
                yield SystemCommand(
                    ui("cmd.jump", lang, excuse=one_line(d.excuse.get(lang))),
                    ui("cmd.jump-help", lang, i=i + 1, n=len(dims), id=d.id),
                    lambda i=i: self.show(i + 1),
                )
            yield SystemCommand(ui("cmd.profile", lang), "", lambda: self.show(0))
            yield SystemCommand(ui("cmd.review", lang), "", lambda: self.show(len(dims) + 1))
            yield SystemCommand(ui("cmd.results", lang), "", lambda: self.show(len(dims) + 2))
            yield SystemCommand(ui("cmd.plan", lang), "", lambda: self.show(len(dims) + 3))
            yield SystemCommand(
                ui("cmd.export", lang), ui("cmd.export-help", lang), self.action_export
            )
            interview = self.answers.interview
            yield SystemCommand(
                ui("cmd.interview-off" if interview else "cmd.interview-on", lang),
                ui("cmd.interview-help", lang),
                self.action_interview,
            )
            if interview:
                yield SystemCommand(ui("cmd.respondents", lang), "ctrl+r", self.action_respondents)
                yield SystemCommand(ui("cmd.add-respondent", lang), "", self.add_respondent)
                yield SystemCommand(ui("cmd.compare", lang), "", self.show_comparison)
            if self.answers.completed is not None:
                yield SystemCommand(ui("cmd.next-iteration", lang), "", self.start_next_iteration)
        yield SystemCommand(
            ui("cmd.lang", lang), ui("cmd.lang-help", lang), self.action_switch_lang
        )
        other = "textual-light" if self.theme != "textual-light" else "textual-dark"
        key = "cmd.theme-light" if other == "textual-light" else "cmd.theme-dark"
        yield SystemCommand(
            ui(key, lang), ui("cmd.theme-help", lang), lambda: self.action_theme_to(other)
        )
