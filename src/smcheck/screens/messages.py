"""Messages the screens send up to the app, which owns the session and writes it."""

from __future__ import annotations

from textual.message import Message

from smcheck.core.models.answers import GoalEdit


class AnswerPicked(Message):
    """An option, "dont-know" or "n/a" was chosen for a question."""

    def __init__(self, question: str, value: int | str) -> None:
        self.question = question
        self.value = value
        super().__init__()


class AnswerFieldChanged(Message):
    """A note, the private note, the confidence or the revisit flag of a question changed."""

    def __init__(self, question: str, field: str, value: object) -> None:
        self.question = question
        self.field = field
        self.value = value
        super().__init__()


class ProfileChanged(Message):
    """A field of the organisation or respondent profile changed."""

    def __init__(self, section: str, field: str, value: object) -> None:
        self.section = section
        self.field = field
        self.value = value
        super().__init__()


class GoalChanged(Message):
    """A starter goal's baseline, target or owner was edited."""

    def __init__(self, goal: str, baseline: float | None, edit: GoalEdit) -> None:
        self.goal = goal
        self.baseline = baseline
        self.edit = edit
        super().__init__()
