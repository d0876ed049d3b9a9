"""Starter goals and the first-iteration plan, derived deterministically from a result."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from smcheck import __version__
from smcheck.core.checks import PHASE_WINDOWS
from smcheck.core.models.answers import Answers, GoalEdit
from smcheck.core.models.assessment import REFERENCE_WEEKS, Action, Assessment, Kpi
from smcheck.core.models.common import PHASES, Lang
from smcheck.core.models.plan import (
    Blocker,
    Goal,
    Iteration,
    Note,
    PhaseWindow,
    Plan,
    Result,
    Source,
    StartPoint,
    Task,
)
from smcheck.core.scoring import STRENGTH_FROM_STAGE, round_half_up
from smcheck.core.texts import t

DEFAULT_WEEKS = 6
MIN_WEEKS, MAX_WEEKS = 4, 12
LAST_START = date(9998, 12, 31)
"""Later starts would run past the last date Python can hold."""
MAX_ENABLERS = 3
"""At most this many weak dimensions get an enabler goal: a first iteration must stay doable."""


def monday_after(day: date) -> date:
    """The first Monday strictly after ``day``."""
    return day + timedelta(days=7 - day.weekday())


def scale_weeks(weeks: tuple[int, int], n: int) -> tuple[int, int]:
    """Map a week range of the six-week reference iteration onto an ``n``-week iteration."""
    first = 1 + (weeks[0] - 1) * n // REFERENCE_WEEKS
    last = max(first, -(-weeks[1] * n // REFERENCE_WEEKS))
    return first, last


def week_dates(start: date, weeks: tuple[int, int]) -> tuple[date, date]:
    """Monday of the first week to Friday of the last week."""
    return start + timedelta(weeks=weeks[0] - 1), start + timedelta(weeks=weeks[1] - 1, days=4)


def enabler_dimensions(a: Assessment, result: Result) -> list[str]:
    """The weakest dimensions: below the fourth stage, lowest first, at most three.

    If none is that low, the single weakest one unless it already reaches the top stage.
    """
    line = a.stages[STRENGTH_FROM_STAGE].min_score
    scored = sorted(
        (r.score, i, r.id) for i, r in enumerate(result.dimensions) if r.score is not None
    )
    weak = [did for s, _, did in scored if s < line][:MAX_ENABLERS]
    if not weak and scored and scored[0][0] < a.stages[-1].min_score:
        weak = [scored[0][2]]
    return weak


def _amount(value: Fraction, kpi: Kpi) -> float:
    if kpi.unit in ("count", "minutes", "eur"):
        return float(round_half_up(value))
    return round_half_up(value * 10) / 10


def format_amount(value: float, unit: str, lang: Lang) -> str:
    """A KPI value as people write it: ``1,200`` / ``1.200``, ``4.5 h`` / ``4,5 Std.``."""
    text = f"{value:g}" if unit not in ("count", "eur") else f"{int(value):,}"
    if lang == "de":
        text = text.replace(",", ".") if unit in ("count", "eur") else text.replace(".", ",")
    return text if unit == "count" else text + t(f"unit.{unit}", lang)


def _format(value: float, kpi: Kpi, lang: Lang) -> str:
    return format_amount(value, kpi.unit, lang)


def outcome_goal(kpi: Kpi, objective: str, answers: Answers, due: date, lang: Lang) -> Goal:
    """A measurable goal for one KPI of a chosen objective, with the user's edits applied."""
    baseline = answers.organisation.baselines.get(kpi.id)
    edit = answers.goals.get(kpi.id, GoalEdit())
    sign = 1 if kpi.direction == "increase" else -1
    metric = kpi.metric.get(lang)
    target = edit.target
    change_pct: int | None = None if target is not None else kpi.change_pct
    if target is None and baseline is not None:
        target = _amount(Fraction(baseline) * (100 + sign * kpi.change_pct) / 100, kpi)
    if target is None:
        goal_text = t("goal.target-change", lang, sign="+" if sign > 0 else "−", pct=kpi.change_pct)
    elif baseline is None:
        goal_text = t("goal.target", lang, value=_format(target, kpi, lang))
    else:
        goal_text = f"{_format(baseline, kpi, lang)} → {_format(target, kpi, lang)}"
    return Goal(
        id=kpi.id,
        kind="outcome",
        title=t("goal.outcome-title", lang, metric=metric, target=goal_text),
        owner=edit.owner or kpi.owner,
        due=due,
        objective=objective,
        metric=metric,
        unit=kpi.unit,
        direction=kpi.direction,
        baseline=baseline,
        baseline_note=None if baseline is not None else t("goal.measure-week-1", lang),
        target=target,
        target_change_pct=change_pct,
        measure=t("goal.measure-outcome", lang),
        serves=list(answers.organisation.company_goals),
    )


def blockers(a: Assessment, result: Result, lang: Lang) -> list[Blocker]:
    """The result's blockers in its order, each with its excuse and counter-position."""
    dims = {d.id: d for d in a.dimensions}
    scores = {r.id: r.score for r in result.dimensions}
    out = []
    for did in result.blockers:
        s = scores[did]
        if s is None:  # pragma: no cover - a blocker always has a score
            continue
        d = dims[did]
        out.append(Blocker(id=did, excuse=d.excuse.get(lang), score=s, counter=d.counter.get(lang)))
    return out


def shared_notes(a: Assessment, answers: Answers, lang: Lang) -> list[Note]:
    """The notes meant for the client, of the questions in scope, in questionnaire order.

    Only ``Answer.note`` is read: the interviewer's ``private_note`` never enters a plan.
    """
    out = []
    for d, q in a.questions(answers.scope):
        answer = answers.answers.get(q.id)
        if answer is not None and answer.note.strip():
            out.append(
                Note(question=q.id, dimension=d.id, prompt=q.prompt.get(lang), note=answer.note)
            )
    return out


def _task(
    x: Action,
    n: int,
    start: date,
    lang: Lang,
    goals: list[str],
    *,
    dimension: str | None = None,
    objective: str | None = None,
) -> Task:
    weeks = scale_weeks(x.weeks, n)
    first, last = week_dates(start, weeks)
    return Task(
        id=x.id,
        title=x.title.get(lang),
        phase=x.phase,
        weeks=weeks,
        start=first,
        end=last,
        owner=x.owner,
        effort=x.effort,
        dimension=dimension,
        objective=objective,
        goals=goals,
        done=x.done.get(lang),
    )


def make_plan(
    a: Assessment,
    answers: Answers,
    result: Result,
    *,
    lang: Lang,
    start: date | None = None,
    weeks: int = DEFAULT_WEEKS,
    today: date | None = None,
    start_point: StartPoint | None = None,
) -> Plan:
    """The starter goals and first-iteration plan for scored answers.

    ``start`` defaults to the Monday after ``answers.completed`` (or after ``today`` when the
    answers carry no completion date). ``start_point`` is the progress since the previous
    iteration (see :func:`smcheck.core.progress.progress`), carried into the plan as given.
    """
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(f"an iteration lasts {MIN_WEEKS}-{MAX_WEEKS} weeks, not {weeks}")
    if start is None:
        base = answers.completed or today
        if base is None:
            raise ValueError("no start date: the answers have no completion date")
        if base > LAST_START:
            raise ValueError(f"completed: {base} is too late to plan an iteration after it")
        start = monday_after(base)
    if start > LAST_START:
        raise ValueError(f"start {start} is too late: an iteration must end before the year 9999")
    end = start + timedelta(weeks=weeks - 1, days=4)
    phases = []
    for phase in PHASES:
        w = scale_weeks(PHASE_WINDOWS[phase], weeks)
        first, last = week_dates(start, w)
        phases.append(
            PhaseWindow(id=phase, name=t(f"phase.{phase}", lang), weeks=w, start=first, end=last)
        )

    goals: list[Goal] = []
    tasks: list[Task] = []
    for oid in answers.organisation.objectives:
        objective = a.objective(oid)
        kpi_goals = [outcome_goal(k, oid, answers, end, lang) for k in objective.kpis]
        goals += kpi_goals
        ids = [g.id for g in kpi_goals]
        tasks += [_task(x, weeks, start, lang, ids, objective=oid) for x in objective.actions]
    dims = {d.id: d for d in a.dimensions}
    for did in enabler_dimensions(a, result):
        d = dims[did]
        gid = f"enable-{did}"
        goals.append(
            Goal(
                id=gid,
                kind="enabler",
                title=d.enabler.title.get(lang),
                owner=answers.goals.get(gid, GoalEdit()).owner or d.enabler.owner,
                due=end,
                dimension=did,
                measure=d.enabler.measure.get(lang),
                serves=list(answers.organisation.company_goals),
            )
        )
        tasks += [_task(x, weeks, start, lang, [gid], dimension=did) for x in d.actions]
    all_goals = [g.id for g in goals]
    tasks += [_task(x, weeks, start, lang, all_goals) for x in a.always]
    order = {p: i for i, p in enumerate(PHASES)}
    ordered = [
        task
        for _, task in sorted(
            enumerate(tasks), key=lambda it: (order[it[1].phase], it[1].weeks, it[0])
        )
    ]
    return Plan(
        generator=f"smcheck {__version__}",
        lang=lang,
        source=Source(
            assessment=a.id,
            assessment_version=a.version,
            assessment_title=a.title.get(lang),
            scope=answers.scope,
        ),
        organisation=answers.organisation,
        respondent=answers.respondent,
        result=result,
        start_point=start_point,
        blockers=blockers(a, result, lang),
        notes=shared_notes(a, answers, lang),
        iteration=Iteration(
            weeks=weeks,
            start=start,
            end=end,
            next_assessment=start + timedelta(weeks=weeks),
            phases=phases,
        ),
        goals=goals,
        tasks=ordered,
    )
