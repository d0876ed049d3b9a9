"""One organisation's percentile among comparable organisations of a portfolio.

The rule, also in the README ("Benchmarks from your own portfolio"):
- **Who is compared.** The organisations of the same size class (of every size when the
  organisation gives none). Among them, those of the same industry (compared with case and
  spaces ignored) when at least ``MIN_ORGANISATIONS`` of them exist; else all of that size class.
- **Never itself.** The organisation is left out of its own group: every organisation of the
  portfolio known by the same engagement or the same name (case and spaces ignored).
- **The percentile.** Per dimension and overall, *compared* is the number of organisations of
  the group with a score there, *lower* the number of them whose score is strictly lower, and
  ``percentile = floor(100 × lower / compared)``: "higher than 70 % of 23 organisations of
  50–249 employees" says that at least 70 % of the 23 have a lower score; ties do not count as
  lower and rounding is down, so the sentence is never more than true.
- **Too few.** With fewer than ``MIN_ORGANISATIONS`` organisations compared there is no
  percentile, only "too few to compare".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smcheck.core.models.answers import Answers, Size
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Result
from smcheck.core.models.portfolio import MIN_ORGANISATIONS, Benchmark, DimensionRank, Rank
from smcheck.core.portfolio import OrgView, digest, industry_key, organisation_keys
from smcheck.core.text import one_line
from smcheck.core.texts import t


def percentile(own: int, others: Sequence[int]) -> int:
    """``floor(100 × lower / len(others))``, lower = how many of ``others`` are below ``own``."""
    lower = sum(1 for x in others if x < own)
    return 100 * lower // len(others)


def comparison_group(
    answers: Answers, peers: Iterable[OrgView], known_as: Iterable[int] = ()
) -> tuple[list[OrgView], Size, str]:
    """The organisations ``answers``' organisation is compared with (itself left out: known by
    its engagement, its name, or one of the digests ``known_as``), the size class compared
    within ("" for every size) and the industry ("" for every industry)."""
    mine = {digest(k) for k in organisation_keys(answers)} | set(known_as)
    size = answers.organisation.size
    same_size = [p for p in peers if (not size or p.size == size) and mine.isdisjoint(p.known_as)]
    industry = industry_key(answers.organisation.industry)
    if industry:
        same = [p for p in same_size if industry_key(p.industry) == industry]
        if len(same) >= MIN_ORGANISATIONS:
            return same, size, one_line(answers.organisation.industry)
    return same_size, size, ""


def group_text(size: str, industry: str, lang: Lang) -> str:
    """Who was compared, in words: "organisations of 50–249 employees in retail"."""
    shown = size.replace("-", "–")
    if size and industry:
        return t("benchmark.group-size-industry", lang, size=shown, industry=industry)
    if size:
        return t("benchmark.group-size", lang, size=shown)
    if industry:
        return t("benchmark.group-industry", lang, industry=industry)
    return t("benchmark.group-any", lang)


def rank(own: int | None, others: Sequence[int], group: str, lang: Lang) -> Rank:
    """Where ``own`` stands among ``others`` (the group's scores), with its sentence."""
    if len(others) < MIN_ORGANISATIONS:
        text = t("benchmark.too-few", lang, min=MIN_ORGANISATIONS, group=group)
        return Rank(score=own, text=text)
    n = len(others)
    if own is None:
        return Rank(compared=n, text=t("benchmark.no-score", lang))
    pct = percentile(own, others)
    key = "benchmark.higher" if pct else "benchmark.not-higher"
    return Rank(score=own, compared=n, percentile=pct, text=t(key, lang, pct=pct, n=n, group=group))


def benchmark(
    a: Assessment,
    result: Result,
    answers: Answers,
    peers: Iterable[OrgView],
    lang: Lang,
    *,
    known_as: Iterable[int] = (),
) -> Benchmark:
    """The percentile of ``result`` (the scores of ``answers``) among the comparable
    organisations of ``peers``, per dimension and overall (see the module's rule);
    ``known_as``: more digests the organisation is known by (see :func:`comparison_group`)."""
    group, size, industry = comparison_group(answers, peers, known_as)
    words = group_text(size, industry, lang)
    scores = {d.id: d.score for d in result.dimensions}
    dims = []
    for i, d in enumerate(a.dimensions):
        others = [s for p in group if (s := p.scores[i]) is not None]
        r = rank(scores.get(d.id), others, words, lang)
        dims.append(DimensionRank(id=d.id, name=d.name.get(lang), **r.model_dump()))
    overall = [p.overall for p in group if p.overall is not None]
    return Benchmark(
        size=size,
        industry=industry,
        group=words,
        organisations=len(group) if len(group) >= MIN_ORGANISATIONS else None,
        overall=rank(result.overall, overall, words, lang),
        dimensions=dims,
    )
