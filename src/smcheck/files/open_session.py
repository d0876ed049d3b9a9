"""One open interview, as every front end holds it: typed edits, validated, saved under a lock.

The screen and the plain mode translate keys and drawing only; what an edit means, whether it
is allowed and how it is saved lives here. Every change goes through :meth:`OpenSession._commit`,
the one place that writes: it checks the change, appends it to the session's journal and flushes
that to disk (:mod:`smcheck.files.journal`) before the change counts as made. :meth:`save` folds
the journal into the session file; the front ends call it when they have a moment (the interface
at screen changes and when idle), and this object does when the journal grows long, when a
session with a journal left by a crash is opened and when it is closed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import (
    DONT_KNOW,
    NOT_APPLICABLE,
    UNANSWERED,
    Amount,
    Answer,
    Answers,
    Confidence,
    GoalEdit,
    Organisation,
    Respondent,
    Scope,
    Size,
    is_enabler,
)
from smcheck.core.models.assessment import Assessment, Question
from smcheck.core.models.common import Lang, Role
from smcheck.core.text import one_line
from smcheck.core.walk import Walk
from smcheck.files.journal import Journal, entry_between, sync_folder
from smcheck.files.session import (
    SessionLock,
    comparison_reports,
    engagement_comparison,
    engagement_of,
    erase_session,
    follow_up,
    journal_path,
    load_session,
    new_answers,
    new_session_id,
    now,
    remove_session,
    respondents,
    save_session,
    session_path,
    session_plan,
)

if TYPE_CHECKING:  # only named in signatures: a resumed session draws before these load
    from smcheck.core.models.comparison import Comparison
    from smcheck.core.models.plan import Plan, Result


class InvalidEdit(SmcheckError):
    """An edit the answers file cannot hold (too long, unknown value); nothing was saved."""


@dataclass(frozen=True)
class OrganisationEdit:
    """Fields of the organisation profile to change; ``None`` leaves a field as it is."""

    name: str | None = None
    size: Size | None = None
    industry: str | None = None
    channels: tuple[str, ...] | None = None
    objectives: tuple[str, ...] | None = None
    company_goals: tuple[str, ...] | None = None
    links: tuple[tuple[str, tuple[int, ...]], ...] | None = None
    """Objective id and the company goal numbers (1, 2) it serves."""
    country: str | None = None
    region: str | None = None


@dataclass(frozen=True)
class RespondentEdit:
    """Fields of the respondent to change; ``None`` leaves a field as it is."""

    name: str | None = None
    role: Role | None = None


def _changes(edit: OrganisationEdit | RespondentEdit) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(edit):
        value = getattr(edit, f.name)
        if value is None:
            continue
        if f.name == "links":
            out[f.name] = {objective: list(numbers) for objective, numbers in value if numbers}
        else:
            out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def _problem(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


class OpenSession:
    """A session opened for editing: its id, questionnaire and answers, and its lock."""

    def __init__(
        self, session_id: str, assessment: Assessment, answers: Answers, lock: SessionLock
    ) -> None:
        self.id = session_id
        self.assessment = assessment
        self.answers = answers
        self._dump = answers.model_dump(mode="json", by_alias=True)
        self._lock = lock
        self._journal = Journal(journal_path(session_id), session_id)
        self.walk = Walk(assessment, answers)

    # --- opening and closing ------------------------------------------------------------------

    @classmethod
    def start(
        cls, assessment: Assessment, scope: Scope, lang: Lang, *, interview: bool = False
    ) -> OpenSession:
        """A new session, locked and saved at once."""
        when = now()
        session_id = new_session_id(when)
        lock = SessionLock(session_id)
        lock.acquire()
        answers = new_answers(assessment, scope, lang, when).model_copy(
            update={"engagement": f"e{session_id}", "interview": interview}
        )
        session = cls(session_id, assessment, answers, lock)
        try:
            session.save()
        except SmcheckError:
            lock.release()
            raise
        return session

    @classmethod
    def open(cls, session_id: str) -> OpenSession:
        """A saved session, fully checked and locked (raises :class:`SmcheckError` or
        :class:`~smcheck.core.errors.InvalidFile` when it cannot be had). A journal left by a
        process that ended without folding it (killed, say) is replayed and folded."""
        if not session_path(session_id).exists():
            raise SmcheckError(f"no session {session_id!r} (see: smcheck sessions)")
        lock = SessionLock(session_id)
        lock.acquire()  # first: read as it is once no other process can still append to it
        try:
            answers, assessment = load_session(session_id)
            session = cls(session_id, assessment, answers, lock)
            if session._journal.path.exists():
                session.save()
        except BaseException:
            lock.release()
            raise
        return session

    @property
    def closed(self) -> bool:
        """True once :meth:`close` gave the session back: it can no longer be edited."""
        return not self._lock.held

    def close(self) -> None:
        """Fold the journal into the session file and give the session back to other smcheck
        processes. If the file cannot be written, the journal stays: nothing is lost."""
        if self.closed:
            return
        try:
            self.save()
        except SmcheckError:
            self._journal.close(remove=False)
        else:
            self._journal.close(remove=True)
        finally:
            self._lock.release()

    @property
    def label(self) -> str:
        """The organisation's name on one line (a window's sub-title)."""
        return one_line(self.answers.organisation.name)

    # --- the one write path -------------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        """True while changes are in the journal only (durable, but not yet in the file)."""
        return self._journal.pending

    def save(self) -> None:
        """Write the session file now (atomically) and empty the journal: fold it."""
        path = save_session(self.id, self.answers)
        if self._journal.pending or self._journal.path.exists():
            sync_folder(path.parent)  # the new file is on disk before the journal goes
            self._journal.clear()

    def _commit(self, **changes: Any) -> None:
        """Apply ``changes``, check the result as the file will be read, and journal it."""
        if self.closed:
            raise SmcheckError(f"session {self.id} is closed")
        candidate = self.answers.model_copy(update=changes)
        if candidate == self.answers:
            return
        try:
            checked = Answers.model_validate(
                candidate.model_copy(update={"updated": now()}).model_dump(by_alias=True)
            )
        except ValidationError as exc:
            raise InvalidEdit(_problem(exc)) from None
        dump = checked.model_dump(mode="json", by_alias=True)
        self._journal.append(entry_between(self._dump, dump))  # durable from here on
        self.answers, self._dump = checked, dump
        if self._journal.long:
            self.save()

    # --- edits ----------------------------------------------------------------------------------

    def _question(self, question: str) -> Question:
        for _, q in self.walk.questions:
            if q.id == question:
                return q
        raise InvalidEdit(f"{question}: not a question of this check")

    def _set(self, question: str, **fields_: Any) -> None:
        self._question(question)
        answer = (self.answers.answers.get(question) or Answer()).model_copy(update=fields_)
        self._commit(answers={**self.answers.answers, question: answer})

    def set_answer(self, question: str, value: int | str) -> None:
        """Pick an option (1..n), "dont-know", "n/a", or clear with ""."""
        options = len(self._question(question).options.en)
        if isinstance(value, bool) or (
            value not in (DONT_KNOW, NOT_APPLICABLE, UNANSWERED)
            and not (isinstance(value, int) and 1 <= value <= options)
        ):
            raise InvalidEdit(f"{question}: {value!r} is not an option (1 to {options})")
        self._set(question, value=value, answered_at=now())

    def set_note(self, question: str, text: str, *, private: bool = False) -> None:
        """The shared note of a question, or the interviewer's private one."""
        self._set(question, **{"private_note" if private else "note": text})

    def set_confidence(self, question: str, confidence: Confidence | None) -> None:
        """How sure an answer is (interview mode)."""
        self._set(question, confidence=confidence)

    def set_revisit(self, question: str, revisit: bool) -> None:
        """Flag a question to come back to."""
        self._set(question, revisit=revisit)

    def set_profile(self, edit: OrganisationEdit | RespondentEdit) -> None:
        """Change fields of the organisation or the respondent."""
        if isinstance(edit, OrganisationEdit):
            org = self.answers.organisation.model_copy(update=_changes(edit))
            if org.country or org.region:
                from smcheck.core.calendar import check_place, default_country

                problem = check_place(org.country or default_country(self.answers.lang), org.region)
                if problem:
                    raise InvalidEdit(problem)
            # a link can only name a chosen objective and a company goal that exists
            links = {
                o: kept
                for o, numbers in org.links.items()
                if o in org.objectives
                and (kept := [n for n in numbers if n <= len(org.company_goals)])
            }
            self._commit(organisation=org.model_copy(update={"links": links}))
        else:
            self._commit(respondent=self.answers.respondent.model_copy(update=_changes(edit)))

    def set_goal(self, goal: str, baseline: float | None, edit: GoalEdit) -> None:
        """A starter goal's baseline (outcome goals only), target and owner."""
        baselines = dict(self.answers.organisation.baselines)
        if not is_enabler(goal):
            if baseline is None:
                baselines.pop(goal, None)
            else:
                baselines[goal] = baseline
        goals = dict(self.answers.goals)
        if edit.target is None and edit.owner is None:
            goals.pop(goal, None)
        else:
            goals[goal] = edit
        org: Organisation = self.answers.organisation.model_copy(update={"baselines": baselines})
        self._commit(organisation=org, goals=goals)

    def record_actual(self, goal: str, amount: Amount | None) -> None:
        """What a goal of the previous plan reached; it is also where this iteration starts."""
        actuals = dict(self.answers.actuals)
        baselines = dict(self.answers.organisation.baselines)
        if amount is None:
            actuals.pop(goal, None)
        else:
            actuals[goal] = amount
            if not is_enabler(goal):
                baselines[goal] = amount
        org = self.answers.organisation.model_copy(update={"baselines": baselines})
        self._commit(actuals=actuals, organisation=org)

    def set_lang(self, lang: Lang) -> None:
        """The session's language (results, plan and exports)."""
        self._commit(lang=lang)

    def set_interview(self, interview: bool) -> None:
        """Interview mode: hints, private notes, confidence."""
        self._commit(interview=interview)

    def complete(self, today: date) -> None:
        """Mark the answers complete (once: the plan starts the Monday after that day)."""
        if self.answers.completed is None:
            self._commit(completed=today)

    # --- the engagement: other respondents, next iterations -------------------------------------

    @property
    def engagement(self) -> str:
        """The engagement this session belongs to."""
        return engagement_of(self.id, self.answers)

    def members(self) -> list[tuple[str, Answers]]:
        """Every respondent's session of this engagement, oldest first."""
        return respondents(self.engagement)

    def _open_follow_up(self, when: datetime, **kind: Any) -> str:
        answers = follow_up(self.id, self.answers, when, **kind)
        session_id = new_session_id(when)
        lock = SessionLock(session_id)
        lock.acquire()
        try:
            save_session(session_id, answers)
        finally:
            lock.release()
        return session_id

    def add_respondent(self, respondent: Respondent) -> str:
        """Save a new session for another respondent of the organisation; returns its id."""
        return self._open_follow_up(now(), respondent=respondent)

    def next_iteration(self) -> str:
        """Save the next iteration of this respondent (the new start point); returns its id."""
        return self._open_follow_up(now(), previous=self.id)

    def rename_respondent(self, session_id: str, respondent: Respondent) -> None:
        """Change who answered a session of this engagement (under that session's lock)."""
        if session_id == self.id:
            self.set_profile(RespondentEdit(respondent.name, respondent.role))
            return
        other = OpenSession.open(session_id)
        try:
            other.set_profile(RespondentEdit(respondent.name, respondent.role))
        finally:
            other.close()

    def remove_respondent(self, session_id: str) -> None:
        """Take another respondent's session out of the list (to ``sessions/removed/``)."""
        if session_id == self.id:
            raise SmcheckError("the open session cannot remove itself")
        lock = SessionLock(session_id)
        lock.acquire()
        try:
            remove_session(session_id)
        finally:
            lock.release()

    def erase_respondent(self, session_id: str) -> list[Path]:
        """Delete another session of this engagement for good (see
        :func:`~smcheck.files.session.erase_session`); returns the files deleted."""
        if session_id == self.id:
            raise SmcheckError("the open session cannot erase itself")
        if session_id not in {sid for sid, _ in self.members()}:
            raise SmcheckError(f"session {session_id} is not a respondent of this engagement")
        return erase_session(session_id)

    # --- what the answers give --------------------------------------------------------------------

    def result(self) -> Result:
        """Scores, stage, blockers and strengths in the session's language."""
        from smcheck.core.scoring import score

        return score(self.assessment, self.answers, self.answers.lang)

    def plan(self, today: date) -> Plan:
        """The plan exactly as `smcheck score --previous` makes it from the saved sessions."""
        return session_plan(self.assessment, self.answers, self.answers.lang, today)

    def comparison(self) -> Comparison:
        """Every respondent of the engagement side by side."""
        return engagement_comparison(self.assessment, self.id, self.answers, self.answers.lang)

    def comparison_reports(self) -> dict[str, str | bytes]:
        """The client report of several respondents (comparison and combined plan) by format
        suffix: md, html, pdf; empty with one respondent."""
        return comparison_reports(self.assessment, self.id, self.answers, self.answers.lang)
