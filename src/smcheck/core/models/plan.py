"""The result of scoring and the first-iteration plan: what smcheck exports."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from smcheck.core.models.answers import Organisation, Respondent, Scope
from smcheck.core.models.common import Effort, Id, Lang, OwnerRole, Phase, Strict

PLAN_SCHEMA = "smcheck.plan/1"


class Pull(Strict):
    """An answer that pulled a dimension's score down."""

    question: Id
    prompt: str
    option: int
    label: str
    points: int
    lost: int = Field(description="Points of the dimension score lost to this answer.")


class DimensionResult(Strict):
    """The score of one dimension and why it is what it is."""

    id: Id
    excuse: str
    score: int | None = Field(default=None, description="0-100; absent when nothing was answered.")
    weight: float
    questions: int
    answered: int
    dont_know: int
    not_applicable: int
    unanswered: int
    completeness: int = Field(description="Answered questions in percent.")
    confidence: int | None = Field(
        default=None, description="How sure the answers are, 0-100 (interview mode only)."
    )
    pulled_down_by: list[Pull] = Field(default_factory=list)


class Lift(Strict):
    """A change of one answer that raises the overall score."""

    question: Id
    dimension: Id
    prompt: str
    from_option: int
    to_option: int
    overall_after: int
    stage_after: Id


class Result(Strict):
    """Scores per dimension and overall, the stage, blockers and strengths."""

    overall: int | None = None
    stage: Id
    stage_name: str
    stage_description: str
    stage_by_score: Id = Field(description="The stage the overall score alone would give.")
    limited_by: Id | None = Field(default=None, description="The dimension that capped the stage.")
    completeness: int
    blockers: list[Id] = Field(default_factory=list)
    strengths: list[Id] = Field(default_factory=list)
    dimensions: list[DimensionResult]
    next_stage: Id | None = None
    next_stage_lifts: list[Lift] = Field(default_factory=list)
    next_stage_reached: bool = Field(
        default=False, description="Whether the listed lifts alone reach the next stage."
    )


class Blocker(Strict):
    """A dimension that blocks the next stage, with what the articles hold against its excuse."""

    id: Id
    excuse: str
    score: int
    counter: str = Field(description="The counter-position to the excuse.")


class Note(Strict):
    """A note shared with the client on one answer (private notes never enter a plan)."""

    question: Id
    dimension: Id
    prompt: str
    note: str


class DimensionDelta(Strict):
    """How one dimension's score changed since the previous start point."""

    id: Id
    previous: int | None = Field(default=None, description="Score at the previous start point.")
    current: int | None = Field(default=None, description="Score now.")
    delta: int | None = Field(default=None, description="current - previous, when both exist.")


GoalStatus = Literal["reached", "not-reached", "no-actual", "no-target"]
"""How a goal of the previous iteration ended: judged against its numeric target, if it has one."""


class GoalProgress(Strict):
    """A goal of the previous iteration and the value measured at its end."""

    id: Id
    title: str
    kind: Literal["outcome", "enabler"]
    unit: str | None = None
    direction: Literal["increase", "decrease"] | None = None
    baseline: float | None = None
    target: float | None = None
    actual: float | None = None
    status: GoalStatus
    progress_pct: int | None = Field(
        default=None,
        description="Share of the way from baseline to target in percent, rounded half up; "
        "above 100 beyond the target, below 0 when the value moved away from it.",
    )


class StartPoint(Strict):
    """The new start point: what changed since the previous iteration's answers."""

    previous_completed: date
    current_completed: date
    previous_overall: int | None = None
    previous_stage: Id
    previous_stage_name: str
    current_overall: int | None = None
    current_stage: Id
    current_stage_name: str
    overall_delta: int | None = Field(
        default=None, description="current_overall - previous_overall, when both exist."
    )
    dimensions: list[DimensionDelta]
    goals: list[GoalProgress] = Field(description="Every goal of the previous plan.")


class Goal(Strict):
    """A starter goal: an outcome goal from an objective or an enabler goal from a weak dimension."""

    id: Id
    kind: Literal["outcome", "enabler"]
    title: str
    owner: OwnerRole
    due: date
    objective: Id | None = None
    dimension: Id | None = None
    metric: str | None = None
    unit: str | None = None
    direction: Literal["increase", "decrease"] | None = None
    baseline: float | None = None
    baseline_note: str | None = None
    target: float | None = None
    target_change_pct: int | None = None
    measure: str
    serves: list[str] = Field(default_factory=list, description="The company goals it serves.")


class PhaseWindow(Strict):
    """When a phase of the loop runs in this iteration."""

    id: Phase
    name: str
    weeks: tuple[int, int]
    start: date
    end: date


class Iteration(Strict):
    """The first iteration: dates and phase windows."""

    weeks: int = Field(ge=4, le=12)
    start: date
    end: date
    next_assessment: date = Field(description="The new start point: re-run smcheck on this day.")
    phases: list[PhaseWindow]


class Task(Strict):
    """A scheduled task of the first iteration."""

    id: Id
    title: str
    phase: Phase
    weeks: tuple[int, int]
    start: date
    end: date
    owner: OwnerRole
    effort: Effort
    dimension: Id | None = None
    objective: Id | None = None
    goals: list[Id] = Field(default_factory=list)
    done: str


class Source(Strict):
    """What the plan was made from."""

    assessment: Id
    assessment_version: str
    assessment_title: str
    scope: Scope


class Plan(Strict):
    """Scores, starter goals and the first-iteration plan: ``smcheck score`` writes this."""

    schema_: Literal["smcheck.plan/1"] = Field(default="smcheck.plan/1", alias="schema")
    generator: str
    lang: Lang
    source: Source
    organisation: Organisation
    respondent: Respondent
    result: Result
    start_point: StartPoint | None = Field(
        default=None, description="Progress since the previous iteration, when there was one."
    )
    blockers: list[Blocker] = Field(
        default_factory=list, description="The result's blockers with their counter-positions."
    )
    notes: list[Note] = Field(
        default_factory=list, description="Notes shared with the client, in questionnaire order."
    )
    iteration: Iteration
    goals: list[Goal]
    tasks: list[Task]
