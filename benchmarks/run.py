"""smcheck's performance budgets, each measured beside a baseline in the same run.

Run from the repository root with smcheck importable (installed, or ``PYTHONPATH=src``)::

    python benchmarks/run.py                 # every budget, 5 runs each
    python benchmarks/run.py --runs 9        # more runs
    python benchmarks/run.py --quick         # 200 instead of 1,000 files for the batch budgets,
                                             # 2,000 instead of 10,000 for batch memory
    python benchmarks/run.py --only startup  # one budget (startup and memory share their runs)
    python benchmarks/run.py --profile       # also pyinstrument reports for batch and next-question

Prints min/median/max of smcheck and of its baseline, then one line per budget with the verdict;
exits 0 if every budget measured passes, 1 otherwise. Only the standard library, smcheck and
its dependencies are needed (pyinstrument only for ``--profile``). See README.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import fcntl
import os
import pty
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BARE_APP = HERE / "bare_app.py"

START_TEXT = "How ready is your organisation"  # the start screen's title (--lang en)
BARE_TEXT = "The bare Textual app is ready"
ROWS, COLS = 24, 80
WAIT = 60.0  # seconds before a start-up counts as hung
ASSESSMENT = "social-media-readiness"
SEED = 20261125
BATCH_FILES, QUICK_BATCH_FILES = 1000, 200
MEMORY_FILES, QUICK_MEMORY_FILES = 10_000, 2_000
MEMORY_LIMIT_MIB = 150.0

STEP_BUDGETS = (
    "profile",
    "next-excuse",
    "resume",
    "type-ahead",
    "type-ahead-cpu",
    "sessions",
    "sessions-start",
    "browser",
)
"""The steps a user waits on, measured by ``steps.py`` (type-ahead and type-ahead-cpu share
their runs, as do sessions and sessions-start)."""

BUDGETS = (
    "startup",
    "memory",
    "version",
    "batch",
    "batch-memory",
    "next-question",
    "portfolio",
    "portfolio-memory",
    *STEP_BUDGETS,
)


def _bytecode_cache(folder: Path) -> None:
    """Every child process compiles into and reads from one private cache, as an installed
    smcheck would (pip writes .pyc files): a PYTHONDONTWRITEBYTECODE in the caller's environment
    would otherwise make smcheck, run from src/, compile every module on every start while
    the installed Textual of the baseline comes precompiled. The warm-up runs fill the cache."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(folder)


def _ensure_importable() -> None:
    """Run from a checkout without installing: fall back to ``src/`` (children inherit it)."""
    try:
        import smcheck  # noqa: F401
    except ImportError:
        src = str(ROOT / "src")
        sys.path.insert(0, src)
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (src, os.environ.get("PYTHONPATH")) if p
        )


# --- figures ------------------------------------------------------------------------------------


@dataclass
class Series:
    """Repeated measurements of one thing."""

    label: str
    unit: str
    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def show(self, value: float) -> str:
        if self.unit == "s":
            return f"{value:.3f} s"
        if self.unit == "ms":
            return f"{value:.2f} ms"
        if self.unit == "MiB":
            return f"{value:.1f} MiB"
        return f"{value:g} {self.unit}"

    def line(self) -> str:
        v = self.values
        return (
            f"  {self.label:<44} min {self.show(min(v)):>11}  median {self.show(self.median):>11}"
            f"  max {self.show(max(v)):>11}  (n={len(v)})"
        )


@dataclass
class Verdict:
    """One budget's outcome."""

    name: str
    measured: Series
    baseline: Series | None
    limit: float  # a ratio, or an absolute value in the measured unit when there is no baseline

    @property
    def value(self) -> float:
        if self.baseline is None:
            return self.measured.median
        return self.measured.median / self.baseline.median

    @property
    def passed(self) -> bool:
        if self.baseline is None:
            return self.value < self.limit
        return self.value <= self.limit

    def row(self) -> str:
        m = self.measured.show(self.measured.median)
        if self.baseline is None:
            base, ratio = "(absolute)", "-"
            budget = f"< {self.measured.show(self.limit)}"
        else:
            base, ratio = self.baseline.show(self.baseline.median), f"{self.value:.2f}"
            budget = f"<= {self.limit:.2f}"
        verdict = "PASS" if self.passed else "FAIL"
        return f"{self.name:<14} {m:>11} {base:>11} {ratio:>6} {budget:>11}  {verdict}"


def _header() -> str:
    return f"{'budget':<14} {'measured':>11} {'baseline':>11} {'ratio':>6} {'budget':>11}  verdict"


def _interleaved(runs: int, *jobs: Callable[[], None]) -> None:
    """Run the jobs ``runs`` times, alternating their order so drift hits each alike."""
    for i in range(runs):
        for job in jobs if i % 2 == 0 else tuple(reversed(jobs)):
            job()


# --- a pseudo-terminal -------------------------------------------------------------------------


def _terminal_env(home: Path) -> dict[str, str]:
    """The same environment for smcheck and the bare app: 256 colours, no animation, UTF-8."""
    env = {
        **os.environ,
        "SMCHECK_HOME": str(home),
        "TERM": "xterm-256color",
        "TEXTUAL_ANIMATIONS": "none",
        "LANG": "C.UTF-8",
        "COLUMNS": str(COLS),
        "LINES": str(ROWS),
    }
    env.pop("LC_ALL", None)
    return env


def _peak_rss_mib(pid: int) -> float:
    """VmHWM, the peak resident set size of a running process, from /proc."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM in /proc/{pid}/status")


class Terminal:
    """A program in a pseudo-terminal of 80x24; notes when ``text`` first appears on it."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], text: str) -> None:
        self.text = text.encode()
        self.output = bytearray()
        self.seen = threading.Event()
        self.elapsed = 0.0
        self.peak_mib = 0.0
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.master = master
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            # search only the new bytes and what could join them to the text
            tail = len(self.output) - len(self.text) + 1
            self.output += chunk
            if not self.seen.is_set() and self.output.find(self.text, max(tail, 0)) >= 0:
                self.elapsed = time.perf_counter() - self.started
                with contextlib.suppress(OSError, RuntimeError):
                    self.peak_mib = _peak_rss_mib(self.proc.pid)  # right away, still running
                self.seen.set()

    def wait(self) -> None:
        if not self.seen.wait(WAIT):
            tail = bytes(self.output[-2000:]).decode(errors="replace")
            self.close()
            raise RuntimeError(f"{self.text.decode()!r} did not appear in {WAIT:.0f} s:\n{tail}")

    def close(self) -> None:
        """Kill the program and close the terminal; once done (``wait`` closes on a timeout),
        closing again does nothing."""
        if self.master < 0:
            return
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        os.close(self.master)
        self.master = -1
        self._reader.join(timeout=5)


def in_terminal(argv: Sequence[str], home: Path, text: str) -> Terminal:
    """Run ``argv`` with ``home`` as SMCHECK_HOME until ``text`` appears on its terminal; the
    closed terminal, with the seconds that took and the peak RSS then."""
    term = Terminal(argv, _terminal_env(home), text)
    try:
        term.wait()
    finally:
        term.close()
    return term


def first_screen(argv: Sequence[str], text: str) -> tuple[float, float]:
    """Start ``argv`` with a fresh empty SMCHECK_HOME; (seconds to ``text``, peak RSS in MiB)."""
    home = Path(tempfile.mkdtemp(prefix="smcheck-bench-home-"))
    try:
        term = in_terminal(argv, home, text)
        if not term.peak_mib:
            raise RuntimeError(f"could not read the peak RSS of {argv}")
        return term.elapsed, term.peak_mib
    finally:
        shutil.rmtree(home, ignore_errors=True)


SMCHECK_ARGV = (sys.executable, "-m", "smcheck", "--lang", "en")
BARE_ARGV = (sys.executable, str(BARE_APP), BARE_TEXT)


def bench_first_screen(runs: int) -> list[Verdict]:
    """Budgets 1 and 2: time to the first screen and peak RSS then, smcheck vs the bare app."""
    times = {"smcheck": Series("smcheck --lang en", "s"), "bare": Series("bare Textual app", "s")}
    rss = {
        "smcheck": Series("smcheck --lang en", "MiB"),
        "bare": Series("bare Textual app", "MiB"),
    }

    def one(key: str, argv: Sequence[str], text: str) -> Callable[[], None]:
        def job() -> None:
            elapsed, peak = first_screen(argv, text)
            times[key].values.append(elapsed)
            rss[key].values.append(peak)

        return job

    first_screen(SMCHECK_ARGV, START_TEXT)  # warm-up: bytecode caches, disk cache
    first_screen(BARE_ARGV, BARE_TEXT)
    _interleaved(runs, one("smcheck", SMCHECK_ARGV, START_TEXT), one("bare", BARE_ARGV, BARE_TEXT))
    print("startup: time to the first screen in a pseudo-terminal (80x24)")
    print(times["smcheck"].line())
    print(times["bare"].line())
    print("memory: peak RSS (VmHWM) when the first screen is there")
    print(rss["smcheck"].line())
    print(rss["bare"].line())
    return [
        Verdict("startup", times["smcheck"], times["bare"], 1.25),
        Verdict("memory", rss["smcheck"], rss["bare"], 1.3),
    ]


# --- whole processes ------------------------------------------------------------------------------


def wall_time(argv: Sequence[str], **kwargs: object) -> float:
    """Seconds one process takes from start to exit; it must succeed."""
    started = time.perf_counter()
    proc = subprocess.run(
        list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, **kwargs
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}):\n{proc.stderr.decode()}")
    return elapsed


def bench_version(runs: int) -> list[Verdict]:
    """Budget 3: ``python -m smcheck --version`` vs ``python -c "import pydantic"``."""
    mine = Series("python -m smcheck --version", "s")
    base = Series('python -c "import pydantic"', "s")
    mine_argv = (sys.executable, "-m", "smcheck", "--version")
    base_argv = (sys.executable, "-c", "import pydantic")
    wall_time(mine_argv)
    wall_time(base_argv)
    _interleaved(
        max(runs, 5) * 2,  # each takes a fraction of a second: more runs are cheap
        lambda: mine.values.append(wall_time(mine_argv)),
        lambda: base.values.append(wall_time(base_argv)),
    )
    print("version: wall time of one process")
    print(mine.line())
    print(base.line())
    return [Verdict("version", mine, base, 1.5)]


# --- batch scoring ----------------------------------------------------------------------------------


def make_answers_files(folder: Path, count: int, seed: int = SEED) -> None:
    """``count`` answers files for the bundled assessment: quick and full, seeded random answers,
    completed dates set; written as smcheck writes its session files."""
    from smcheck.core.models.answers import Answer, Organisation, Respondent
    from smcheck.files.catalog import find_assessment
    from smcheck.files.session import answers_toml, new_answers

    a = find_assessment(ASSESSMENT)
    rnd = random.Random(seed)
    objectives = [o.id for o in a.objectives]
    kpis = {o.id: [k.id for k in o.kpis] for o in a.objectives}
    first = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for i in range(count):
        scope = "quick" if rnd.random() < 0.4 else "full"
        lang = rnd.choice(("en", "de"))
        when = first + timedelta(days=rnd.randrange(330), minutes=rnd.randrange(600))
        values: dict[str, Answer] = {}
        for _, q in a.questions(scope):
            roll = rnd.random()
            if roll < 0.06:
                value: int | str = "dont-know"
            elif roll < 0.09:
                value = "n/a"
            elif roll < 0.12:
                value = ""
            else:
                value = rnd.randint(1, len(a.scale(q.scale).points))
            note = rnd.choice(("", "", "", "Asked the team; they agreed."))
            values[q.id] = Answer(value=value, note=note, answered_at=when)
        if not any(isinstance(x.value, int) for x in values.values()):
            first_id = next(iter(values))
            values[first_id] = Answer(value=3, answered_at=when)
        chosen = rnd.sample(objectives, rnd.randint(1, min(3, len(objectives))))
        baselines = {
            k: float(rnd.randint(0, 5000)) for o in chosen for k in kpis[o] if rnd.random() < 0.3
        }
        answers = new_answers(a, scope, lang, when).model_copy(
            update={
                "updated": when + timedelta(minutes=25),
                "completed": (when + timedelta(minutes=25)).date(),
                "respondent": Respondent(
                    name=f"Respondent {i}", role=rnd.choice(("leadership", "team", "consultant"))
                ),
                "organisation": Organisation(
                    name=f"Organisation {i:04d}",
                    size=rnd.choice(("1-9", "10-49", "50-249", "250-999", "1000+")),
                    industry=rnd.choice(("Retail", "Health", "Public sector", "Software")),
                    channels=rnd.sample(["LinkedIn", "Instagram", "YouTube", "Mastodon"], 2),
                    objectives=chosen,
                    company_goals=["Grow in the region"],
                    baselines=baselines,
                ),
                "answers": values,
            }
        )
        (folder / f"answers-{i:04d}.toml").write_text(answers_toml(answers), encoding="utf-8")


PARSE_ONLY = (
    "import pathlib, sys, tomllib\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.toml')):\n"
    "    tomllib.loads(p.read_text(encoding='utf-8'))\n"
)


def _check_batch(folder: Path, count: int) -> None:
    """The scoring run is real: one JSON line per file, nothing on stderr."""
    proc = subprocess.run(
        [sys.executable, "-m", "smcheck", "score", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = proc.stdout.count("\n")
    if proc.returncode != 0 or lines != count or proc.stderr:
        raise RuntimeError(
            f"smcheck score: exit {proc.returncode}, {lines} lines for {count} files\n"
            f"{proc.stderr[:2000]}"
        )


@contextlib.contextmanager
def answers_folder(count: int) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="smcheck-bench-answers-"))
    try:
        make_answers_files(folder, count)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench_batch(runs: int, count: int) -> list[Verdict]:
    """Budget 4: ``smcheck score DIR --format json`` vs parsing the same files with tomllib,
    as a user runs it (files shared out to one process per processor), and the same with
    ``--jobs 1`` (one process: what the scoring itself costs)."""
    mine = Series(f"smcheck score DIR --format json ({count} files)", "s")
    single = Series("the same with --jobs 1 (one process)", "s")
    base = Series(f"tomllib parse only ({count} files)", "s")
    with answers_folder(count) as folder:
        mine_argv = (sys.executable, "-m", "smcheck", "score", str(folder), "--format", "json")
        single_argv = (*mine_argv, "--jobs", "1")
        base_argv = (sys.executable, "-c", PARSE_ONLY, str(folder))
        _check_batch(folder, count)  # also the warm-up
        wall_time(base_argv)
        _interleaved(
            runs,
            lambda: mine.values.append(wall_time(mine_argv)),
            lambda: base.values.append(wall_time(base_argv)),
            lambda: single.values.append(wall_time(single_argv)),
        )
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"batch: one call scores every file, JSON lines to /dev/null ({cpus} processors)")
    print(mine.line())
    print(single.line())
    print(base.line())
    return [Verdict("batch", mine, base, 2.0), Verdict("batch-1-job", single, base, 2.0)]


def peak_rss_mib(argv: Sequence[str]) -> float:
    """The peak resident set size of one process run to its end, in MiB; it must succeed.

    Measured by a small Python process in between, which starts ``argv`` and reads its
    ``ru_maxrss`` (RUSAGE_CHILDREN: its only child). Started straight from this process, the
    child would report at least this process's own peak: Linux keeps the high-water mark of
    the memory a child shared with its parent until ``exec`` (vfork), and this process holds
    the generated files' models. The process in between is about 11 MiB, a floor well below
    any smcheck run.
    """
    measure = (
        "import os, resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "sys.stderr.buffer.write(p.stderr[-2000:])\n"
        "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", measure, *argv], capture_output=True, text=True, check=False
    )
    code, kib = (int(x) for x in proc.stdout.split())
    if code != 0:
        raise RuntimeError(f"{argv} failed ({code}):\n{proc.stderr}")
    return (kib if sys.platform != "darwin" else kib / 1024) / 1024  # macOS: bytes


def bench_batch_memory(count: int) -> list[Verdict]:
    """The batch memory budget: the peak memory of ``smcheck score DIR --format json --jobs 1`` over ``count``
    files stays under 150 MiB, an absolute limit: results are written as they are made, so the
    peak must not grow with the number of files. A tenth of the files is measured beside it
    to show that it is flat."""
    mine = Series(f"smcheck score DIR --jobs 1 ({count:,} files)", "MiB")
    tenth = Series(f"the same over {count // 10:,} files (for reference)", "MiB")
    with answers_folder(count) as folder:
        small = folder / "tenth"
        small.mkdir()
        for path in sorted(folder.glob("*.toml"))[: count // 10]:
            os.link(path, small / path.name)
        argv = (sys.executable, "-m", "smcheck", "score", "--format", "json", "--jobs", "1")
        peak_rss_mib((*argv, str(small)))  # warm-up: compiling the modules costs memory too
        mine.values.append(peak_rss_mib((*argv, str(folder))))
        tenth.values.append(peak_rss_mib((*argv, str(small))))
    print("batch-memory: peak RSS of one process scoring every file (one run each)")
    print(mine.line())
    print(tenth.line())
    return [Verdict("batch-memory", mine, None, MEMORY_LIMIT_MIB)]


# --- portfolio ---------------------------------------------------------------------------------------

PORTFOLIO_AT = 100_000
"""The portfolio budgets are for this many answers files."""
PORTFOLIO_LIMIT_MIB = 200.0


def bench_portfolio(runs: int, count: int) -> list[Verdict]:
    """The portfolio budgets, over ``count`` generated answers files of many organisations
    (``portfolio_data.make_portfolio``): ``smcheck portfolio DIR --format json`` takes at most
    1.5 times as long as ``smcheck score DIR --format json --jobs 1`` over the same files; and its
    peak memory for 100,000 files stays under 200 MiB. The memory is measured over ``count`` and
    over a quarter of them, and the growth between the two is carried on in a straight line to
    100,000 (measured directly when ``count`` is that many). At most three timed runs each: one
    takes tens of seconds."""
    from portfolio_data import make_portfolio

    mine = Series(f"smcheck portfolio DIR --format json ({count:,} files)", "s")
    base = Series(f"smcheck score DIR --format json --jobs 1 ({count:,} files)", "s")
    rss = Series(f"smcheck portfolio peak RSS ({count:,} files)", "MiB")
    quarter = Series(f"the same over {count // 4:,} files", "MiB")
    folder = Path(tempfile.mkdtemp(prefix="smcheck-bench-portfolio-"))
    try:
        organisations = make_portfolio(folder, count)
        small = folder / "quarter"  # the same mix: the first quarter the generator makes
        small.mkdir()
        make_portfolio(small, count // 4)
        smcheck = (sys.executable, "-m", "smcheck")
        mine_argv = (*smcheck, "portfolio", str(folder), "--format", "json")
        base_argv = (*smcheck, "score", str(folder), "--format", "json", "--jobs", "1")
        rss.values.append(peak_rss_mib(mine_argv))  # also the warm-up, and checks it succeeds
        quarter.values.append(peak_rss_mib((*smcheck, "portfolio", str(small), "--format", "json")))
        _interleaved(
            min(runs, 3),
            lambda: mine.values.append(wall_time(mine_argv)),
            lambda: base.values.append(wall_time(base_argv)),
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    slope = (rss.median - quarter.median) / (count - count // 4)
    projected = Series(f"projected to {PORTFOLIO_AT:,} files (straight line)", "MiB")
    projected.values.append(rss.median + slope * max(0, PORTFOLIO_AT - count))
    print(f"portfolio: {count:,} answers files of {organisations:,} organisations, one process")
    print(mine.line())
    print(base.line())
    print(rss.line())
    print(quarter.line())
    print(f"{projected.line()}  ({slope * 1024 * 1000:.0f} KiB per 1,000 files)")
    return [
        Verdict("portfolio", mine, base, 1.5),
        Verdict("portfolio-memory", projected, None, PORTFOLIO_LIMIT_MIB),
    ]


def smcheck_app() -> Any:
    """smcheck's app as a user starts it, in English, without a blinking cursor or animations."""
    from smcheck.app import SmcheckApp
    from smcheck.files.config import Config

    config = Config()
    app = SmcheckApp(
        lang="en",
        theme=config.theme,
        remembered_lang=config.lang,
        cwd=Path(tempfile.gettempdir()),
        cursor_blink=False,
    )
    app.animation_level = "none"
    return app


# --- next question, in process --------------------------------------------------------------------


class Frames:
    """Every update the app sends to its (headless) terminal, with the time it was sent.

    Headless, Textual still lays out and renders each frame and hands it to ``App._display``,
    which then writes nothing; wrapping that method on the instance records the frames. Replayed
    onto a virtual screen (each cell's character and style), they say when the screen first
    showed what a key press leads to.
    """

    def __init__(self, app: object) -> None:
        self.sent: list[tuple[float, object]] = []
        original = app._display  # type: ignore[attr-defined]

        def display(screen: object, renderable: object) -> None:
            if renderable is not None:
                self.sent.append((time.perf_counter(), renderable))
            original(screen, renderable)

        app._display = display  # type: ignore[attr-defined]

    @staticmethod
    def paint(cells: dict[tuple[int, int], object], update: object, console: object) -> None:
        """Apply one update to ``cells``: cursor moves and styled text, as a terminal would."""
        from rich.cells import cell_len
        from rich.segment import ControlType

        x = y = 0
        for segment in update.__rich_console__(console, console.options):  # type: ignore[attr-defined]
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            if segment.text == "\n":
                continue
            for ch in segment.text:
                cells[(x, y)] = (ch, segment.style)
                x += cell_len(ch)

    def settled(self, windows: list[tuple[float, float]], console: object) -> list[float]:
        """For each window (key pressed, next key pressed), milliseconds from the key to the
        first frame after which the screen no longer changed within the window."""
        cells: dict[tuple[int, int], object] = {}
        frames = iter(self.sent)
        pending = next(frames, None)
        result = []
        for start, end in windows:
            while pending is not None and pending[0] < start:
                self.paint(cells, pending[1], console)
                pending = next(frames, None)
            states: list[tuple[float, dict[tuple[int, int], object]]] = []
            while pending is not None and pending[0] < end:
                self.paint(cells, pending[1], console)
                states.append((pending[0], dict(cells)))
                pending = next(frames, None)
            if not states:
                raise RuntimeError("a key press changed nothing on the screen")
            final = states[-1][1]
            first = next(t for t, state in states if state == final)
            result.append((first - start) * 1000)
        return result


async def _walk_full_check(
    latency: list[float],
    cpu: list[float] | None = None,
    wall: list[float] | None = None,
    warm_up_screens: int = 1,
    profiler: object | None = None,
) -> None:
    """Start a full check and answer its questions with "3"; measure the presses that move on."""
    from smcheck.core.walk import Excuse
    from smcheck.files.catalog import find_assessment
    from smcheck.screens.dimension import DimensionScreen
    from smcheck.screens.question import QuestionCard

    app = smcheck_app()
    assessment = find_assessment(ASSESSMENT)
    frames = Frames(app)
    windows: list[tuple[float, float]] = []  # (key pressed, press returned) of the timed moves
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        await pilot.pause()
        await app.start_new(assessment, "full")
        await pilot.pause()
        assert app.session is not None
        dims = app.session.walk.dimensions
        for i in range(len(dims)):
            await app.show(Excuse(i))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, DimensionScreen), screen
            cards = list(screen.query(QuestionCard))
            timed = i >= warm_up_screens
            if timed and profiler is not None:
                profiler.start()  # type: ignore[attr-defined]
            for k, card in enumerate(cards):
                assert screen.focused is card, (screen.focused, card)
                moves = k < len(cards) - 1  # the last card answers but has nowhere to go
                started, cpu_started = time.perf_counter(), time.process_time()
                await pilot.press("3")
                returned = time.perf_counter()
                cpu_elapsed = time.process_time() - cpu_started
                if timed and moves:
                    assert screen.focused is cards[k + 1], screen.focused
                    windows.append((started, returned))
                    if cpu is not None:
                        cpu.append(cpu_elapsed * 1000)
                    if wall is not None:
                        wall.append((returned - started) * 1000)
            if timed and profiler is not None:
                profiler.stop()  # type: ignore[attr-defined]
            assert all(c.answer.value == 3 for c in cards)
        answered = sum(1 for x in app.session.answers.answers.values() if x.value == 3)
        assert answered == len(assessment.questions("full")), answered
        latency.extend(frames.settled(windows, app.console))


def _in_fresh_home(work: Callable[[], None]) -> None:
    home = tempfile.mkdtemp(prefix="smcheck-bench-home-")
    old = os.environ.get("SMCHECK_HOME")
    os.environ["SMCHECK_HOME"] = home
    try:
        work()
    finally:
        if old is None:
            os.environ.pop("SMCHECK_HOME", None)
        else:
            os.environ["SMCHECK_HOME"] = old
        shutil.rmtree(home, ignore_errors=True)


async def _pilot_floor(presses: list[float], cpu: list[float], count: int) -> None:
    """What ``await pilot.press`` costs on its own: a key nothing is bound to, on the bare app.
    Pilot waits for idle in 20 ms slices (textual._wait), so no press returns sooner."""
    sys.path.insert(0, str(HERE))
    from bare_app import BareApp

    app = BareApp(BARE_TEXT)
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        await pilot.pause()
        for i in range(count + 3):
            started, cpu_started = time.perf_counter(), time.process_time()
            await pilot.press("3")
            if i >= 3:  # warm-up
                presses.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)


def bench_next_question(runs: int) -> list[Verdict]:
    """Budget 5: from pressing a digit on a question until the screen shows the next one."""
    latency = Series("smcheck: key '3' -> screen shows the next question", "ms")
    cpu = Series("smcheck: CPU time of the whole press (with Pilot)", "ms")
    wall = Series("smcheck: await pilot.press('3') returns", "ms")
    floor = Series("bare app: await pilot.press('3') returns", "ms")
    floor_cpu = Series("bare app: CPU time of the same presses", "ms")
    walks = max(1, runs // 5)  # 27 timed presses per walk through the full check
    for _ in range(walks):
        _in_fresh_home(
            lambda: asyncio.run(_walk_full_check(latency.values, cpu.values, wall.values))
        )
    asyncio.run(_pilot_floor(floor.values, floor_cpu.values, len(latency.values)))
    print("next-question: in process, Textual's Pilot, headless 80x24 (the budget is absolute)")
    print(latency.line())
    print("  for reference (not the budget):")
    print(cpu.line())
    print(wall.line())
    print(floor.line())
    print(floor_cpu.line())
    return [Verdict("next-question", latency, None, 16.0)]


# --- profiles -------------------------------------------------------------------------------------


def profile(count: int, only: set[str]) -> None:
    """pyinstrument reports for the batch and the next-question budgets (timings are not kept)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("--profile: pyinstrument is not installed; skipped", file=sys.stderr)
        return
    if "batch" in only:
        _profile_batch(count)
    if "next-question" in only:
        profiler = Profiler(async_mode="disabled")
        _in_fresh_home(lambda: asyncio.run(_walk_full_check([], profiler=profiler)))
        print("=== profile: next-question (the timed presses only) ===")
        print(profiler.output_text(unicode=True, color=False))
        # most of the time is in Textual's frames, which the tree hides: the flat view names them
        flat = profiler.output_text(unicode=True, color=False, flat=True).splitlines()
        print("\n".join(flat[:50]))


def _profile_batch(count: int) -> None:
    with answers_folder(count) as folder, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "batch.txt"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pyinstrument",
                "--renderer",
                "text",
                "--outfile",
                str(report),
                "-m",
                "smcheck",
                "score",
                str(folder),
                "--format",
                "json",
                "--jobs",
                "1",  # in one process: pyinstrument sees no worker processes
            ],
            stdout=subprocess.DEVNULL,
            check=True,
        )
        print(f"\n=== profile: batch ({count} files, --jobs 1) ===")
        print(report.read_text(encoding="utf-8"))


# --- main ------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=5, help="runs of each side (default 5, at least 5)")
    p.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_BATCH_FILES} files for batch, not 1,000; {QUICK_MEMORY_FILES:,} for "
        "batch-memory, not 10,000",
    )
    p.add_argument("--only", choices=BUDGETS, action="append", help="only this budget (repeatable)")
    p.add_argument("--profile", action="store_true", help="pyinstrument reports for 4 and 5")
    args = p.parse_args(argv)
    runs = max(5, args.runs)
    only = set(args.only or BUDGETS)
    count = QUICK_BATCH_FILES if args.quick else BATCH_FILES
    memory_count = QUICK_MEMORY_FILES if args.quick else MEMORY_FILES
    _ensure_importable()
    cache = Path(tempfile.mkdtemp(prefix="smcheck-bench-pycache-"))
    home = Path(tempfile.mkdtemp(prefix="smcheck-bench-home-"))
    _bytecode_cache(cache)
    os.environ["SMCHECK_HOME"] = str(home)  # no user files are read or written
    try:
        return _run(only, runs, count, memory_count, args.profile)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)


def _run(only: set[str], runs: int, count: int, memory_count: int, with_profile: bool) -> int:
    print(
        f"smcheck benchmarks: {runs} runs, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, {date.today().isoformat()}\n"
    )
    verdicts: list[Verdict] = []
    if only & {"startup", "memory"}:
        verdicts += [v for v in bench_first_screen(runs) if v.name in only]
    if "version" in only:
        verdicts += bench_version(runs)
    if "batch" in only:
        verdicts += bench_batch(runs, count)
    if "batch-memory" in only:
        verdicts += bench_batch_memory(memory_count)
    if "next-question" in only:
        verdicts += bench_next_question(runs)
    if only & {"portfolio", "portfolio-memory"}:
        verdicts += [v for v in bench_portfolio(runs, memory_count) if v.name in only]
    import steps

    if only & set(steps.BUDGETS):
        verdicts += steps.measure(only, runs)
    print()
    print(_header())
    for v in verdicts:
        print(v.row())
    if with_profile and only & {"batch", "next-question"}:
        profile(count, only)
    return 0 if all(v.passed for v in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
