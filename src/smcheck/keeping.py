"""How the interface keeps the open session: edits saved on arrival, folded when there is time.

- Answers, notes, confidence, flags and profile fields are applied (checked and flushed to the
  session's journal) the moment a screen passes them up (:class:`~smcheck.seams.ArrivalApp`),
  not when the app's queue gets to them behind keys and screen changes typed ahead.
- The journal is folded into the session file after a screen change (behind the keys already
  waiting), when no edit came for :attr:`KeepingApp.IDLE` seconds, and on exit.
- SIGTERM and SIGHUP (a closed terminal) save and leave, and the process ends within
  :data:`~smcheck.hangup.GRACE` seconds whatever Textual's shutdown does (:mod:`smcheck.hangup`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any, ClassVar

from textual.message import Message

from smcheck.core.errors import SmcheckError
from smcheck.core.langs import Lang
from smcheck.hangup import on_signals
from smcheck.screens import messages as m
from smcheck.seams import ArrivalApp

if TYPE_CHECKING:
    from smcheck.files.open_session import OpenSession


class KeepingApp(ArrivalApp):
    """The part of the app that holds the open session and keeps it safe on disk."""

    ARRIVING: ClassVar[tuple[type[Message], ...]] = (
        m.AnswerPicked,
        m.NoteChanged,
        m.ConfidenceChanged,
        m.RevisitChanged,
        m.ProfileChanged,
    )
    IDLE = 1.0
    """Seconds without an edit after which the journal is folded."""

    lang: Lang

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session: OpenSession | None = None
        self._last_edit = 0.0
        self._fold_waiting = False
        self._restore_signals: Callable[[], None] | None = None

    def start_keeping(self) -> None:
        """Take SIGTERM and SIGHUP, and fold when idle (from ``on_mount``)."""
        self._restore_signals = on_signals(self._stop_on_signal)
        self.set_interval(self.IDLE, self._fold_if_idle)

    def _stop_on_signal(self) -> None:
        """SIGTERM or SIGHUP (terminal closed): save, give the session back, leave."""
        self.save()
        self._close()
        self.exit()

    def _close(self) -> None:
        if self.session is not None:
            self.session.close()

    def on_unmount(self) -> None:
        self._close()
        if self._restore_signals is not None:
            self._restore_signals()

    # --- edits ----------------------------------------------------------------------------------

    def error(self, message: str) -> None:
        """Show a problem in a dialog; the app keeps running."""
        from smcheck.screens.dialogs import ErrorDialog

        self.push_screen(ErrorDialog(self.lang, message))

    def edit(self, change: Callable[[OpenSession], object]) -> bool:
        """Run an edit of the open session; a refused one is shown, and nothing was saved."""
        if self.session is None or self.session.closed:
            return False
        self._last_edit = time.monotonic()
        try:
            change(self.session)
        except SmcheckError as exc:
            self.error(str(exc))
            return False
        return True

    def save(self) -> None:
        """Write the session file now (atomically), folding the journal into it."""
        self.edit(lambda s: s.save())

    def on_answer_picked(self, message: m.AnswerPicked) -> None:
        self.edit(lambda s: s.set_answer(message.question, message.value))

    def on_note_changed(self, message: m.NoteChanged) -> None:
        self.edit(lambda s: s.set_note(message.question, message.text, private=message.private))

    def on_confidence_changed(self, message: m.ConfidenceChanged) -> None:
        self.edit(lambda s: s.set_confidence(message.question, message.confidence))

    def on_revisit_changed(self, message: m.RevisitChanged) -> None:
        self.edit(lambda s: s.set_revisit(message.question, message.revisit))

    def on_profile_changed(self, message: m.ProfileChanged) -> None:
        if self.edit(lambda s: s.set_profile(message.edit)) and self.session:
            self.sub_title = self.session.label

    # --- folding the journal --------------------------------------------------------------------

    def fold_soon(self) -> None:
        """Fold the journal once the keys already waiting are handled (after a screen change:
        the fold never stands between a key and its screen)."""
        if not self._fold_waiting:
            self._fold_waiting = True
            self.call_later(self._fold)

    def _fold(self) -> None:
        self._fold_waiting = False
        session = self.session
        if session is not None and session.unsaved and not session.closed:
            # A fold that fails (a full disk) is tried again later; the changes are safe in the
            # journal meanwhile, and an edit that cannot be journaled is shown as it happens.
            with suppress(SmcheckError):
                session.save()

    def _fold_if_idle(self) -> None:
        if time.monotonic() - self._last_edit >= self.IDLE:
            self._fold()
