"""What the start screen lists, read quickly: questionnaires and saved sessions.

Only TOML is parsed here, nothing is validated and pydantic is not loaded, so the first screen
appears at once. Whatever the user opens is then loaded and checked in full (`smcheck.files.catalog`,
`smcheck.files.session`), and a problem found then is shown in a dialog.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.ids import SESSION_ID as SESSION_PATTERN
from smcheck.files.journal import READS, apply_entry, identity, journal_path_of, read_journal
from smcheck.files.loading import read_document
from smcheck.files.locations import bundled_assessments_dir, sessions_dir, user_assessments_dir

if TYPE_CHECKING:
    from smcheck.core.models.assessment import Assessment

SESSION_ID = re.compile(SESSION_PATTERN)


@dataclass(frozen=True)
class SessionInfo:
    """One line of the sessions list."""

    id: str
    path: Path
    organisation: str = ""
    assessment: str = ""
    scope: str = ""
    updated: datetime | None = None
    completed: date | None = None
    given: int = 0
    total: int = 0
    problem: str | None = None
    respondent: str = ""

    @property
    def done(self) -> bool:
        """Completed with every question in its scope answered (it opens at its results)."""
        return self.problem is None and self.completed is not None and self.given >= self.total


@dataclass(frozen=True)
class AssessmentInfo:
    """A questionnaire as the start screen shows it."""

    path: Path
    origin: str
    id: str = ""
    version: str = ""
    title: dict[str, str] = field(default_factory=dict)
    questions: tuple[str, ...] = ()
    quick: frozenset[str] = frozenset()
    problem: str | None = None

    def count(self, scope: str) -> int:
        """Questions in ``scope``."""
        return len(self.quick) if scope == "quick" else len(self.questions)


def _assessment_info(path: Path, origin: str) -> AssessmentInfo:
    try:
        data: dict[str, Any] = read_document(path).data
        questions = [q for d in data["dimensions"] for q in d["questions"]]
        return AssessmentInfo(
            path,
            origin,
            str(data["id"]),
            str(data["version"]),
            {lang: str(text) for lang, text in data["title"].items()},
            tuple(str(q["id"]) for q in questions),
            frozenset(str(q["id"]) for q in questions if q.get("quick") is True),
        )
    except InvalidFile as exc:
        return AssessmentInfo(path, origin, problem=str(exc.problems[0]))
    except (KeyError, TypeError, AttributeError):
        return AssessmentInfo(
            path, origin, problem=f"{path}: not an smcheck assessment (see: smcheck validate)"
        )


def assessment_infos() -> list[AssessmentInfo]:
    """Bundled questionnaires first, then the user's, each sorted by file name."""
    found = [
        _assessment_info(p, "bundled") for p in sorted(bundled_assessments_dir().glob("*.toml"))
    ]
    user = user_assessments_dir()
    if user.is_dir():
        found += [_assessment_info(p, "user") for p in sorted(user.glob("*.toml"))]
    return found


def _when(value: object) -> object:
    """A date or time from a journal (JSON text) as TOML would have given it."""
    if isinstance(value, str):
        for parse in (date.fromisoformat, datetime.fromisoformat):
            try:
                return parse(value)
            except ValueError:
                continue
    return value


def _session_data(path: Path) -> dict[str, Any]:
    """A session file's data with the changes in its journal applied (see
    :mod:`smcheck.files.journal`; read again if a fold replaced the file meanwhile)."""
    for _ in range(READS):
        before = identity(path)
        data: dict[str, Any] = read_document(path).data
        changes = read_journal(journal_path_of(path), path.stem)
        if identity(path) == before:
            break
    for _, entry in changes:
        apply_entry(data, entry)
    return data


def _session_info(path: Path, assessments: dict[tuple[str, str], AssessmentInfo]) -> SessionInfo:
    """One session file as the lists show it (the one place a session is read for a list)."""
    try:
        data = _session_data(path)
        org = data.get("organisation", {}).get("name", "")
        respondent = data.get("respondent", {}).get("name", "")
        scope = str(data.get("scope", "full"))
        info = assessments.get((str(data["assessment"]), str(data["assessment_version"])))
        answers = data.get("answers", {})
        in_scope = info.quick if info and scope == "quick" else set(info.questions if info else ())
        given = sum(
            1
            for q, a in answers.items()
            if q in in_scope and isinstance(a, dict) and a.get("value", "") != ""
        )
        updated = _when(data.get("updated"))
        completed = _when(data.get("completed"))
        return SessionInfo(
            path.stem,
            path,
            str(org),
            str(data["assessment"]),
            scope,
            updated if isinstance(updated, datetime) else None,
            completed
            if isinstance(completed, date) and not isinstance(completed, datetime)
            else None,
            given,
            info.count(scope) if info else 0,
            None
            if info
            else f"{path}: assessment: {data['assessment']} {data['assessment_version']} is not installed",
            respondent=str(respondent),
        )
    except InvalidFile as exc:
        return SessionInfo(path.stem, path, problem=str(exc.problems[0]))
    except (KeyError, TypeError, AttributeError):
        return SessionInfo(
            path.stem, path, problem=f"{path}: not an smcheck answers file (see: smcheck validate)"
        )


def session_infos(assessments: list[AssessmentInfo]) -> list[SessionInfo]:
    """Saved sessions, most recently changed first."""
    folder = sessions_dir()
    if not folder.is_dir():
        return []
    known = {(a.id, a.version): a for a in assessments if a.problem is None}
    paths = [p for p in folder.glob("*.toml") if SESSION_ID.fullmatch(p.stem)]
    if not paths:
        return []
    from smcheck.files.session_index import assessments_fingerprint, listed

    found = listed(
        paths, assessments_fingerprint(), lambda p: _session_info(p, known), checked=False
    )
    found.sort(key=lambda s: (s.updated.timestamp() if s.updated else 0.0, s.id), reverse=True)
    return found


def start_choices(only: Assessment | None = None) -> tuple[list[AssessmentInfo], list[SessionInfo]]:
    """What a new walk offers: the questionnaires (just ``only`` when one was given) and the
    saved sessions (read fast, checked in full when opened)."""
    infos = assessment_infos()
    if only is None:
        return infos, session_infos(infos)
    given = AssessmentInfo(
        Path(),
        "given",
        only.id,
        only.version,
        {"de": only.title.de, "en": only.title.en},
        tuple(q.id for _, q in only.questions("full")),
        frozenset(q.id for _, q in only.questions("quick")),
    )
    return [given], session_infos(infos)


@dataclass(frozen=True)
class QuickSettings:
    """The remembered theme and language, read without validation (see :mod:`smcheck.files.config`)."""

    theme: str = "textual-dark"
    lang: str | None = None
    readable: bool = True


def quick_settings(path: Path) -> QuickSettings:
    """The settings file's values if they are plainly right; ``readable=False`` otherwise."""
    if not path.exists():
        return QuickSettings()
    try:
        data = read_document(path).data
    except InvalidFile:
        return QuickSettings(readable=False)
    theme, lang = data.get("theme", "textual-dark"), data.get("lang")
    known = {"schema", "theme", "lang"}
    if (
        data.get("schema") != "smcheck.config/1"
        or theme not in ("textual-dark", "textual-light")
        or lang not in (None, "de", "en")
        or set(data) - known
    ):
        return QuickSettings(readable=False)
    return QuickSettings(theme, lang)


def check_session_id(session_id: str) -> None:
    """Refuse what is not a session id (no paths, no tricks)."""
    if not SESSION_ID.fullmatch(session_id):
        raise SmcheckError(f"{session_id!r} is not a session id (see: smcheck sessions)")
