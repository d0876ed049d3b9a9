"""The budgets of the steps a user waits on, each beside a baseline measured in the same run.

``run.py`` runs them with the others (``--only profile`` and so on); this module runs alone too::

    python benchmarks/steps.py                    # every step budget, 5 runs each
    python benchmarks/steps.py --only resume      # one (repeatable)
    python benchmarks/steps.py --profile profile  # a pyinstrument report of one timed step

The in-process steps (profile, next-excuse, type-ahead) run each measurement in a fresh
process (``steps_inprocess.py``), smcheck and its baseline alike: the first Enter of a process
pays for what it imports and reads first, as it does for a user. The browser step is in
``steps_browser.py``. What each budget measures and why: README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import run  # noqa: E402  (benchmarks/ is not a package)
from run import Series, Verdict, _interleaved  # noqa: E402
from steps_inprocess import TYPED_ANSWERS, default_assessment, typed_keys  # noqa: E402

BUDGETS = run.STEP_BUDGETS

READING = 0.5
"""Seconds between the start screen's list being drawn and Enter: a quick reader's pause. Enter
pressed at once is measured beside it, for reference."""
SESSIONS = 2000
INPROCESS = HERE / "steps_inprocess.py"


def child(kind: str, *args: object, profile: bool = False) -> dict[str, Any]:
    """Run one in-process measurement in a fresh process with an empty SMCHECK_HOME."""
    home = tempfile.mkdtemp(prefix="smcheck-bench-home-")
    env = {**os.environ, "SMCHECK_HOME": home, "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}
    argv = [sys.executable, str(INPROCESS), kind, *map(str, args)]
    try:
        proc = subprocess.run(
            [*argv, *(["--profile"] if profile else [])],
            env=env,
            stdout=subprocess.PIPE,
            stderr=None if profile else subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed ({proc.returncode}):\n{(proc.stderr or '')[-3000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


# --- the in-process budgets ---------------------------------------------------------------------


def bench_profile(runs: int) -> list[Verdict]:
    """Enter on the start screen until the profile is drawn, against the bare app's Enter on
    its first screen until its form is drawn; Enter :data:`READING` s after the first screen."""
    mine = Series(f"smcheck: Enter {READING} s after the list -> profile", "ms")
    base = Series(f"bare app: Enter {READING} s after its screen -> form", "ms")
    at_once = Series("smcheck: Enter as the list appears -> profile", "ms")
    base_at_once = Series("bare app: Enter as its screen appears -> form", "ms")
    child("profile", "smcheck", READING)  # warm-up
    child("profile", "bare", READING)
    _interleaved(
        runs,
        lambda: mine.values.extend(child("profile", "smcheck", READING)["ms"]),
        lambda: base.values.extend(child("profile", "bare", READING)["ms"]),
        lambda: at_once.values.extend(child("profile", "smcheck", 0)["ms"]),
        lambda: base_at_once.values.extend(child("profile", "bare", 0)["ms"]),
    )
    print("profile: key to settled frame, in process, headless 80x24, a fresh process each")
    for s in (mine, base, at_once, base_at_once):
        print(s.line())
    return [Verdict("profile", mine, base, 1.5)]


def bench_next_excuse(runs: int) -> list[Verdict]:
    """Quick check, "3" then Enter on each excuse: Enter until the next excuse is drawn,
    against the bare app's Enter replacing its form by a new one (warm, as smcheck is)."""
    mine = Series("smcheck: Enter -> next excuse (quick check)", "ms")
    base = Series("bare app: Enter -> a new form (not its first)", "ms")
    child("excuses", "smcheck")
    child("excuses", "bare")
    _interleaved(
        max(1, runs // 3),  # nine steps a walk
        lambda: mine.values.extend(child("excuses", "smcheck")["ms"]),
        lambda: base.values.extend(child("excuses", "bare")["ms"]),
    )
    print("next-excuse: key to settled frame, in process, headless 80x24")
    print(mine.line())
    print(base.line())
    return [Verdict("next-excuse", mine, base, 1.2)]


def bench_type_ahead(runs: int) -> list[Verdict]:
    """Answers typed at 10 keys a second: the last on screen and saved within 0.3 s of the
    last key; CPU per answer at most 3x the bare app's per key."""
    screen = Series("smcheck: last key -> last answer on screen", "ms")
    saved = Series("smcheck: last key -> last answer in the journal", "ms")
    later = Series("smcheck: last key -> on screen and saved", "ms")
    cpu = Series("smcheck: CPU per answer (with saving)", "ms")
    bare_screen = Series("bare app: last key -> screen settled", "ms")
    bare_cpu = Series("bare app: CPU per key (updates a Static)", "ms")
    cards_cpu = Series("bare app: CPU per key (next card, scrolled to)", "ms")

    def mine() -> None:
        r = child("type-ahead", "smcheck")
        screen.values.append(r["screen_ms"])
        saved.values.append(r["saved_ms"])
        later.values.append(max(r["screen_ms"], r["saved_ms"]))
        cpu.values.append(r["cpu_ms"])

    def bare() -> None:
        r = child("type-ahead", "bare")
        bare_screen.values.append(r["screen_ms"])
        bare_cpu.values.append(r["cpu_ms"])

    def cards() -> None:
        cards_cpu.values.append(child("type-ahead", "cards")["cpu_ms"])

    mine()
    bare()
    for s in (screen, saved, later, cpu, bare_screen, bare_cpu):
        s.values.clear()
    _interleaved(runs, mine, bare, cards)
    keys = len(typed_keys()[0])
    print(f"type-ahead: {TYPED_ANSWERS} answers of the full check ({keys} keys, 10 a second)")
    for s in (screen, saved, later, cpu, bare_screen, bare_cpu):
        print(s.line())
    print("  for reference (not the budget):")
    print(cards_cpu.line())
    return [
        Verdict("type-ahead", later, None, 300.0),
        Verdict("type-ahead-cpu", cpu, bare_cpu, 3.0),
    ]


# --- in a pseudo-terminal -----------------------------------------------------------------------


def _resumable_home(folder: Path) -> tuple[str, str]:
    """A home with one full check answered up to question 5 (of an organisation with a
    profile); the session's id and the first words of question 6 as the card shows them."""
    from smcheck.files.open_session import OpenSession, OrganisationEdit

    old = os.environ.get("SMCHECK_HOME")
    os.environ["SMCHECK_HOME"] = str(folder)
    try:
        assessment = default_assessment()
        session = OpenSession.start(assessment, "full", "en")
        try:
            session.set_profile(OrganisationEdit(name="Bakery Example", size="10-49"))
            questions = [q for _, q in assessment.questions("full")]
            for q in questions[:5]:
                session.set_answer(q.id, 3)
            session.save()
        finally:
            session.close()
        words = " ".join(questions[5].prompt.en.split()[:4])
        return session.id, f"6. {words}"
    finally:
        if old is None:
            os.environ.pop("SMCHECK_HOME", None)
        else:
            os.environ["SMCHECK_HOME"] = old


def bench_resume(runs: int) -> list[Verdict]:
    """``smcheck run --resume ID`` until the question is drawn, against the bare app's start
    to its first screen (pseudo-terminal, 80x24, as ``run.first_screen``)."""
    mine = Series("smcheck run --resume ID -> question 6 drawn", "s")
    base = Series("bare Textual app -> first screen", "s")
    floor = Series("bare app, after importing the models", "s")
    floor_argv = (sys.executable, str(HERE / "bare_validated.py"), run.BARE_TEXT)
    prepared = Path(tempfile.mkdtemp(prefix="smcheck-bench-resume-"))
    try:
        session_id, text = _resumable_home(prepared)
        argv = (sys.executable, "-m", "smcheck", "run", "--resume", session_id)

        def one() -> None:
            home = Path(tempfile.mkdtemp(prefix="smcheck-bench-home-"))
            try:
                shutil.copytree(prepared, home, dirs_exist_ok=True)
                mine.values.append(run.in_terminal(argv, home, text).elapsed)
            finally:
                shutil.rmtree(home, ignore_errors=True)

        one()
        run.first_screen(run.BARE_ARGV, run.BARE_TEXT)
        run.first_screen(floor_argv, run.BARE_TEXT)
        mine.values.clear()
        _interleaved(
            runs,
            one,
            lambda: base.values.append(run.first_screen(run.BARE_ARGV, run.BARE_TEXT)[0]),
            lambda: floor.values.append(run.first_screen(floor_argv, run.BARE_TEXT)[0]),
        )
    finally:
        shutil.rmtree(prepared, ignore_errors=True)
    print("resume: start to the resumed question in a pseudo-terminal (80x24)")
    print(mine.line())
    print(base.line())
    print("  for reference (not the budget): what showing only a validated session costs at least")
    print(f"{floor.line()}  ({floor.median / base.median:.2f}x the bare app)")
    return [Verdict("resume", mine, base, 1.5)]


def make_sessions(home: Path, count: int) -> None:
    """``count`` saved sessions: a few dozen answers files as the batch budget makes them
    (quick and full, mostly completed), copied under session ids an hour or so apart, each its
    own engagement."""
    from datetime import datetime, timedelta

    sessions = home / "sessions"
    sessions.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        run.make_answers_files(Path(tmp), 40)
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.toml"))]
    engagement = re.compile(r'^engagement = ".*"$', re.M)
    when = datetime(2023, 1, 9, 9, 0)
    for i in range(count):
        sid = (when + timedelta(minutes=61 * i)).strftime("%Y%m%d-%H%M%S")
        text = texts[i % len(texts)]
        text = engagement.sub(f'engagement = "e{sid}"', text, count=1)
        path = sessions / f"{sid}.toml"
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)


def bench_sessions(runs: int) -> list[Verdict]:
    """``smcheck sessions`` with :data:`SESSIONS` saved sessions (index warm) against none;
    the start screen's list with them against its empty case."""
    listing = Series(f"smcheck sessions, {SESSIONS:,} sessions (index warm)", "s")
    cold = Series(f"the same, first run (no index yet, {SESSIONS:,} read)", "s")
    empty = Series("smcheck sessions, no sessions", "s")
    start = Series(f"start screen's list, {SESSIONS:,} sessions", "s")
    start_empty = Series("start screen's list, no sessions", "s")
    title = Series(f"start screen's title, {SESSIONS:,} sessions", "s")
    title_empty = Series("start screen's title, no sessions", "s")
    full = Path(tempfile.mkdtemp(prefix="smcheck-bench-sessions-"))
    try:
        make_sessions(full, SESSIONS)
        argv = (sys.executable, "-m", "smcheck", "sessions")
        env_full = {**os.environ, "SMCHECK_HOME": str(full)}
        cold.values.append(run.wall_time(argv, env=env_full))
        lines = subprocess.run(argv, env=env_full, capture_output=True, text=True, check=True)
        if lines.stdout.count("\n") < SESSIONS:
            raise RuntimeError(f"smcheck sessions listed too little:\n{lines.stdout[:2000]}")
        # the list's first line: its unfinished sessions come first (and push the new checks
        # out of the 80x24 view), without any it starts with the questionnaire
        listed = {True: "Resume", False: "Start new:"}

        def empty_home() -> float:
            home = Path(tempfile.mkdtemp(prefix="smcheck-bench-home-"))
            try:
                return run.wall_time(argv, env={**os.environ, "SMCHECK_HOME": str(home)})
            finally:
                shutil.rmtree(home, ignore_errors=True)

        def start_list(home: Path | None, into: Series) -> None:
            folder = home or Path(tempfile.mkdtemp(prefix="smcheck-bench-home-"))
            try:
                into.values.append(
                    run.in_terminal(run.SMCHECK_ARGV, folder, listed[bool(home)]).elapsed
                )
            finally:
                if home is None:
                    shutil.rmtree(folder, ignore_errors=True)

        def start_title() -> None:
            title.values.append(run.in_terminal(run.SMCHECK_ARGV, full, run.START_TEXT).elapsed)
            title_empty.values.append(run.first_screen(run.SMCHECK_ARGV, run.START_TEXT)[0])

        empty_home()
        start_list(full, Series("warm-up", "s"))
        start_list(None, Series("warm-up", "s"))
        _interleaved(
            runs,
            lambda: listing.values.append(run.wall_time(argv, env=env_full)),
            lambda: empty.values.append(empty_home()),
            lambda: start_list(full, start),
            lambda: start_list(None, start_empty),
            start_title,
        )
    finally:
        shutil.rmtree(full, ignore_errors=True)
    print(f"sessions: {SESSIONS:,} saved sessions (the start screen in a pseudo-terminal)")
    for s in (listing, cold, empty, start, start_empty, title, title_empty):
        print(s.line())
    return [
        Verdict("sessions", listing, empty, 1.5),
        Verdict("sessions-start", start, start_empty, 1.5),
    ]


def bench_browser(runs: int) -> list[Verdict]:
    from steps_browser import bench_browser as measure

    return measure(runs)


def measure(only: set[str], runs: int) -> list[Verdict]:
    """The step budgets named in ``only`` (see :data:`BUDGETS`)."""
    verdicts: list[Verdict] = []
    steps: list[tuple[set[str], Callable[[int], list[Verdict]]]] = [
        ({"profile"}, bench_profile),
        ({"next-excuse"}, bench_next_excuse),
        ({"resume"}, bench_resume),
        ({"type-ahead", "type-ahead-cpu"}, bench_type_ahead),
        ({"sessions", "sessions-start"}, bench_sessions),
        ({"browser"}, bench_browser),
    ]
    for names, bench in steps:
        if only & names:
            verdicts += [v for v in bench(runs) if v.name in only]
    return verdicts


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--only", choices=BUDGETS, action="append")
    p.add_argument(
        "--profile",
        choices=("profile", "profile-at-once", "excuses", "type-ahead"),
        help="print a pyinstrument report of one timed step of smcheck instead",
    )
    args = p.parse_args(argv)
    run._ensure_importable()
    cache = Path(tempfile.mkdtemp(prefix="smcheck-bench-pycache-"))
    run._bytecode_cache(cache)
    try:
        if args.profile:
            kind, extra = {
                "profile": ("profile", (READING,)),
                "profile-at-once": ("profile", (0,)),
                "excuses": ("excuses", ()),
                "type-ahead": ("type-ahead", ()),
            }[args.profile]
            child(kind, "smcheck", *extra)  # fills the bytecode cache
            child(kind, "smcheck", *extra, profile=True)
            return 0
        verdicts = measure(set(args.only or BUDGETS), max(5, args.runs))
        print()
        print(run._header())
        for v in verdicts:
            print(v.row())
        return 0 if all(v.passed for v in verdicts) else 1
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
