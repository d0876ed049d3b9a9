"""Exports of a comparison: a terminal table, TOML, JSON, and a Markdown section for people."""

from __future__ import annotations

import json
from typing import Any

import tomli_w

from smcheck.core.models.common import Role
from smcheck.core.models.comparison import ROLES, Comparison
from smcheck.core.text import bar, md_escape, one_line
from smcheck.core.texts import t

LABEL_WIDTH = 12
"""Respondent labels are cut to this many characters in the terminal table."""

NO_SCORE = "–"


def _n(value: int | None) -> str:
    return NO_SCORE if value is None else str(value)


def _short(label: str) -> str:
    label = one_line(label) or "?"
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"


def _roles(c: Comparison) -> list[Role]:
    """The roles present, in a fixed order."""
    present = {r.role for r in c.respondents}
    return [role for role in ROLES if role in present]


def _both_sides(c: Comparison) -> bool:
    return {"leadership", "team"} <= {r.role for r in c.respondents}


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Columns padded to their widest cell, two spaces apart; ``right`` columns right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(w) if i in right else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def comparison_text(c: Comparison) -> str:
    """A plain table for the terminal, readable without colour: scores, combined, then gaps."""
    lang = c.lang
    out = [
        f"{t('report.title', lang)}: {t('comparison.title', lang)} · {one_line(c.assessment_title)} "
        f"({c.assessment} {c.assessment_version}, {c.scope})",
        "",
    ]
    people = [
        [
            "#",
            t("report.respondent", lang),
            t("comparison.role", lang),
            t("report.overall", lang),
            t("report.stage", lang),
            t("report.completeness", lang),
        ]
    ]
    people += [
        [
            str(i),
            _short(r.label),
            t(f"role.{r.role}", lang),
            _n(r.overall),
            one_line(r.stage_name),
            f"{r.completeness} %",
        ]
        for i, r in enumerate(c.respondents, 1)
    ]
    out += [*_table(people, {0, 3, 5}), ""]

    roles = _roles(c)
    head = [
        t("comparison.dimension", lang),
        *(_short(r.label) for r in c.respondents),
        t("comparison.spread", lang),
        *(t("comparison.mean", lang, role=t(f"role.{role}", lang)) for role in roles),
        t("comparison.combined", lang),
    ]
    rows = [head]
    rows += [
        [
            d.id,
            *(_n(s) for s in d.scores),
            _n(d.spread),
            *(_n(d.role_means.get(role)) for role in roles),
            _n(d.combined),
        ]
        for d in c.dimensions
    ]
    out += [*_table(rows, set(range(1, len(head)))), ""]

    out.append(
        f"{t('comparison.combined-overall', lang)}: {_n(c.combined_overall)} · "
        f"{t('comparison.combined-stage', lang)}: {one_line(c.combined_stage_name)}"
    )
    if c.combined_limited_by:
        out.append(t("comparison.limited", lang, dim=c.combined_limited_by))
    out += ["", t("comparison.gaps", lang, n=c.gap_threshold) + ":"]
    if c.gaps:
        out += [f"- {g.dimension}: {one_line(g.discussion)}" for g in c.gaps]
    else:
        out.append(
            t(
                "comparison.no-gaps" if _both_sides(c) else "comparison.no-sides",
                lang,
                n=c.gap_threshold,
            )
        )
    return "\n".join(out) + "\n"


def _data(c: Comparison, mode: str) -> dict[str, Any]:
    return c.model_dump(mode=mode, by_alias=True, exclude_none=True)


def comparison_toml(c: Comparison) -> str:
    """The comparison as TOML; reads back with ``tomllib`` into an equal model.

    TOML has no null, so a missing score in a ``scores`` list is written as ``""``.
    """
    data = _data(c, "python")
    for d in data["dimensions"]:
        d["scores"] = ["" if s is None else s for s in d["scores"]]
    return tomli_w.dumps(data)


def comparison_json(c: Comparison) -> str:
    """The comparison as JSON with the same structure as the TOML (missing scores are null)."""
    return json.dumps(_data(c, "json"), ensure_ascii=False, indent=2) + "\n"


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def comparison_markdown(c: Comparison) -> str:
    """A Markdown section: scores per respondent, combined bars and the discussion items."""
    lang = c.lang
    out = [
        f"## {t('comparison.title', lang)}",
        "",
        f"*{md_escape(c.assessment_title)}* ({c.assessment} {c.assessment_version}, {c.scope})",
        "",
        _md_row(
            [
                "#",
                t("report.respondent", lang),
                t("comparison.role", lang),
                t("report.overall", lang),
                t("report.stage", lang),
                t("report.completeness", lang),
            ]
        ),
        "|--:|---|---|--:|---|--:|",
    ]
    out += [
        _md_row(
            [
                str(i),
                md_escape(r.label),
                t(f"role.{r.role}", lang),
                _n(r.overall),
                md_escape(r.stage_name),
                f"{r.completeness} %",
            ]
        )
        for i, r in enumerate(c.respondents, 1)
    ]
    out.append("")

    roles = _roles(c)
    head = [
        t("comparison.dimension", lang),
        *(md_escape(r.label) for r in c.respondents),
        t("comparison.spread", lang),
        *(t("comparison.mean", lang, role=t(f"role.{role}", lang)) for role in roles),
        t("comparison.combined", lang),
    ]
    out += [_md_row(head), "|---|" + "--:|" * (len(head) - 1)]
    out += [
        _md_row(
            [
                f"`{d.id}` {md_escape(d.excuse)}",
                *(_n(s) for s in d.scores),
                _n(d.spread),
                *(_n(d.role_means.get(role)) for role in roles),
                f"**{_n(d.combined)}**",
            ]
        )
        for d in c.dimensions
    ]
    out.append("")

    out += [
        f"**{t('comparison.combined-overall', lang)}: {_n(c.combined_overall)}/100** · "
        f"{t('comparison.combined-stage', lang)}: **{md_escape(c.combined_stage_name)}**",
        "",
    ]
    if c.combined_limited_by:
        out += [t("comparison.limited", lang, dim=c.combined_limited_by), ""]
    width = max(len(d.id) for d in c.dimensions) if c.dimensions else 0
    out.append("```text")
    out += [f"{d.id:<{width}}  {bar(d.combined)}  {_n(d.combined):>3}" for d in c.dimensions]
    out += ["```", ""]

    out += [
        f"### {t('comparison.discussion', lang)}",
        "",
        t("comparison.gaps", lang, n=c.gap_threshold) + ":",
        "",
    ]
    if c.gaps:
        out += [f"- **{g.dimension}**: {md_escape(g.discussion)}" for g in c.gaps]
    else:
        out.append(
            t(
                "comparison.no-gaps" if _both_sides(c) else "comparison.no-sides",
                lang,
                n=c.gap_threshold,
            )
        )
    out.append("")
    return "\n".join(out)


__all__ = ["comparison_json", "comparison_markdown", "comparison_text", "comparison_toml"]
