"""The PDF report's pictures, drawn with fpdf2's own shapes: the radar chart, the bars and the
week grid (fpdf2 would not apply pygal's stylesheet, so its SVG would come out black)."""

from __future__ import annotations

from math import cos, pi, sin

from smcheck.files.export.report.colours import INK, MUTED, PHASES, RULE, SERIES, TRACK, rgb
from smcheck.files.export.report.content import Bar, Radar, two_lines
from smcheck.files.export.report.pdf_page import MARGIN, SMALL, WIDTH, Page, line
from smcheck.files.export.report.timeline import Row, Timeline


def _point(cx: float, cy: float, r: float, i: int, n: int) -> tuple[float, float]:
    """The point at radius ``r`` on the spoke of axis ``i`` of ``n``: the first on top, the
    rest clockwise, as in the HTML chart."""
    angle = -pi / 2 + 2 * pi * i / n
    return cx + r * cos(angle), cy + r * sin(angle)


def radar(pdf: Page, chart: Radar, x: float, y: float, width: float, height: float) -> float:
    """The radar chart in a box of ``width`` × ``height`` mm at (``x``, ``y``), the names
    around it and its legend below when it has several series; returns the height used."""
    n = len(chart.axes)
    r = min(width / 2 - 22, height / 2 - 8)  # the names need more room beside than above
    cx, cy = x + width / 2, y + height / 2
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*rgb(RULE))
    for level in (25, 50, 75, 100):
        pdf.polygon([_point(cx, cy, r * level / 100, i, n) for i in range(n)], style="D")
    for i in range(n):
        pdf.line(cx, cy, *_point(cx, cy, r, i, n))
    pdf.font(5.5, colour=MUTED)
    for level in (25, 50, 75, 100):
        pdf.text(cx + 0.6, cy - r * level / 100 + 2.2, str(level))
    pdf.font(6.5)
    for i, name in enumerate(chart.axes):
        px, py = _point(cx, cy, r + 2, i, n)
        dx = px - cx
        align = "C" if abs(dx) < 1 else "L" if dx > 0 else "R"
        names = two_lines(name)
        h = line(6.5)
        top = py - (len(names) * h if py < cy - 1 else 0 if py > cy + 1 else len(names) * h / 2)
        for k, part in enumerate(names):
            w = pdf.get_string_width(part) + 1
            left = px - w / 2 if align == "C" else px if align == "L" else px - w
            pdf.set_xy(left, top + k * h)
            pdf.cell(w, h, part, align=align)
    for s, series in enumerate(chart.series):
        colour = rgb(SERIES[s % len(SERIES)])
        # a dimension without a score is drawn at the centre, and gets no dot
        points = [_point(cx, cy, r * (v or 0) / 100, i, n) for i, v in enumerate(series.scores)]
        pdf.set_draw_color(*colour)
        pdf.set_fill_color(*colour)
        with pdf.local_context(fill_opacity=0.15):
            pdf.polygon(points, style="F")
        pdf.set_line_width(0.5)
        pdf.polygon(points, style="D")
        for (px, py), v in zip(points, series.scores, strict=True):
            if v is not None:
                pdf.circle(px, py, 0.7, style="F")
    used = height
    if len(chart.series) > 1:
        used += _legend(pdf, chart, x + 10, y + height, width - 10)
    return used


def _legend(pdf: Page, chart: Radar, x: float, y: float, width: float) -> float:
    pdf.font(7)
    row = y
    for s, series in enumerate(chart.series):
        pdf.set_fill_color(*rgb(SERIES[s % len(SERIES)]))
        pdf.rect(x + 4, row + 0.8, 3, 3, style="F")
        pdf.set_xy(x + 8.5, row)
        pdf.cell(width - 10, 4.5, series.label)
        row += 4.5
    return row - y


def bars(
    pdf: Page,
    items: tuple[Bar, ...],
    x: float,
    y: float,
    width: float,
    no_score: str,
    blocked: tuple[str, ...] = (),
) -> float:
    """A bar per dimension: the name (and how much was answered), the bar, the score
    (``no_score`` where there is none)."""
    name_w, score_w = width * 0.45, 8.0
    bar_w = width - name_w - score_w - 2
    row = 7.4
    for k, b in enumerate(items):
        top = y + k * row
        pdf.set_xy(x, top + (0.2 if b.note else 1.6))
        pdf.font(7.5)
        pdf.cell(name_w, 3.6, b.name)
        if b.note:
            pdf.set_xy(x, top + 3.6)
            pdf.font(5.8, colour=MUTED)
            pdf.cell(name_w, 3, b.note)
        if b.score is None:  # the words, where the bar would be
            pdf.set_xy(x + name_w, top + 1.6)
            pdf.font(7.5, colour=MUTED)
            pdf.cell(bar_w + score_w + 2, 3.6, no_score, align="R")
            continue
        pdf.set_fill_color(*rgb(TRACK))
        pdf.rect(x + name_w, top + 2.2, bar_w, 3, style="F")
        if b.score:
            pdf.set_fill_color(*rgb("#b3541e" if b.name in blocked else SERIES[0]))
            pdf.rect(x + name_w, top + 2.2, bar_w * b.score / 100, 3, style="F")
        pdf.set_xy(x + name_w + bar_w, top + 1.6)
        pdf.font(8, bold=True)
        pdf.cell(score_w + 2, 3.6, str(b.score), align="R")
    return len(items) * row


FIRST = 78.0
"""Width of the week grid's first column (phase and task) in mm."""


def _header(pdf: Page, tl: Timeline, task: str, week_w: float) -> None:
    y = pdf.get_y()
    pdf.set_fill_color(*rgb("#f4f4f4"))
    pdf.set_draw_color(*rgb(RULE))
    pdf.set_line_width(0.2)
    pdf.rect(MARGIN, y, WIDTH, 8, style="DF")
    pdf.set_xy(MARGIN + 1, y + 2)
    pdf.font(7.5, bold=True)
    pdf.cell(FIRST - 2, 4, task)
    for i, w in enumerate(tl.weeks):
        x = MARGIN + FIRST + i * week_w
        pdf.line(x, y, x, y + 8)
        label = "✗" if w.number is None else str(w.number)
        pdf.set_xy(x, y + 0.6)
        pdf.font(7.5, bold=True)
        pdf.cell(week_w, 3.4, label + (" ●" if w.holidays else ""), align="C")
        pdf.fit(w.monday, week_w - 1, 6, colour=MUTED)  # twelve weeks are narrow
        pdf.set_xy(x, y + 4.2)
        pdf.cell(week_w, 3, w.monday, align="C")
    pdf.set_y(y + 8)


def _row(
    pdf: Page, tl: Timeline, row: Row, colour: str, week_w: float, *, phase: bool, task: str
) -> None:
    """One row of the grid: the words on the left, the weeks it runs as a bar on the right."""
    text_w = FIRST - 2
    if phase:
        h = 5.5
    else:
        title = pdf.lines(row.title, text_w, 7.5, bold=True)
        meta = pdf.lines(f"{row.span} · {row.owner}", text_w, 6.5)
        done = pdf.lines(row.done, text_w, 6.5)
        h = title * line(7.5) + (meta + done) * line(6.5) + 1.6
    if pdf.get_y() + h > pdf.page_break_trigger:
        pdf.add_page()
        _header(pdf, tl, task, week_w)  # the header again on the new page
    y = pdf.get_y()
    pdf.set_draw_color(*rgb(RULE))
    pdf.set_line_width(0.2)
    if phase:
        pdf.set_fill_color(*rgb("#f4f4f4"))
        pdf.rect(MARGIN, y, FIRST, h, style="F")
    pdf.rect(MARGIN, y, WIDTH, h, style="D")
    for i, w in enumerate(tl.weeks):
        x = MARGIN + FIRST + i * week_w
        pdf.line(x, y, x, y + h)
        if w.number is None:
            pdf.set_fill_color(*rgb("#e4e4e4"))
            pdf.rect(x + 0.1, y + 0.1, week_w - 0.2, h - 0.2, style="F")
        if row.cells[i]:
            band = 1.2 if phase else 2.6
            pdf.set_fill_color(*rgb(colour))
            pdf.rect(x, y + (h - band) / 2, week_w, band, style="F")
    pdf.set_xy(MARGIN + 1, y + 0.8)
    if phase:
        pdf.set_fill_color(*rgb(colour))
        pdf.rect(MARGIN + 1, y + 1.4, 2.6, 2.6, style="F")
        pdf.set_x(MARGIN + 5)
        pdf.font(8, bold=True)
        pdf.cell(pdf.get_string_width(row.title) + 1.5, 4, row.title)
        pdf.font(7, colour=MUTED)
        pdf.cell(FIRST - 8 - pdf.get_string_width(row.title), 4, f"({row.span})")
    else:
        pdf.font(7.5, bold=True)
        pdf.multi_cell(text_w, line(7.5), row.title, align="L", new_x="LEFT", new_y="NEXT")
        pdf.font(6.5, colour=MUTED)
        pdf.multi_cell(
            text_w, line(6.5), f"{row.span} · {row.owner}", align="L", new_x="LEFT", new_y="NEXT"
        )
        pdf.multi_cell(text_w, line(6.5), row.done, align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_xy(MARGIN, y + h)


def timeline(pdf: Page, tl: Timeline, task: str, done: str, holidays: str, marks: str) -> None:
    """The week grid: a column per calendar week, a row per phase and per task, holidays and
    weeks that do not count marked; ``done`` labels each task's done-criterion."""
    week_w = (WIDTH - FIRST) / max(1, len(tl.weeks))
    pdf.room(30)
    _header(pdf, tl, task, week_w)
    for p in tl.phases:
        colour = PHASES[p.step]
        _row(pdf, tl, p.phase, colour, week_w, phase=True, task=task)
        for x in p.tasks:
            row = Row(x.title, x.span, x.cells, x.owner, f"{done}: {x.done}")
            _row(pdf, tl, row, colour, week_w, phase=False, task=task)
    pdf.ln(1.5)
    if tl.holidays:
        pdf.labelled(holidays, " · ".join(tl.holidays), size=SMALL)
    if marks:
        pdf.para(marks, SMALL, colour=MUTED)
    pdf.font(8, colour=INK)
