"""Scoring answers files in bulk: one file's outcome, and many files across processes, in order."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smcheck.core.errors import InvalidFile, SmcheckError

if TYPE_CHECKING:
    from smcheck.core.models.assessment import Assessment
    from smcheck.core.models.common import Lang

PARALLEL_FROM = 64
"""Fewer files than this are scored in this process: starting workers would cost more."""

MAX_JOBS = 8


@dataclass(frozen=True)
class ScoreOptions:
    """What ``smcheck score`` was asked for, the same for every file."""

    fmt: str
    lines: bool = False
    """One compact JSON line per file (several files to stdout)."""
    assessment: str | None = None
    """``-a``: an assessment id or file, else the one each answers file names."""
    lang: Lang | None = None
    start: date | None = None
    weeks: int = 6
    previous: Path | None = None


@dataclass
class Outcome:
    """One answers file scored: its plan rendered, or its problems; notes for stderr."""

    path: Path
    text: str | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@functools.cache
def _assessment(ref: str) -> Assessment:
    from smcheck.files.catalog import find_assessment

    return find_assessment(ref)


def score_file(path: Path, options: ScoreOptions) -> Outcome:
    """Score one answers file into a plan, rendered as ``options`` say."""
    from smcheck.core.planning import make_plan
    from smcheck.core.progress import progress
    from smcheck.core.scoring import score
    from smcheck.files.export import render, to_json
    from smcheck.files.session import load_session_file as load_answers  # a journal too

    out = Outcome(path)
    given = _assessment(options.assessment) if options.assessment else None
    try:
        answers, a = load_answers(path, given, _assessment, out.notes)
    except InvalidFile as exc:
        out.problems += [str(p) for p in exc.problems]
        return out
    lang = options.lang or answers.lang
    today = None
    if options.start is None and answers.completed is None:
        today = date.today()
        out.notes.append(
            f"{path} has no completed date; the plan starts the Monday after today "
            "(set completed or --start for a fixed plan)"
        )
    if not any(isinstance(x.value, int) for x in answers.answers.values()):
        out.notes.append(
            f'{path} has no answered question yet; set each value to 1-5, "dont-know" or "n/a"'
        )
    start_point = None
    if options.previous is not None:
        try:
            previous, _ = load_answers(options.previous, a, notices=out.notes)
            start_point = progress(a, previous, answers, lang, today=options.start or date.today())
        except InvalidFile as exc:
            out.problems += [str(p) for p in exc.problems]
            return out
        except SmcheckError as exc:
            out.problems.append(f"{options.previous}: {exc}")
            return out
    try:
        plan = make_plan(
            a,
            answers,
            score(a, answers, lang),
            lang=lang,
            start=options.start,
            weeks=options.weeks,
            today=today,
            start_point=start_point,
        )
    except ValueError as exc:
        out.problems.append(f"{path}: {exc}")
        return out
    out.text = to_json(plan, compact=True) if options.lines else render(plan, options.fmt)  # type: ignore[arg-type]
    return out


def _score_chunk(paths: Sequence[Path], options: ScoreOptions) -> list[Outcome]:
    return [score_file(path, options) for path in paths]


def available_cpus() -> int:
    """The processors this process may run on."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def score_files(paths: Sequence[Path], options: ScoreOptions, jobs: int = 0) -> Iterator[Outcome]:
    """Every file's outcome, in the order given. With many files they are scored by ``jobs``
    worker processes (0: one per available processor, at most 8), each taking a share."""
    jobs = jobs or min(available_cpus(), MAX_JOBS)
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield score_file(path, options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # On Linux a forked worker starts with smcheck already imported; elsewhere forking a
    # process is unsafe or unavailable, and workers start afresh.
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    size = max(8, -(-len(paths) // (jobs * 4)))  # a few shares per worker evens out the load
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        try:
            for outcomes in pool.map(_score_chunk, chunks, [options] * len(chunks)):
                yield from outcomes
        except BrokenProcessPool:
            raise SmcheckError(
                "a worker process stopped unexpectedly (out of memory?); nothing was written. "
                "Try again with --jobs 1"
            ) from None
