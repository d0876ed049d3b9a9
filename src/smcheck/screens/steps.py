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
    # only the screen that is shown is loaded: a resumed session draws its question sooner
    a, answers = session.assessment, session.answers
    if isinstance(step, Profile):
        from smcheck.screens.profile import ProfileScreen

        return ProfileScreen(lang, a, answers)
    if isinstance(step, Excuse):
        from smcheck.screens.dimension import DimensionScreen

        return DimensionScreen(lang, a, answers, step.index, focus)
    if isinstance(step, Review):
        from smcheck.screens.review import ReviewScreen

        return ReviewScreen(lang, a, answers)
    plan = session.plan(today)
    if isinstance(step, Results):
        from smcheck.screens.results import ResultsScreen

        start = plan.start_point
        deltas = {d.id: d.delta for d in start.dimensions} if start else None
        return ResultsScreen(lang, plan.result, deltas, start_point=start)
    from smcheck.screens.plan import PlanScreen

    return PlanScreen(lang, plan)
