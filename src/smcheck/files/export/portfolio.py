"""Exports of a portfolio (text, Markdown, HTML, JSON, CSV) and the benchmark section of the
Markdown report.

Everything here shows only what the models hold: counts and quartiles of at least five
organisations, never one organisation's name, note or answers (see
:mod:`smcheck.core.models.portfolio`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Plan
from smcheck.core.models.portfolio import MIN_ORGANISATIONS, GroupStats, Portfolio, Rank, Spread
from smcheck.core.text import md_escape, one_line
from smcheck.core.texts import t

PortfolioFormat = Literal["text", "md", "html", "json", "csv"]
PORTFOLIO_FORMATS: tuple[PortfolioFormat, ...] = ("text", "md", "html", "json", "csv")

TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "portfolio.html"
"""The HTML page: one table per group (Jinja2, every value escaped)."""

NONE = "–"


def number(x: float | None, lang: Lang) -> str:
    """A figure as people read it: no ".0", a decimal comma in German."""
    if x is None:
        return NONE
    text = f"{x:g}" if x != int(x) else str(int(x))
    return text.replace(".", ",") if lang == "de" else text


def signed(x: float | None, lang: Lang) -> str:
    """A change: +5, −2.5, ±0."""
    if x is None:
        return NONE
    if x == 0:
        return "±0"
    return ("+" if x > 0 else "−") + number(abs(x), lang)


# --- what every human-readable format shows ------------------------------------------------------


def _header(lang: Lang) -> list[str]:
    return [
        t("report.dimension-id", lang),
        t("portfolio.col.n", lang),
        t("portfolio.col.q1", lang),
        t("portfolio.col.median", lang),
        t("portfolio.col.q3", lang),
        t("portfolio.col.blocker", lang),
        t("portfolio.col.change-n", lang),
        t("portfolio.col.change", lang),
    ]


def _cells(
    name: str, s: Spread | None, blocker: str, change: Spread | None, lang: Lang
) -> list[str]:
    return [
        name,
        NONE if s is None else str(s.count),
        NONE if s is None else number(s.q1, lang),
        NONE if s is None else number(s.median, lang),
        NONE if s is None else number(s.q3, lang),
        blocker,
        NONE if change is None else str(change.count),
        NONE if change is None else signed(change.median, lang),
    ]


def table(g: GroupStats, lang: Lang) -> list[list[str]]:
    """The group's table: header, one row per dimension, then the overall score."""
    rows = [_header(lang)]
    rows += [_cells(d.name, d.scores, str(d.blocker), d.change, lang) for d in g.dimensions]
    rows.append(_cells(t("report.overall", lang), g.overall, NONE, g.overall_change, lang))
    return rows


def facts(p: Portfolio, g: GroupStats) -> list[str]:
    """The lines under the table: stages, blockers, leadership and team, change."""
    lang = p.lang
    names = {d.id: d.name for d in g.dimensions}
    out = [
        f"{t('portfolio.stages', lang)}: "
        + " · ".join(f"{s.name} {s.organisations}" for s in g.stages),
        f"{t('portfolio.common-blockers', lang)}: "
        + (
            ", ".join(
                f"{names[b]} ({next(d.blocker for d in g.dimensions if d.id == b)})"
                for b in g.blockers
            )
            or t("report.none", lang)
        ),
    ]
    if g.both_roles is None or g.differ is None:
        out.append(t("portfolio.roles-too-few", lang))
    else:
        line = t(
            "portfolio.roles",
            lang,
            n=g.both_roles,
            differ=g.differ,
            pct=(100 * g.differ) // g.both_roles,
            threshold=p.gap_threshold,
        )
        most = sorted((-(d.gaps or 0), i, d.name, d.gaps) for i, d in enumerate(g.dimensions))
        shown = [f"{name} {n}" for _, _, name, n in most if n][:3]
        if shown:
            line += f"; {t('portfolio.roles-most', lang, dims=', '.join(shown))}"
        out.append(line)
    if g.iterated is None:
        out.append(t("portfolio.change-too-few", lang))
    else:
        c = g.overall_change
        out.append(
            t(
                "portfolio.change",
                lang,
                n=g.iterated,
                median=signed(c.median if c else None, lang),
                q1=signed(c.q1 if c else None, lang),
                q3=signed(c.q3 if c else None, lang),
            )
        )
    return out


def _groups(p: Portfolio) -> list[GroupStats]:
    return [p.total, *p.groups]


def _heading(g: GroupStats, lang: Lang, clean: Callable[[str], str]) -> str:
    label = clean(g.label)
    if g.organisations is None:
        return f"{label}: {t('portfolio.too-few', lang, min=MIN_ORGANISATIONS)}"
    return f"{label} ({t('portfolio.organisations', lang, n=g.organisations)})"


def _intro(p: Portfolio) -> list[str]:
    lang = p.lang
    read = t("portfolio.read", lang, organisations=p.organisations, files=p.files)
    if p.left_out:
        read += " · " + t("portfolio.left-out", lang, n=p.left_out)
    return [read, t("portfolio.privacy", lang, min=p.min_organisations)]


# --- text ---------------------------------------------------------------------------------------------


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ).rstrip()
        for r in rows
    ]


def portfolio_text(p: Portfolio) -> str:
    """The portfolio for a terminal: a table and a few lines per group."""
    lang = p.lang
    title = t("portfolio.title", lang, title=one_line(p.assessment_title))
    out = [f"{title} ({p.assessment} {p.assessment_version})", *_intro(p), ""]
    for g in _groups(p):
        out.append(_heading(g, lang, one_line))
        if g.organisations is not None:
            rows = [[one_line(c) for c in r] for r in table(g, lang)]
            out += _columns(rows)
            out += [one_line(line) for line in facts(p, g)]
        out.append("")
    return "\n".join(out)


# --- Markdown -------------------------------------------------------------------------------------


def portfolio_markdown(p: Portfolio) -> str:
    """The portfolio as Markdown: a section and a table per group."""
    lang = p.lang
    out = [
        f"# {t('portfolio.title', lang, title=md_escape(p.assessment_title))}",
        "",
        f"*{p.assessment} {p.assessment_version}* · " + " · ".join(md_escape(x) for x in _intro(p)),
        "",
    ]
    for g in _groups(p):
        out += [f"## {_heading(g, lang, md_escape)}", ""]
        if g.organisations is None:
            continue
        rows = table(g, lang)
        out.append("| " + " | ".join(md_escape(c) for c in rows[0]) + " |")
        out.append("|---|" + "--:|" * (len(rows[0]) - 1))
        # only the name is text; the figures are smcheck's own (and "31.75" is no list item)
        out += ["| " + " | ".join([md_escape(r[0]), *r[1:]]) + " |" for r in rows[1:]]
        out.append("")
        out += [f"- {md_escape(line)}" for line in facts(p, g)]
        out.append("")
    out += [f"---\n{t('portfolio.generated', lang)} {md_escape(p.generator)}", ""]
    return "\n".join(out)


# --- HTML ------------------------------------------------------------------------------------------


def portfolio_html(p: Portfolio) -> str:
    """The portfolio as one HTML page (every value escaped by Jinja2's autoescape)."""
    import jinja2

    env = jinja2.Environment(
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    page = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    lang = p.lang
    groups = [
        {
            "heading": _heading(g, lang, one_line),
            "rows": [[one_line(c) for c in r] for r in table(g, lang)]
            if g.organisations is not None
            else [],
            "facts": [one_line(x) for x in facts(p, g)] if g.organisations is not None else [],
        }
        for g in _groups(p)
    ]
    return page.render(
        lang=lang,
        title=t("portfolio.title", lang, title=one_line(p.assessment_title)),
        source=f"{p.assessment} {p.assessment_version}",
        intro=[one_line(x) for x in _intro(p)],
        groups=groups,
        generated=f"{t('portfolio.generated', lang)} {one_line(p.generator)}",
    )


# --- JSON and CSV -------------------------------------------------------------------------------


def portfolio_json(p: Portfolio) -> str:
    """The portfolio as JSON (``schemas/portfolio.schema.json``); absent figures are left out."""
    data = p.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = (
    "group",
    "group_label",
    "group_organisations",
    "dimension",
    "name",
    "count",
    "q1",
    "median",
    "q3",
    "blocker",
    "gaps",
    "change_count",
    "change_q1",
    "change_median",
    "change_q3",
)


def _csv_figures(s: Spread | None) -> list[str]:
    return (
        ["", "", "", ""] if s is None else [str(s.count), f"{s.q1:g}", f"{s.median:g}", f"{s.q3:g}"]
    )


def portfolio_csv(p: Portfolio) -> str:
    """One row per dimension and group (and one for the overall score), RFC 4180, decimal
    points; empty cells where a figure would come from fewer than five organisations."""
    from smcheck.files.export.csv import cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for g in _groups(p):
        n = "" if g.organisations is None else str(g.organisations)
        head = [cell(g.key), cell(g.label), n]
        if g.organisations is None:
            w.writerow([*head, "", "", *[""] * 9])
            continue
        for d in g.dimensions:
            figures = _csv_figures(d.scores)
            gaps = "" if d.gaps is None else str(d.gaps)
            change = _csv_figures(d.change)
            w.writerow([*head, d.id, cell(d.name), *figures, str(d.blocker), gaps, *change])
        overall = _csv_figures(g.overall)
        change = _csv_figures(g.overall_change)
        w.writerow([*head, "overall", cell(t("report.overall", p.lang)), *overall, "", "", *change])
    return buf.getvalue()


def render_portfolio(p: Portfolio, fmt: PortfolioFormat) -> str:
    """The portfolio in ``fmt``."""
    renderers: dict[str, Callable[[Portfolio], str]] = {
        "text": portfolio_text,
        "md": portfolio_markdown,
        "html": portfolio_html,
        "json": portfolio_json,
        "csv": portfolio_csv,
    }
    return renderers[fmt](p)


# --- the benchmark in the plan's Markdown report ------------------------------------------------------


def _rank_cell(r: Rank, lang: Lang) -> str:
    if r.percentile is not None and r.compared is not None:
        return t("benchmark.cell", lang, pct=r.percentile, n=r.compared)
    return r.text


def benchmark_lines(plan: Plan) -> list[str]:
    """The report's "Compared with others" section; nothing without a benchmark."""
    b = plan.benchmark
    if b is None:
        return []
    lang = plan.lang
    head = [t("report.dimension-id", lang), t("benchmark.col.score", lang)]
    out = [
        f"## {t('benchmark.title', lang)}",
        "",
        md_escape(t("benchmark.intro", lang, group=b.group)),
        "",
        f"| {' | '.join(head)} | {t('benchmark.col.higher', lang)} |",
        "|---|--:|---|",
        f"| **{t('report.overall', lang)}** | {NONE if b.overall.score is None else b.overall.score}"
        f" | {md_escape(_rank_cell(b.overall, lang))} |",
    ]
    out += [
        f"| {md_escape(d.name)} | {NONE if d.score is None else d.score} | "
        f"{md_escape(_rank_cell(d, lang))} |"
        for d in b.dimensions
    ]
    out += ["", md_escape(t("benchmark.explain", lang)), ""]
    return out
