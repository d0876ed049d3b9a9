"""The screen that shows each step of the walk."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from smcheck.core.walk import Excuse, Profile, Results, Review, Step

if TYPE_CHECKING:
    from textual.screen import Screen

    from smcheck.core.langs import Lang
    from smcheck.files.open_session import OpenSession


def screen_for(
    step: Step, session: OpenSession, lang: Lang, focus: str | None, today: date
) -> Screen[Any]:
    """A new screen for ``step`` of ``session`` (``focus``: a question to focus on an excuse)."""
    from smcheck.screens.dimension import DimensionScreen
    from smcheck.screens.plan import PlanScreen
    from smcheck.screens.profile import ProfileScreen
    from smcheck.screens.results import ResultsScreen
    from smcheck.screens.review import ReviewScreen

    a, answers = session.assessment, session.answers
    if isinstance(step, Profile):
        return ProfileScreen(lang, a, answers)
    if isinstance(step, Excuse):
        return DimensionScreen(lang, a, answers, step.index, focus)
    if isinstance(step, Review):
        return ReviewScreen(lang, a, answers)
    plan = session.plan(today)
    if isinstance(step, Results):
        start = plan.start_point
        deltas = {d.id: d.delta for d in start.dimensions} if start else None
        return ResultsScreen(lang, plan.result, deltas)
    return PlanScreen(lang, plan)
