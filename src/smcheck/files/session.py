"""Autosaved interview sessions: one answers file per session in the user's sessions folder."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w
from pydantic import ValidationError

from smcheck.core.checks import check_answers
from smcheck.core.errors import InvalidFile, Problem, SmcheckError, format_path
from smcheck.core.models.answers import ANSWERS_SCHEMA, Answers, Respondent, Scope
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.walk import is_open
from smcheck.files.catalog import load_answers, log
from smcheck.files.journal import (
    READS,
    Entry,
    apply_entry,
    identity,
    journal_path_of,
    read_journal,
    sync_folder,
)
from smcheck.files.locations import sessions_dir
from smcheck.files.lock import SessionInUse as SessionInUse
from smcheck.files.lock import SessionLock as SessionLock
from smcheck.files.overview import SESSION_ID, SessionInfo, check_session_id
from smcheck.files.storage import write_atomic

if TYPE_CHECKING:  # only named in signatures: a resumed session draws before these load
    from smcheck.core.models.comparison import Comparison
    from smcheck.core.models.plan import Plan


REMOVED = "removed"
"""The folder in ``sessions/`` that removed respondents' sessions are moved to."""


def now() -> datetime:
    """The current time in UTC, to the second (what session files record)."""
    return datetime.now(UTC).replace(microsecond=0)


def answers_toml(answers: Answers) -> str:
    """An answers model as the TOML of an answers file."""
    return tomli_w.dumps(answers.model_dump(mode="python", by_alias=True, exclude_none=True))


def new_answers(a: Assessment, scope: Scope, lang: Lang, when: datetime) -> Answers:
    """Empty answers for a new session."""
    return Answers.model_validate(
        {
            "schema": ANSWERS_SCHEMA,
            "assessment": a.id,
            "assessment_version": a.version,
            "scope": scope,
            "lang": lang,
            "started": when,
            "updated": when,
        }
    )


def progress(answers: Answers, a: Assessment) -> tuple[int, int]:
    """(questions given any answer, questions in scope)."""
    questions = a.questions(answers.scope)
    given = sum(1 for _, q in questions if not is_open(answers, q))
    return given, len(questions)


def session_path(session_id: str) -> Path:
    """The file of a session; refuses ids that are not session ids (no paths, no tricks)."""
    check_session_id(session_id)
    return sessions_dir() / f"{session_id}.toml"


def new_session_id(when: datetime) -> str:
    """A fresh id from the start time, e.g. ``20261125-143012``; unique in the sessions folder."""
    base = when.strftime("%Y%m%d-%H%M%S")
    candidate, n = base, 1
    while (sessions_dir() / f"{candidate}.toml").exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def save_session(session_id: str, answers: Answers) -> Path:
    """Write the session atomically; creates the sessions folder on first use."""
    path = session_path(session_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, answers_toml(answers))
    return path


def journal_path(session_id: str) -> Path:
    """The journal of a session, beside its file (see :mod:`smcheck.files.journal`)."""
    return session_path(session_id).with_suffix(".journal")


def replay(
    answers: Answers, a: Assessment, changes: list[tuple[int, Entry]], journal: Path
) -> Answers:
    """``answers`` with the ``changes`` read from a session's ``journal`` applied.

    A change the answers cannot hold raises :class:`InvalidFile` naming the journal and its
    line (see :func:`~smcheck.files.journal.read_journal` for the lines that cannot be read)."""
    if not changes:
        return answers
    base = answers.model_dump(mode="json", by_alias=True)
    data = copy.deepcopy(base)
    for _, entry in changes:
        apply_entry(data, entry)
    try:
        result = Answers.model_validate(data)
    except ValidationError:
        # find the line that broke them, to name it (only when something is wrong)
        data = base
        for number, entry in changes:
            apply_entry(data, entry)
            try:
                Answers.model_validate(data)
            except ValidationError as exc:
                first = exc.errors()[0]
                raise InvalidFile(
                    [
                        Problem(
                            str(journal),
                            first["msg"],
                            line=number,
                            field=".".join(str(p) for p in first["loc"]),
                        )
                    ]
                ) from None
        raise  # pragma: no cover - every line passed alone, so the whole cannot fail
    if issues := check_answers(result, a):
        raise InvalidFile(
            [Problem(str(journal), message, field=format_path(path)) for path, message in issues]
        )
    return result


def load_session_file(
    path: Path,
    assessment: Assessment | None = None,
    resolve: Callable[[str], Assessment] | None = None,
    notices: list[str] | None = None,
) -> tuple[Answers, Assessment]:
    """:func:`~smcheck.files.catalog.load_answers`, with the changes of a journal beside the file
    (``ID.journal`` next to ``ID.toml``) applied: a session as it stands, even while it is open
    or after its process was killed. Reads only; nothing is written."""
    journal = journal_path_of(path)
    is_session = SESSION_ID.fullmatch(path.stem) is not None
    for _ in range(READS):
        said: list[str] | None = None if notices is None else []
        before = identity(path)
        answers, a = load_answers(path, assessment, resolve, said)
        changes = read_journal(journal, path.stem) if is_session else []
        if not is_session or identity(path) == before:
            break  # else a fold replaced the file meanwhile: read both again
    if notices is not None and said:
        notices.extend(said)
    return replay(answers, a, changes, journal), a


def load_session(session_id: str) -> tuple[Answers, Assessment]:
    """A saved session (its file and its journal) and its assessment, fully checked."""
    path = session_path(session_id)
    if not path.exists():
        raise SmcheckError(f"no session {session_id!r} (see: smcheck sessions)")
    raw = path.read_bytes()
    converted: list[str] = []
    answers, a = load_session_file(path, notices=converted)
    if converted:
        for notice in converted:
            log.warning("%s", notice)
        # converted from an older questionnaire version: the next save writes the new version,
        # so the file as it was is kept beside it (never loaded as a session: not *.toml)
        backup = path.with_name(f"{path.name}.before-{a.version}")
        if not backup.exists():
            write_atomic(backup, raw.decode("utf-8"))
    return answers, a


def _listed_info(path: Path) -> SessionInfo:
    """One session as the lists show it, read and validated in full."""
    try:
        answers, a = load_session_file(path)
    except InvalidFile as exc:
        return SessionInfo(path.stem, path, problem=str(exc.problems[0]))
    given, total = progress(answers, a)
    return SessionInfo(
        path.stem,
        path,
        answers.organisation.name,
        a.id,
        answers.scope,
        answers.updated,
        answers.completed,
        given,
        total,
        respondent=answers.respondent.name,
    )


def list_sessions() -> list[SessionInfo]:
    """Every saved session, most recently changed first; broken files are listed with their
    problem. Unchanged sessions come from the index (:mod:`smcheck.files.session_index`)."""
    from smcheck.files.session_index import assessments_fingerprint, listed

    folder = sessions_dir()
    if not folder.is_dir():
        return []
    paths = [p for p in folder.glob("*.toml") if SESSION_ID.fullmatch(p.stem)]
    if not paths:
        return []
    found = listed(paths, assessments_fingerprint(), _listed_info, checked=True)
    epoch = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda s: (_aware(s.updated) or epoch, s.id), reverse=True)
    return found


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def engagement_of(session_id: str, answers: Answers) -> str:
    """The engagement id of a session: its own, or one derived from the session id."""
    return answers.engagement or f"e{session_id}"


def respondents(engagement: str) -> list[tuple[str, Answers]]:
    """The sessions of one engagement (several respondents of one organisation), oldest first."""
    found: list[tuple[str, Answers]] = []
    for info in sorted(list_sessions(), key=lambda s: s.id):
        if info.problem:
            continue
        answers, _ = load_session_file(info.path)
        if engagement_of(info.id, answers) == engagement:
            found.append((info.id, answers))
    return found


def remove_session(session_id: str) -> Path:
    """Move a session (and its journal, if it has one) out of the list into
    ``sessions/removed/``; nothing is deleted. The caller holds the session's lock."""
    path = session_path(session_id)
    if not path.exists():
        raise SmcheckError(f"no session {session_id!r}")
    target = path.parent / REMOVED / path.name
    target.parent.mkdir(exist_ok=True)
    journal = journal_path_of(path)
    if journal.exists():
        journal.replace(journal_path_of(target))
    path.replace(target)
    return target


def session_files(session_id: str) -> list[Path]:
    """Every file smcheck keeps of one session: the session file, its journal, copies made
    before a questionnaire update (``ID.toml.before-*``), a removed copy in ``removed/``, and
    temporary files a crash may have left (``.ID.toml.*``). Not the lock file."""
    check_session_id(session_id)
    found: list[Path] = []
    for folder in (sessions_dir(), sessions_dir() / REMOVED):
        if not folder.is_dir():
            continue
        for pattern in (
            f"{session_id}.toml",
            f"{session_id}.journal",
            f"{session_id}.toml.*",
            f".{session_id}.toml.*",
            f".{session_id}.journal.*",
        ):
            found += [p for p in folder.glob(pattern) if p.is_file() or p.is_symlink()]
    return sorted(set(found))


def erase_session(session_id: str) -> list[Path]:
    """Delete a session for good: every file of :func:`session_files` and its lock file.

    Refused (:class:`SessionInUse`) while any smcheck, this one included, has the session open;
    raises :class:`SmcheckError` if there is nothing of that session. Returns the deleted files.
    Other sessions, even of the same engagement, are not touched; nothing else refers to a
    session but its id (in ``previous`` of a next iteration, which then stands on its own).
    """
    files = session_files(session_id)
    if not files:
        raise SmcheckError(f"no session {session_id!r} (see: smcheck sessions)")
    lock = SessionLock(session_id)
    lock.acquire()
    try:
        files = session_files(session_id)  # as they are now that no one can change them
        for path in files:
            path.unlink(missing_ok=True)
        # Deleted while still held: a competitor can only lock a session that is gone, whichever
        # lock file it opened (see smcheck.files.lock on why locks are otherwise never deleted).
        lock.path.unlink(missing_ok=True)
        files.append(lock.path)
    except OSError as exc:
        raise SmcheckError(f"session {session_id} could not be erased: {exc}") from None
    finally:
        lock.release()
    from smcheck.files.session_index import forget

    forget(session_id)  # the index summarises the session: its organisation's name, too
    for folder in {p.parent for p in files}:
        sync_folder(folder)
    return files


def follow_up(
    session_id: str,
    answers: Answers,
    when: datetime,
    *,
    respondent: Respondent | None = None,
    previous: str | None = None,
) -> Answers:
    """A new, empty session in the engagement of session ``session_id`` that keeps its
    organisation profile.

    With ``respondent`` it is another respondent of the same engagement; with ``previous`` it is
    the next iteration of the same respondent, starting where the previous plan left off.
    """
    return answers.model_copy(
        update={
            "engagement": engagement_of(session_id, answers),
            "respondent": respondent or answers.respondent,
            "answers": {},
            "goals": {},
            "actuals": {},
            "started": when,
            "updated": when,
            "completed": None,
            "previous": previous,
        }
    )


def session_plan(a: Assessment, answers: Answers, lang: Lang, today: date) -> Plan:
    """The plan of a session, as the screen, the plain mode and `smcheck score --previous` make it:
    with the start point of the previous iteration when the session names one and it can be read
    (without it otherwise: the plan stands on its own, the start screen names a broken file)."""
    from smcheck.core.planning import make_plan
    from smcheck.core.progress import progress
    from smcheck.core.scoring import score

    start_point = None
    if answers.previous:
        try:
            previous, _ = load_session(answers.previous)
            start_point = progress(a, previous, answers, lang, today=today)
        except (SmcheckError, InvalidFile):
            start_point = None
    return make_plan(
        a, answers, score(a, answers, lang), lang=lang, today=today, start_point=start_point
    )


def latest_iterations(members: list[tuple[str, Answers]]) -> list[tuple[str, Answers]]:
    """Each respondent once, with their latest iteration, in the order of their first: a next
    iteration names the session before it as ``previous`` (as a portfolio counts respondents)."""
    by_id = dict(members)
    next_of = {m.previous: sid for sid, m in members if m.previous in by_id}
    latest: list[tuple[str, Answers]] = []
    for sid, m in members:
        if m.previous in by_id:
            continue  # a next iteration: reached from its first below
        seen = {sid}
        while sid in next_of and next_of[sid] not in seen:
            sid = next_of[sid]
            seen.add(sid)
        latest.append((sid, by_id[sid]))
    return latest


def engagement_comparison(
    a: Assessment, session_id: str, answers: Answers, lang: Lang
) -> Comparison:
    """Every respondent of the session's engagement compared, each with their latest iteration;
    labelled by name, else by role."""
    return _compare(a, latest_iterations(respondents(engagement_of(session_id, answers))), lang)


def _compare(a: Assessment, members: list[tuple[str, Answers]], lang: Lang) -> Comparison:
    from smcheck.core.compare import compare
    from smcheck.core.text import one_line
    from smcheck.core.texts import t

    labels = [
        one_line(m.respondent.name) or f"{t(f'role.{m.respondent.role}', lang)} {i}"
        for i, (_, m) in enumerate(members, start=1)
    ]
    return compare(
        a, list(zip(labels, [m for _, m in members], strict=True)), lang, today=date.today()
    )


def comparison_reports(
    a: Assessment, session_id: str, answers: Answers, lang: Lang
) -> dict[str, str | bytes]:
    """The client report of an interview with several respondents (the comparison and the one
    plan from the combined view) in every report format, by suffix (md, html, pdf); empty
    otherwise."""
    if not answers.interview:
        return {}
    members = latest_iterations(respondents(engagement_of(session_id, answers)))
    if len(members) < 2:
        return {}
    from smcheck.files.export.comparison import comparison_markdown
    from smcheck.files.export.report import comparison_html, comparison_pdf

    try:
        c = _compare(a, members, lang)
    except SmcheckError:
        return {}
    return {"md": comparison_markdown(c), "html": comparison_html(c), "pdf": comparison_pdf(c)}
