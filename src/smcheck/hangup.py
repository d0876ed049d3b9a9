"""Ending the process after SIGTERM or SIGHUP, whatever the terminal and the toolkit do.

On either signal the interface saves the session and leaves. Leaving can hang: when the terminal
is gone (a closed window, ``tmux kill-session``, a lost SSH connection), Textual's output thread
may already have died on it while the main thread waits to hand it the escape codes that restore
the terminal, forever. So the signal also starts a watchdog thread that ends the process
:data:`GRACE` seconds later with ``os._exit``, whatever shutdown is doing by then.

Ending hard loses nothing: every edit was on disk (in the session's journal) before it counted as
made, and the save on the signal only folds that journal into the session file, a step a crash
may interrupt at any point (see :mod:`smcheck.files.journal`). The kernel drops the session's
lock with the process.

The handler is a plain Python signal handler, not the event loop's: it runs in the main thread
even while that thread is stuck inside shutdown (a wait on a lock is interrupted by a signal),
where a callback of the loop would never run. It only starts the watchdog and asks the loop to
save and leave; nothing else happens inside the handler.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from types import FrameType

GRACE = 2.0
"""Seconds from the signal to the end of the process at the latest."""

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)

_ending = threading.Event()


def end_within(seconds: float, code: int) -> None:
    """End the process ``seconds`` from now with exit ``code`` unless it has ended by then (once;
    later calls do nothing). The session must be safe on disk at every moment until then; it is."""
    if _ending.is_set():
        return
    _ending.set()

    def end() -> None:
        time.sleep(seconds)
        os._exit(code)

    threading.Thread(target=end, name="smcheck-end", daemon=True).start()


def on_signals(leave: Callable[[], None]) -> Callable[[], None]:
    """On SIGTERM and SIGHUP call ``leave`` in the running event loop and end the process within
    :data:`GRACE` seconds. Call from the loop's (main) thread; returns a function that puts the
    previous handlers back."""
    loop = asyncio.get_running_loop()

    def handler(signum: int, frame: FrameType | None) -> None:
        # 128 + the signal, as a shell reports a process ended by it: a shutdown that finishes
        # in time still exits with the app's own code (0)
        end_within(GRACE, 128 + signum)
        with suppress(RuntimeError):  # the loop has closed: there is nothing left to save
            loop.call_soon_threadsafe(leave)

    previous: dict[int, Callable[[int, FrameType | None], object] | int | None] = {}
    for sig in SIGNALS:
        with suppress(ValueError):  # not the main thread (an embedding): signals stay as they are
            previous[sig] = signal.signal(sig, handler)

    def restore() -> None:
        for sig, old in previous.items():
            with suppress(ValueError, TypeError):
                signal.signal(sig, old if old is not None else signal.SIG_DFL)

    return restore
