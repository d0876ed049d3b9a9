"""What the HTML and PDF reports of a comparison say, as plain text (see ``content``)."""

from __future__ import annotations

from dataclasses import dataclass

from smcheck.core.models.common import Lang, Role
from smcheck.core.models.comparison import Comparison
from smcheck.core.text import NO_SCORE, one_line, score_text
from smcheck.core.texts import t
from smcheck.files.export.comparison import both_sides, people_table, roles_present, scores_table
from smcheck.files.export.report.content import (
    Bar,
    Item,
    NextStage,
    PlanPart,
    Radar,
    Series,
    footer,
    next_stage,
    plan_part,
    source_line,
    title,
)

MAX_OVERLAID = 5
"""Up to this many respondents each get a line in the radar chart; more are shown by role."""


@dataclass(frozen=True)
class Table:
    """A header row and body rows of text."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class GapPart:
    """A perception gap: who sees it how, what to ask, and where the answers differ most."""

    summary: str
    ask: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class ComparisonReport:
    """Everything the report of a comparison shows; ``plan`` is the one from the combined view."""

    lang: Lang
    title: str
    source: str
    radar: Radar
    people: Table
    scores: Table
    combined: tuple[Item, ...]
    reason: str
    next_stage: NextStage | None
    bars: tuple[Bar, ...]
    gaps_intro: str
    gaps: tuple[GapPart, ...]
    gaps_after: str
    """ "… and N more gaps", or why there are none; may be empty."""
    plan: PlanPart | None
    footer: str


def _table(rows: list[list[str]]) -> Table:
    head, *body = rows
    return Table(tuple(head), tuple(tuple(r) for r in body))


def _radar(c: Comparison) -> Radar:
    """Each respondent's scores overlaid; with many respondents, each role's mean instead."""
    lang = c.lang
    axes = tuple(one_line(d.name or d.id) for d in c.dimensions)
    if len(c.respondents) <= MAX_OVERLAID:
        series = tuple(
            Series(
                f"{one_line(r.label) or '?'} ({t(f'role.{r.role}', lang)})",
                tuple(d.scores[i] for d in c.dimensions),
            )
            for i, r in enumerate(c.respondents)
        )
        return Radar(axes, series)

    def mean(role: Role) -> Series:
        label = t("comparison.mean", lang, role=t(f"role.{role}", lang))
        return Series(label, tuple(d.role_means.get(role) for d in c.dimensions))

    return Radar(axes, tuple(mean(role) for role in roles_present(c)))


def _gaps_after(c: Comparison) -> str:
    if c.gaps:
        return t("comparison.more-gaps", c.lang, n=c.more_gaps) if c.more_gaps else ""
    key = "comparison.no-gaps" if both_sides(c) else "comparison.no-sides"
    return t(key, c.lang, n=c.gap_threshold)


def comparison_report(c: Comparison) -> ComparisonReport:
    """The whole report of a comparison, in the words of its Markdown report."""
    lang = c.lang
    combined = (
        Item(t("comparison.combined-overall", lang), f"{score_text(c.combined_overall)}/100"),
        Item(t("comparison.combined-stage", lang), one_line(c.combined_stage_name or NO_SCORE)),
    )
    gaps = tuple(
        GapPart(
            one_line(g.summary),
            f"{t('comparison.ask', lang)} {one_line(g.discussion)}",
            tuple(
                f"{one_line(q.prompt)} ({t('role.leadership', lang)} {q.leadership}, "
                f"{t('role.team', lang)} {q.team})"
                for q in g.questions
            ),
        )
        for g in c.gaps
    )
    plan = c.plan
    return ComparisonReport(
        lang=lang,
        title=title(plan) if plan is not None else t("report.title", lang),
        source=source_line(c.assessment_title, c.assessment_version, c.scope, lang),
        radar=_radar(c),
        people=_table(people_table(c, one_line, one_line)),
        scores=_table(scores_table(c, one_line, one_line)),
        combined=combined,
        reason=one_line(c.combined_reason or ""),
        next_stage=None if plan is None else next_stage(plan.result, lang),
        bars=tuple(Bar(one_line(d.name or d.id), d.combined, "") for d in c.dimensions),
        gaps_intro=t("comparison.gaps", lang, n=c.gap_threshold) + ":",
        gaps=gaps,
        gaps_after=_gaps_after(c),
        plan=None if plan is None else plan_part(plan),
        footer=footer(c.generator, lang),
    )
