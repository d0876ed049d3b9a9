"""The plan as a Markdown report for people; every text from files or users is escaped."""

from __future__ import annotations

from datetime import date

from smcheck.i18n import t
from smcheck.models.plan import Goal, Plan
from smcheck.text import bar, md_escape


def _date(d: date, lang: str) -> str:
    return d.strftime("%d.%m.%Y") if lang == "de" else d.isoformat()


def _span(weeks: tuple[int, int]) -> str:
    return str(weeks[0]) if weeks[0] == weeks[1] else f"{weeks[0]}–{weeks[1]}"


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
    """A readable report: stage, bars per dimension, blockers, goals and the iteration by phase."""
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
        out.append(
            f"{d.id:<{width}}  {bar(d.score)}  {score}  ({d.answered}/{d.questions} "
            f"{t('report.answered', lang)})"
        )
    out += ["```", ""]
    blockers = ", ".join(f"{b} ({md_escape(names[b])})" for b in r.blockers) or t(
        "report.none", lang
    )
    strengths = ", ".join(r.strengths) or t("report.none", lang)
    out += [
        f"**{t('report.blockers', lang)}:** {blockers}",
        "",
        f"**{t('report.strengths', lang)}:** {strengths}",
        "",
    ]

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
