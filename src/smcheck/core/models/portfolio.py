"""Where organisations stand among others: the portfolio (``smcheck portfolio`` writes this)
and one organisation's benchmark (the ``benchmark`` section of a plan).

Nothing here can hold anything about a single other organisation: no name, note, answer or
respondent, only counts and quartiles of at least ``MIN_ORGANISATIONS`` organisations.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smcheck.core.models.answers import Size
from smcheck.core.models.common import Id, Lang, Strict

PORTFOLIO_SCHEMA = "smcheck.portfolio/1"

MIN_ORGANISATIONS = 5
"""No statistic is shown from fewer organisations than this: "too few to compare"."""

Grouping = Literal["industry", "size"]


class Spread(Strict):
    """Median and quartiles of a set of numbers, as ``statistics.quantiles(values, n=4,
    method="inclusive")`` gives them (the same as DuckDB's ``quantile_cont``)."""

    count: int = Field(description="How many numbers (organisations) there are.")
    q1: float = Field(description="The first quartile (25 %).")
    median: float
    q3: float = Field(description="The third quartile (75 %).")


class StageCount(Strict):
    """How many organisations of a group are at one stage."""

    stage: Id | None = Field(
        default=None, description="Absent for the organisations with too little known for a stage."
    )
    name: str
    organisations: int


class DimensionStats(Strict):
    """One dimension across the organisations of a group."""

    id: Id
    name: str
    scores: Spread | None = Field(
        default=None,
        description="The organisations' scores; absent when fewer than five have a score.",
    )
    blocker: int = Field(description="Organisations for which the dimension is a blocker.")
    gaps: int | None = Field(
        default=None,
        description="Organisations where leadership and team differ on it by gap_threshold "
        "points or more; absent when fewer than five have answers of both.",
    )
    change: Spread | None = Field(
        default=None,
        description="Change of the score since the earlier iteration (latest minus earlier); "
        "absent when fewer than five organisations have both.",
    )


class GroupStats(Strict):
    """The statistics of one group of organisations (or of the whole portfolio)."""

    key: str = Field(
        description='"" for the whole portfolio. By size: the size class, "" for not given. '
        'By industry: the industry compared (lower case, no spaces), "" for not given, '
        '"*" for the industries with fewer than five organisations each, pooled.'
    )
    label: str
    organisations: int | None = Field(
        default=None, description="Absent when fewer than five: then nothing else is shown."
    )
    overall: Spread | None = None
    dimensions: list[DimensionStats] = Field(default_factory=list)
    stages: list[StageCount] = Field(
        default_factory=list, description="Every stage, lowest first, then no stage."
    )
    blockers: list[Id] = Field(
        default_factory=list,
        description="The most common blockers, most common first (ties in dimension order).",
    )
    both_roles: int | None = Field(
        default=None,
        description="Organisations with answers of leadership and team; absent when fewer "
        "than five.",
    )
    differ: int | None = Field(
        default=None,
        description="Of those, how many differ by gap_threshold points or more on at least "
        "one dimension.",
    )
    iterated: int | None = Field(
        default=None,
        description="Organisations with an earlier iteration; absent when fewer than five.",
    )
    overall_change: Spread | None = Field(
        default=None, description="Change of the overall score since the earlier iteration."
    )


class Portfolio(Strict):
    """Statistics over the latest iteration of every organisation read: ``smcheck portfolio``."""

    schema_: Literal["smcheck.portfolio/1"] = Field(default="smcheck.portfolio/1", alias="schema")
    generator: str
    lang: Lang
    assessment: Id
    assessment_version: str
    assessment_title: str
    by: Grouping | None = Field(default=None, description="How the groups were made, if at all.")
    min_organisations: int = Field(description="Fewer organisations than this show nothing.")
    gap_threshold: int = Field(description="Points apart from which leadership and team differ.")
    files: int = Field(description="Answers files read.")
    organisations: int = Field(description="Organisations counted (each once).")
    left_out: int = Field(
        default=0,
        description="Organisations left out: one of their answers files says benchmark = false, "
        "or their respondents' answers cannot be combined.",
    )
    total: GroupStats
    groups: list[GroupStats] = Field(default_factory=list)


class Rank(Strict):
    """Where one score stands among the scores of the organisations compared.

    ``percentile`` is the share of the compared organisations whose score is strictly lower,
    in percent, rounded down: "higher than 70 % of 23 organisations" is never more than true.
    """

    score: int | None = Field(default=None, description="The organisation's own score.")
    compared: int | None = Field(
        default=None,
        description="Organisations compared (those with a score here); absent when fewer "
        "than five.",
    )
    percentile: int | None = Field(
        default=None,
        description="floor(100 * lower / compared), lower = those with a strictly lower score; "
        "absent without an own score or with fewer than five compared.",
    )
    text: str = Field(description='One sentence, e.g. "higher than 70 % of 23 organisations …".')


class DimensionRank(Rank):
    """The rank of one dimension's score."""

    id: Id
    name: str


class Benchmark(Strict):
    """The organisation's percentile among comparable organisations of a portfolio."""

    size: Size = Field(description='The size class compared within; "" for every size.')
    industry: str = Field(
        default="",
        description="The industry compared within (the organisation's own spelling); empty "
        "when fewer than five of that industry exist, then every industry is compared.",
    )
    group: str = Field(description='Who was compared, e.g. "organisations of 50–249 employees".')
    organisations: int | None = Field(
        default=None, description="Organisations in the group; absent when fewer than five."
    )
    overall: Rank
    dimensions: list[DimensionRank] = Field(default_factory=list)
