"""The result as lines of styled segments: one wording for the results screen and the plain mode."""

from __future__ import annotations

from smcheck.core.langs import Lang
from smcheck.core.models.plan import Result
from smcheck.core.text import bar, one_line
from smcheck.core.texts import t

Segment = tuple[str, str]
"""A piece of text and its style ("bold", "italic" or "" for none)."""


def result_lines(
    r: Result, lang: Lang, deltas: dict[str, int | None] | None = None, *, bar_last: bool = False
) -> list[list[Segment]]:
    """The whole result, readable without colour, as lines of segments.

    ``deltas`` (change since the previous iteration, by dimension) and each dimension's
    confidence (interview mode) are shown beside the scores when there are any. With
    ``bar_last`` a dimension's score comes before its bar (a screen reader reads the number
    first); otherwise the bar comes first, as on the screen.
    """
    overall = "–" if r.overall is None else str(r.overall)
    lines: list[list[Segment]] = [
        [
            (f"{t('results.overall', lang)}: {overall}/100   ", "bold"),
            (f"{t('results.stage', lang)}: {one_line(r.stage_name)}   ", "bold"),
            (f"{t('results.complete', lang)}: {r.completeness} %", ""),
        ],
        [(one_line(r.stage_description), "italic")],
    ]
    if r.limited_by:
        lines.append([(t("results.limited", lang, dim=r.limited_by), "")])
    lines.append([])
    width = max(len(d.id) for d in r.dimensions)
    for d in r.dimensions:
        score = t("results.no-score", lang) if d.score is None else f"{d.score:3d}"
        counts = f"{score}  ({d.answered}/{d.questions})"
        line = (
            f"{d.id:<{width}}  {counts}"
            if bar_last
            else f"{d.id:<{width}}  {bar(d.score)}  {counts}"
        )
        if deltas is not None and deltas.get(d.id) is not None:
            line += f"  Δ {deltas[d.id]:+d}"
        if d.confidence is not None:
            line += f"  {t('results.confidence', lang, value=d.confidence)}"
        lines.append([(f"{line}  {bar(d.score)}" if bar_last else line, "")])
    lines.append([])
    for key, names in (("results.blockers", r.blockers), ("results.strengths", r.strengths)):
        lines.append(
            [(f"{t(key, lang)}: ", "bold"), (", ".join(names) or t("results.none", lang), "")]
        )
    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        lines += [[], [(t("results.why", lang), "bold")]]
        for d in pulls:
            lines.append([(f"{d.id} ({d.score})", "")])
            for p in d.pulled_down_by:
                text = f"  − {one_line(p.prompt)} → {p.option} {one_line(p.label)} (−{p.lost})"
                lines.append([(text, "")])
    lines.append([])
    if r.next_stage is None:
        lines.append([(t("results.top", lang), "bold")])
        return lines
    lines.append([(t("results.next", lang, stage=r.next_stage), "bold")])
    for lift in r.next_stage_lifts:
        text = t(
            "results.lift",
            lang,
            dim=lift.dimension,
            prompt=one_line(lift.prompt),
            a=lift.from_option,
            b=lift.to_option,
            overall=lift.overall_after,
        )
        lines.append([("  → " + text, "")])
    if r.next_stage_lifts and not r.next_stage_reached:
        lines.append([("  " + t("results.not-enough", lang), "")])
    return lines
