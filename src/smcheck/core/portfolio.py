"""Statistics over the assessments one holds: where the organisations of a portfolio stand.

The rule, also in the README ("Benchmarks from your own portfolio"):
- An organisation is counted once, with its latest iteration (see
  :mod:`smcheck.files.portfolio_input` for how files become organisations); several respondents
  are combined exactly as ``smcheck compare`` combines them (:func:`smcheck.core.compare.compare`).
- Per dimension and overall: how many organisations have a score, the median and the quartiles,
  computed as ``statistics.quantiles(scores, n=4, method="inclusive")`` (DuckDB's
  ``quantile_cont`` gives the same numbers).
- The stages (and "no stage"), how often each dimension is a blocker, the most common blockers.
- Where leadership and team both answered: how many organisations, how many differ on at least
  one dimension by ``GAP_THRESHOLD`` points or more (the comparison's perception gap), and on
  which dimensions.
- Where an organisation has an earlier iteration: the change of each score, latest minus earlier.
- Privacy: a group of fewer than ``MIN_ORGANISATIONS`` organisations shows nothing but "too few
  to compare", and so does every figure computed from fewer than that many. An :class:`OrgView`,
  all the statistics ever see of an organisation, holds no name, note, answer or respondent.
"""

from __future__ import annotations

import functools
import hashlib
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from smcheck import __version__
from smcheck.core.compare import GAP_THRESHOLD, compare
from smcheck.core.models.answers import (
    DONT_KNOW,
    NOT_APPLICABLE,
    SIZES,
    Answer,
    Answers,
    Scope,
)
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang, Role
from smcheck.core.models.plan import DimensionResult
from smcheck.core.models.portfolio import (
    MIN_ORGANISATIONS,
    DimensionStats,
    Grouping,
    GroupStats,
    Portfolio,
    Spread,
    StageCount,
)
from smcheck.core.scoring import blockers_and_strengths, score
from smcheck.core.texts import t

MAX_BLOCKERS = 3
"""The most common blockers listed per group."""

OTHER_INDUSTRIES = "*"
"""The key of the pooled group of industries with fewer than five organisations each."""


# --- who is who (never shown: keys only decide what belongs together) ----------------------------


def squeeze(text: str) -> str:
    """Text as compared: case and spaces ignored ("Public  Sector" = "publicsector")."""
    return "".join(text.split()).casefold()


@functools.lru_cache(maxsize=1024)  # industries repeat: each is squeezed once
def industry_key(industry: str) -> str:
    """An industry as compared: :func:`squeeze`."""
    return squeeze(industry)


def organisation_keys(answers: Answers) -> tuple[str, ...]:
    """Every key the organisation of ``answers`` is known by: its engagement and its name."""
    keys = []
    if answers.engagement:
        keys.append(f"e:{answers.engagement}")
    if name := squeeze(answers.organisation.name):
        keys.append(f"n:{name}")
    return tuple(keys)


def organisation_key(answers: Answers, fallback: str) -> str:
    """The organisation the answers count for: its engagement, else its name (case and spaces
    ignored), else ``fallback`` (the file: an organisation of its own)."""
    keys = organisation_keys(answers)
    return keys[0] if keys else f"f:{fallback}"


def digest(key: str) -> int:
    """A stand-in for a key that says nothing about it (64 bits of its BLAKE2b hash)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")


# --- answers kept small -----------------------------------------------------------------------------

_DONT_KNOW, _NOT_APPLICABLE = 254, 255

_IDS: dict[int, tuple[Assessment, tuple[str, ...]]] = {}


def _question_ids(a: Assessment) -> tuple[str, ...]:
    """Every question id of ``a`` in order, worked out once per questionnaire (the entry keeps
    ``a`` itself, so its id stays valid)."""
    entry = _IDS.get(id(a))
    if entry is None:
        entry = _IDS[id(a)] = (a, tuple(q.id for _, q in a.questions("full")))
    return entry[1]


def pack(a: Assessment, answers: Answers) -> bytes:
    """The answer values of ``answers``, one byte per question of ``a`` (in its order): 0 not
    answered, 1.. an option, 254 "don't know", 255 "not applicable". Nothing else is kept."""
    given = answers.answers
    ids = _question_ids(a)
    out = bytearray(len(ids))
    for i, qid in enumerate(ids):
        answer = given.get(qid)
        if answer is None:
            continue
        v = answer.value
        if isinstance(v, int):
            out[i] = v
        elif v == DONT_KNOW:
            out[i] = _DONT_KNOW
        elif v == NOT_APPLICABLE:
            out[i] = _NOT_APPLICABLE
    return bytes(out)


_EMPTY: dict[tuple[int, Scope, Role], tuple[Assessment, Answers]] = {}
_VALUES: dict[int, Answer] = {}


def _answer(code: int) -> Answer:
    """The answer for a code of :func:`pack`; answers are frozen, so one of each is shared."""
    answer = _VALUES.get(code)
    if answer is None:
        value: int | str = (
            DONT_KNOW if code == _DONT_KNOW else NOT_APPLICABLE if code == _NOT_APPLICABLE else code
        )
        answer = _VALUES[code] = Answer(value=value)
    return answer


def unpack(a: Assessment, values: bytes, scope: Scope, role: Role) -> Answers:
    """Answers with the values of :func:`pack` and the role, and nothing else (no names, no
    notes): enough to score and to compare."""
    entry = _EMPTY.get((id(a), scope, role))
    if entry is None:  # kept with ``a`` itself, so its id stays valid
        entry = _EMPTY[(id(a), scope, role)] = (
            a,
            Answers.model_validate(
                {
                    "schema": "smcheck.answers/1",
                    "assessment": a.id,
                    "assessment_version": a.version,
                    "scope": scope,
                    "respondent": {"role": role},
                }
            ),
        )
    empty = entry[1]
    given = {qid: _answer(code) for qid, code in zip(_question_ids(a), values, strict=True) if code}
    return empty.model_copy(update={"answers": given})


# --- one organisation --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrgView:
    """One organisation as the statistics see it: scores, stage, blockers, gaps, change.

    No name, note, answer text or respondent: ``known_as`` are digests of its keys, used only
    to leave an organisation out of its own comparison group.
    """

    known_as: tuple[int, ...]
    size: str
    industry: str
    overall: int | None
    scores: tuple[int | None, ...]
    """Per dimension of the assessment, in its order."""
    stage: int | None
    """Index into the assessment's stages; ``None`` when too little is known."""
    blockers: tuple[int, ...] = ()
    """Dimension indexes."""
    both_roles: bool = False
    """Leadership and team both answered."""
    gaps: tuple[int, ...] = ()
    """Dimension indexes where leadership and team differ by ``GAP_THRESHOLD`` or more."""
    change: tuple[int | None, ...] | None = None
    """Per dimension, latest minus earlier iteration; ``None`` without an earlier one."""
    overall_change: int | None = None


@dataclass(frozen=True, slots=True)
class _Combined:
    overall: int | None
    scores: tuple[int | None, ...]
    stage: int | None
    blockers: tuple[int, ...]
    both_roles: bool
    gaps: tuple[int, ...]


def _combined(a: Assessment, respondents: Sequence[Answers], lang: Lang) -> _Combined:
    """The scores of one organisation: one respondent scored as ``smcheck score`` does, several
    combined as ``smcheck compare`` does (raises :class:`SmcheckError` if they cannot be)."""
    index = {d.id: i for i, d in enumerate(a.dimensions)}
    stages = [s.id for s in a.stages]
    if len(respondents) == 1:
        r = score(a, respondents[0], lang)
        return _Combined(
            r.overall,
            tuple(d.score for d in r.dimensions),
            None if r.stage is None else stages.index(r.stage),
            tuple(index[b] for b in r.blockers),
            False,
            (),
        )
    c = compare(a, [(str(i), x) for i, x in enumerate(respondents)], lang)
    combined = {x.id: x.combined for x in c.dimensions}
    scores = tuple(combined.get(d.id) for d in a.dimensions)
    # the blockers of the combined view, as compare's combined result has them (by the
    # dimensions' ids and combined scores; the counts do not matter for blockers)
    counts = dict.fromkeys(
        ("questions", "answered", "dont_know", "not_applicable", "unanswered", "completeness"), 0
    )
    dims = [
        DimensionResult(id=d.id, excuse="", score=s, weight=d.weight, **counts)
        for d, s in zip(a.dimensions, scores, strict=True)
    ]
    blockers = blockers_and_strengths(a, dims)["blockers"]
    roles = {x.respondent.role for x in respondents}
    both = {"leadership", "team"} <= roles
    gaps = tuple(
        index[x.id]
        for x in c.dimensions
        if both
        and "leadership" in x.role_means
        and "team" in x.role_means
        and abs(x.role_means["leadership"] - x.role_means["team"]) >= GAP_THRESHOLD
    )
    return _Combined(
        c.combined_overall,
        scores,
        None if c.combined_stage is None else stages.index(c.combined_stage),
        tuple(index[b] for b in blockers),
        both,
        gaps,
    )


def _minus(now: int | None, before: int | None) -> int | None:
    return None if now is None or before is None else now - before


def view_of(
    a: Assessment,
    latest: Sequence[Answers],
    earlier: Sequence[Answers] = (),
    *,
    lang: Lang = "en",
    known_as: Iterable[int] = (),
    size: str = "",
    industry: str = "",
) -> OrgView:
    """One organisation from its respondents' latest answers and (if any) the answers before
    them; ``known_as`` are the :func:`digest` of each of its keys. Raises
    :class:`~smcheck.core.errors.SmcheckError` when the latest answers cannot be combined
    (different scopes); earlier answers that cannot be combined give no change."""
    from smcheck.core.errors import SmcheckError

    now = _combined(a, latest, lang)
    before = None
    if earlier:
        try:
            before = _combined(a, earlier, lang)
        except SmcheckError:
            before = None
    return OrgView(
        known_as=tuple(sorted(set(known_as))),
        size=size,
        industry=industry,
        overall=now.overall,
        scores=now.scores,
        stage=now.stage,
        blockers=now.blockers,
        both_roles=now.both_roles,
        gaps=now.gaps,
        change=None
        if before is None
        else tuple(_minus(x, y) for x, y in zip(now.scores, before.scores, strict=True)),
        overall_change=None if before is None else _minus(now.overall, before.overall),
    )


# --- statistics -------------------------------------------------------------------------------------


def spread(values: Sequence[float]) -> Spread | None:
    """Count, quartiles and median of ``values``; ``None`` for fewer than five."""
    if len(values) < MIN_ORGANISATIONS:
        return None
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Spread(count=len(values), q1=q1, median=median, q3=q3)


def _present(values: Iterable[int | None]) -> list[int]:
    return [v for v in values if v is not None]


def group_stats(
    a: Assessment, views: Sequence[OrgView], lang: Lang, *, key: str = "", label: str = ""
) -> GroupStats:
    """The statistics of one group; only its key and label when it has fewer than five."""
    n = len(views)
    if n < MIN_ORGANISATIONS:
        return GroupStats(key=key, label=label)
    both = [v for v in views if v.both_roles]
    enough_both = len(both) >= MIN_ORGANISATIONS
    iterated = [v for v in views if v.change is not None]
    blocker_counts = [0] * len(a.dimensions)
    gap_counts = [0] * len(a.dimensions)
    for v in views:
        for i in v.blockers:
            blocker_counts[i] += 1
    for v in both:
        for i in v.gaps:
            gap_counts[i] += 1
    dims = [
        DimensionStats(
            id=d.id,
            name=d.name.get(lang),
            scores=spread(_present(v.scores[i] for v in views)),
            blocker=blocker_counts[i],
            gaps=gap_counts[i] if enough_both else None,
            change=spread(_present(v.change[i] for v in iterated if v.change is not None)),
        )
        for i, d in enumerate(a.dimensions)
    ]
    at = Counter(v.stage for v in views)
    stages = [
        StageCount(stage=s.id, name=s.name.get(lang), organisations=at[i])
        for i, s in enumerate(a.stages)
    ]
    stages.append(StageCount(name=t("portfolio.no-stage", lang), organisations=at[None]))
    common = sorted((-c, i) for i, c in enumerate(blocker_counts) if c)
    return GroupStats(
        key=key,
        label=label,
        organisations=n,
        overall=spread(_present(v.overall for v in views)),
        dimensions=dims,
        stages=stages,
        blockers=[a.dimensions[i].id for _, i in common[:MAX_BLOCKERS]],
        both_roles=len(both) if enough_both else None,
        differ=sum(1 for v in both if v.gaps) if enough_both else None,
        iterated=len(iterated) if len(iterated) >= MIN_ORGANISATIONS else None,
        overall_change=spread(_present(v.overall_change for v in iterated)),
    )


def size_label(size: str, lang: Lang) -> str:
    """A size class in words: "50–249 employees"; "size not given" for ""."""
    if not size:
        return t("portfolio.size-none", lang)
    return t("portfolio.size", lang, size=size.replace("-", "–"))


def _by_size(views: Sequence[OrgView], lang: Lang) -> list[tuple[str, str, list[OrgView]]]:
    groups: dict[str, list[OrgView]] = {}
    for v in views:
        groups.setdefault(v.size, []).append(v)
    order = [*SIZES, ""]
    return [(s, size_label(s, lang), groups[s]) for s in order if s in groups]


def _by_industry(views: Sequence[OrgView], lang: Lang) -> list[tuple[str, str, list[OrgView]]]:
    groups: dict[str, list[OrgView]] = {}
    for v in views:
        groups.setdefault(industry_key(v.industry), []).append(v)
    named, small = [], []
    for key, members in groups.items():
        if not key:
            continue
        if len(members) < MIN_ORGANISATIONS:
            small += members  # never named: a rare industry could point at one organisation
            continue
        spellings = Counter(v.industry for v in members)
        label = min(spellings, key=lambda s: (-spellings[s], s))  # the most common spelling
        named.append((key, label, members))
    named.sort(key=lambda g: (-len(g[2]), g[1]))
    out = list(named)
    if "" in groups:
        out.append(("", t("portfolio.industry-none", lang), groups[""]))
    if small:
        out.append((OTHER_INDUSTRIES, t("portfolio.industry-other", lang), small))
    return out


def build_portfolio(
    a: Assessment,
    views: Iterable[OrgView],
    *,
    lang: Lang,
    by: Grouping | None = None,
    files: int = 0,
    left_out: int = 0,
) -> Portfolio:
    """The portfolio of the organisations ``views``: all of them, and grouped ``by`` industry
    or size class on request."""
    every = list(views)
    groups: list[tuple[str, str, list[OrgView]]] = []
    if by == "size":
        groups = _by_size(every, lang)
    elif by == "industry":
        groups = _by_industry(every, lang)
    return Portfolio(
        generator=f"smcheck {__version__}",
        lang=lang,
        assessment=a.id,
        assessment_version=a.version,
        assessment_title=a.title.get(lang),
        by=by,
        min_organisations=MIN_ORGANISATIONS,
        gap_threshold=GAP_THRESHOLD,
        files=files,
        organisations=len(every),
        left_out=left_out,
        total=group_stats(a, every, lang, label=t("portfolio.all", lang)),
        groups=[group_stats(a, m, lang, key=k, label=label) for k, label, m in groups],
    )
