"""The in-process steps of ``steps.py``, each run in a fresh process of its own.

``python benchmarks/steps_inprocess.py KIND WHICH [ARG] [--profile]`` runs one measurement of
smcheck (``WHICH`` = ``smcheck``) or of its baseline (a bare app from ``bare_form.py``) in a
headless 80x24 terminal and prints its figures as one JSON line; with ``--profile`` a
pyinstrument report of the timed part goes to stderr. The frames each app hands its terminal
are timed with ``run.Frames``. ``SMCHECK_HOME`` is set by the caller (an empty folder).
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import run  # noqa: E402  (benchmarks/ is not a package)
from run import COLS, ROWS  # noqa: E402

TAIL = 0.3
"""Seconds a step is watched for more frames after it looks done."""
TYPING = 0.1
"""Seconds between typed-ahead keys (10 a second)."""
TYPED_ANSWERS = 8
WAIT = 60.0


async def _until(condition: Callable[[], bool], what: str) -> None:
    end = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError(f"gave up waiting for {what}")
        await asyncio.sleep(0.002)


class Window:
    """A timed step: from its key to a settled screen, with an optional profile of it."""

    def __init__(self, profiler: Any | None) -> None:
        self.profiler = profiler
        self.windows: list[tuple[float, float]] = []
        self._started = 0.0

    def start(self) -> None:
        if self.profiler is not None:
            self.profiler.start()
        self._started = time.perf_counter()

    async def end(self, pilot: Any) -> None:
        await pilot.pause()
        await asyncio.sleep(TAIL)
        self.windows.append((self._started, time.perf_counter()))
        if self.profiler is not None:
            self.profiler.stop()


async def _start_list(app: Any, pilot: Any) -> None:
    """Wait until the start screen's list is drawn."""
    await _until(lambda: getattr(app.screen, "ready", None) is not None, "the start screen")
    await _until(app.screen.ready.is_set, "the start screen's list")
    await pilot.pause()


async def child_profile(which: str, delay: float, profiler: Any | None) -> dict[str, Any]:
    """Enter on the first screen until the form is drawn; Enter ``delay`` s after the first
    screen (its list, for smcheck) is there."""
    if which == "smcheck":
        app = run.smcheck_app()
    else:
        from bare_form import FormApp

        app = FormApp()
    frames = run.Frames(app)
    step = Window(profiler)
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        if which == "smcheck":
            await _start_list(app, pilot)
        else:
            await pilot.pause()
        # by name: importing smcheck's profile screen here would spare the step its import
        form = "ProfileScreen" if which == "smcheck" else "FormScreen"
        await asyncio.sleep(delay)
        step.start()
        await pilot.press("enter")
        await _until(lambda: type(app.screen).__name__ == form, "the form")
        await step.end(pilot)
        ms = frames.settled(step.windows, app.console)
    return {"ms": ms}


async def child_excuses(which: str, profiler: Any | None) -> dict[str, Any]:
    """smcheck: the quick check, one question per excuse: "3", then Enter to the next excuse,
    timed from Enter to the settled screen. The bare app: Enter replaces its form by a new one
    (the first form, pushed cold, is not timed)."""
    frames = run.Frames(app := run.smcheck_app() if which == "smcheck" else _bare_form_app())
    step = Window(profiler)
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        if which == "smcheck":
            from smcheck.core.walk import Excuse

            await _start_list(app, pilot)
            await pilot.press("enter")  # the quick check is highlighted first
            await _until(lambda: type(app.screen).__name__ == "ProfileScreen", "the profile")
            await pilot.press("ctrl+n")
            await _until(lambda: app.step == Excuse(0), "the first excuse")
            count = len(app.session.walk.dimensions)
            for i in range(count - 1):
                await pilot.press("3")
                step.start()
                await pilot.press("enter")
                await _until(lambda i=i: app.step == Excuse(i + 1), f"excuse {i + 2}")
                await step.end(pilot)
            answered = [a.value for a in app.session.answers.answers.values() if a.value != ""]
            assert answered == [3] * (count - 1), answered
        else:
            await pilot.pause()
            await pilot.press("enter")
            await _until(lambda: getattr(app.screen, "number", 0) == 1, "the form")
            for i in range(2, 11):
                step.start()
                await pilot.press("enter")
                await _until(lambda i=i: getattr(app.screen, "number", 0) == i, f"form {i}")
                await step.end(pilot)
        ms = frames.settled(step.windows, app.console)
    return {"ms": ms}


def _bare_form_app() -> Any:
    from bare_form import FormApp

    return FormApp()


def typed_keys() -> tuple[list[str], str]:
    """The keys of the first :data:`TYPED_ANSWERS` answers of the full check ("3" on each
    question, Enter at the end of each excuse) and the id of the last question answered."""
    from smcheck.files.catalog import find_assessment

    a = find_assessment(run.ASSESSMENT)
    keys: list[str] = []
    answered: list[str] = []
    for d in a.dimensions_in("full"):
        for q in d.questions:
            keys.append("3")
            answered.append(q.id)
            if len(answered) == TYPED_ANSWERS:
                return keys, q.id
        keys.append("enter")
    raise RuntimeError("the full check has too few questions")


def _typist(app: Any, keys: Sequence[str], sent: list[float]) -> threading.Thread:
    """Types ``keys`` at :data:`TYPING` intervals from another thread, as a terminal driver
    does (keys arrive while the app is busy and wait in its queue)."""
    from textual import events

    loop = asyncio.get_running_loop()
    chars = {"enter": "\r"}

    def type_keys() -> None:
        due = time.perf_counter()
        for key in keys:
            time.sleep(max(0.0, due - time.perf_counter()))
            sent.append(time.perf_counter())
            loop.call_soon_threadsafe(app.post_message, events.Key(key, chars.get(key, key)))
            due += TYPING

    return threading.Thread(target=type_keys, daemon=True)


async def child_type_ahead(which: str, profiler: Any | None) -> dict[str, Any]:
    """Answers typed at 10 keys a second from the first excuse of the full check: ms from the
    last key until the screen settles and until the last answer is in the journal; CPU time
    per answer (smcheck) or per key (the bare app) from the first key until 2.2 s after the
    last (which takes in the fold of the journal when idle)."""
    keys, last_question = typed_keys()
    saved: list[tuple[float, dict[str, Any]]] = []
    if which == "smcheck":
        from smcheck.core.walk import Excuse
        from smcheck.files import journal

        append = journal.Journal.append

        def noted(self: Any, entry: dict[str, Any]) -> None:
            append(self, entry)
            saved.append((time.perf_counter(), entry))

        journal.Journal.append = noted  # type: ignore[method-assign]
        app = run.smcheck_app()
    elif which == "cards":
        from bare_form import CardsApp

        app = CardsApp()
    else:
        from bare_form import KeysApp

        app = KeysApp()
    frames = run.Frames(app)
    sent: list[float] = []
    async with app.run_test(size=(COLS, ROWS)) as pilot:
        if which == "smcheck":
            await _start_list(app, pilot)
            await app.start_new(app.screen.only or default_assessment(), "full")
            await _until(lambda: type(app.screen).__name__ == "ProfileScreen", "the profile")
            await pilot.press("ctrl+n")
            await _until(lambda: app.step == Excuse(0), "the first excuse")
        await pilot.pause()
        await asyncio.sleep(TAIL)
        if profiler is not None:
            profiler.start()
        cpu = time.process_time()
        typist = _typist(app, keys, sent)
        typist.start()
        # a plain sleep: polling for the typist would cost CPU time of its own
        await asyncio.sleep(TYPING * (len(keys) - 1) + 2.2)
        cpu = time.process_time() - cpu
        if profiler is not None:
            profiler.stop()
        typist.join()
        last = sent[-1]
        (screen,) = frames.settled([(last, time.perf_counter())], app.console)
        result: dict[str, Any] = {"screen_ms": screen}
        if which == "smcheck":
            values = [a.value for a in app.session.answers.answers.values() if a.value != ""]
            assert values == [3] * TYPED_ANSWERS, values
            when = [t for t, e in saved if last_question in (e.get("answers") or {})]
            result["saved_ms"] = (when[-1] - last) * 1000
            result["cpu_ms"] = cpu * 1000 / TYPED_ANSWERS
        else:  # the bare apps count the keys they were given
            assert app.count == len(keys), app.count
            result["cpu_ms"] = cpu * 1000 / len(keys)
    return result


def default_assessment() -> Any:
    from smcheck.files.catalog import find_assessment

    return find_assessment(run.ASSESSMENT)


CHILDREN: dict[str, Callable[..., Any]] = {
    "profile": child_profile,
    "excuses": child_excuses,
    "type-ahead": child_type_ahead,
}


def _child_main(kind: str, args: Sequence[str], with_profile: bool) -> None:
    profiler = None
    if with_profile:
        from pyinstrument import Profiler

        profiler = Profiler(async_mode="disabled", interval=0.0005)
    parsed: list[Any] = [float(a) if re.fullmatch(r"[\d.]+", a) else a for a in args]
    result = asyncio.run(CHILDREN[kind](*parsed, profiler))
    if profiler is not None:
        # Textual's own frames hold most of the time and the tree hides them: the flat view
        # names them
        print(profiler.output_text(unicode=True, color=False), file=sys.stderr)
        flat = profiler.output_text(unicode=True, color=False, flat=True).splitlines()
        print("\n".join(flat[:60]), file=sys.stderr)
    print(json.dumps(result))


def main(argv: Sequence[str]) -> None:
    with_profile = "--profile" in argv
    kind, *args = [a for a in argv if a != "--profile"]
    _child_main(kind, args, with_profile)


if __name__ == "__main__":
    main(sys.argv[1:])
