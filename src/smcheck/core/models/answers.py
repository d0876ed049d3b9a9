"""Answers of one respondent to one assessment: the session file and the hand-filled template."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StrictInt

from smcheck.core.models.common import Id, Lang, OwnerRole, Role, Strict
from smcheck.files.locations import SESSION_ID

ANSWERS_SCHEMA = "smcheck.answers/1"

DONT_KNOW = "dont-know"
NOT_APPLICABLE = "n/a"
UNANSWERED = ""


def _check_value(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if value in (DONT_KNOW, NOT_APPLICABLE, UNANSWERED):
        return value
    raise ValueError('must be an option number, "dont-know", "n/a" or "" (not answered yet)')


AnswerValue = Annotated[StrictInt | Literal["dont-know", "n/a", ""], BeforeValidator(_check_value)]
"""An option number (1..5 on the shared scale), "dont-know", "n/a", or "" for not yet answered."""

Scope = Literal["full", "quick"]

Size = Literal["", "1-9", "10-49", "50-249", "250-999", "1000+"]
"""Number of employees."""


Amount = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)]
"""A measured or targeted KPI value."""


class GoalEdit(Strict):
    """Changes the user made to a starter goal: the plan uses these instead of its defaults."""

    target: Amount | None = None
    owner: OwnerRole | None = None


Confidence = Literal["guess", "know", "verified"]
"""How sure the answer is (interview mode): a guess, known, or checked against evidence."""


class Answer(Strict):
    """The answer to one question."""

    value: AnswerValue = ""
    note: str = Field(default="", max_length=10_000, description="Shared with the client.")
    private_note: str = Field(
        default="",
        max_length=10_000,
        description="The interviewer's own; never in a client report.",
    )
    confidence: Confidence | None = None
    revisit: bool = Field(default=False, description="Flagged to come back to.")
    answered_at: datetime | None = None


class Respondent(Strict):
    """Who gave these answers."""

    name: str = Field(default="", max_length=200)
    role: Role = "leadership"


class Organisation(Strict):
    """The organisation profile: what it is and what it wants from social media."""

    name: str = Field(default="", max_length=200)
    size: Size = ""
    industry: str = Field(default="", max_length=200)
    channels: list[Annotated[str, Field(max_length=100)]] = Field(
        default_factory=list, max_length=30
    )
    objectives: list[Id] = Field(default_factory=list, description="Objective ids, e.g. awareness.")
    company_goals: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(
        default_factory=list,
        max_length=2,
        description="One or two company goals social media serves.",
    )
    baselines: dict[Id, Amount] = Field(
        default_factory=dict, description="Known current values by KPI id, e.g. reach = 1200."
    )


class Answers(Strict):
    """One respondent's answers; re-scorable and resumable."""

    schema_: Literal["smcheck.answers/1"] = Field(alias="schema")
    assessment: Id
    assessment_version: str = Field(pattern=r"^\d+\.\d+$")
    scope: Scope = "full"
    lang: Lang = "en"
    started: datetime | None = None
    updated: datetime | None = None
    completed: date | None = Field(
        default=None,
        description="The day the answers were completed; the plan starts the Monday after.",
    )
    respondent: Respondent = Field(default_factory=Respondent)
    organisation: Organisation = Field(default_factory=Organisation)
    answers: dict[Id, Answer] = Field(default_factory=dict)
    engagement: Id | None = Field(
        default=None, description="Groups the answers of several respondents of one organisation."
    )
    interview: bool = Field(default=False, description="Answered in an interview (hints shown).")
    previous: str | None = Field(
        default=None, pattern=SESSION_ID, description="Session id of the previous iteration."
    )
    actuals: dict[Id, Amount] = Field(
        default_factory=dict,
        description="Values measured at the end of the previous iteration, by goal id.",
    )
    goals: dict[Id, GoalEdit] = Field(
        default_factory=dict,
        description="Edited starter goals by goal id (a KPI id or enable-DIMENSION).",
    )
