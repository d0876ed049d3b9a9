"""What the HTML and PDF reports of a plan say, as plain text: made once, drawn twice.

The words follow the Markdown report (same catalogue entries, same order); nothing here is
escaped, because each format escapes for itself (Jinja2's autoescape, fpdf2's text drawing).
"""

from __future__ import annotations

from dataclasses import dataclass

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Goal, Plan, Result, StartPoint
from smcheck.core.text import format_date, one_line, score_text, signed
from smcheck.core.texts import t
from smcheck.files.export.markdown import amount_text
from smcheck.files.export.report.timeline import Timeline, timeline


def quote(text: str, lang: Lang) -> str:
    """``text`` on one line in the language's quotation marks."""
    return f"„{one_line(text)}“" if lang == "de" else f"“{one_line(text)}”"


def two_lines(name: str, wrap: int = 14) -> list[str]:
    """``name`` on one line, or, when longer than ``wrap``, split at the space nearest its
    middle: a dimension's name beside a chart."""
    if len(name) <= wrap or " " not in name:
        return [name]
    middle = len(name) / 2
    cut = min((i for i, c in enumerate(name) if c == " "), key=lambda i: abs(i - middle))
    return [name[:cut], name[cut + 1 :]]


@dataclass(frozen=True)
class Item:
    """A labelled value, e.g. "Owner: Leadership"."""

    label: str
    value: str


@dataclass(frozen=True)
class Series:
    """One line of the radar chart: a score per dimension (``None``: no score)."""

    label: str
    scores: tuple[int | None, ...]


@dataclass(frozen=True)
class Radar:
    """The ten dimensions as the axes of a radar chart, one or more series on it."""

    axes: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class Bar:
    """A dimension's score as a bar, with how much of it was answered."""

    name: str
    score: int | None
    note: str


@dataclass(frozen=True)
class Blocker:
    """A blocking dimension: its excuse in quotation marks and what the articles hold against it."""

    name: str
    score: int
    excuse: str
    counter: str


@dataclass(frozen=True)
class Pulled:
    """A dimension and the chosen answers (their own words) that pulled it down."""

    name: str
    score: int | None
    answers: tuple[tuple[str, str, int], ...]
    """(question, "option: “the option's words”", points lost) per answer."""


@dataclass(frozen=True)
class NextStage:
    """What lifts the result to the next stage, or that it is the top one."""

    heading: str
    lifts: tuple[str, ...]
    closing: tuple[str, ...]


@dataclass(frozen=True)
class ResultPart:
    """Overall, stage and why, the bars, blockers, strengths and the next stage."""

    summary: tuple[Item, ...]
    reason: str
    context: tuple[Item, ...]
    bars: tuple[Bar, ...]
    blocked: tuple[str, ...]
    """The blockers' names, whose bars stand out."""
    blockers: str
    blocker_items: tuple[Blocker, ...]
    strengths: str
    pulled: tuple[Pulled, ...]
    next_stage: NextStage | None


@dataclass(frozen=True)
class Change:
    """The start point: how the scores and the previous goals changed since the last time."""

    since: str
    overall: str
    stage: str
    columns: tuple[str, str, str, str]
    rows: tuple[tuple[str, str, str, str], ...]
    goals: tuple[tuple[str, str], ...]
    """(goal title, "status · actual · progress") per goal of the previous plan."""


@dataclass(frozen=True)
class GoalPart:
    """A starter goal: its title, owner and due date, when it is done and whom it serves."""

    title: str
    meta: tuple[str, ...]
    done: str
    serves: str


@dataclass(frozen=True)
class PlanPart:
    """Start point, shared notes, goals, the week grid, next assessment, remarks, later."""

    change: Change | None
    notes: tuple[tuple[str, str], ...]
    goals: tuple[GoalPart, ...]
    heading: str
    timeline: Timeline
    next_assessment: str
    remarks: tuple[str, ...]
    later: tuple[str, ...]


@dataclass(frozen=True)
class PlanReport:
    """Everything the report of one assessment shows."""

    lang: Lang
    title: str
    source: str
    respondent: str
    radar: Radar
    result: ResultPart
    plan: PlanPart
    footer: str


def title(plan: Plan) -> str:
    """ "Social media readiness for <organisation>"."""
    text = t("report.title", plan.lang)
    name = one_line(plan.organisation.name)
    return f"{text} {t('report.for', plan.lang)} {name}" if name else text


def source_line(title: str, version: str, scope: str, lang: Lang) -> str:
    """The assessment in words: title, version and scope."""
    return f"{one_line(title)} · {t('report.version', lang, version=version)} · " + t(
        f"scope.{scope}", lang
    )


def _bars(r: Result, lang: Lang) -> tuple[Bar, ...]:
    out = []
    for d in r.dimensions:
        note = f"{d.answered}/{d.questions} {t('report.answered', lang)}"
        if d.confidence is not None:
            note += f" · {t('report.confidence', lang)} {d.confidence} %"
        out.append(Bar(one_line(d.name or d.id), d.score, note))
    return tuple(out)


def next_stage(r: Result, lang: Lang) -> NextStage | None:
    """The Markdown report's "to the next stage" in plain words (None where it shows nothing)."""
    if r.stage is None or (r.next_stage is not None and not r.next_stage_lifts):
        return None
    names = {d.id: one_line(d.name or d.id) for d in r.dimensions}
    heading = t("report.next", lang, stage=one_line(r.next_stage_name or ""))
    if r.next_stage is None:
        return NextStage(heading, (), (t("report.top", lang),))
    lifts = tuple(
        t(
            "report.next-lift",
            lang,
            prompt=one_line(x.prompt),
            dim=names.get(x.dimension, x.dimension),
            a=f"{x.from_option}: {quote(x.from_answer or x.from_label, lang)}",
            b=f"{x.to_option}: {quote(x.to_answer or x.to_label, lang)}",
        )
        for x in (r.next_stage_lifts if r.next_stage_reached else [])
    )
    if r.next_stage_lifts and r.next_stage_reached:
        key = "report.together-two" if len(r.next_stage_lifts) > 1 else "report.together-one"
        return NextStage(heading, lifts, (t(key, lang, overall=r.next_stage_overall),))
    held = ", ".join(names.get(d, d) for d in r.next_stage_held_by)
    last = t("report.held-by", lang, dims=held) if held else t("report.average", lang)
    return NextStage(heading, lifts, (t("report.next-not-enough", lang), last))


def result_part(plan: Plan) -> ResultPart:
    """The result in the words of the Markdown report's result section."""
    lang, r, org = plan.lang, plan.result, plan.organisation
    names = {d.id: one_line(d.name or d.id) for d in r.dimensions}
    summary = (
        Item(t("report.overall", lang), "–" if r.overall is None else f"{r.overall}/100"),
        Item(
            t("report.stage", lang),
            t("report.no-stage", lang) if r.stage_name is None else one_line(r.stage_name),
        ),
        Item(t("report.completeness", lang), f"{r.completeness} %"),
    )
    context = []
    if org.objectives:
        chosen = (one_line(plan.source.objectives.get(o, o)) for o in org.objectives)
        context.append(Item(t("report.objectives", lang), ", ".join(chosen)))
    if org.company_goals:
        goals = "; ".join(one_line(g) for g in org.company_goals)
        context.append(Item(t("report.company-goals", lang), goals))
    pulled = tuple(
        Pulled(
            names[d.id],
            d.score,
            tuple(
                (one_line(p.prompt), f"{p.option}: {quote(p.answer or p.label, lang)}", p.lost)
                for p in d.pulled_down_by
            ),
        )
        for d in r.dimensions
        if d.pulled_down_by
    )
    return ResultPart(
        summary=summary,
        reason=one_line(r.stage_reason or r.stage_description or ""),
        context=tuple(context),
        bars=_bars(r, lang),
        blocked=tuple(names[b] for b in r.blockers),
        blockers=", ".join(names[b] for b in r.blockers) or t("report.none", lang),
        blocker_items=tuple(
            Blocker(names.get(b.id, b.id), b.score, quote(b.excuse, lang), one_line(b.counter))
            for b in plan.blockers
        ),
        strengths=", ".join(names[s] for s in r.strengths) or t("report.none", lang),
        pulled=pulled,
        next_stage=next_stage(r, lang),
    )


def _change(sp: StartPoint, lang: Lang, names: dict[str, str]) -> Change:
    previous = format_date(sp.previous_completed, lang)
    current = format_date(sp.current_completed, lang)
    goals = []
    for g in sp.goals:
        parts = [t(f"status.{g.status}", lang)]
        if g.actual is not None:
            parts.append(f"{t('report.actual', lang)} {amount_text(g.actual, g.unit, lang)}")
        if g.progress_pct is not None:
            parts.append(t("report.progress", lang, pct=g.progress_pct))
        goals.append((one_line(g.title), " · ".join(parts)))
    return Change(
        since=t("report.start-since", lang, previous=previous, current=current),
        overall=f"{score_text(sp.previous_overall)} → {score_text(sp.current_overall)} "
        f"({signed(sp.overall_delta)})",
        stage=f"{one_line(sp.previous_stage_name or '–')} → "
        f"{one_line(sp.current_stage_name or '–')}",
        columns=(t("report.dimension-id", lang), previous, current, t("report.change", lang)),
        rows=tuple(
            (names.get(d.id, d.id), score_text(d.previous), score_text(d.current), signed(d.delta))
            for d in sp.dimensions
        ),
        goals=tuple(goals),
    )


def _goal(g: Goal, lang: Lang) -> GoalPart:
    meta = [
        f"{t('report.owner', lang)}: {t(f'role.{g.owner}', lang)}",
        f"{t('report.due', lang)} {format_date(g.due, lang)}",
    ]
    if g.kind == "outcome" and g.baseline is None and g.baseline_note:
        meta.append(f"{t('report.baseline', lang)}: {one_line(g.baseline_note)}")
    serves = ""
    if g.serves:
        serves = "; ".join(one_line(s) for s in g.serves)
    elif g.kind == "outcome":
        serves = t("report.not-linked", lang)
    return GoalPart(one_line(g.title), tuple(meta), one_line(g.measure), serves)


def plan_part(plan: Plan) -> PlanPart:
    """The plan in the words of the Markdown report's plan section."""
    lang, it = plan.lang, plan.iteration
    names = {d.id: one_line(d.name or d.id) for d in plan.result.dimensions}
    change = None if plan.start_point is None else _change(plan.start_point, lang, names)
    heading = (
        f"{t('report.plan', lang)}: {format_date(it.start, lang)} – {format_date(it.end, lang)} "
        f"({it.weeks} {t('report.weeks', lang)})"
    )
    return PlanPart(
        change=change,
        notes=tuple((quote(n.prompt, lang), one_line(n.note)) for n in plan.notes),
        goals=tuple(_goal(g, lang) for g in plan.goals),
        heading=heading,
        timeline=timeline(plan),
        next_assessment=t(
            "report.next-assessment", lang, date=format_date(it.next_assessment, lang)
        ),
        remarks=tuple(one_line(x) for x in plan.remarks),
        later=tuple(one_line(x.title) for x in plan.later),
    )


def _radar(plan: Plan) -> Radar:
    """The plan's scores; with a start point, the previous ones beside them."""
    lang, r = plan.lang, plan.result
    axes = tuple(one_line(d.name or d.id) for d in r.dimensions)
    now = tuple(d.score for d in r.dimensions)
    sp = plan.start_point
    if sp is None:
        return Radar(axes, (Series(t("report.chart-score", lang), now),))
    before = {d.id: d.previous for d in sp.dimensions}
    previous = tuple(before.get(d.id) for d in r.dimensions)
    # now first: it gets the chart's first colour, as a single result does
    return Radar(
        axes,
        (
            Series(t("report.chart-now", lang, date=format_date(sp.current_completed, lang)), now),
            Series(
                t("report.chart-previous", lang, date=format_date(sp.previous_completed, lang)),
                previous,
            ),
        ),
    )


def footer(generator: str, lang: Lang) -> str:
    """ "Made with smcheck x.y"."""
    return f"{t('report.generated', lang)} {one_line(generator)}"


def plan_report(plan: Plan) -> PlanReport:
    """The whole report of one plan."""
    lang = plan.lang
    who = ""
    if plan.respondent.name or plan.respondent.role:
        name = one_line(plan.respondent.name)
        role = t(f"role.{plan.respondent.role}", lang)
        who = f"{t('report.respondent', lang)}: " + (f"{name} · {role}" if name else role)
    src = plan.source
    return PlanReport(
        lang=lang,
        title=title(plan),
        source=source_line(src.assessment_title, src.assessment_version, src.scope, lang),
        respondent=who,
        radar=_radar(plan),
        result=result_part(plan),
        plan=plan_part(plan),
        footer=footer(plan.generator, lang),
    )
