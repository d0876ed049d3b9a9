"""Scoring answers files in bulk: one file's outcome, and many files across processes, in order.

Outcomes are handed on one at a time as they are ready (in the order of the files), so a run
over many files holds a few of them at once, never all: its memory does not grow with their
number.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smcheck.cli.output import STDIN_NAME, err, file_name, is_stdin, out, target_problem, write
from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.text import printable

if TYPE_CHECKING:
    from smcheck.core.models.answers import Answers
    from smcheck.core.models.assessment import Assessment
    from smcheck.core.models.common import Lang
    from smcheck.core.models.plan import Plan

PARALLEL_FROM = 64
"""Fewer files than this are scored in this process: starting workers would cost more."""

MAX_JOBS = 8
CHUNK = 64
"""At most this many files go to a worker at a time, so the results waiting to be written stay few."""


class WorkerStopped(SmcheckError):
    """A worker process ended without handing back its results (killed: out of memory?)."""


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
    csv_flavour: str = "plain"
    stdin: bytes | None = None
    """What standard input held, when ``-`` is one of the files (read once, in the first process)."""
    name_files: bool = False
    """Several files at once: each plan names its file in ``source.file``."""
    benchmark: Path | None = None
    """``--benchmark``: a portfolio folder; the plan gets its percentiles among comparable ones."""


@dataclass
class Outcome:
    """One answers file scored: its plan rendered (text, or bytes for a PDF), or its problems;
    notes for stderr."""

    path: Path
    text: str | bytes | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@functools.cache
def _assessment(ref: str) -> Assessment:
    from smcheck.files.catalog import find_assessment

    return find_assessment(ref)


def load(
    path: Path, given: Assessment | None, stdin: bytes | None, notes: list[str] | None = None
) -> tuple[Answers, Assessment]:
    """An answers file (a session with its journal), or for ``-`` what standard input held
    (``stdin``, read by the command before any worker started), and its assessment."""
    if not is_stdin(path):
        from smcheck.files.session import load_session_file

        return load_session_file(path, given, _assessment, notes)
    from smcheck.files.catalog import answers_from
    from smcheck.files.loading import document

    return answers_from(document(stdin or b"", STDIN_NAME), given, _assessment, notes)


def _render(plan: Plan, options: ScoreOptions) -> str | bytes:
    from smcheck.files.export import render, render_report, to_json

    if options.lines:
        return to_json(plan, compact=True)
    if options.fmt in ("html", "pdf"):
        return render_report(plan, options.fmt)  # type: ignore[arg-type]
    return render(plan, options.fmt, csv_flavour=options.csv_flavour)  # type: ignore[arg-type]


def score_file(path: Path, options: ScoreOptions) -> Outcome:
    """Score one answers file into a plan, rendered as ``options`` say."""
    from smcheck.core.planning import make_plan
    from smcheck.core.progress import progress
    from smcheck.core.scoring import score

    result = Outcome(path)
    name = file_name(path)
    given = _assessment(options.assessment) if options.assessment else None
    try:
        answers, a = load(path, given, options.stdin, result.notes)
    except InvalidFile as exc:
        result.problems += [str(p) for p in exc.problems]
        return result
    lang = options.lang or answers.lang
    today = None
    if options.start is None and answers.completed is None:
        today = date.today()
        result.notes.append(
            f"{name} has no completed date; the plan starts the Monday after today "
            "(set completed or --start for a fixed plan)"
        )
    if not any(isinstance(x.value, int) for x in answers.answers.values()):
        result.notes.append(
            f'{name} has no answered question yet; set each value to 1-5, "dont-know" or "n/a"'
        )
    start_point = None
    if options.previous is not None:
        try:
            previous, _ = load(options.previous, a, options.stdin, result.notes)
            start_point = progress(a, previous, answers, lang, today=options.start or date.today())
        except InvalidFile as exc:
            result.problems += [str(p) for p in exc.problems]
            return result
        except SmcheckError as exc:
            result.problems.append(f"{file_name(options.previous)}: {exc}")
            return result
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
        result.problems.append(f"{name}: {exc}")
        return result
    if options.name_files:  # one of many: the plan says whose it is
        plan = plan.model_copy(update={"source": plan.source.model_copy(update={"file": name})})
    if options.benchmark is not None:
        from smcheck.files.portfolio_input import with_benchmark

        plan = with_benchmark(plan, options.benchmark, a, answers, path)  # read before workers
    result.text = _render(plan, options)
    return result


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


def score_files(
    paths: Sequence[Path], options: ScoreOptions, jobs: int = 0
) -> Generator[Outcome, None, None]:
    """Every file's outcome, in the order given, each as soon as it and those before it are ready.

    With many files they are scored by ``jobs`` worker processes (0: one per available
    processor, at most 8), each taking a share of at most :data:`CHUNK` files; only a few
    shares per worker are handed out ahead of the one being read, so finished results never
    pile up. Closing the iterator early (the first bad file) cancels the shares not started.
    """
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
    size = max(8, min(CHUNK, -(-len(paths) // (jobs * 4))))  # a few shares per worker at least
    chunks = (paths[i : i + size] for i in range(0, len(paths), size))
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    try:
        ahead: deque[Future[list[Outcome]]] = deque()
        for chunk in chunks:
            ahead.append(pool.submit(_score_chunk, chunk, options))
            if len(ahead) >= jobs * 2:
                yield from ahead.popleft().result()
        while ahead:
            yield from ahead.popleft().result()
    except BrokenProcessPool:
        raise WorkerStopped("a worker process stopped unexpectedly (out of memory?)") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


EXIT_OK, EXIT_ERROR = 0, 2
_AGAIN = "Try again with --jobs 1"

Outcomes = Generator[Outcome, None, None]


def _notes(outcome: Outcome) -> None:
    for note in outcome.notes:
        print(f"smcheck: note: {printable(note)}", file=sys.stderr)


def write_one(outcomes: Outcomes, output: Path | None, inputs: Sequence[Path], force: bool) -> int:
    """The one file's plan to ``output`` (standard output for None or ``-``)."""
    from smcheck.cli.output import check_targets

    with contextlib.closing(outcomes):
        outcome = next(outcomes)
    _notes(outcome)
    if outcome.problems or outcome.text is None:
        raise SmcheckError("\n".join(outcome.problems))
    if output is not None and not is_stdin(output):
        check_targets([output], inputs, force)
    write(output, outcome.text)
    return EXIT_OK


def stream_lines(outcomes: Outcomes, keep_going: bool) -> int:
    """One JSON line per file on standard output, written as soon as the file is scored, in
    the order of the files.

    A bad file's problems go to standard error. Without ``keep_going`` the first bad file ends
    the stream (the lines before it stay written, as in any pipe: the exit code tells);
    with it, every good file gets its line and the exit code is 2 at the end.
    """
    failed = False
    try:
        with contextlib.closing(outcomes):
            for outcome in outcomes:
                _notes(outcome)
                if outcome.problems or outcome.text is None:
                    err("\n".join(outcome.problems))
                    if not keep_going:
                        return EXIT_ERROR
                    failed = True
                    continue
                assert isinstance(outcome.text, str)  # JSON lines are text
                out(outcome.text)
    except WorkerStopped as exc:
        raise SmcheckError(f"{exc}; the lines before were written. {_AGAIN}") from None
    return EXIT_ERROR if failed else EXIT_OK


def write_folder(
    outcomes: Outcomes,
    folder: Path,
    fmt: str,
    inputs: Sequence[Path],
    force: bool,
    keep_going: bool,
) -> int:
    """One ``NAME.plan.EXT`` per answers file in ``folder``, all or nothing.

    Each plan is written, as soon as it is scored, to a temporary file beside its target, so
    the plans are never all held in memory; at the end they are moved into place together
    (:class:`~smcheck.files.storage.Staging`). Without ``keep_going`` a bad file (or a target
    that exists without ``force``) means none is moved in: the temporary files are removed and
    scoring goes on only to name every problem. With it, the good files' plans are written
    and the exit code is 2.
    """
    from smcheck.files.storage import Staging

    read = {i.resolve() for i in inputs if not is_stdin(i)}
    seen: set[Path] = set()
    failed = False
    try:
        with Staging(private=False) as staging, contextlib.closing(outcomes):
            for outcome in outcomes:
                _notes(outcome)
                problems = list(outcome.problems)
                stem = "stdin" if is_stdin(outcome.path) else outcome.path.stem
                target = folder / f"{stem}.plan.{fmt}"
                if not problems:
                    if target in seen:
                        problems.append(
                            f"{file_name(outcome.path)}: would write {target} a second time; "
                            "rename one answers file"
                        )
                    elif problem := target_problem(target, read, force):
                        problems.append(problem)
                    seen.add(target)
                if problems or outcome.text is None:
                    err("\n".join(problems))
                    failed = True
                    if not keep_going:
                        staging.discard()  # nothing will be moved in: stop writing
                elif keep_going or not failed:
                    staging.add(target, outcome.text)
            if failed and not keep_going:
                return EXIT_ERROR
            staging.commit()
    except WorkerStopped as exc:
        raise SmcheckError(f"{exc}; nothing was written. {_AGAIN}") from None
    return EXIT_ERROR if failed else EXIT_OK
