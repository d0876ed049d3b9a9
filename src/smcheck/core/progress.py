"""Progress over iterations: the new start point compared with the previous one.

The previous plan is not read from a file: it is made again from the previous answers, which
carry their completion date, so the same answers always give the same goals and targets.

A goal of the previous plan is judged by the value measured at the end of its iteration
(``Answers.actuals`` of the current answers, by goal id):

- "no-target": an enabler goal, or an outcome goal without a numeric target (no baseline was
  known and none was set): there is nothing to compare an actual with.
- "no-actual": no value was entered.
- "reached": the actual meets the target in the KPI's direction (>= for increase, <= for
  decrease); otherwise "not-reached".

``progress_pct`` is the share of the way from baseline to target, rounded half up: 100 at the
target, above 100 beyond it, below 0 when the value moved away from it. It needs a baseline, a
target different from it and an actual.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import DimensionDelta, Goal, GoalProgress, GoalStatus, StartPoint
from smcheck.core.planning import make_plan
from smcheck.core.scoring import round_half_up, score


def _exact(value: float) -> Fraction:
    """The decimal people see (``0.1`` is one tenth, not its binary neighbour)."""
    return Fraction(repr(value))


def goal_status(goal: Goal, actual: float | None) -> GoalStatus:
    """How ``goal`` ended given the measured ``actual``."""
    if goal.kind == "enabler" or goal.target is None:
        return "no-target"
    if actual is None:
        return "no-actual"
    if goal.direction == "decrease":
        return "reached" if actual <= goal.target else "not-reached"
    return "reached" if actual >= goal.target else "not-reached"


def progress_pct(goal: Goal, actual: float | None) -> int | None:
    """Share of the way from baseline to target in percent, or ``None`` if it cannot be told."""
    if goal.kind == "enabler" or actual is None or goal.baseline is None or goal.target is None:
        return None
    baseline, target = _exact(goal.baseline), _exact(goal.target)
    if target == baseline:
        return None
    return round_half_up((_exact(actual) - baseline) * 100 / (target - baseline))


def _check(a: Assessment, answers: Answers, which: str) -> None:
    if answers.assessment != a.id or answers.assessment_version != a.version:
        raise SmcheckError(
            f"the {which} answers are for {answers.assessment} {answers.assessment_version}, "
            f"not {a.id} {a.version}: progress compares answers to the same assessment only"
        )


def progress(
    a: Assessment,
    previous: Answers,
    current: Answers,
    lang: Lang,
    *,
    today: date | None = None,
) -> StartPoint:
    """The start point of a new iteration: score changes and how the previous goals ended.

    ``current`` is dated by its completion date, or ``today`` when it has none yet. Refuses
    answers to another assessment or version, and previous answers not completed before the
    current ones.
    """
    _check(a, previous, "previous")
    _check(a, current, "current")
    if previous.completed is None:
        raise SmcheckError("the previous answers have no completed date")
    now = current.completed or today
    if now is None:
        raise SmcheckError("the current answers have no completed date")
    if previous.completed >= now:
        raise SmcheckError(
            f"the previous answers (completed {previous.completed}) must be completed before "
            f"the current ones ({now})"
        )
    before = score(a, previous, lang)
    after = score(a, current, lang)
    try:
        previous_plan = make_plan(a, previous, before, lang=lang)
    except ValueError as exc:
        raise SmcheckError(f"the previous plan cannot be made again: {exc}") from exc

    scores = {d.id: d.score for d in before.dimensions}
    dimensions = []
    for d in after.dimensions:
        old = scores.get(d.id)
        dimensions.append(
            DimensionDelta(
                id=d.id,
                previous=old,
                current=d.score,
                delta=None if old is None or d.score is None else d.score - old,
            )
        )
    goals = []
    for g in previous_plan.goals:
        actual = current.actuals.get(g.id)
        goals.append(
            GoalProgress(
                id=g.id,
                title=g.title,
                kind=g.kind,
                unit=g.unit,
                direction=g.direction,
                baseline=g.baseline,
                target=g.target,
                actual=actual,
                status=goal_status(g, actual),
                progress_pct=progress_pct(g, actual),
            )
        )
    return StartPoint(
        previous_completed=previous.completed,
        current_completed=now,
        previous_overall=before.overall,
        previous_stage=before.stage,
        previous_stage_name=before.stage_name,
        current_overall=after.overall,
        current_stage=after.stage,
        current_stage_name=after.stage_name,
        overall_delta=None
        if before.overall is None or after.overall is None
        else after.overall - before.overall,
        dimensions=dimensions,
        goals=goals,
    )
