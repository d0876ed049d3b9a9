"""The shape of ``index.json`` in the sessions folder (see :mod:`smcheck.files.session_index`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)


class ListedSession(_Strict):
    """What the lists show of one session."""

    id: str = Field(description="The session id (the file's name without .toml).")
    organisation: str = Field(description="The organisation's name, as in the session.")
    assessment: str = Field(description="The questionnaire's id.")
    scope: str = Field(description="quick or full; empty when the file could not be read.")
    updated: datetime | None = Field(description="Last change.")
    completed: date | None = Field(description="The day the results were first shown.")
    given: int = Field(description="Questions answered in the session's scope.")
    total: int = Field(description="Questions in the session's scope.")
    problem: str | None = Field(description="Why the session cannot be opened, if it cannot.")
    respondent: str = Field(description="The respondent's name.")


class IndexEntry(_Strict):
    """One session as it was when it was read."""

    stamp: list[int] = Field(
        min_length=6,
        max_length=6,
        description="inode, size and change time (ns) of the session file, then of its journal "
        "(-1 each when there is none). The entry counts only while these still match.",
    )
    checked: bool = Field(description="Whether the session was validated in full when read.")
    info: ListedSession


class SessionIndex(_Strict):
    """A summary of the saved sessions, kept beside them so that listing them is fast."""

    schema_: Literal["smcheck.session-index/1"] = Field(alias="schema")
    assessments: str = Field(
        description="A digest of the installed questionnaire files the entries were read with."
    )
    sessions: dict[str, IndexEntry] = Field(description="By session id.")
