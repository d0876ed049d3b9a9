"""Build answers in tests without repeating the file boilerplate."""

from __future__ import annotations

from datetime import date

from conftest import MINI
from smcheck.core.models.answers import Answer, Answers, Organisation
from smcheck.core.models.assessment import Assessment
from smcheck.files.catalog import load_assessment


def mini() -> Assessment:
    """The hand-worked test assessment."""
    return load_assessment(MINI)


def answers(
    values: dict[str, int | str],
    *,
    scope: str = "full",
    objectives: list[str] | None = None,
    baselines: dict[str, float] | None = None,
    assessment: str = "mini",
    completed: date | None = date(2026, 11, 25),
) -> Answers:
    """Answers to the mini assessment with the given option values."""
    return Answers.model_validate(
        {
            "schema": "smcheck.answers/1",
            "assessment": assessment,
            "assessment_version": "1.0",
            "scope": scope,
            "completed": completed,
            "organisation": Organisation(
                name="Testfirma",
                objectives=objectives or [],
                company_goals=["Grow"],
                baselines=baselines or {},
            ),
            "answers": {qid: Answer(value=v) for qid, v in values.items()},
        }
    )
