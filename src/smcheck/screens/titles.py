"""The window's sub-title: the organisation, and in an interview who is answering.

Apart from the respondents screen, so that the walk's screens need not load it (nor its
dialogs and table) to say whose session is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smcheck.core.models.common import Lang
from smcheck.core.text import one_line, shorten
from smcheck.core.texts import t

if TYPE_CHECKING:
    from smcheck.files.open_session import OpenSession

TITLE_PART = 28
"""Columns the organisation and the respondent's name each get at most in the window title."""


def window_title(organisation: str, lang: Lang, name: str = "", role: str | None = None) -> str:
    """The window's sub-title: the organisation, and in an interview (``role`` given) who is
    answering, by name and role, so that nobody answers for the wrong person."""
    if role is None:
        return one_line(organisation)
    role_name = t(f"role.{role}", lang)
    name = shorten(name, TITLE_PART)
    person = t("interview.who", lang, name=name, role=role_name) if name else role_name
    org = shorten(organisation, TITLE_PART)
    return f"{org} · {person}" if org else person


def session_title(session: OpenSession, lang: Lang) -> str:
    """:func:`window_title` of an open session."""
    a = session.answers
    role = a.respondent.role if a.interview else None
    return window_title(session.label, lang, a.respondent.name, role)
