"""The walk through a session as explicit steps, shared by the screen and the plain mode.

Profile → one step per excuse → review → results → plan. Both front ends move along the same
list and reopen a session at the same step (:meth:`Walk.resume`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from smcheck.core.texts import t

if TYPE_CHECKING:  # not imported at run time: the start screen needs no pydantic
    from smcheck.core.langs import Lang
    from smcheck.core.models.answers import Answers, Scope
    from smcheck.core.models.assessment import Assessment, Dimension, Question


@dataclass(frozen=True)
class Profile:
    """The organisation and respondent profile."""


@dataclass(frozen=True)
class Excuse:
    """The questions of one excuse (dimension); ``index`` counts the excuses in scope from 0."""

    index: int


@dataclass(frozen=True)
class Review:
    """Which questions are still open, before the results."""


@dataclass(frozen=True)
class Results:
    """Scores, stage, blockers and strengths."""


@dataclass(frozen=True)
class PlanStep:
    """Starter goals and the first iteration."""


Step = Profile | Excuse | Review | Results | PlanStep
"""One step of the walk."""


def is_open(answers: Answers, question: Question) -> bool:
    """True while ``question`` has no answer (not even "don't know")."""
    answer = answers.answers.get(question.id)
    return answer is None or answer.value == ""


class Walk:
    """The steps of one session's walk, in order."""

    def __init__(self, assessment: Assessment, answers: Answers) -> None:
        self.dimensions: list[Dimension] = assessment.dimensions_in(answers.scope)
        self.questions: list[tuple[Dimension, Question]] = assessment.questions(answers.scope)
        self.steps: list[Step] = [
            Profile(),
            *(Excuse(i) for i in range(len(self.dimensions))),
            Review(),
            Results(),
            PlanStep(),
        ]

    def next(self, step: Step) -> Step | None:
        """The step after ``step`` (``None`` after the plan)."""
        i = self.steps.index(step) + 1
        return self.steps[i] if i < len(self.steps) else None

    def back(self, step: Step) -> Step | None:
        """The step before ``step`` (``None`` before the profile: the start)."""
        i = self.steps.index(step) - 1
        return self.steps[i] if i >= 0 else None

    def shows_results(self, step: Step) -> bool:
        """True for the steps that show a result (reaching one completes the session)."""
        return isinstance(step, Results | PlanStep)

    def resume(self, answers: Answers) -> Step:
        """Where a session reopens: the profile while untouched, else the first excuse with an
        open question, else the review."""
        if not answers.answers and not answers.organisation.name:
            return Profile()
        for i, d in enumerate(self.dimensions):
            if any(is_open(answers, q) for dd, q in self.questions if dd.id == d.id):
                return Excuse(i)
        return Review()

    def excuse_of(self, question_id: str) -> Excuse | None:
        """The excuse step that holds ``question_id``."""
        for i, d in enumerate(self.dimensions):
            if any(q.id == question_id for q in d.questions):
                return Excuse(i)
        return None

    def first_question(self, step: Step, answers: Answers) -> int:
        """The index (in :attr:`questions`) where the plain mode asks first at ``step``: the
        first open question of an excuse, or the end for the review and after."""
        if isinstance(step, Profile):
            return 0
        if isinstance(step, Excuse):
            dim = self.dimensions[step.index].id
            inside = [i for i, (d, _) in enumerate(self.questions) if d.id == dim]
            return next((i for i in inside if is_open(answers, self.questions[i][1])), inside[0])
        return len(self.questions)


SECONDS_PER_QUESTION = 20
"""The time a question takes, for the estimate on the start screen and in the plain mode."""


def minutes(questions: int) -> int:
    """About how many minutes ``questions`` questions take (at least one)."""
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))


def check_label(scope: Scope, questions: int, lang: Lang) -> str:
    """A check as the start screen and the plain mode offer it: its name, how many questions
    and about how many minutes, each in the right number ("1 question", "about 1 minute")."""
    mins = minutes(questions)
    return t(
        "start.quick" if scope == "quick" else "start.full",
        lang,
        questions=t("count.question" if questions == 1 else "count.questions", lang, n=questions),
        minutes=t("count.minute" if mins == 1 else "count.minutes", lang, n=mins),
    )
