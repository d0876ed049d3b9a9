"""The result as lines of styled segments: one wording for the results screen and the plain mode."""

from __future__ import annotations

from smcheck.core.langs import Lang
from smcheck.core.models.plan import Result
from smcheck.core.text import bar, one_line, shorten
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
    stage = t("results.no-stage", lang) if r.stage_name is None else one_line(r.stage_name)
    lines: list[list[Segment]] = [
        [
            (f"{t('results.overall', lang)}: {overall}/100   ", "bold"),
            (f"{t('results.stage', lang)}: {stage}   ", "bold"),
            (f"{t('results.complete', lang)}: {r.completeness} %", ""),
        ],
        [(one_line(r.stage_reason or r.stage_description or ""), "italic")],
        [],
    ]
    names = {d.id: d.name or d.id for d in r.dimensions}
    width = max(len(name) for name in names.values())
    for d in r.dimensions:
        score = t("results.no-score", lang) if d.score is None else f"{d.score:3d}"
        counts = f"{score}  ({d.answered}/{d.questions})"
        name = names[d.id]
        line = (
            f"{name:<{width}}  {counts}"
            if bar_last
            else f"{name:<{width}}  {bar(d.score)}  {counts}"
        )
        if deltas is not None and deltas.get(d.id) is not None:
            line += f"  Δ {deltas[d.id]:+d}"
        if d.confidence is not None:
            line += f"  {t('results.confidence', lang, value=d.confidence)}"
        lines.append([(f"{line}  {bar(d.score)}" if bar_last else line, "")])
    lines.append([])
    for key, ids in (("results.blockers", r.blockers), ("results.strengths", r.strengths)):
        listed = ", ".join(names[i] for i in ids)
        lines.append([(f"{t(key, lang)}: ", "bold"), (listed or t("results.none", lang), "")])
    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        lines += [[], [(t("results.why", lang), "bold")]]
        for d in pulls:
            lines.append([(f"{names[d.id]} ({d.score})", "")])
            for p in d.pulled_down_by:
                chosen = shorten(p.answer or p.label, 60)
                text = f"  − {one_line(p.prompt)} → {p.option} – {chosen} (−{p.lost})"
                lines.append([(text, "")])
    if r.stage is None or (r.next_stage is not None and not r.next_stage_lifts):
        return lines
    lines.append([])
    if r.next_stage is None:
        lines.append([(t("results.top", lang), "bold")])
        return lines
    lines.append([(t("results.next", lang, stage=one_line(r.next_stage_name or "")), "bold")])
    for lift in r.next_stage_lifts if r.next_stage_reached else []:
        text = t(
            "results.lift",
            lang,
            dim=names.get(lift.dimension, lift.dimension),
            prompt=one_line(lift.prompt),
            a=f"{lift.from_option} – {shorten(lift.from_answer or lift.from_label, 40)}",
            b=f"{lift.to_option} – {shorten(lift.to_answer or lift.to_label, 40)}",
        )
        lines.append([("  → " + text, "")])
    if r.next_stage_lifts and r.next_stage_reached:
        key = "results.together-two" if len(r.next_stage_lifts) > 1 else "results.together-one"
        text = t(key, lang, overall=r.next_stage_overall, stage=one_line(r.next_stage_name or ""))
        lines.append([("  " + text, "bold")])
    else:
        lines.append([("  " + t("results.not-enough", lang), "")])
        held = ", ".join(names.get(d, d) for d in r.next_stage_held_by)
        text = t("results.held-by", lang, dims=held) if held else t("results.average", lang)
        lines.append([("  " + text, "")])
    return lines
