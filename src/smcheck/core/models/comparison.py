"""Several respondents of one assessment side by side: ``smcheck compare`` writes this."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from smcheck.core.models.answers import Scope
from smcheck.core.models.common import Id, Lang, Role, Strict
from smcheck.core.models.plan import Plan

COMPARISON_SCHEMA = "smcheck.comparison/2"

ROLES: tuple[Role, ...] = ("leadership", "team", "consultant")
"""The roles in the order role means and their columns are listed."""


def _no_score(value: object) -> object:
    # TOML has no null: the TOML export writes a missing score as "" (as answers files write
    # an unanswered question), and reading it back gives None again.
    return None if value == "" else value


MaybeScore = Annotated[int | None, BeforeValidator(_no_score)]
"""A score 0-100, or ``None`` (``""`` in TOML) when the respondent has none for the dimension."""


class Respondent(Strict):
    """One compared respondent and their own result."""

    label: str = Field(
        description="The respondent's name, or the label the caller gave (file stem)."
    )
    role: Role
    overall: int | None = Field(
        default=None, description="0-100; absent when nothing was answered."
    )
    stage: Id | None = Field(default=None, description="Absent when too little is known.")
    stage_name: str | None = None
    completeness: int = Field(description="Answered questions in percent.")


class DimensionComparison(Strict):
    """One dimension: every respondent's score, how far apart they are, and the combined score."""

    id: Id
    name: str = ""
    excuse: str
    scores: list[MaybeScore] = Field(
        description='One per respondent, in respondent order; null (TOML: "") for no score.'
    )
    spread: int | None = Field(
        default=None, description="Highest minus lowest of the scores that exist."
    )
    combined: int | None = Field(
        default=None, description="The mean of the role-group means, rounded half up."
    )
    role_means: dict[Role, int] = Field(
        default_factory=dict,
        description="Mean score per role present, rounded half up.",
    )


class GapQuestion(Strict):
    """A question of a gap's dimension on which leadership and team differ most."""

    id: Id
    prompt: str
    leadership: int = Field(description="The leadership group's mean points, 0-100.")
    team: int = Field(description="The team group's mean points, 0-100.")


class Gap(Strict):
    """A perception gap: leadership and team see a dimension far apart."""

    dimension: Id
    name: str = ""
    leadership: int = Field(description="The leadership group's mean score.")
    team: int = Field(description="The team group's mean score.")
    difference: int = Field(description="Points apart (never negative).")
    summary: str = Field(default="", description="Who rates it how, in one sentence.")
    discussion: str = Field(description="A question for the workshop.")
    questions: list[GapQuestion] = Field(
        default_factory=list, description="Where the two sides differ most, biggest first."
    )


class Comparison(Strict):
    """Scores of several respondents, combined, with the gaps between leadership and team."""

    schema_: Literal["smcheck.comparison/1", "smcheck.comparison/2"] = Field(
        default="smcheck.comparison/2", alias="schema"
    )
    generator: str
    lang: Lang
    assessment: Id
    assessment_version: str
    assessment_title: str
    scope: Scope
    respondents: list[Respondent] = Field(min_length=2)
    dimensions: list[DimensionComparison]
    combined_overall: int | None = Field(
        default=None, description="Weighted mean of the combined dimension scores."
    )
    combined_stage: Id | None = Field(
        default=None, description="Absent when too little is known for a stage."
    )
    combined_stage_name: str | None = None
    combined_limited_by: Id | None = Field(
        default=None, description="The combined dimension that capped the combined stage."
    )
    combined_reason: str | None = Field(
        default=None, description="Why the combined stage is capped, forced or absent."
    )
    gap_threshold: int = Field(description="Points apart from which a dimension is a gap.")
    gaps: list[Gap] = Field(
        default_factory=list, description="The biggest gaps, biggest first, at most five."
    )
    more_gaps: int = Field(default=0, description="Further gaps not listed.")
    plan: Plan | None = Field(
        default=None, description="One plan from the combined view, gaps as agree-on-it tasks."
    )
