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
- The combined stage follows the same rules as a single result on the combined scores (the
  weakest-link cap, the dead-end trap on the combined answers, no stage below 60 % mean
  completeness), and is never above the highest individual stage.
- A perception gap is a dimension where the leadership group mean and the team group mean
  (both rounded half up, as shown) are at least ``GAP_THRESHOLD`` points apart. Gaps are ranked
  by difference, largest first, then in dimension order; the first ``MAX_GAPS`` are listed,
  each with the questions where the two sides differ most.
- The plan comes from the combined view: the combined scores and combined answers (mean points
  of the role groups per question) choose the goals and tasks, and the biggest gaps become
  "agree on it" tasks for leadership and team together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

from smcheck import __version__
from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import NOT_APPLICABLE, Answers, Scope
from smcheck.core.models.assessment import Assessment, Dimension
from smcheck.core.models.common import Lang, Role
from smcheck.core.models.comparison import (
    ROLES,
    Comparison,
    DimensionComparison,
    Gap,
    GapQuestion,
    Respondent,
)
from smcheck.core.models.plan import Result
from smcheck.core.planning import make_plan, trap_dimensions
from smcheck.core.scoring import (
    Standing,
    blockers_and_strengths,
    lift_fields,
    overall_score,
    round_half_up,
    score,
    stage_fields,
    stage_of_scores,
    standing,
)
from smcheck.core.selection import View
from smcheck.core.texts import t

GAP_THRESHOLD = 25
"""Leadership and team group means this many points apart or more are a perception gap."""

MAX_GAPS = 5
"""Gaps listed; the rest are counted."""

MAX_GAP_QUESTIONS = 3


def gap_summary(name: str, leadership: int, team: int, lang: Lang) -> str:
    """Who rates the dimension how: leadership first, then the team."""
    return t("gap.summary", lang, dim=name, leadership=leadership, team=team)


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


def _group_mean(
    values: Sequence[float | int | None], roles: Sequence[Role]
) -> tuple[dict[Role, Fraction], Fraction | None]:
    """The mean per role of the values that exist, and the mean of those role means."""
    groups: dict[Role, Fraction] = {}
    for role in ROLES:
        mine = [v for v, rl in zip(values, roles, strict=True) if rl == role and v is not None]
        if mine:
            groups[role] = _mean([Fraction(v) for v in mine])
    return groups, (_mean(list(groups.values())) if groups else None)


def _question_points(
    a: Assessment, answers: Sequence[Answers], roles: Sequence[Role], scope: str
) -> tuple[dict[str, dict[Role, Fraction]], dict[str, float], set[str]]:
    """Per question in scope: the role means of the points, the combined points, and the
    questions nobody could answer."""
    by_role: dict[str, dict[Role, Fraction]] = {}
    combined: dict[str, float] = {}
    unknown: set[str] = set()
    for _, q in a.questions(scope):
        points = a.scale(q.scale).points
        values: list[float | int | None] = []
        for ans in answers:
            answer = ans.answers.get(q.id)
            v = answer.value if answer else ""
            values.append(points[v - 1] if isinstance(v, int) else None)
        groups, mean = _group_mean(values, roles)
        by_role[q.id] = groups
        if mean is not None:
            combined[q.id] = float(mean)
        elif not all(
            (ans.answers.get(q.id) and ans.answers[q.id].value == NOT_APPLICABLE) for ans in answers
        ):
            unknown.add(q.id)
    return by_role, combined, unknown


def _gap(
    a: Assessment,
    d: Dimension,
    lead: int,
    team: int,
    by_role: dict[str, dict[Role, Fraction]],
    scope: str,
    lang: Lang,
) -> Gap:
    differing = []
    for i, q in enumerate(d.questions):
        groups = by_role.get(q.id, {})
        if (scope == "full" or q.quick) and "leadership" in groups and "team" in groups:
            ql, qt = round_half_up(groups["leadership"]), round_half_up(groups["team"])
            if ql != qt:
                differing.append((-abs(ql - qt), i, q, ql, qt))
    differing.sort(key=lambda it: (it[0], it[1]))
    name = d.name.get(lang)
    return Gap(
        dimension=d.id,
        name=name,
        leadership=lead,
        team=team,
        difference=abs(lead - team),
        summary=gap_summary(name, lead, team, lang),
        discussion=d.discuss.get(lang),
        questions=[
            GapQuestion(id=q.id, prompt=q.prompt.get(lang), leadership=ql, team=qt)
            for _, _, q, ql, qt in differing[:MAX_GAP_QUESTIONS]
        ],
    )


def compare(
    a: Assessment,
    respondents: Sequence[tuple[str, Answers]],
    lang: Lang,
    *,
    today: date | None = None,
) -> Comparison:
    """Score every respondent, combine the scores per dimension, find the perception gaps and
    make one plan from the combined view.

    ``respondents`` pairs a label (e.g. the file stem; used when the answers name nobody) with
    the answers, in the order the comparison lists them. The plan starts the Monday after the
    latest completion date (or after ``today``); without either there is no plan.
    """
    _check(a, respondents)
    scope = respondents[0][1].scope
    answers = [ans for _, ans in respondents]
    results = [score(a, ans, lang) for ans in answers]
    roles = [ans.respondent.role for ans in answers]
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
    by_role, points, unknown = _question_points(a, answers, roles, scope)

    dims: list[DimensionComparison] = []
    gaps: list[tuple[int, int, Gap]] = []
    for i, d in enumerate(a.dimensions_in(scope)):
        scores = [next(x.score for x in r.dimensions if x.id == d.id) for r in results]
        present = [s for s in scores if s is not None]
        groups, mean = _group_mean(scores, roles)
        means = {role: round_half_up(m) for role, m in groups.items()}
        dims.append(
            DimensionComparison(
                id=d.id,
                name=d.name.get(lang),
                excuse=d.excuse.get(lang),
                scores=scores,
                spread=max(present) - min(present) if present else None,
                combined=None if mean is None else round_half_up(mean),
                role_means=means,
            )
        )
        if "leadership" in means and "team" in means:
            lead, team = means["leadership"], means["team"]
            if abs(lead - team) >= GAP_THRESHOLD:
                gaps.append((-abs(lead - team), i, _gap(a, d, lead, team, by_role, scope, lang)))
    ranked = [g for _, _, g in sorted(gaps, key=lambda x: (x[0], x[1]))]
    result = combined_result(a, results, dims, points, lang, scope=scope)
    completed = [ans.completed for ans in answers if ans.completed is not None]
    plan = None
    if completed or today is not None:
        first = next((ans for ans in answers if ans.respondent.role == "leadership"), answers[0])
        view = View(
            scores={x.id: x.combined for x in dims},
            points=points,
            unknown=frozenset(unknown),
            completeness=result.completeness,
            objectives=list(first.organisation.objectives),
            linked=frozenset(
                o for o in first.organisation.objectives if first.organisation.links.get(o)
            ),
            gaps=[g.dimension for g in ranked],
            trapped=trap_dimensions(a, result),
        )
        base = first.model_copy(update={"completed": max(completed) if completed else today})
        plan = make_plan(a, base, result, lang=lang, view=view)
    return Comparison(
        generator=f"smcheck {__version__}",
        lang=lang,
        assessment=a.id,
        assessment_version=a.version,
        assessment_title=a.title.get(lang),
        scope=scope,
        respondents=people,
        dimensions=dims,
        combined_overall=result.overall,
        combined_stage=result.stage,
        combined_stage_name=result.stage_name,
        combined_limited_by=result.limited_by,
        combined_reason=result.stage_reason,
        gap_threshold=GAP_THRESHOLD,
        gaps=ranked[:MAX_GAPS],
        more_gaps=max(0, len(ranked) - MAX_GAPS),
        plan=plan,
    )


def nearest_options(a: Assessment, points: dict[str, float]) -> dict[str, int | str]:
    """Each combined answer as the option whose points are nearest (the lower one on a tie)."""
    out: dict[str, int | str] = {}
    for qid, p in points.items():
        scale = a.scale(a.question(qid).scale).points
        out[qid] = min(range(len(scale)), key=lambda i: (abs(scale[i] - p), i)) + 1
    return out


def combined_result(
    a: Assessment,
    results: Sequence[Result],
    dims: Sequence[DimensionComparison],
    points: dict[str, float],
    lang: Lang,
    *,
    scope: Scope = "full",
) -> Result:
    """The result of the combined view: combined scores, the weakest-link rule and the trap on
    them, never above the highest individual stage."""
    scores = {d.id: None for d in a.dimensions} | {x.id: x.combined for x in dims}
    by_score, stage, limited_by = stage_of_scores(a, scores)
    trap = a.stages[0].trap
    is_trapped = trap is not None and all(
        q in points and points[q] <= a.scale(a.question(q).scale).points[trap.lowest - 1]
        for q in trap.questions
    )
    ids = [x.id for x in a.stages]
    highest = max((ids.index(r.stage) for r in results if r.stage), default=0)
    held, capped = False, stage
    if is_trapped:
        stage, limited_by = 0, None
    elif stage > highest:
        stage, limited_by, held = highest, None, True
    completeness = round_half_up(_mean([r.completeness for r in results]))
    missing = round_half_up(_mean([r.missing for r in results]))
    total = sum(d.questions for d in results[0].dimensions)
    st = Standing(scores, overall_score(a, scores), by_score, stage, limited_by, trap=is_trapped)
    base = {r.id: r for r in results[0].dimensions}
    dimension_results = [
        base[d.id].model_copy(
            update={"score": scores.get(d.id), "pulled_down_by": [], "confidence": None}
        )
        for d in a.dimensions
    ]
    fields = stage_fields(a, st, completeness=completeness, missing=missing, total=total, lang=lang)
    if held and fields.get("stage") is not None:
        fields.pop("stage_description", None)
        fields |= {
            "stage_rule": "capped",
            "stage_reason": t(
                "result.reason-held",
                lang,
                by_combined=a.stages[capped].name.get(lang),
                stage=a.stages[stage].name.get(lang),
            ),
        }
    if fields.get("next_stage") is not None:
        # "to the next stage" on the combined answers, each at its nearest option, when they
        # stand where the combined result stands (rounding can move a score across a line)
        values = nearest_options(a, points)
        if standing(a, values, scope).stage == stage:
            fields |= lift_fields(a, values, scope, lang)
    return Result(
        overall=st.overall,
        completeness=completeness,
        missing=missing,
        dimensions=dimension_results,
        **blockers_and_strengths(a, dimension_results),
        **fields,
    )
