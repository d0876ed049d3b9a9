"""Starter goals and the first-iteration plan, derived deterministically from a result."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from smcheck import __version__
from smcheck.core.calendar import Calendar, default_country, monday_of, working_calendar
from smcheck.core.checks import PHASE_WINDOWS
from smcheck.core.models.answers import NOT_APPLICABLE, Answers, GoalEdit, enabler_goal
from smcheck.core.models.assessment import REFERENCE_WEEKS, Action, Assessment, Kpi
from smcheck.core.models.common import PHASES, Effort, Lang, OwnerRole, Phase, Text
from smcheck.core.models.plan import (
    Blocker,
    Goal,
    Holiday,
    Iteration,
    Later,
    Note,
    PhaseWindow,
    Plan,
    Result,
    Source,
    StartPoint,
    Task,
)
from smcheck.core.scoring import round_half_up
from smcheck.core.selection import COLLECT, LINK, View, choose
from smcheck.core.text import format_date
from smcheck.core.texts import t

DEFAULT_WEEKS = 6
MIN_WEEKS, MAX_WEEKS = 4, 12
LAST_START = date(9998, 12, 31)
"""Later starts would run past the last date Python can hold."""


def monday_after(day: date) -> date:
    """The first Monday strictly after ``day``."""
    return day + timedelta(days=7 - day.weekday())


def scale_weeks(weeks: tuple[int, int], n: int) -> tuple[int, int]:
    """Map a week range of the six-week reference iteration onto an ``n``-week iteration."""
    first = 1 + (weeks[0] - 1) * n // REFERENCE_WEEKS
    last = max(first, -(-weeks[1] * n // REFERENCE_WEEKS))
    return first, last


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


def suggested_target(kpi: Kpi, baseline: float) -> float:
    """The suggested target for a known baseline: the KPI's percentage step, but always a real
    move (at least one whole count, one tenth otherwise); from 0, the KPI's first target."""
    if baseline == 0 and kpi.direction == "increase":
        return float(kpi.first_target)
    sign = 1 if kpi.direction == "increase" else -1
    target = _amount(Fraction(baseline) * (100 + sign * kpi.change_pct) / 100, kpi)
    if target == baseline:
        step = 1.0 if kpi.unit in ("count", "minutes", "eur") else 0.1
        target = round(max(0.0, baseline + sign * step), 1)
    return target


def outcome_goal(
    kpi: Kpi, objective: str, answers: Answers, due: date, lang: Lang, serves: list[str]
) -> Goal:
    """A measurable goal for the leading KPI of a chosen objective, with the user's edits."""
    baseline = answers.organisation.baselines.get(kpi.id)
    edit = answers.goals.get(kpi.id, GoalEdit())
    metric = kpi.metric.get(lang)
    target = edit.target
    suggested = target is None
    if target is None and baseline is not None:
        target = suggested_target(kpi, baseline)
    if target is None:
        sign = "+" if kpi.direction == "increase" else "−"
        goal_text = t("goal.target-change", lang, sign=sign, pct=kpi.change_pct)
    elif baseline is None:
        goal_text = t("goal.target", lang, value=_format(target, kpi, lang))
    else:
        goal_text = f"{_format(baseline, kpi, lang)} → {_format(target, kpi, lang)}"
    if suggested:
        goal_text += t("goal.suggested", lang)
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
        target_change_pct=kpi.change_pct if suggested else None,
        target_suggested=suggested,
        measure=t("goal.measure-outcome", lang),
        serves=serves,
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


FEWER_THAN_TEN = ("1-9",)
"""Sizes that take the questionnaire's wording for fewer than ten people (``done_small``,
``title_small``, ``measure_small``), where it has one."""

SMALL_SIZES = ("1-9", "10-49")
"""Organisations this small have no departments: the owner and the person who posts do it all."""

SMALL_OWNER: dict[str, OwnerRole] = {
    "leadership": "leadership",
    "hr": "leadership",
    "sales": "leadership",
    "legal": "leadership",
    "communications": "leadership",
    "marketing": "social-media-lead",
    "team": "social-media-lead",
    "social-media-lead": "social-media-lead",
}
"""Who does a department's task in an organisation of fewer than 50 people."""

_WEEK = re.compile(r"\{week:(\d+)\}")


def sized(text: Text, small: Text | None, size: str) -> Text:
    """``small``, the wording for fewer than ten people, when the organisation is that small
    and the questionnaire has one; else ``text``."""
    return small if small is not None and size in FEWER_THAN_TEN else text


def owner_for(role: OwnerRole, size: str) -> OwnerRole:
    """The owner role as it exists in an organisation of ``size``."""
    return SMALL_OWNER[role] if size in SMALL_SIZES else role


def weeks_in_text(text: str, n: int, lang: Lang) -> str:
    """Replace ``{week:N}`` (a week of the six-week reference) by the week of an ``n``-week
    iteration, in words."""
    return _WEEK.sub(
        lambda m: t("plan.week", lang, n=scale_weeks((int(m[1]), int(m[1])), n)[0]), text
    )


@dataclass(frozen=True)
class _Frame:
    """What every task of one plan shares: its length, calendar, language and size."""

    weeks: int
    cal: Calendar
    lang: Lang
    size: str

    def text(self, text: str) -> str:
        return weeks_in_text(text, self.weeks, self.lang)

    def task(
        self,
        tid: str,
        title: str,
        done: str,
        *,
        phase: Phase,
        weeks: tuple[int, int],
        owner: OwnerRole,
        effort: Effort,
        goals: list[str],
        dimension: str | None = None,
        objective: str | None = None,
    ) -> Task:
        return Task(
            id=tid,
            title=self.text(title),
            phase=phase,
            weeks=weeks,
            start=self.cal.week_start(weeks[0]),
            end=self.cal.week_end(weeks[1]),
            owner=owner_for(owner, self.size),
            effort=effort,
            dimension=dimension,
            objective=objective,
            goals=goals,
            done=self.text(done),
        )


def _made_task(
    tid: str,
    about: str | None,
    a: Assessment,
    f: _Frame,
    missing: list[str],
    goals: list[str],
    unknown: int = 0,
) -> Task:
    """A task the plan makes itself: collect missing answers, link goals, agree on a gap."""
    lang = f.lang
    if tid == COLLECT:
        title = t("task.collect", lang, n=unknown, dims=", ".join(missing))
        done = t("task.collect-done", lang)
    elif tid == LINK:
        title, done = t("task.link", lang), t("task.link-done", lang)
    else:
        d = a.dimension(about or "")
        title = t("task.agree", lang, dim=d.name.get(lang), question=d.discuss.get(lang))
        done = t("task.agree-done", lang)
    weeks = scale_weeks((1, 2), f.weeks) if about is not None else (1, 1)
    return f.task(
        tid,
        title,
        done,
        phase="start",
        weeks=weeks,
        owner="leadership",
        effort="S",
        goals=goals,
        dimension=about,
    )


def _action_task(x: Action, f: _Frame, goals: list[str], about: str | None, kind: str) -> Task:
    return f.task(
        x.id,
        x.title.get(f.lang),
        sized(x.done, x.done_small, f.size).get(f.lang),
        phase=x.phase,
        weeks=scale_weeks(x.weeks, f.weeks),
        owner=x.owner,
        effort=x.effort,
        goals=goals,
        dimension=about if kind == "dimension" else None,
        objective=about if kind == "objective" else None,
    )


def _in_order(tasks: list[Task], after: dict[str, list[str]], f: _Frame) -> list[Task]:
    """Tasks by phase and weeks; a task that must come after another present one starts no
    earlier than that one's last week and is listed after it."""
    by_id = {x.id: x for x in tasks}
    for _ in range(len(tasks)):  # prerequisites chain at most this deep
        moved = False
        for x in list(by_id.values()):
            firsts = [by_id[p].weeks[1] for p in after.get(x.id, []) if p in by_id]
            if firsts and max(firsts) > x.weeks[0]:
                first = max(firsts)
                weeks = (first, max(first, x.weeks[1]))
                by_id[x.id] = x.model_copy(
                    update={
                        "weeks": weeks,
                        "start": f.cal.week_start(weeks[0]),
                        "end": f.cal.week_end(weeks[1]),
                    }
                )
                moved = True
        if not moved:
            break
    order = {p: i for i, p in enumerate(PHASES)}
    position = {x.id: i for i, x in enumerate(tasks)}

    def depth(tid: str, seen: frozenset[str] = frozenset()) -> int:
        ps = [p for p in after.get(tid, []) if p in by_id and p not in seen]
        return 1 + max((depth(p, seen | {tid}) for p in ps), default=-1)

    return sorted(
        by_id.values(),
        key=lambda x: (order[x.phase], x.weeks, depth(x.id), position[x.id]),
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
    view: View | None = None,
) -> Plan:
    """The starter goals and first-iteration plan for scored answers.

    ``start`` defaults to the Monday after ``answers.completed`` (or after ``today`` when the
    answers carry no completion date); a ``start`` that is not a Monday moves to the Monday of
    its week, and the plan says so. ``start_point`` is the progress since the previous
    iteration (see :func:`smcheck.core.progress.progress`), carried into the plan as given.
    ``view`` replaces the answers as the ground the plan is chosen on (a comparison's
    combined view); by default it is made from ``answers`` and ``result``.
    """
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise ValueError(f"an iteration lasts {MIN_WEEKS}-{MAX_WEEKS} weeks, not {weeks}")
    remarks: list[str] = []
    if start is None:
        base = answers.completed or today
        if base is None:
            raise ValueError("no start date: the answers have no completion date")
        if base > LAST_START:
            raise ValueError(f"completed: {base} is too late to plan an iteration after it")
        start = monday_after(base)
    elif start.weekday():
        monday = monday_of(start)
        given, snapped = format_date(start, lang), format_date(monday, lang)
        remarks.append(t("plan.snapped", lang, given=given, monday=snapped))
        start = monday
    if start > LAST_START:
        raise ValueError(f"start {start} is too late: an iteration must end before the year 9999")
    org = answers.organisation
    country = org.country or default_country(lang)
    cal = working_calendar(start, weeks, country, org.region, lang)
    f = _Frame(weeks, cal, lang, org.size)
    phases = []
    for phase in PHASES:
        w = scale_weeks(PHASE_WINDOWS[phase], weeks)
        phases.append(
            PhaseWindow(
                id=phase,
                name=t(f"phase.{phase}", lang),
                weeks=w,
                start=cal.week_start(w[0]),
                end=cal.week_end(w[1]),
            )
        )
    view = view or view_of(a, answers, result)
    choice = choose(a, view)

    goals: list[Goal] = []
    for oid in choice.objectives:
        kpi = a.objective(oid).kpis[0]
        serves = [
            org.company_goals[n - 1] for n in org.links.get(oid, []) if n <= len(org.company_goals)
        ]
        goal = outcome_goal(kpi, oid, answers, cal.end, lang, serves)
        goals.append(goal.model_copy(update={"owner": owner_for(goal.owner, org.size)}))
    for did in choice.enablers:
        d = a.dimension(did)
        gid = enabler_goal(did)
        goals.append(
            Goal(
                id=gid,
                kind="enabler",
                title=sized(d.enabler.title, d.enabler.title_small, org.size).get(lang),
                owner=owner_for(
                    answers.goals.get(gid, GoalEdit()).owner or d.enabler.owner, org.size
                ),
                due=cal.end,
                dimension=did,
                measure=sized(d.enabler.measure, d.enabler.measure_small, org.size).get(lang),
            )
        )
    goal_of = {g.objective or g.dimension: g.id for g in goals}
    missing = [
        d.name.get(lang)
        for d in a.dimensions_in(answers.scope)
        if any(q.id in view.unknown for q in d.questions)
    ]
    all_goals = [g.id for g in goals]
    tasks: list[Task] = []
    after: dict[str, list[str]] = {}
    for tid, x, about in choice.tasks:
        if x is None:
            goals_of = all_goals if tid == LINK else []
            tasks.append(_made_task(tid, about, a, f, missing, goals_of, len(view.unknown)))
            continue
        kind = "objective" if about in view.objectives else "dimension"
        linked = all_goals if about is None else [goal_of[about]] if about in goal_of else []
        tasks.append(_action_task(x, f, linked, about, kind if about else ""))
        after[x.id] = list(x.after)
    later = [
        Later(
            kind="goal",
            id=enabler_goal(i) if kind == "dimension" else a.objective(i).kpis[0].id,
            title=(
                sized(a.dimension(i).enabler.title, a.dimension(i).enabler.title_small, org.size)
                if kind == "dimension"
                else a.objective(i).name
            ).get(lang),
        )
        for kind, i in choice.later_goals
    ]
    for tid, x, about in choice.later_tasks:
        title = (
            f.text(x.title.get(lang))
            if x is not None
            else _made_task(tid, about, a, f, missing, [], len(view.unknown)).title
        )
        later.append(Later(kind="task", id=tid, title=title))
    if cal.holidays:
        names = ", ".join(f"{h.name} ({format_date(h.day, lang)})" for h in cal.holidays)
        remarks.append(t("plan.holidays", lang, names=names))
    for monday in cal.skipped:
        remarks.append(t("plan.skipped", lang, monday=format_date(monday, lang)))
    if any(g.target_suggested for g in goals):
        remarks.append(t("plan.suggested", lang))
    if any(g.kind == "outcome" and not g.serves for g in goals):
        remarks.append(t("plan.not-linked", lang))
    return Plan(
        generator=f"smcheck {__version__}",
        lang=lang,
        source=Source(
            assessment=a.id,
            assessment_version=a.version,
            assessment_title=a.title.get(lang),
            scope=answers.scope,
            objectives={o: a.objective(o).name.get(lang) for o in org.objectives},
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
            end=cal.end,
            next_assessment=cal.next_start,
            phases=phases,
            country=country,
            region=org.region,
            holidays=[Holiday(day=h.day, name=h.name) for h in cal.holidays],
            skipped_weeks=list(cal.skipped),
        ),
        goals=goals,
        tasks=_in_order(tasks, after, f),
        later=later,
        remarks=remarks,
    )


def trap_dimensions(a: Assessment, result: Result) -> list[str]:
    """The dimensions of the trap's questions when the result is in the trap, in their order."""
    trap = a.stages[0].trap
    if result.stage_rule != "trap" or trap is None:
        return []
    found = [d.id for q in trap.questions for d, x in a.questions("full") if x.id == q]
    return list(dict.fromkeys(found))


def view_of(a: Assessment, answers: Answers, result: Result) -> View:
    """The ground a single respondent's plan is chosen on."""
    points: dict[str, float] = {}
    unknown: set[str] = set()
    for _, q in a.questions(answers.scope):
        answer = answers.answers.get(q.id)
        value = answer.value if answer is not None else ""
        if isinstance(value, int):
            points[q.id] = a.scale(q.scale).points[value - 1]
        elif value != NOT_APPLICABLE:
            unknown.add(q.id)
    org = answers.organisation
    return View(
        trapped=trap_dimensions(a, result),
        scores={r.id: r.score for r in result.dimensions},
        points=points,
        unknown=frozenset(unknown),
        completeness=result.completeness,
        objectives=list(org.objectives),
        linked=frozenset(o for o in org.objectives if org.links.get(o)),
    )
