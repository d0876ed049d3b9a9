"""What the screens tell the app: typed messages (the app holds the session and edits it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:  # annotations only: the start screen imports this before pydantic is needed
    from smcheck.core.models.answers import Confidence, GoalEdit, Scope
    from smcheck.files.open_session import OrganisationEdit, RespondentEdit
    from smcheck.files.overview import AssessmentInfo


@dataclass(frozen=True)
class New:
    """Start a new check of a questionnaire."""

    assessment: AssessmentInfo
    scope: Scope


@dataclass(frozen=True)
class Resume:
    """Reopen a saved session."""

    session_id: str


StartChoice = New | Resume


class AnswerPicked(Message):
    """An option, "dont-know" or "n/a" was chosen for a question."""

    def __init__(self, question: str, value: int | str) -> None:
        self.question = question
        self.value = value
        super().__init__()


class NoteChanged(Message):
    """The shared note of a question (or, with ``private``, the interviewer's own) changed."""

    def __init__(self, question: str, text: str, *, private: bool = False) -> None:
        self.question = question
        self.text = text
        self.private = private
        super().__init__()


class ConfidenceChanged(Message):
    """How sure the answer to a question is (``None``: not said)."""

    def __init__(self, question: str, confidence: Confidence | None) -> None:
        self.question = question
        self.confidence = confidence
        super().__init__()


class RevisitChanged(Message):
    """A question was flagged to come back to, or the flag was taken off."""

    def __init__(self, question: str, revisit: bool) -> None:
        self.question = question
        self.revisit = revisit
        super().__init__()


class ProfileChanged(Message):
    """Fields of the organisation or the respondent changed."""

    def __init__(self, edit: OrganisationEdit | RespondentEdit) -> None:
        self.edit = edit
        super().__init__()


class GoalChanged(Message):
    """A starter goal's baseline, target or owner was edited."""

    def __init__(self, goal: str, baseline: float | None, edit: GoalEdit) -> None:
        self.goal = goal
        self.baseline = baseline
        self.edit = edit
        super().__init__()


class ActualRecorded(Message):
    """What a goal of the previous plan actually reached (``None`` clears it)."""

    def __init__(self, goal: str, amount: float | None) -> None:
        self.goal = goal
        self.amount = amount
        super().__init__()


class QuestionChosen(Message):
    """Open the excuse that holds this question, with the question focused."""

    def __init__(self, question: str) -> None:
        self.question = question
        super().__init__()


class RespondentChosen(Message):
    """Continue with another respondent's session of the engagement."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        super().__init__()
