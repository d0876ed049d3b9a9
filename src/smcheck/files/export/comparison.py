"""Exports of a comparison: a terminal table, TOML, JSON, and a Markdown section for people."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import tomli_w

from smcheck.core.models.common import Role
from smcheck.core.models.comparison import ROLES, Comparison
from smcheck.core.text import NO_SCORE, bar, md_escape, one_line, score_text
from smcheck.core.texts import t
from smcheck.files.export.markdown import source_line

LABEL_WIDTH = 12
"""Respondent labels are cut to this many characters in the terminal table."""


def _short(label: str) -> str:
    label = one_line(label) or "?"
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"


def roles_present(c: Comparison) -> list[Role]:
    """The roles present, in a fixed order."""
    present = {r.role for r in c.respondents}
    return [role for role in ROLES if role in present]


def both_sides(c: Comparison) -> bool:
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


def people_table(
    c: Comparison, label: Callable[[str], str], text: Callable[[str], str]
) -> list[list[str]]:
    """The respondents' table, its header first: ``label`` shows a name, ``text`` a stage."""
    lang = c.lang
    head = [
        "#",
        t("report.respondent", lang),
        t("comparison.role", lang),
        t("report.overall", lang),
        t("report.stage", lang),
        t("report.completeness", lang),
    ]
    return [head] + [
        [
            str(i),
            label(r.label),
            t(f"role.{r.role}", lang),
            score_text(r.overall),
            text(r.stage_name or NO_SCORE),
            f"{r.completeness} %",
        ]
        for i, r in enumerate(c.respondents, 1)
    ]


def scores_table(
    c: Comparison, label: Callable[[str], str], text: Callable[[str], str]
) -> list[list[str]]:
    """The dimensions' table, its header first: every respondent's score, the spread, the role
    means and the combined score."""
    lang = c.lang
    roles = roles_present(c)
    head = [
        t("comparison.dimension", lang),
        *(label(r.label) for r in c.respondents),
        t("comparison.spread", lang),
        *(t("comparison.mean", lang, role=t(f"role.{role}", lang)) for role in roles),
        t("comparison.combined", lang),
    ]
    return [head] + [
        [
            text(d.name or d.id),
            *(score_text(s) for s in d.scores),
            score_text(d.spread),
            *(score_text(d.role_means.get(role)) for role in roles),
            score_text(d.combined),
        ]
        for d in c.dimensions
    ]


def comparison_text(c: Comparison) -> str:
    """A plain table for the terminal, readable without colour: scores, combined, then gaps."""
    lang = c.lang
    out = [
        f"{t('report.title', lang)}: {t('comparison.title', lang)} · {one_line(c.assessment_title)} "
        f"· {t('report.version', lang, version=c.assessment_version)} · {t(f'scope.{c.scope}', lang)}",
        "",
    ]
    out += [*_table(people_table(c, _short, one_line), {0, 3, 5}), ""]
    rows = scores_table(c, _short, one_line)
    out += [*_table(rows, set(range(1, len(rows[0])))), ""]

    out.append(
        f"{t('comparison.combined-overall', lang)}: {score_text(c.combined_overall)} · "
        f"{t('comparison.combined-stage', lang)}: {one_line(c.combined_stage_name or NO_SCORE)}"
    )
    if c.combined_reason:
        out.append(one_line(c.combined_reason))
    out += ["", t("comparison.gaps", lang, n=c.gap_threshold) + ":"]
    if c.gaps:
        for g in c.gaps:
            out += [
                f"- {one_line(g.summary)}",
                f"  {t('comparison.ask', lang)} {one_line(g.discussion)}",
            ]
        if c.more_gaps:
            out.append(t("comparison.more-gaps", lang, n=c.more_gaps))
    else:
        out.append(
            t(
                "comparison.no-gaps" if both_sides(c) else "comparison.no-sides",
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
    """The client report of several respondents: the title, the comparison (scores per
    respondent, combined bars, the biggest gaps with questions to ask), then the one plan made
    from the combined view."""
    from smcheck.files.export.markdown import plan_section

    lang = c.lang
    title = t("report.title", lang)
    if c.plan is not None and c.plan.organisation.name:  # the organisation is known from its plan
        title += f" {t('report.for', lang)} {md_escape(c.plan.organisation.name)}"
    out = [f"# {title}", "", *comparison_section(c)]
    if c.plan is not None:
        out += plan_section(c.plan)
    out += [f"---\n{t('report.generated', lang)} {c.generator}", ""]
    return "\n".join(out)


def comparison_section(c: Comparison) -> list[str]:
    """Scores per respondent, combined bars and the discussion items."""
    lang = c.lang
    out = [
        f"## {t('comparison.title', lang)}",
        "",
        source_line(md_escape(c.assessment_title), c.assessment_version, c.scope, lang),
        "",
    ]
    people = people_table(c, md_escape, md_escape)
    out += [_md_row(people[0]), "|--:|---|---|--:|---|--:|", *map(_md_row, people[1:]), ""]
    head, *rows = scores_table(c, md_escape, md_escape)
    out += [_md_row(head), "|---|" + "--:|" * (len(head) - 1)]
    out += [_md_row([*row[:-1], f"**{row[-1]}**"]) for row in rows]
    out.append("")

    out += [
        f"**{t('comparison.combined-overall', lang)}: {score_text(c.combined_overall)}/100** · "
        f"{t('comparison.combined-stage', lang)}: "
        f"**{md_escape(c.combined_stage_name or NO_SCORE)}**",
        "",
    ]
    if c.combined_reason:
        out += [f"> {md_escape(c.combined_reason)}", ""]
    if c.plan is not None and c.plan.result.stage is not None:
        from smcheck.files.export.markdown import next_stage_lines

        out += next_stage_lines(c.plan.result, lang)
    names = [one_line(d.name or d.id) for d in c.dimensions]  # in a code block: not escaped
    width = max(map(len, names), default=0)
    out.append("```text")
    out += [
        f"{name:<{width}}  {bar(d.combined)}  {score_text(d.combined):>3}"
        for name, d in zip(names, c.dimensions, strict=True)
    ]
    out += ["```", ""]

    out += [
        f"### {t('comparison.discussion', lang)}",
        "",
        t("comparison.gaps", lang, n=c.gap_threshold) + ":",
        "",
    ]
    if c.gaps:
        for g in c.gaps:
            out += [
                f"- **{md_escape(g.summary)}**",
                f"  - {t('comparison.ask', lang)} {md_escape(g.discussion)}",
            ]
            out += [
                f"  - {md_escape(q.prompt)} ({t('role.leadership', lang)} {q.leadership}, "
                f"{t('role.team', lang)} {q.team})"
                for q in g.questions
            ]
        if c.more_gaps:  # after a blank line, or it joins the last item of the list
            out += ["", t("comparison.more-gaps", lang, n=c.more_gaps)]
    else:
        out.append(
            t(
                "comparison.no-gaps" if both_sides(c) else "comparison.no-sides",
                lang,
                n=c.gap_threshold,
            )
        )
    out.append("")
    return out


__all__ = ["comparison_json", "comparison_markdown", "comparison_text", "comparison_toml"]
