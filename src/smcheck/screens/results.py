"""The result: overall score and stage, a bar per dimension, blockers, strengths, and why."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Result
from smcheck.core.text import bar, one_line
from smcheck.screens.base import WalkScreen
from smcheck.screens.fields import QuietFooter


def result_text(r: Result, lang: Lang, t: Any, deltas: dict[str, int | None] | None = None) -> Text:
    """The whole result as plain, colour-independent text.

    ``deltas`` (change since the previous iteration, by dimension) and each dimension's
    confidence (interview mode) are shown beside the scores when there are any.
    """
    out = Text()
    overall = "–" if r.overall is None else str(r.overall)
    out.append(f"{t('results.overall')}: {overall}/100   ", style="bold")
    out.append(f"{t('results.stage')}: {one_line(r.stage_name)}   ", style="bold")
    out.append(f"{t('results.complete')}: {r.completeness} %\n")
    out.append(one_line(r.stage_description) + "\n", style="italic")
    if r.limited_by:
        out.append(t("results.limited", dim=r.limited_by) + "\n")
    out.append("\n")
    width = max(len(d.id) for d in r.dimensions)
    for d in r.dimensions:
        score = t("results.no-score") if d.score is None else f"{d.score:3d}"
        out.append(f"{d.id:<{width}}  {bar(d.score)}  {score}  ({d.answered}/{d.questions})")
        if deltas is not None and deltas.get(d.id) is not None:
            out.append(f"  Δ {deltas[d.id]:+d}")
        if d.confidence is not None:
            out.append(f"  {t('results.confidence', value=d.confidence)}")
        out.append("\n")
    out.append("\n")
    out.append(f"{t('results.blockers')}: ", style="bold")
    out.append((", ".join(r.blockers) or t("results.none")) + "\n")
    out.append(f"{t('results.strengths')}: ", style="bold")
    out.append((", ".join(r.strengths) or t("results.none")) + "\n")
    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        out.append(f"\n{t('results.why')}\n", style="bold")
        for d in pulls:
            out.append(f"{d.id} ({d.score})\n")
            for p in d.pulled_down_by:
                out.append(
                    f"  − {one_line(p.prompt)} → {p.option} {one_line(p.label)} (−{p.lost})\n"
                )
    out.append("\n")
    if r.next_stage is None:
        out.append(t("results.top") + "\n", style="bold")
    else:
        out.append(t("results.next", stage=r.next_stage) + "\n", style="bold")
        for lift in r.next_stage_lifts:
            out.append(
                "  → "
                + t(
                    "results.lift",
                    dim=lift.dimension,
                    prompt=one_line(lift.prompt),
                    a=lift.from_option,
                    b=lift.to_option,
                    overall=lift.overall_after,
                )
                + "\n"
            )
        if r.next_stage_lifts and not r.next_stage_reached:
            out.append("  " + t("results.not-enough") + "\n")
    return out


class ResultsScreen(WalkScreen):
    """Scores and what they mean."""

    BINDINGS = [Binding("enter", "app.next", "key.next", key_display="⏎", priority=True)]

    def __init__(
        self, lang: Lang, result: Result, deltas: dict[str, int | None] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(lang, **kwargs)
        self.result = result
        self.deltas = deltas

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("results.title"), style="bold"), classes="title")
        with VerticalScroll(id="results-body", can_focus=True):
            yield Static(
                result_text(self.result, self.lang, self.t, self.deltas), id="results-text"
            )
        yield Static(self.t("results.to-plan"), id="results-hint")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#results-body"))
