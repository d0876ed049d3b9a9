"""Answers of one respondent to one assessment: the session file and the hand-filled template."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field, StrictBool, StrictInt

from smcheck.core.ids import SESSION_ID
from smcheck.core.models.common import Id, Lang, OwnerRole, Role, Strict

ANSWERS_SCHEMA = "smcheck.answers/1"

DONT_KNOW = "dont-know"
NOT_APPLICABLE = "n/a"
UNANSWERED = ""

MAX_NAME, MAX_GOAL, MAX_CHANNEL, MAX_CHANNELS, MAX_NOTE = 200, 300, 100, 30, 10_000
"""Limits of the answers file: names, a company goal, a channel, channels, a note."""


def _check_value(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if value in (DONT_KNOW, NOT_APPLICABLE, UNANSWERED):
        return value
    raise ValueError('must be an option number, "dont-know", "n/a" or "" (not answered yet)')


def _upper(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


AnswerValue = Annotated[StrictInt | Literal["dont-know", "n/a", ""], BeforeValidator(_check_value)]
"""An option number (1..5 on the shared scale), "dont-know", "n/a", or "" for not yet answered."""

Scope = Literal["full", "quick"]

Size = Literal["", "1-9", "10-49", "50-249", "250-999", "1000+"]
"""Number of employees."""

SIZES: tuple[Size, ...] = tuple(s for s in get_args(Size) if s)
"""The size classes, smallest first ("" means not given)."""


Amount = Annotated[float, Field(ge=0, le=1e12, allow_inf_nan=False)]
"""A measured or targeted KPI value."""


ENABLER = "enable-"
"""Goal ids of enabler goals start with this, then the dimension id (outcome goals are KPI ids)."""


def enabler_goal(dimension_id: str) -> str:
    """The id of the enabler goal for a weak dimension."""
    return ENABLER + dimension_id


def is_enabler(goal_id: str) -> bool:
    """True for an enabler goal (no KPI, so no baseline)."""
    return goal_id.startswith(ENABLER)


class GoalEdit(Strict):
    """Changes the user made to a starter goal: the plan uses these instead of its defaults."""

    target: Amount | None = None
    owner: OwnerRole | None = None


Confidence = Literal["guess", "know", "verified"]
"""How sure the answer is (interview mode): a guess, known, or checked against evidence."""


class Answer(Strict):
    """The answer to one question."""

    value: AnswerValue = ""
    note: str = Field(default="", max_length=MAX_NOTE, description="Shared with the client.")
    private_note: str = Field(
        default="",
        max_length=MAX_NOTE,
        description="The interviewer's own; never in a client report.",
    )
    confidence: Confidence | None = None
    revisit: StrictBool = Field(default=False, description="Flagged to come back to.")
    answered_at: datetime | None = None


class Respondent(Strict):
    """Who gave these answers."""

    name: str = Field(default="", max_length=MAX_NAME)
    role: Role = "leadership"


class Organisation(Strict):
    """The organisation profile: what it is and what it wants from social media."""

    name: str = Field(default="", max_length=MAX_NAME)
    size: Size = ""
    industry: str = Field(default="", max_length=MAX_NAME)
    channels: list[Annotated[str, Field(max_length=MAX_CHANNEL)]] = Field(
        default_factory=list, max_length=MAX_CHANNELS
    )
    objectives: list[Id] = Field(default_factory=list, description="Objective ids, e.g. awareness.")
    company_goals: list[Annotated[str, Field(min_length=1, max_length=MAX_GOAL)]] = Field(
        default_factory=list,
        max_length=2,
        description="One or two company goals social media serves.",
    )
    baselines: dict[Id, Amount] = Field(
        default_factory=dict, description="Known current values by KPI id, e.g. reach = 1200."
    )
    links: dict[Id, list[Annotated[int, Field(ge=1, le=2)]]] = Field(
        default_factory=dict,
        description="Which company goals (1, 2) each chosen objective serves, by objective id; "
        "an objective not listed is not linked yet.",
    )
    country: Annotated[str, BeforeValidator(_upper)] = Field(
        default="",
        pattern=r"^([A-Z]{2})?$",
        description="ISO 3166 country code for public holidays, e.g. DE; empty: from the language.",
    )
    region: Annotated[str, BeforeValidator(_upper)] = Field(
        default="",
        pattern=r"^([A-Z0-9]{1,3})?$",
        description="Subdivision code for regional holidays, e.g. BY or ENG.",
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
    interview: StrictBool = Field(
        default=False, description="Answered in an interview (hints shown)."
    )
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
    benchmark: StrictBool = Field(
        default=True,
        description="May these answers count, without any name, in benchmarks and portfolio "
        "statistics of whoever holds them (smcheck portfolio, smcheck score --benchmark)? "
        "false leaves the whole organisation out.",
    )
