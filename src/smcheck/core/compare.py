"""Several respondents of one organisation compared: combined scores and perception gaps.

Neither top-down nor bottom-up works alone: leadership's OK and the team's drive must meet.
The comparison makes the gap between them visible. The rule, also in the README:
- Every respondent is scored on their own, exactly as ``smcheck score`` does.
- All answers must be for the same assessment, version and scope.
- A dimension's combined score is the mean of the role-group means: first the mean of each
  role's respondents' scores for that dimension, then the mean of those group means (so one
  leader and five team members weigh 50:50), rounded half up. Respondents without a score for
  the dimension are left out; a role with no score there has no group mean.
- The combined overall score is the weighted mean (dimension weights) of the combined dimension
  scores, rounded half up.
- The combined stage follows the same weakest-link rule as a single result: the highest stage
  the combined overall score reaches, but at most one stage above the stage of the weakest
  combined dimension.
- A perception gap is a dimension where the leadership group mean and the team group mean
  (both rounded half up, as shown) are at least ``GAP_THRESHOLD`` points apart. Gaps are listed
  by difference, largest first, then in dimension order.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from smcheck import __version__
from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment, Dimension
from smcheck.core.models.common import Lang, Role
from smcheck.core.models.comparison import ROLES, Comparison, DimensionComparison, Gap, Respondent
from smcheck.core.scoring import round_half_up, score, stage_index

GAP_THRESHOLD = 25
"""Leadership and team group means this many points apart or more are a perception gap."""

_GAP_TEXT: dict[Lang, str] = {
    "en": (
        "Leadership rates “{excuse}” at {leadership}, the team at {team} "
        "({difference} points apart). Discuss: {counter}"
    ),
    "de": (
        "Die Leitung sieht „{excuse}“ bei {leadership}, das Team bei {team} "
        "({difference} Punkte auseinander). Besprechen: {counter}"
    ),
}


def gap_text(d: Dimension, leadership: int, team: int, lang: Lang) -> str:
    """The discussion item for a gap: a question for the workshop, in ``lang``."""
    return _GAP_TEXT[lang].format(
        excuse=d.excuse.get(lang),
        leadership=leadership,
        team=team,
        difference=abs(leadership - team),
        counter=d.counter.get(lang),
    )


def _mean(values: Sequence[Fraction | int]) -> Fraction:
    return sum((Fraction(v) for v in values), Fraction(0)) / len(values)


def _check(a: Assessment, respondents: Sequence[tuple[str, Answers]]) -> None:
    if len(respondents) < 2:
        raise SmcheckError(
            f"a comparison needs at least two respondents' answers, got {len(respondents)}"
        )
    first_label, first = respondents[0]
    if (first.assessment, first.assessment_version) != (a.id, a.version):
        raise SmcheckError(
            f"{first_label}: answers are for {first.assessment} {first.assessment_version}, "
            f"not {a.id} {a.version}"
        )
    for label, ans in respondents[1:]:
        if (ans.assessment, ans.assessment_version, ans.scope) != (
            first.assessment,
            first.assessment_version,
            first.scope,
        ):
            raise SmcheckError(
                f"{label}: answers are for {ans.assessment} {ans.assessment_version} "
                f"({ans.scope}), but {first_label} for {first.assessment} "
                f"{first.assessment_version} ({first.scope}); only answers to the same "
                "assessment, version and scope can be compared"
            )


def compare(a: Assessment, respondents: Sequence[tuple[str, Answers]], lang: Lang) -> Comparison:
    """Score every respondent, combine the scores per dimension and find the perception gaps.

    ``respondents`` pairs a label (e.g. the file stem; used when the answers name nobody) with
    the answers, in the order the comparison lists them.
    """
    _check(a, respondents)
    scope = respondents[0][1].scope
    results = [score(a, ans, lang) for _, ans in respondents]
    roles = [ans.respondent.role for _, ans in respondents]
    people = [
        Respondent(
            label=ans.respondent.name.strip() or label,
            role=ans.respondent.role,
            overall=r.overall,
            stage=r.stage,
            stage_name=r.stage_name,
            completeness=r.completeness,
        )
        for (label, ans), r in zip(respondents, results, strict=True)
    ]

    dims: list[DimensionComparison] = []
    gaps: list[tuple[int, int, Gap]] = []
    for i, d in enumerate(a.dimensions_in(scope)):
        scores = [next(x.score for x in r.dimensions if x.id == d.id) for r in results]
        present = [s for s in scores if s is not None]
        groups: dict[Role, Fraction] = {}
        for role in ROLES:
            mine = [s for s, rl in zip(scores, roles, strict=True) if rl == role and s is not None]
            if mine:
                groups[role] = _mean(mine)
        means = {role: round_half_up(m) for role, m in groups.items()}
        dims.append(
            DimensionComparison(
                id=d.id,
                excuse=d.excuse.get(lang),
                scores=scores,
                spread=max(present) - min(present) if present else None,
                combined=round_half_up(_mean(list(groups.values()))) if groups else None,
                role_means=means,
            )
        )
        if "leadership" in means and "team" in means:
            lead, team = means["leadership"], means["team"]
            diff = abs(lead - team)
            if diff >= GAP_THRESHOLD:
                gap = Gap(
                    dimension=d.id,
                    leadership=lead,
                    team=team,
                    difference=diff,
                    discussion=gap_text(d, lead, team, lang),
                )
                gaps.append((-diff, i, gap))

    weights = {d.id: Fraction(d.weight) for d in a.dimensions}
    scored = [(x.combined, i, x.id) for i, x in enumerate(dims) if x.combined is not None]
    overall: int | None = None
    if scored:
        total = sum((weights[did] * s for s, _, did in scored), Fraction(0))
        overall = round_half_up(total / sum(weights[did] for _, _, did in scored))
    stage = stage_index(a, overall)
    limited_by: str | None = None
    if scored:
        weakest_score, _, weakest = min(scored)
        cap = stage_index(a, weakest_score) + 1
        if cap < stage:
            stage, limited_by = cap, weakest

    return Comparison(
        generator=f"smcheck {__version__}",
        lang=lang,
        assessment=a.id,
        assessment_version=a.version,
        assessment_title=a.title.get(lang),
        scope=scope,
        respondents=people,
        dimensions=dims,
        combined_overall=overall,
        combined_stage=a.stages[stage].id,
        combined_stage_name=a.stages[stage].name.get(lang),
        combined_limited_by=limited_by,
        gap_threshold=GAP_THRESHOLD,
        gaps=[g for _, _, g in sorted(gaps, key=lambda x: (x[0], x[1]))],
    )
