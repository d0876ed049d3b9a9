"""Small shared types: languages, localised text, roles, loop phases."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from smcheck.core.langs import LANGS as LANGS
from smcheck.core.langs import Lang as Lang

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", max_length=64)]
"""A stable identifier: lower-case words joined by hyphens, e.g. ``strategy-first``."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]

Role = Literal["leadership", "team", "consultant"]
"""Who answered: the articles' point is that leadership and team must meet."""

ROLES: tuple[Role, ...] = get_args(Role)

OwnerRole = Literal[
    "leadership",
    "social-media-lead",
    "team",
    "marketing",
    "communications",
    "sales",
    "hr",
    "legal",
]
"""Who owns a goal or a task."""

Phase = Literal["start", "campaign", "feedback", "optimisation", "new-start"]
"""The five phases of the loop: start point, campaign, feedback, optimisation, new start point."""

PHASES: tuple[Phase, ...] = ("start", "campaign", "feedback", "optimisation", "new-start")

Effort = Literal["S", "M", "L"]


class Strict(BaseModel):
    """Base for file models: unknown fields are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text in every supported language; a missing translation is an error."""

    de: NonEmpty
    en: NonEmpty

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.de if lang == "de" else self.en


class TextList(Strict):
    """A list of texts per language, e.g. the five anchored options of a question."""

    de: list[NonEmpty] = Field(min_length=1)
    en: list[NonEmpty] = Field(min_length=1)

    def get(self, lang: Lang) -> list[str]:
        """The list in ``lang``."""
        return self.de if lang == "de" else self.en
