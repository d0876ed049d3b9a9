"""The report as a PDF, drawn with fpdf2: the same words as the HTML page, in the same order."""

from __future__ import annotations

from datetime import date

from smcheck.core.texts import t
from smcheck.files.export.report import pdf_draw
from smcheck.files.export.report.colours import MUTED
from smcheck.files.export.report.compared import ComparisonReport, Table
from smcheck.files.export.report.content import (
    Bar,
    NextStage,
    PlanPart,
    PlanReport,
    Radar,
    ResultPart,
)
from smcheck.files.export.report.pdf_page import BODY, MARGIN, SMALL, WIDTH, Page

CHART = (98.0, 74.0)
"""The radar chart's box, width and height in mm; the bars take the rest of the width."""


def _overview(
    pdf: Page,
    radar: Radar,
    bars: tuple[Bar, ...],
    blocked: tuple[str, ...] = (),
    caption: str = "",
) -> None:
    """The radar chart with the bars beside it."""
    width, height = CHART
    legend = 4.5 * len(radar.series) if len(radar.series) > 1 else 0
    pdf.room(max(height + legend, 7.4 * len(bars) + 6))
    y = pdf.get_y()
    used = pdf_draw.radar(pdf, radar, MARGIN - 4, y, width, height)
    x = MARGIN + width - 2
    top = y + max(6, (height - 7.4 * len(bars)) / 2)
    if caption:
        pdf.set_xy(x, top - 6)
        pdf.font(8, bold=True)
        pdf.cell(WIDTH - width, 4, caption)
    no_score = t("report.no-score", pdf.report_lang)
    height = pdf_draw.bars(pdf, bars, x, top, MARGIN + WIDTH - x, no_score, blocked)
    pdf.set_xy(MARGIN, max(y + used, top + height) + 2)


def _next_stage(pdf: Page, n: NextStage | None) -> None:
    if n is None:
        return
    pdf.h3(n.heading)
    for lift in n.lifts:
        pdf.bullet(lift)
    for sentence in n.closing:
        pdf.para(sentence)


def _result(pdf: Page, r: ResultPart) -> None:
    """Overall, stage and why, objectives and company goals."""
    pdf.boxes([(item.label, item.value) for item in r.summary])
    if r.reason:
        pdf.callout(r.reason)
    for item in r.context:
        pdf.labelled(item.label, item.value)


def _findings(pdf: Page, r: ResultPart) -> None:
    """Blockers with their excuse and counter-position, strengths, the answers that pulled the
    scores down, and what lifts the result to the next stage."""
    lang = pdf.report_lang
    pdf.h3(f"{t('report.blockers', lang)}: {r.blockers}")
    for b in r.blocker_items:
        pdf.room(18)
        pdf.para(f"{b.name} ({b.score})", bold=True)
        pdf.para(b.excuse, indent=3)
        pdf.labelled(t("report.counter", lang), b.counter, indent=3)
        pdf.ln(1)
    pdf.h3(f"{t('report.strengths', lang)}: {r.strengths}")
    if r.pulled:
        pdf.h3(t("report.why", lang))
        for d in r.pulled:
            pdf.room(12)
            pdf.para(f"{d.name} ({d.score})", bold=True)
            for question, answer, lost in d.answers:
                pdf.bullet(f"{question} → {answer} (−{lost})", indent=2)
    _next_stage(pdf, r.next_stage)


def _plan(pdf: Page, p: PlanPart) -> None:
    """Start point, notes, goals, the week grid, the next assessment, remarks and later."""
    lang = pdf.report_lang
    if p.change is not None:
        c = p.change
        pdf.h2(t("report.start-point", lang))
        pdf.para(c.since)
        pdf.ln(1)
        pdf.boxes([(t("report.overall", lang), c.overall), (t("report.stage", lang), c.stage)])
        pdf.table_of(c.columns, c.rows, (3, 1, 1, 1), right={1, 2, 3}, strong={3})
        if c.goals:
            pdf.h3(t("report.previous-goals", lang))
            for goal, state in c.goals:
                pdf.bullet(f"{goal} · {state}")
    if p.notes:
        pdf.h2(t("report.notes", lang))
        for prompt, note in p.notes:
            pdf.bullet(prompt)
            pdf.para(note, indent=4)
    pdf.h2(t("report.goals", lang))
    for g in p.goals:
        pdf.room(16)
        pdf.para(g.title, bold=True)
        pdf.para(" · ".join(g.meta), SMALL, colour=MUTED)
        pdf.labelled(t("report.done", lang), g.done)
        if g.serves:
            pdf.labelled(t("report.serves", lang), g.serves)
        pdf.ln(1.5)
    pdf.room(60)  # the heading stays with the grid's header and first rows
    pdf.h2(p.heading)
    pdf.h3(t("report.timeline", lang))
    tl = p.timeline
    marks = []
    if tl.holidays:
        marks.append(t("report.timeline-holiday-mark", lang))
    if tl.skipped:
        marks.append(t("report.timeline-skipped", lang))
    pdf_draw.timeline(
        pdf,
        tl,
        t("report.timeline-task", lang),
        t("report.done", lang),
        t("report.timeline-holidays", lang),
        " · ".join(marks),
    )
    pdf.ln(1)
    pdf.para(p.next_assessment, bold=True)
    if p.remarks:
        pdf.h3(t("report.remarks", lang))
        for remark in p.remarks:
            pdf.bullet(remark)
    if p.later:
        pdf.h3(t("report.later", lang))
        for item in p.later:
            pdf.bullet(item)


def plan_document(r: PlanReport, day: date | None = None) -> bytes:
    """The PDF of one assessment's report."""
    pdf = Page(r.lang, r.title, r.footer, day)
    pdf.h1(r.title)
    pdf.para(r.source, colour=MUTED)
    if r.respondent:
        pdf.para(r.respondent, colour=MUTED)
    pdf.ln(2)
    _result(pdf, r.result)
    pdf.h2(t("report.chart", r.lang))
    _overview(pdf, r.radar, r.result.bars, r.result.blocked)
    _findings(pdf, r.result)
    _plan(pdf, r.plan)
    return bytes(pdf.output())


def _table(pdf: Page, table: Table, first: float) -> None:
    """A comparison table: the first column wide, the numbers right-aligned, the last bold."""
    n = len(table.head)
    widths = (first, *([1.0] * (n - 1)))
    pdf.table_of(table.head, table.rows, widths, right=set(range(1, n)), strong={n - 1})


def comparison_document(r: ComparisonReport, day: date | None = None) -> bytes:
    """The PDF of a comparison's report, with the plan from the combined view."""
    lang = r.lang
    pdf = Page(lang, r.title, r.footer, day)
    pdf.h1(r.title)
    pdf.para(f"{t('comparison.title', lang)} · {r.source}", colour=MUTED)
    pdf.ln(2)
    pdf.boxes([(item.label, item.value) for item in r.combined])
    if r.reason:
        pdf.callout(r.reason)
    pdf.h2(t("comparison.title", lang))
    pdf.table_of(r.people.head, r.people.rows, (0.4, 2.2, 1.2, 1, 1.6, 1.2), right={0, 3, 5})
    pdf.h3(t("report.chart", lang))
    _overview(pdf, r.radar, r.bars, caption=t("comparison.combined", lang))
    _table(pdf, r.scores, 2.4)
    _next_stage(pdf, r.next_stage)
    pdf.h2(t("comparison.discussion", lang))
    pdf.para(r.gaps_intro)
    for g in r.gaps:
        pdf.room(18)
        pdf.ln(1)
        pdf.para(g.summary, bold=True)
        pdf.para(g.ask, indent=3)
        for q in g.questions:
            pdf.bullet(q, indent=3, size=BODY - 0.5)
    if r.gaps_after:
        pdf.para(r.gaps_after)
    if r.plan is not None:
        _plan(pdf, r.plan)
    return bytes(pdf.output())
