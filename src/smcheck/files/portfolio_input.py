"""Reading a portfolio: answers files and session folders, streamed, each organisation folded to
its respondents' latest answers as the files come in.

How files become organisations (also in the README, "Benchmarks from your own portfolio"):
- **One organisation** = one engagement (``engagement`` in the answers; every respondent and
  iteration of an interview shares it); without one, one organisation name (case and spaces
  ignored); without a name, the file on its own.
- **One respondent** of it = answers linked by ``previous`` (the next iteration names the
  session of the one before), or the same respondent name and role.
- **Latest iteration.** Each respondent counts with their latest answers: answers another file
  names as ``previous`` are older; otherwise the later date is newer (``completed``, else
  ``started``, else ``updated``; then the start time), then the file name. The respondents'
  latest answers are combined as ``smcheck compare`` combines them; the answers just before
  them, where there are some, make the earlier iteration the change is measured against.
- **Opting out.** When any answers file of an organisation says ``benchmark = false``, the whole
  organisation is left out.

Only what the statistics need is kept of each file: one byte per answer, the role, the scope,
size and industry, and dates; only the newest two answers of each respondent. Memory grows with
the number of organisations, not with the size of the files.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date
from pathlib import Path

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Plan
from smcheck.core.models.portfolio import Grouping, Portfolio
from smcheck.core.portfolio import (
    OrgView,
    digest,
    organisation_key,
    organisation_keys,
    pack,
    squeeze,
)
from smcheck.core.portfolio import unpack as _unpack
from smcheck.core.portfolio import view_of as _view_of
from smcheck.core.text import one_line

Note = Callable[[str], None]


def _drop(_: str) -> None:
    pass


# --- which files -------------------------------------------------------------------------------


def answers_paths(paths: Sequence[Path]) -> Iterator[Path]:
    """The answers files named: a folder stands for its ``*.toml`` files (not those starting
    with a dot, nor its subfolders: a session folder's ``removed/`` stays out), sorted; a pattern
    the shell did not expand (``'answers/*.toml'``) is expanded here. One at a time, so a folder
    of 100,000 files is never held as paths."""
    for path in paths:
        if path.is_dir():
            names = sorted(n for n in os.listdir(path) if n.endswith(".toml") and n[0] != ".")
            for name in names:
                yield path / name
        elif not path.exists() and any(ch in str(path) for ch in "*?["):
            anchor = Path(path.anchor) if path.is_absolute() else Path()
            pattern = str(path.relative_to(anchor)) if path.is_absolute() else str(path)
            matches = sorted(anchor.glob(pattern))
            if not matches:
                raise SmcheckError(f"{path}: no file matches")
            yield from matches
        else:
            yield path


# --- one file, kept small -------------------------------------------------------------------------


def _when(answers: Answers) -> int:
    """One number that orders answers by date: the day (completed, else started, else updated),
    then the second they were started (else updated)."""
    stamp = answers.started or answers.updated
    day: date | None = answers.completed or (stamp.date() if stamp else None)
    seconds = 0
    if stamp is not None:
        aware = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
        seconds = int(aware.timestamp()) + 2**40  # kept positive
    return (day.toordinal() if day else 0) * 2**42 + seconds


@dataclass(slots=True)
class Entry:
    """One answers file as the portfolio keeps it: numbers where it can (memory), no names."""

    id: int
    """:func:`digest` of the file name without ``.toml`` (for a session: its session id)."""
    previous: int
    """:func:`digest` of the session id it names as ``previous``; 0 for none."""
    who: int
    """:func:`digest` of the respondent's name (case and spaces ignored) and role; 0 unnamed."""
    when: int
    role: str
    scope: str
    values: bytes
    alias: int
    """:func:`digest` of the organisation's name key when it is known by its engagement; 0."""
    size: str
    industry: str

    @classmethod
    def of(cls, a: Assessment, answers: Answers, stem: str) -> Entry:
        """The entry of ``answers`` read from the file ``stem``.toml."""
        name = squeeze(answers.respondent.name)
        org = answers.organisation
        keys = organisation_keys(answers)
        return cls(
            id=digest(stem),
            previous=digest(answers.previous) if answers.previous else 0,
            who=digest(f"{name}|{answers.respondent.role}") if name else 0,
            when=_when(answers),
            role=sys.intern(answers.respondent.role),
            scope=sys.intern(answers.scope),
            values=pack(a, answers),
            alias=digest(keys[1]) if len(keys) > 1 else 0,
            size=sys.intern(org.size),
            industry=sys.intern(one_line(org.industry)),
        )

    def newer_than(self, other: Entry) -> bool:
        """Whether these answers are a later iteration than ``other``'s (see the module)."""
        if self.previous and self.previous == other.id:
            return True
        if other.previous and other.previous == self.id:
            return False
        return (self.when, self.id, self.values) > (other.when, other.id, other.values)


def _compare(x: Entry, y: Entry) -> int:
    return 1 if x.newer_than(y) else -1


_ORDER = functools.cmp_to_key(_compare)


def _newest_two(entries: list[Entry]) -> list[Entry]:
    """The newest two, newest first; a file read twice (the same name) counts once."""
    ordered = sorted(entries, key=_ORDER, reverse=True)
    kept: list[Entry] = []
    for e in ordered:
        if all(e.id != k.id for k in kept):
            kept.append(e)
    return kept[:2]


class _Respondent:
    """One respondent's newest two answers, and what identifies them."""

    __slots__ = ("entries", "ids", "previous", "who")

    def __init__(self, e: Entry) -> None:
        self.entries = [e]
        self.ids: tuple[int, ...] = (e.id,)
        self.previous: tuple[int, ...] = (e.previous,) if e.previous else ()
        self.who = e.who

    def owns(self, e: Entry) -> bool:
        return (
            e.id in self.ids
            or (e.previous != 0 and e.previous in self.ids)
            or e.id in self.previous
            or (e.who != 0 and e.who == self.who)
        )

    def take(self, other: _Respondent) -> None:
        self.ids += other.ids
        self.previous += other.previous
        self.who = self.who or other.who
        self.entries = _newest_two(self.entries + other.entries)


class _Organisation:
    """The respondents of one organisation."""

    __slots__ = ("respondents",)

    def __init__(self, e: Entry) -> None:
        self.respondents = [_Respondent(e)]

    def add(self, e: Entry) -> None:
        mine = _Respondent(e)
        rest = []
        for r in self.respondents:
            if r.owns(e):
                mine.take(r)
            else:
                rest.append(r)
        self.respondents = [*rest, mine]


class Fold:
    """Organisations as they are read, each reduced to its respondents' latest answers (and
    those just before); see the module for the rules."""

    def __init__(self, a: Assessment) -> None:
        self.assessment = a
        self.files = 0
        self._orgs: dict[str, Entry | _Organisation] = {}
        self._out: set[str] = set()

    @property
    def left_out(self) -> int:
        """Organisations left out at their request so far."""
        return len(self._out)

    def add(self, answers: Answers, stem: str) -> None:
        """Fold in the answers read from the file ``stem``.toml."""
        self.files += 1
        key = organisation_key(answers, stem)
        if key in self._out:
            return
        if not answers.benchmark:
            self._out.add(key)
            self._orgs.pop(key, None)
            return
        e = Entry.of(self.assessment, answers, stem)
        held = self._orgs.get(key)
        if held is None:
            self._orgs[key] = e  # most organisations have one file: no more than that is kept
            return
        if isinstance(held, Entry):
            held = self._orgs[key] = _Organisation(held)
        held.add(e)

    def views(self, lang: Lang = "en", note: Note = _drop) -> Iterator[OrgView]:
        """Every organisation, scored and combined; each is let go once it is given out.
        An organisation whose respondents cannot be combined is left out with a ``note``."""
        a = self.assessment
        while self._orgs:
            key = next(iter(self._orgs))
            held = self._orgs.pop(key)
            respondents = (
                [[held]] if isinstance(held, Entry) else [r.entries for r in held.respondents]
            )
            latest = [r[0] for r in respondents]
            earlier = [r[1] for r in respondents if len(r) > 1]
            newest = max(latest, key=_ORDER)
            try:
                yield _view_of(
                    a,
                    [_unpack(a, e.values, e.scope, e.role) for e in latest],  # type: ignore[arg-type]
                    [_unpack(a, e.values, e.scope, e.role) for e in earlier],  # type: ignore[arg-type]
                    lang=lang,
                    known_as={digest(key)} | {e.alias for r in respondents for e in r if e.alias},
                    size=newest.size,
                    industry=newest.industry,
                )
            except SmcheckError:  # the only thing compare refuses here: different scopes
                self._out.add(key)
                scopes = ", ".join(sorted({e.scope for e in latest}))
                note(
                    f"{_described(key)}: left out of the portfolio: its respondents' answers "
                    f"cannot be combined (scopes {scopes}: compare combines one scope only)"
                )


def _described(key: str) -> str:
    """An organisation key in words, for a note to whoever runs the command (never output)."""
    kind, _, value = key.partition(":")
    return {"e": "engagement", "n": "organisation"}.get(kind, "file") + f" {value!r}"


# --- reading -------------------------------------------------------------------------------------


def read_portfolio(
    paths: Sequence[Path], assessment: Assessment | None = None, note: Note = _drop
) -> Fold:
    """Read every answers file of ``paths`` (files, folders, patterns) into a :class:`Fold`.

    All files must be answers to one assessment: ``assessment``, else the one the first file
    names. Notes (answers converted from an older questionnaire) go to ``note`` as they come;
    problems are collected and raised together as one :class:`SmcheckError`, a line each.
    """
    from smcheck.files.catalog import find_assessment
    from smcheck.files.session import load_session_file

    resolve = functools.cache(find_assessment)
    fold: Fold | None = None
    problems: list[str] = []
    for path in answers_paths(paths):
        said: list[str] = []
        try:
            answers, a = load_session_file(
                path, fold.assessment if fold else assessment, resolve, said
            )
        except InvalidFile as exc:
            problems += [str(p) for p in exc.problems]
            continue
        finally:
            for line in said:
                note(line)
        if fold is None:
            fold = Fold(a)
        fold.add(answers, path.stem)
    if problems:
        raise SmcheckError("\n".join(problems))
    if fold is None:
        raise SmcheckError(f"{paths[0]}: no answers files (*.toml) in it" if paths else "no files")
    return fold


def portfolio_of(
    paths: Sequence[Path],
    *,
    lang: Lang,
    by: Grouping | None = None,
    assessment: Assessment | None = None,
    note: Note = _drop,
) -> Portfolio:
    """The portfolio of the answers files of ``paths`` (files, folders, patterns): read,
    folded, scored and counted; what ``smcheck portfolio`` writes (see :func:`read_portfolio`
    for ``assessment`` and ``note``)."""
    from smcheck.core.portfolio import build_portfolio

    fold = read_portfolio(paths, assessment, note)
    views = list(fold.views(lang, note))  # before left_out is read: combining can leave some out
    return build_portfolio(
        fold.assessment, views, lang=lang, by=by, files=fold.files, left_out=fold.left_out
    )


_PEERS: dict[str, tuple[Assessment, list[OrgView]]] = {}


def load_peers(
    folder: Path, assessment: Assessment | None = None, note: Note = _drop
) -> tuple[Assessment, list[OrgView]]:
    """The assessment and the organisations of the portfolio ``folder`` (answers to
    ``assessment``, else to the one its first file names), to compare with; read once per
    process (call it before starting workers: forked ones inherit them)."""
    key = str(folder.resolve())
    if key not in _PEERS:
        fold = read_portfolio([folder], assessment, note)
        _PEERS[key] = (fold.assessment, list(fold.views("en", note)))
    return _PEERS[key]


def with_benchmark(
    plan: Plan, folder: Path, a: Assessment, answers: Answers, path: Path | None = None
) -> Plan:
    """``plan`` (made from ``answers``, read from ``path``) with its benchmark among the
    organisations of the portfolio ``folder`` (see :mod:`smcheck.core.benchmark`). Answers
    with neither engagement nor name are an organisation of their own file: a file of the same
    name in the portfolio is taken for them."""
    from smcheck.core.benchmark import benchmark

    held, views = load_peers(folder, a)
    if (held.id, held.version) != (a.id, a.version):
        raise SmcheckError(
            f"{folder}: the portfolio holds answers to {held.id} {held.version}, "
            f"not to {a.id} {a.version}; nothing to compare with"
        )
    return plan.model_copy(
        update={
            "benchmark": benchmark(
                a,
                plan.result,
                answers,
                views,
                plan.lang,
                known_as=[digest(organisation_key(answers, path.stem))] if path else [],
            )
        }
    )
