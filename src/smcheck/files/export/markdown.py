"""The plan as a Markdown report for people; every text from files or users is escaped."""

from __future__ import annotations

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Goal, GoalProgress, Plan, Result, StartPoint
from smcheck.core.planning import format_amount
from smcheck.core.text import bar, format_date, md_escape, one_line, score_text, signed, week_span
from smcheck.core.texts import KEYS, t
from smcheck.files.export.portfolio import benchmark_lines


def _quote(text: str, lang: Lang) -> str:
    """Escaped ``text`` in the language's quotation marks."""
    return f"„{md_escape(text)}“" if lang == "de" else f"“{md_escape(text)}”"


def amount_text(value: float, unit: str | None, lang: Lang) -> str:
    """``value`` with its unit; a unit smcheck does not know (a hand-edited plan) is left out."""
    if unit is None or (unit != "count" and f"unit.{unit}" not in KEYS):
        return f"{value:g}"
    return format_amount(value, unit, lang)


def _progress_line(g: GoalProgress, lang: Lang) -> str:
    parts = [f"**{md_escape(g.title)}**", t(f"status.{g.status}", lang)]
    if g.actual is not None:
        parts.append(f"{t('report.actual', lang)} {amount_text(g.actual, g.unit, lang)}")
    if g.progress_pct is not None:
        parts.append(t("report.progress", lang, pct=g.progress_pct))
    return "- " + " · ".join(parts)


def _start_point(sp: StartPoint, lang: Lang, names: dict[str, str]) -> list[str]:
    previous, current = (
        format_date(sp.previous_completed, lang),
        format_date(sp.current_completed, lang),
    )
    out = [
        f"## {t('report.start-point', lang)}",
        "",
        t("report.start-since", lang, previous=previous, current=current),
        "",
        f"**{t('report.overall', lang)}: {score_text(sp.previous_overall)} → "
        f"{score_text(sp.current_overall)} ({signed(sp.overall_delta)})** · "
        f"{t('report.stage', lang)}: {md_escape(sp.previous_stage_name or '–')} → "
        f"**{md_escape(sp.current_stage_name or '–')}**",
        "",
        f"| {t('report.dimension-id', lang)} | {previous} | {current} | "
        f"{t('report.change', lang)} |",
        "|---|--:|--:|--:|",
    ]
    out += [
        f"| {md_escape(names.get(d.id, d.id))} | {score_text(d.previous)} | {score_text(d.current)} | "
        f"{signed(d.delta)} |"
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
        f"{t('report.due', lang)} {format_date(g.due, lang)}",
    ]
    if g.kind == "outcome" and g.baseline is None and g.baseline_note:
        parts.append(f"{t('report.baseline', lang)}: {md_escape(g.baseline_note)}")
    line = "- " + " · ".join(parts)
    line += f"\n  - {t('report.done', lang)}: {md_escape(g.measure)}"
    if g.serves:
        line += f"\n  - {t('report.serves', lang)}: " + "; ".join(md_escape(s) for s in g.serves)
    elif g.kind == "outcome":
        line += f"\n  - {t('report.serves', lang)}: {t('report.not-linked', lang)}"
    return line


def source_line(title: str, version: str, scope: str, lang: Lang) -> str:
    """The questionnaire a report comes from, in words: "*Title* · version 1.1 · quick check"
    (its id stays in the machine files)."""
    return f"*{title}* · {t('report.version', lang, version=version)} · {t(f'scope.{scope}', lang)}"


def to_markdown(plan: Plan) -> str:
    """A readable report for the client: stage, bars per dimension, blockers with their
    counter-positions, the start point against the previous iteration, shared notes, goals and
    the iteration by phase. Private notes are not in a plan, so never in the report."""
    lang = plan.lang
    org = plan.organisation
    out: list[str] = []
    title = t("report.title", lang)
    if org.name:
        title += f" {t('report.for', lang)} {md_escape(org.name)}"
    out += [f"# {title}", ""]
    out.append(
        source_line(
            md_escape(plan.source.assessment_title),
            plan.source.assessment_version,
            plan.source.scope,
            lang,
        )
    )
    if plan.respondent.name or plan.respondent.role:
        who = md_escape(plan.respondent.name) + " · " if plan.respondent.name else ""
        out += [  # a paragraph of its own: a single line break would join the two lines
            "",
            f"{t('report.respondent', lang)}: {who}{t(f'role.{plan.respondent.role}', lang)}",
        ]
    out.append("")
    out += result_section(plan)
    out += benchmark_lines(plan)  # only with `smcheck score --benchmark`
    out += plan_section(plan)
    out += [f"---\n{t('report.generated', lang)} {plan.generator}", ""]
    return "\n".join(out)


def result_section(plan: Plan) -> list[str]:
    """The result: overall, stage and why, dimensions, blockers, strengths, the next stage."""
    lang = plan.lang
    r = plan.result
    org = plan.organisation
    names = {d.id: one_line(d.name or d.id) for d in r.dimensions}  # also in a code block
    out: list[str] = []
    overall = "–" if r.overall is None else str(r.overall)
    stage = t("report.no-stage", lang) if r.stage_name is None else md_escape(r.stage_name)
    out += [
        f"**{t('report.overall', lang)}: {overall}/100** · {t('report.stage', lang)}: "
        f"**{stage}** · {t('report.completeness', lang)}: {r.completeness} %",
        "",
        f"> {md_escape(r.stage_reason or r.stage_description or '')}",
        "",
    ]
    if org.objectives:
        titles = plan.source.objectives
        chosen = ", ".join(md_escape(titles.get(o, o)) for o in org.objectives)
        out.append(f"{t('report.objectives', lang)}: {chosen}")
    if org.company_goals:
        if org.objectives:
            out.append("")  # each line its own paragraph, not joined into one
        out.append(
            f"{t('report.company-goals', lang)}: "
            + "; ".join(md_escape(g) for g in org.company_goals)
        )
    if org.objectives or org.company_goals:
        out.append("")

    out += [f"## {t('report.dimensions', lang)}", "", "```text"]
    width = max(len(n) for n in names.values())
    for d in r.dimensions:
        score = t("report.no-score", lang) if d.score is None else f"{d.score:3d}"
        line = (
            f"{names[d.id]:<{width}}  {bar(d.score)}  {score}  ({d.answered}/{d.questions} "
            f"{t('report.answered', lang)})"
        )
        if d.confidence is not None:
            line += f"  {t('report.confidence', lang)} {d.confidence} %"
        out.append(line)
    out += ["```", ""]
    blockers = ", ".join(md_escape(names[b]) for b in r.blockers) or t("report.none", lang)
    strengths = ", ".join(md_escape(names[s]) for s in r.strengths) or t("report.none", lang)
    out += [f"**{t('report.blockers', lang)}:** {blockers}", ""]
    if plan.blockers:
        for b in plan.blockers:
            out += [
                f"- **{md_escape(names.get(b.id, b.id))}** ({b.score}): {_quote(b.excuse, lang)}",
                f"  - {t('report.counter', lang)}: {md_escape(b.counter)}",
            ]
        out.append("")
    out += [f"**{t('report.strengths', lang)}:** {strengths}", ""]

    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        out += [f"### {t('report.why', lang)}", ""]
        for d in pulls:
            out.append(f"- **{md_escape(names[d.id])}** ({d.score})")
            out += [
                f"  - {md_escape(p.prompt)} → {p.option}: {_quote(p.answer or p.label, lang)} "
                f"(−{p.lost})"
                for p in d.pulled_down_by
            ]
        out.append("")
    if r.stage is not None:
        out += next_stage_lines(r, lang)
    return out


def next_stage_lines(r: Result, lang: Lang) -> list[str]:
    """What lifts the result to the next stage: one combined change, and what holds it."""
    if r.next_stage is not None and not r.next_stage_lifts:
        return []  # nothing to raise (e.g. combined answers that round across a line)
    names = {d.id: d.name or d.id for d in r.dimensions}
    out = [f"### {t('report.next', lang, stage=md_escape(r.next_stage_name or ''))}", ""]
    if r.next_stage is None:
        out.append(t("report.top", lang))
    else:
        for lift in r.next_stage_lifts if r.next_stage_reached else []:
            out.append(
                "- "
                + t(
                    "report.next-lift",
                    lang,
                    prompt=md_escape(lift.prompt),
                    dim=md_escape(names.get(lift.dimension, lift.dimension)),
                    a=f"{lift.from_option}: {_quote(lift.from_answer or lift.from_label, lang)}",
                    b=f"{lift.to_option}: {_quote(lift.to_answer or lift.to_label, lang)}",
                )
            )
        if r.next_stage_lifts and r.next_stage_reached:
            key = "report.together-two" if len(r.next_stage_lifts) > 1 else "report.together-one"
            out += ["", t(key, lang, overall=r.next_stage_overall)]
        else:
            held = ", ".join(md_escape(names.get(d, d)) for d in r.next_stage_held_by)
            out += [
                t("report.next-not-enough", lang),
                "",
                t("report.held-by", lang, dims=held) if held else t("report.average", lang),
            ]
    out.append("")
    return out


def plan_section(plan: Plan) -> list[str]:
    """Start point, shared notes, goals, the iteration by phase, what waits, remarks."""
    lang = plan.lang
    out: list[str] = []
    if plan.start_point is not None:
        names = {d.id: d.name or d.id for d in plan.result.dimensions}
        out += _start_point(plan.start_point, lang, names)

    if plan.notes:
        out += [f"## {t('report.notes', lang)}", ""]
        for n in plan.notes:
            out += [f"- {_quote(n.prompt, lang)}", f"  - {md_escape(n.note)}"]
        out.append("")

    out += [f"## {t('report.goals', lang)}", ""]
    out += [_goal_line(g, plan) for g in plan.goals]
    out.append("")

    it = plan.iteration
    out += [
        f"## {t('report.plan', lang)}: {format_date(it.start, lang)} – {format_date(it.end, lang)} "
        f"({it.weeks} {t('report.weeks', lang)})",
        "",
    ]
    for phase in it.phases:
        tasks = [x for x in plan.tasks if x.phase == phase.id]
        if not tasks:
            continue
        out += [
            f"### {one_line(phase.name)} ({t('report.week', lang)} {week_span(phase.weeks)})",
            "",
        ]
        for x in tasks:
            out.append(
                f"- [ ] **{md_escape(x.title)}** · {t('report.week', lang)} {week_span(x.weeks)} · "
                f"{t(f'role.{x.owner}', lang)}"
            )
            out.append(f"  - {t('report.done', lang)}: {md_escape(x.done)}")
        out.append("")
    out += [t("report.next-assessment", lang, date=format_date(it.next_assessment, lang)), ""]
    if plan.remarks:
        out += [f"### {t('report.remarks', lang)}", ""]
        out += [f"- {md_escape(remark)}" for remark in plan.remarks]
        out.append("")
    if plan.later:
        out += [f"### {t('report.later', lang)}", ""]
        out += [f"- {md_escape(x.title)}" for x in plan.later]
        out.append("")
    return out
