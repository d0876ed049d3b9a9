"""Several respondents of one assessment side by side: ``smcheck compare`` writes this."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from smcheck.core.models.answers import Scope
from smcheck.core.models.common import Id, Lang, Role, Strict

COMPARISON_SCHEMA = "smcheck.comparison/1"

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
    stage: Id
    stage_name: str
    completeness: int = Field(description="Answered questions in percent.")


class DimensionComparison(Strict):
    """One dimension: every respondent's score, how far apart they are, and the combined score."""

    id: Id
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


class Gap(Strict):
    """A perception gap: leadership and team see a dimension far apart."""

    dimension: Id
    leadership: int = Field(description="The leadership group's mean score.")
    team: int = Field(description="The team group's mean score.")
    difference: int = Field(description="Points apart (never negative).")
    discussion: str = Field(description="A question for the workshop.")


class Comparison(Strict):
    """Scores of several respondents, combined, with the gaps between leadership and team."""

    schema_: Literal["smcheck.comparison/1"] = Field(default="smcheck.comparison/1", alias="schema")
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
    combined_stage: Id
    combined_stage_name: str
    combined_limited_by: Id | None = Field(
        default=None, description="The combined dimension that capped the combined stage."
    )
    gap_threshold: int = Field(description="Points apart from which a dimension is a gap.")
    gaps: list[Gap] = Field(default_factory=list)
