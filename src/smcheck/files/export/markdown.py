"""The plan as a Markdown report for people; every text from files or users is escaped."""

from __future__ import annotations

from datetime import date

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Goal, GoalProgress, Plan, StartPoint
from smcheck.core.planning import format_amount
from smcheck.core.text import bar, md_escape
from smcheck.core.texts import KEYS, t


def _date(d: date, lang: str) -> str:
    return d.strftime("%d.%m.%Y") if lang == "de" else d.isoformat()


def _span(weeks: tuple[int, int]) -> str:
    return str(weeks[0]) if weeks[0] == weeks[1] else f"{weeks[0]}–{weeks[1]}"


def _quote(text: str, lang: Lang) -> str:
    """Escaped ``text`` in the language's quotation marks."""
    return f"„{md_escape(text)}“" if lang == "de" else f"“{md_escape(text)}”"


def _signed(n: int | None) -> str:
    if n is None:
        return "–"
    return f"+{n}" if n > 0 else f"−{-n}" if n < 0 else "±0"


def _score(n: int | None) -> str:
    return "–" if n is None else str(n)


def _amount(value: float, unit: str | None, lang: Lang) -> str:
    """``value`` with its unit; a unit smcheck does not know (a hand-edited plan) is left out."""
    if unit is None or (unit != "count" and f"unit.{unit}" not in KEYS):
        return f"{value:g}"
    return format_amount(value, unit, lang)


def _progress_line(g: GoalProgress, lang: Lang) -> str:
    parts = [f"**{md_escape(g.title)}**", t(f"status.{g.status}", lang)]
    if g.actual is not None:
        parts.append(f"{t('report.actual', lang)} {_amount(g.actual, g.unit, lang)}")
    if g.progress_pct is not None:
        parts.append(t("report.progress", lang, pct=g.progress_pct))
    return f"- `{g.id}` " + " · ".join(parts)


def _start_point(sp: StartPoint, lang: Lang) -> list[str]:
    previous, current = _date(sp.previous_completed, lang), _date(sp.current_completed, lang)
    out = [
        f"## {t('report.start-point', lang)}",
        "",
        t("report.start-since", lang, previous=previous, current=current),
        "",
        f"**{t('report.overall', lang)}: {_score(sp.previous_overall)} → "
        f"{_score(sp.current_overall)} ({_signed(sp.overall_delta)})** · "
        f"{t('report.stage', lang)}: {md_escape(sp.previous_stage_name)} → "
        f"**{md_escape(sp.current_stage_name)}**",
        "",
        f"| {t('report.dimension-id', lang)} | {previous} | {current} | "
        f"{t('report.change', lang)} |",
        "|---|--:|--:|--:|",
    ]
    out += [
        f"| {d.id} | {_score(d.previous)} | {_score(d.current)} | {_signed(d.delta)} |"
        for d in sp.dimensions
    ]
    out.append("")
    if sp.goals:
        out += [f"### {t('report.previous-goals', lang)}", ""]
        out += [_progress_line(g, lang) for g in sp.goals]
        out.append("")
    return out


def _goal_line(g: Goal, plan: Plan) -> str:
    lang = plan.lang
    parts = [
        f"**{md_escape(g.title)}**",
        f"{t('report.owner', lang)}: {t(f'role.{g.owner}', lang)}",
        f"{t('report.due', lang)} {_date(g.due, lang)}",
    ]
    if g.kind == "outcome" and g.baseline is None and g.baseline_note:
        parts.append(f"{t('report.baseline', lang)}: {md_escape(g.baseline_note)}")
    line = f"- `{g.id}` " + " · ".join(parts)
    line += f"\n  - {t('report.done', lang)}: {md_escape(g.measure)}"
    if g.serves:
        line += f"\n  - {t('report.serves', lang)}: " + "; ".join(md_escape(s) for s in g.serves)
    return line


def to_markdown(plan: Plan) -> str:
    """A readable report for the client: stage, bars per dimension, blockers with their
    counter-positions, the start point against the previous iteration, shared notes, goals and
    the iteration by phase. Private notes are not in a plan, so never in the report."""
    lang = plan.lang
    r = plan.result
    org = plan.organisation
    names = {d.id: d.excuse for d in r.dimensions}
    out: list[str] = []
    title = t("report.title", lang)
    if org.name:
        title += f" {t('report.for', lang)} {md_escape(org.name)}"
    out += [f"# {title}", ""]
    out.append(
        f"*{md_escape(plan.source.assessment_title)}* ({plan.source.assessment} "
        f"{plan.source.assessment_version}, {plan.source.scope})"
    )
    if plan.respondent.name or plan.respondent.role:
        who = md_escape(plan.respondent.name) + " · " if plan.respondent.name else ""
        out.append(
            f"{t('report.respondent', lang)}: {who}{t(f'role.{plan.respondent.role}', lang)}"
        )
    out.append("")
    overall = "–" if r.overall is None else str(r.overall)
    out += [
        f"**{t('report.overall', lang)}: {overall}/100** · {t('report.stage', lang)}: "
        f"**{md_escape(r.stage_name)}** · {t('report.completeness', lang)}: {r.completeness} %",
        "",
        f"> {md_escape(r.stage_description)}",
        "",
    ]
    if r.limited_by:
        out += [t("report.limited", lang, by_score=r.stage_by_score, dim=r.limited_by), ""]
    if org.objectives:
        out.append(f"{t('report.objectives', lang)}: " + ", ".join(org.objectives))
    if org.company_goals:
        out.append(
            f"{t('report.company-goals', lang)}: "
            + "; ".join(md_escape(g) for g in org.company_goals)
        )
    if org.objectives or org.company_goals:
        out.append("")

    out += [f"## {t('report.dimensions', lang)}", "", "```text"]
    width = max(len(d.id) for d in r.dimensions)
    for d in r.dimensions:
        score = t("report.no-score", lang) if d.score is None else f"{d.score:3d}"
        line = (
            f"{d.id:<{width}}  {bar(d.score)}  {score}  ({d.answered}/{d.questions} "
            f"{t('report.answered', lang)})"
        )
        if d.confidence is not None:
            line += f"  {t('report.confidence', lang)} {d.confidence} %"
        out.append(line)
    out += ["```", ""]
    blockers = ", ".join(f"{b} ({md_escape(names[b])})" for b in r.blockers) or t(
        "report.none", lang
    )
    strengths = ", ".join(r.strengths) or t("report.none", lang)
    out += [f"**{t('report.blockers', lang)}:** {blockers}", ""]
    if plan.blockers:
        for b in plan.blockers:
            out += [
                f"- **{b.id}** ({b.score}): {_quote(b.excuse, lang)}",
                f"  - {t('report.counter', lang)}: {md_escape(b.counter)}",
            ]
        out.append("")
    out += [f"**{t('report.strengths', lang)}:** {strengths}", ""]

    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        out += [f"### {t('report.why', lang)}", ""]
        for d in pulls:
            out.append(f"- **{d.id}** ({d.score})")
            out += [
                f"  - {md_escape(p.prompt)} → {p.option} „{md_escape(p.label)}“ (−{p.lost})"
                if lang == "de"
                else f"  - {md_escape(p.prompt)} → {p.option} “{md_escape(p.label)}” (−{p.lost})"
                for p in d.pulled_down_by
            ]
        out.append("")

    out += [f"### {t('report.next', lang)}", ""]
    if r.next_stage is None:
        out.append(t("report.top", lang))
    else:
        for lift in r.next_stage_lifts:
            out.append(
                "- "
                + t(
                    "report.next-lift",
                    lang,
                    prompt=md_escape(lift.prompt),
                    dim=lift.dimension,
                    a=lift.from_option,
                    b=lift.to_option,
                    overall=lift.overall_after,
                )
            )
        if r.next_stage_lifts and not r.next_stage_reached:
            out += ["", t("report.next-not-enough", lang, stage=r.next_stage)]
    out.append("")

    if plan.start_point is not None:
        out += _start_point(plan.start_point, lang)

    if plan.notes:
        out += [f"## {t('report.notes', lang)}", ""]
        for n in plan.notes:
            out += [
                f"- {_quote(n.prompt, lang)} (`{n.question}`, {n.dimension})",
                f"  - {md_escape(n.note)}",
            ]
        out.append("")

    out += [f"## {t('report.goals', lang)}", ""]
    out += [_goal_line(g, plan) for g in plan.goals]
    out.append("")

    it = plan.iteration
    out += [
        f"## {t('report.plan', lang)}: {_date(it.start, lang)} – {_date(it.end, lang)} "
        f"({it.weeks} {t('report.weeks', lang)})",
        "",
    ]
    for phase in it.phases:
        tasks = [x for x in plan.tasks if x.phase == phase.id]
        if not tasks:
            continue
        out += [
            f"### {phase.name} ({t('report.week', lang)} {_span(phase.weeks)})",
            "",
        ]
        for x in tasks:
            out.append(
                f"- [ ] **{md_escape(x.title)}** · {t('report.week', lang)} {_span(x.weeks)} · "
                f"{t(f'role.{x.owner}', lang)} · `{x.id}`"
            )
            out.append(f"  - {t('report.done', lang)}: {md_escape(x.done)}")
        out.append("")
    out += [
        t("report.next-assessment", lang, date=_date(it.next_assessment, lang)),
        "",
        f"---\n{t('report.generated', lang)} {plan.generator}",
        "",
    ]
    return "\n".join(out)
