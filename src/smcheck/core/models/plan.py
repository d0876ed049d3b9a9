"""The result of scoring and the first-iteration plan: what smcheck exports."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from smcheck.core.models.answers import Organisation, Respondent, Scope
from smcheck.core.models.common import Effort, Id, Lang, OwnerRole, Phase, Strict
from smcheck.core.models.portfolio import Benchmark

PLAN_SCHEMA = "smcheck.plan/2"
PLAN_SCHEMAS = ("smcheck.plan/1", PLAN_SCHEMA)
"""Plan files smcheck reads; it writes the last."""


class Pull(Strict):
    """An answer that pulled a dimension's score down."""

    question: Id
    prompt: str
    option: int
    label: str
    answer: str = Field(default="", description="The chosen option's own words.")
    points: int
    lost: int = Field(description="Points of the dimension score lost to this answer.")


class DimensionResult(Strict):
    """The score of one dimension and why it is what it is."""

    id: Id
    name: str = Field(default="", description="The dimension's short title.")
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
    from_label: str = ""
    to_label: str = ""
    from_answer: str = Field(default="", description="The option's own words, before.")
    to_answer: str = Field(default="", description="The option's own words, after.")
    overall_after: int = Field(description="The overall score after this and the lifts before it.")
    stage_after: Id


StageRule = Literal["score", "capped", "trap", "too-little-known"]
"""How the stage came about: by the overall score, capped by the weakest dimension, forced
by a trap (the dead end), or none at all because too few answers are known."""


class Result(Strict):
    """Scores per dimension and overall, the stage, blockers and strengths."""

    overall: int | None = None
    stage: Id | None = Field(
        default=None, description="Absent when too few answers are known for a stage."
    )
    stage_name: str | None = None
    stage_description: str | None = Field(
        default=None,
        description="What the stage means; absent when the stage is capped or forced, "
        "where stage_reason says why instead.",
    )
    stage_rule: StageRule = "score"
    stage_reason: str | None = Field(
        default=None, description="One sentence: why the stage is capped, forced or absent."
    )
    stage_by_score: Id | None = Field(
        default=None, description="The stage the overall score alone would give."
    )
    limited_by: Id | None = Field(default=None, description="The dimension that capped the stage.")
    completeness: int
    missing: int = Field(
        default=0, description='Questions in scope answered "don\'t know" or not yet answered.'
    )
    blockers: list[Id] = Field(default_factory=list)
    strengths: list[Id] = Field(default_factory=list)
    dimensions: list[DimensionResult]
    next_stage: Id | None = None
    next_stage_name: str | None = None
    next_stage_lifts: list[Lift] = Field(default_factory=list)
    next_stage_reached: bool = Field(
        default=False, description="Whether the listed lifts together reach the next stage."
    )
    next_stage_overall: int | None = Field(
        default=None, description="The overall score after all listed lifts together."
    )
    next_stage_held_by: list[Id] = Field(
        default_factory=list,
        description="When no small change reaches the next stage: the dimensions too weak for "
        "it (weakest first), or the trap's; empty when only the average is too low.",
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
    previous_stage: Id | None = None
    previous_stage_name: str | None = None
    current_overall: int | None = None
    current_stage: Id | None = None
    current_stage_name: str | None = None
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
    target_suggested: bool = Field(
        default=False, description="The target is smcheck's suggestion, not set by the user."
    )
    measure: str
    serves: list[str] = Field(
        default_factory=list,
        description="The company goals it was linked to; empty for an outcome goal means "
        "not linked yet.",
    )


class PhaseWindow(Strict):
    """When a phase of the loop runs in this iteration."""

    id: Phase
    name: str
    weeks: tuple[int, int]
    start: date
    end: date


class Holiday(Strict):
    """A public holiday on a working day inside the iteration."""

    day: date
    name: str


class Iteration(Strict):
    """The first iteration: dates and phase windows."""

    weeks: int = Field(ge=4, le=12, description="Working weeks; week N is the N-th of them.")
    start: date
    end: date
    next_assessment: date = Field(description="The new start point: re-run smcheck on this day.")
    phases: list[PhaseWindow]
    country: str = Field(default="", description="Whose public holidays count, e.g. DE.")
    region: str = Field(default="", description="Subdivision for regional holidays, e.g. BY.")
    holidays: list[Holiday] = Field(default_factory=list)
    skipped_weeks: list[date] = Field(
        default_factory=list,
        description="Mondays of weeks with three or more holidays: they do not count.",
    )


class Later(Strict):
    """A goal or task that did not fit the small first iteration."""

    kind: Literal["goal", "task"]
    id: Id
    title: str


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
    objectives: dict[Id, str] = Field(
        default_factory=dict, description="The names of the chosen objectives, by id."
    )
    file: str | None = Field(
        default=None,
        description="The answers file the plan was scored from, as named on the command line "
        "(<stdin> for standard input), when smcheck score scored several at once: a line of "
        "JSON lines, a plan in -o FOLDER. Absent otherwise, so that one file's plan is the "
        "same wherever it was made.",
    )


class Plan(Strict):
    """Scores, starter goals and the first-iteration plan: ``smcheck score`` writes this."""

    schema_: Literal["smcheck.plan/1", "smcheck.plan/2"] = Field(
        default="smcheck.plan/2", alias="schema"
    )
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
    later: list[Later] = Field(
        default_factory=list, description="What waits for a later iteration, in precedence."
    )
    remarks: list[str] = Field(
        default_factory=list,
        description="Sentences about the plan itself: the start date, holidays, suggestions.",
    )
    benchmark: Benchmark | None = Field(
        default=None,
        description="Percentiles among comparable organisations (smcheck score --benchmark).",
    )
