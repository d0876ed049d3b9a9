"""The app's interview side: respondents of one engagement, comparing them, next iterations."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.ui_text import ui

if TYPE_CHECKING:
    from textual.app import App

    from smcheck.core.models.answers import Answers
    from smcheck.core.models.assessment import Assessment
    from smcheck.core.models.common import Lang
    from smcheck.core.models.comparison import Comparison

    _Base = App[None]
else:
    _Base = object


class EngagementMixin(_Base):
    """Respondents, comparison and iterations; mixed into :class:`smcheck.app.SmcheckApp`."""

    if TYPE_CHECKING:
        answers: Answers | None
        assessment: Assessment | None
        session_id: str | None
        lang: Lang
        position: int

        def resume(self, session_id: str, first: bool = False) -> Awaitable[Any]: ...
        def show(
            self, position: int, focus: str | None = None, first: bool = False
        ) -> Awaitable[Any]: ...
        def _update(self, **changes: Any) -> None: ...
        def refresh_plan(self) -> None: ...
        def error(self, message: str) -> None: ...

    def _members(self) -> list[tuple[str, Answers]]:
        from smcheck.files.session import engagement_of, respondents

        assert self.answers is not None and self.session_id is not None
        return respondents(engagement_of(self.session_id, self.answers))

    def action_respondents(self) -> None:
        from smcheck.screens.respondents import RespondentsScreen

        if self.answers is None or self.assessment is None or self.session_id is None:
            return
        if isinstance(self.screen, RespondentsScreen):
            self.pop_screen()
        self.push_screen(
            RespondentsScreen(self.lang, self.assessment, self._members(), self.session_id)
        )

    def _refresh_respondents(self) -> None:
        from smcheck.screens.respondents import RespondentsScreen

        if isinstance(self.screen, RespondentsScreen):
            self.action_respondents()

    def open_respondent(self, session_id: str) -> None:
        """Leave the list and continue with that respondent's session."""
        from smcheck.screens.respondents import RespondentsScreen

        if isinstance(self.screen, RespondentsScreen):
            self.pop_screen()
        if session_id != self.session_id:
            self.resume(session_id)

    def _open_follow_up(self, **kind: Any) -> None:
        """Save a new session of this engagement (see :func:`smcheck.files.session.follow_up`) and
        continue with it."""
        from smcheck.files.session import follow_up, new_session_id, now, save_session

        if self.answers is None or self.session_id is None:
            return
        when = now()
        answers = follow_up(self.session_id, self.answers, when, **kind)
        session_id = new_session_id(when)
        try:
            save_session(session_id, answers)
        except SmcheckError as exc:
            self.error(str(exc))
            return
        self.open_respondent(session_id)

    def add_respondent(self) -> None:
        """Another respondent of the same organisation: same profile, own answers."""
        from smcheck.core.models.answers import Respondent
        from smcheck.screens.dialogs import RespondentDialog

        def added(result: tuple[str, str] | None) -> None:
            if result is not None:
                name, role = result
                who = Respondent.model_validate({"name": name, "role": role})
                self._open_follow_up(respondent=who)

        self.push_screen(RespondentDialog(self.lang, ui("resp.add", self.lang)), added)

    def rename_respondent(self, session_id: str) -> None:
        """Change a respondent's name and role."""
        from smcheck.core.models.answers import Respondent
        from smcheck.files.session import load_session, now, save_session
        from smcheck.screens.dialogs import RespondentDialog

        try:
            answers, _ = load_session(session_id)
        except (SmcheckError, InvalidFile) as exc:
            self.error(str(exc))
            return

        def renamed(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            name, role = result
            who = Respondent.model_validate({"name": name, "role": role})
            if session_id == self.session_id:
                self._update(respondent=who)
            else:
                save_session(
                    session_id, answers.model_copy(update={"respondent": who, "updated": now()})
                )
            self._refresh_respondents()

        self.push_screen(
            RespondentDialog(
                self.lang,
                ui("resp.rename", self.lang),
                answers.respondent.name,
                answers.respondent.role,
            ),
            renamed,
        )

    def remove_respondent(self, session_id: str) -> None:
        """Take a respondent out of the engagement (the file moves to sessions/removed/)."""
        from smcheck.files.session import remove_session
        from smcheck.screens.dialogs import ConfirmDialog

        if session_id == self.session_id:
            self.error(ui("resp.remove-current", self.lang))
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    remove_session(session_id)
                except SmcheckError as exc:
                    self.error(str(exc))
                    return
                self._refresh_respondents()

        self.push_screen(
            ConfirmDialog(
                self.lang,
                ui("resp.remove-ask", self.lang, id=session_id),
                ui("key.remove", self.lang),
            ),
            confirmed,
        )

    def _comparison(self) -> Comparison:
        from smcheck.files.session import engagement_comparison

        assert self.assessment is not None and self.answers is not None and self.session_id
        return engagement_comparison(self.assessment, self.session_id, self.answers, self.lang)

    def comparison_report(self) -> str:
        """The comparison section for the client report, when several respondents were interviewed."""
        from smcheck.files.session import comparison_report

        if self.answers is None or self.assessment is None or self.session_id is None:
            return ""
        return comparison_report(self.assessment, self.session_id, self.answers, self.lang)

    def show_comparison(self) -> None:
        """Everyone's dimension scores side by side."""
        from smcheck.screens.respondents import CompareScreen

        try:
            comparison = self._comparison()
        except SmcheckError as exc:
            self.error(str(exc))
            return
        self.push_screen(CompareScreen(self.lang, comparison))

    def action_interview(self) -> None:
        """Switch interview mode (hints, private notes, confidence) on or off for this session."""
        if self.answers is None:
            return
        self._update(interview=not self.answers.interview)
        self.show(self.position)

    def start_next_iteration(self) -> None:
        """The new start point: the same respondent again, linked to this session's plan."""
        self._open_follow_up(previous=self.session_id)

    def edit_actual(self, goal_id: str, title: str, value: float | None) -> None:
        """Enter what a goal of the previous plan actually reached."""
        from smcheck.screens.dialogs import AmountDialog

        def entered(result: Any) -> None:
            if result is None or self.answers is None:
                return
            (amount,) = result
            actuals = dict(self.answers.actuals)
            baselines = dict(self.answers.organisation.baselines)
            if amount is None:
                actuals.pop(goal_id, None)
            else:
                actuals[goal_id] = amount
                if not goal_id.startswith("enable-"):
                    baselines[goal_id] = amount  # what was reached is where this iteration starts
            org = self.answers.organisation.model_copy(update={"baselines": baselines})
            self._update(actuals=actuals, organisation=org)
            self.refresh_plan()

        self.push_screen(
            AmountDialog(self.lang, title, ui("progress.actual", self.lang), value), entered
        )
