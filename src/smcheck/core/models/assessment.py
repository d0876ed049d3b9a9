"""The assessment definition: dimensions (one per excuse), questions, scale, stages, objectives."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smcheck.core.models.common import (
    LANGS,
    Effort,
    Id,
    Lang,
    OwnerRole,
    Phase,
    Strict,
    Text,
    TextList,
)

ASSESSMENT_SCHEMA = "smcheck.assessment/2"

REFERENCE_WEEKS = 6
"""Action week ranges are written for a six-week iteration and scaled to the real length."""


class Scale(Strict):
    """An answer scale shared by questions: points for options 1..N and a short label for each."""

    id: Id
    points: list[int] = Field(
        min_length=2, max_length=9, description="Points (0-100) for option 1..N."
    )
    labels: TextList = Field(
        description="A short label per option, e.g. 'not at all' .. 'fully lived'."
    )


class Trap(Strict):
    """Answers that hold an organisation in a stage whatever its average: when every listed
    question is answered within its ``lowest`` options, the stage is this one."""

    questions: list[Id] = Field(min_length=1)
    lowest: int = Field(default=2, ge=1, le=8, description="How many of the lowest options.")
    reason: Text = Field(description="One sentence the result gives as the reason.")


class Stage(Strict):
    """A named maturity stage reached from ``min_score`` upwards."""

    id: Id
    min_score: int = Field(ge=0, le=100)
    name: Text
    description: Text = Field(
        description="What the stage means overall; it must not claim anything of one dimension."
    )
    trap: Trap | None = Field(default=None, description="Answers that force this stage.")


class Question(Strict):
    """One question with anchored options: each option describes a concrete situation."""

    id: Id
    prompt: Text
    options: TextList = Field(description="One text per option of the scale, lowest first.")
    help: Text = Field(description="Why this matters.")
    hint: Text = Field(description="For an interviewer: what to probe.")
    scale: Id = "readiness-5"
    weight: float = Field(default=1.0, gt=0, le=10)
    quick: bool = Field(default=False, description="Part of the quick check.")


class EnablerGoal(Strict):
    """The goal set when this dimension is among the weakest."""

    title: Text
    measure: Text = Field(description="How to tell the goal is reached.")
    title_small: Text | None = Field(
        default=None, description="The title for fewer than ten people, where it differs."
    )
    measure_small: Text | None = Field(
        default=None, description="The measure for fewer than ten people, where it differs."
    )
    owner: OwnerRole
    actions: list[Id] = Field(
        min_length=1,
        description="The dimension's actions that deliver the goal, most important first: in a "
        "plan with this goal they are due whatever the answers, and come first.",
    )


PRIORITY_FIRST, PRIORITY_DEFAULT, PRIORITY_LAST = 1, 3, 9


class Action(Strict):
    """A task the plan can schedule, tied to a phase of the loop.

    Texts may name a week as ``{week:N}`` (N in the six-week reference iteration): the plan
    writes the matching working week of the real iteration.
    """

    id: Id
    title: Text
    phase: Phase
    owner: OwnerRole
    effort: Effort
    weeks: tuple[int, int] = Field(description="First and last week in a six-week iteration.")
    done: Text = Field(description="The done-criterion.")
    done_small: Text | None = Field(
        default=None,
        description="The done-criterion for fewer than ten people, where it differs: no line "
        "managers or departments, one or two people doing it all.",
    )
    questions: list[Id] = Field(
        default_factory=list,
        description="The questions whose low answers call for this action (dimension actions).",
    )
    priority: int = Field(
        default=PRIORITY_DEFAULT,
        ge=PRIORITY_FIRST,
        le=PRIORITY_LAST,
        description="The articles' priority, 1 first: breaks ties between equally due actions.",
    )
    needs_kpis: bool = Field(
        default=False, description="Only in a plan with outcome goals (e.g. measuring baselines)."
    )
    after: list[Id] = Field(
        default_factory=list,
        description="Actions that come first when both are in a plan (e.g. information "
        "before the channel decision).",
    )


class Dimension(Strict):
    """One excuse for not doing social media, scored 0-100."""

    id: Id
    name: Text = Field(description="A short title, e.g. 'Strategy first'.")
    excuse: Text = Field(description="The excuse as people say it.")
    counter: Text = Field(description="What the articles hold against it.")
    discuss: Text = Field(
        description="A question for leadership and team when they see this dimension far apart."
    )
    weight: float = Field(default=1.0, gt=0, le=10)
    priority: int = Field(
        default=PRIORITY_DEFAULT,
        ge=PRIORITY_FIRST,
        le=PRIORITY_LAST,
        description="The articles' priority, 1 first: breaks ties between equally weak dimensions.",
    )
    questions: list[Question] = Field(min_length=1)
    enabler: EnablerGoal
    actions: list[Action] = Field(default_factory=list)


class Kpi(Strict):
    """A measurable key figure of an objective."""

    id: Id
    metric: Text
    unit: Literal["count", "percent", "minutes", "hours", "eur"]
    direction: Literal["increase", "decrease"] = "increase"
    change_pct: int = Field(
        gt=0, le=500, description="Suggested target change per iteration, in percent."
    )
    first_target: int = Field(
        ge=1, description="The absolute first target when the baseline is 0 (e.g. 3 enquiries)."
    )
    owner: OwnerRole


class Objective(Strict):
    """Something an organisation wants from social media, with its KPIs and actions."""

    id: Id
    name: Text
    description: Text
    kpis: list[Kpi] = Field(
        min_length=1, description="The first is the leading KPI: the one that becomes a goal."
    )
    actions: list[Action] = Field(default_factory=list)


class Merge(Strict):
    """Questions of an older version answered by one question now."""

    into: Id
    questions: list[Id] = Field(min_length=1)


class Upgrade(Strict):
    """How answers to an older version are converted to this one."""

    from_version: str = Field(pattern=r"^\d+\.\d+$")
    merge: list[Merge] = Field(
        default_factory=list, description="Merged questions: the lowest answer is taken."
    )


class Assessment(Strict):
    """A questionnaire as data: ``assessments/*.toml``."""

    schema_: Literal["smcheck.assessment/2"] = Field(alias="schema")
    id: Id
    version: str = Field(
        pattern=r"^\d+\.\d+$", description="MAJOR.MINOR; answers name the version."
    )
    title: Text
    description: Text
    scales: list[Scale] = Field(min_length=1)
    stages: list[Stage] = Field(min_length=5, max_length=5)
    dimensions: list[Dimension] = Field(min_length=1)
    objectives: list[Objective] = Field(default_factory=list)
    always: list[Action] = Field(
        default_factory=list, description="Actions every plan carries, e.g. measuring baselines."
    )
    upgrades: list[Upgrade] = Field(
        default_factory=list, description="How answers to older versions are converted."
    )

    def scale(self, scale_id: str) -> Scale:
        """The scale with ``scale_id`` (checked to exist when the assessment was loaded)."""
        for scale in self.scales:  # a loop: called for every answer, faster than next(...)
            if scale.id == scale_id:
                return scale
        raise KeyError(scale_id)

    def questions(self, scope: str = "full") -> list[tuple[Dimension, Question]]:
        """Every question in ``scope`` ("full" or "quick") with its dimension, in file order."""
        return [(d, q) for d in self.dimensions for q in d.questions if scope == "full" or q.quick]

    def dimensions_in(self, scope: str = "full") -> list[Dimension]:
        """The dimensions that have questions in ``scope``."""
        return [d for d in self.dimensions if scope == "full" or any(q.quick for q in d.questions)]

    def has_quick(self) -> bool:
        """Whether the assessment offers a quick check."""
        return any(q.quick for d in self.dimensions for q in d.questions)

    def question(self, question_id: str) -> Question:
        """The question with ``question_id``."""
        return next(q for d in self.dimensions for q in d.questions if q.id == question_id)

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with ``dimension_id``."""
        return next(d for d in self.dimensions if d.id == dimension_id)

    def objective(self, objective_id: str) -> Objective:
        """The objective with ``objective_id``."""
        return next(o for o in self.objectives if o.id == objective_id)


__all__ = ["LANGS", "Lang"]
