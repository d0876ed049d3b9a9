"""Every edit is on disk the moment it is made: the session's journal, replayed by every reader,
folded into the session file at screen changes, when idle and on exit; a torn last line (a crash
in the middle of a write) is ignored, any other damage is named."""

from __future__ import annotations

import asyncio
import io
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import ComposeResult
from textual.message import Message
from textual.pilot import Pilot
from textual.widget import Widget

from smcheck.cli.main import main
from smcheck.core.errors import InvalidFile
from smcheck.core.models.answers import Answers
from smcheck.files import overview as overview_module
from smcheck.files import session as session_module
from smcheck.files.catalog import find_assessment
from smcheck.files.journal import FOLD_LINES, JOURNAL_SCHEMA
from smcheck.files.open_session import OpenSession, OrganisationEdit
from smcheck.files.overview import assessment_infos, session_infos
from smcheck.files.session import (
    journal_path,
    list_sessions,
    load_session,
    load_session_file,
    respondents,
    session_path,
)
from smcheck.seams import ArrivalApp
from test_hangup import Tty, session_file, wait_for
from tui_helpers import drive, make_app, type_ahead


def _session(scope: str = "quick") -> OpenSession:
    return OpenSession.start(find_assessment("social-media-readiness"), scope, "en")  # type: ignore[arg-type]


def _questions(s: OpenSession) -> list[str]:
    return [q.id for _, q in s.walk.questions]


def _file_answers(session_id: str) -> dict[str, Any]:
    """What the session file alone holds (no journal)."""
    data = tomllib.loads(session_path(session_id).read_text(encoding="utf-8"))
    return {q: a["value"] for q, a in data.get("answers", {}).items()}


def _values(answers: Answers) -> list[int | str]:
    return [a.value for a in answers.answers.values() if a.value != ""]


# --- the journal and its readers ------------------------------------------------------------------


def test_an_answer_is_journaled_at_once_and_every_reader_sees_it_before_the_fold() -> None:
    s = _session()
    s.set_profile(OrganisationEdit(name="Korn"))
    first = _questions(s)[0]
    s.set_answer(first, 4)

    assert _file_answers(s.id) == {}  # not folded yet ...
    lines = journal_path(s.id).read_bytes().splitlines()
    assert json.loads(lines[0]) == {"schema": JOURNAL_SCHEMA, "session": s.id}
    change = json.loads(lines[-1])
    assert change["answers"] == {
        first: {"value": 4, **{k: v for k, v in change["answers"][first].items() if k != "value"}}
    }
    assert set(change.get("set", {})) <= {"updated"}  # (the same second: no new time at all)
    assert len(lines[-1]) < 200  # one small line per change

    # ... and yet every reader has it: resume, other respondents, the lists, score and compare
    assert load_session(s.id)[0] == s.answers
    assert load_session_file(session_path(s.id))[0] == s.answers
    assert respondents(s.engagement) == [(s.id, s.answers)]
    (listed,) = list_sessions()
    assert (listed.given, listed.organisation, listed.updated) == (1, "Korn", s.answers.updated)
    (shown,) = session_infos(assessment_infos())
    assert (shown.given, shown.organisation, shown.updated) == (1, "Korn", s.answers.updated)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["sessions"]) == 0
    assert "1/10" in out.getvalue() and "Korn" in out.getvalue()

    s.save()  # the fold: the file holds it, the journal is empty
    assert _file_answers(s.id) == {first: 4}
    assert journal_path(s.id).read_bytes() == b""
    s.close()
    assert not journal_path(s.id).exists()
    assert load_session(s.id)[0] == s.answers


def test_a_long_journal_is_folded_by_the_session_itself() -> None:
    s = _session("full")
    questions = _questions(s)
    for i in range(FOLD_LINES):
        s.set_answer(questions[i % len(questions)], 1 + i % 5)
    assert not s.unsaved and journal_path(s.id).read_bytes() == b""
    assert load_session(s.id)[0] == s.answers
    s.close()


def test_a_process_killed_before_folding_loses_nothing_and_the_journal_is_folded_on_open(
    smcheck_home: Path,
) -> None:
    script = (
        "import os\n"
        "from smcheck.files.catalog import find_assessment\n"
        "from smcheck.files.open_session import OpenSession\n"
        "s = OpenSession.start(find_assessment('social-media-readiness'), 'quick', 'en')\n"
        "qs = [q.id for _, q in s.walk.questions]\n"
        "for q, v in zip(qs, [3, 2, 1, 4]): s.set_answer(q, v)\n"
        "print(s.id, flush=True)\n"
        "os._exit(0)  # no close, no fold: as kill -9 right after the last answer\n"
    )
    env = {**os.environ, "SMCHECK_HOME": str(smcheck_home)}
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    session_id = run.stdout.strip()
    assert _file_answers(session_id) == {}
    assert _values(load_session(session_id)[0]) == [3, 2, 1, 4]

    s = OpenSession.open(session_id)  # the dead process's lock is free; its journal folded
    assert _values(s.answers) == [3, 2, 1, 4]
    assert list(_file_answers(session_id).values()) == [3, 2, 1, 4]
    assert journal_path(session_id).read_bytes() == b""
    s.close()


def test_a_damaged_line_is_named_and_nothing_is_overwritten() -> None:
    s = _session()
    questions = _questions(s)
    s.set_answer(questions[0], 3)
    s.set_answer(questions[1], 2)
    s.close()  # folded; now a journal as a crash and a bad disk could leave it
    journal = journal_path(s.id)
    good = json.dumps({"answers": {questions[2]: {"value": 5}}})
    journal.write_text(
        json.dumps({"schema": JOURNAL_SCHEMA, "session": s.id})
        + "\n"
        + "{not json\n"
        + good
        + "\n",
        encoding="utf-8",
    )
    before = (session_path(s.id).read_bytes(), journal.read_bytes())
    with pytest.raises(InvalidFile, match=rf"{s.id}\.journal:2: not a JSON line"):
        load_session(s.id)
    with pytest.raises(InvalidFile, match=rf"{s.id}\.journal:2"):
        OpenSession.open(s.id)
    (listed,) = list_sessions()
    assert listed.problem is not None and f"{s.id}.journal:2" in listed.problem
    assert (session_path(s.id).read_bytes(), journal.read_bytes()) == before

    journal.write_text(
        json.dumps({"schema": JOURNAL_SCHEMA, "session": s.id})
        + "\n"
        + json.dumps({"set": {"colour": "red"}})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InvalidFile, match=rf"{s.id}\.journal:2: colour: "):
        load_session(s.id)
    journal.write_text(json.dumps({"schema": JOURNAL_SCHEMA, "session": "20990101-000000"}) + "\n")
    with pytest.raises(InvalidFile, match="the journal of session '20990101-000000'"):
        load_session(s.id)


@pytest.mark.parametrize("reader", ["load_session", "the start screen's list"])
def test_a_fold_between_reading_the_file_and_its_journal_is_noticed_and_read_again(
    reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = _session()
    questions = _questions(s)
    for q in questions[:3]:
        s.set_answer(q, 2)  # in the journal only
    module = session_module if reader == "load_session" else overview_module
    real = module.read_journal
    raced: list[bool] = []

    def read_during_a_fold(path: Path, session_id: str) -> Any:
        if not raced:  # the writer folds just after the reader read the old file
            raced.append(True)
            s.set_answer(questions[3], 2)
            s.save()
        return real(path, session_id)

    monkeypatch.setattr(module, "read_journal", read_during_a_fold)
    if reader == "load_session":
        given = len(_values(load_session(s.id)[0]))
    else:
        (info,) = session_infos(assessment_infos())
        given = info.given
    assert raced and given == 4  # not the old file with the emptied journal: 0
    s.close()


# --- any prefix of a journal opens, and replays exactly its complete lines --------------------------

_EDIT = st.one_of(
    st.tuples(
        st.just("answer"),
        st.integers(0, 9),
        st.sampled_from([1, 2, 3, 4, 5, "dont-know", "n/a", ""]),
    ),
    st.tuples(st.just("note"), st.integers(0, 9), st.text(max_size=30)),
    st.tuples(st.just("revisit"), st.integers(0, 9), st.booleans()),
    st.tuples(st.just("name"), st.just(0), st.text(max_size=20)),
)


def _apply(s: OpenSession, edit: tuple[str, int, Any]) -> None:
    kind, index, value = edit
    question = _questions(s)[index]
    if kind == "answer":
        s.set_answer(question, value)
    elif kind == "note":
        s.set_note(question, value)
    elif kind == "revisit":
        s.set_revisit(question, value)
    else:
        s.set_profile(OrganisationEdit(name=value))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=st.lists(_EDIT, min_size=1, max_size=15), data=st.data())
def test_any_prefix_of_a_journal_opens_and_replays_its_complete_lines(
    edits: list[tuple[str, int, Any]], data: st.DataObject
) -> None:
    s = _session()
    states = [s.answers]  # the answers after 0, 1, 2 ... changes
    for edit in edits:
        before = s.answers
        _apply(s, edit)
        if s.answers != before:  # an edit that changes nothing writes no line
            states.append(s.answers)
    base = session_path(s.id).read_bytes()
    journal = journal_path(s.id).read_bytes() if len(states) > 1 else b""
    s.close()
    ends = [i + 1 for i, byte in enumerate(journal) if byte == ord("\n")]
    assert len(ends) == (len(states) if journal else 0)  # the header, then a line per change

    # drawn as plain numbers: how many lines there are depends on the clock (an answer given
    # again within the same second changes nothing), and hypothesis needs draws that do not
    cuts = [
        anywhere % (len(journal) + 1)
        if torn
        else (ends or [0])[anywhere % max(len(ends), 1)] + step
        for torn, anywhere, step in data.draw(
            st.lists(
                st.tuples(st.booleans(), st.integers(0, 10**6), st.integers(-1, 1)),
                min_size=1,
                max_size=5,
            )
        )
    ]
    for cut in cuts:
        cut = min(max(cut, 0), len(journal))
        prefix = journal[:cut]
        complete = prefix.count(b"\n")
        expected = states[max(complete - 1, 0)]
        session_path(s.id).write_bytes(base)
        journal_path(s.id).write_bytes(prefix)
        assert load_session(s.id)[0] == expected, f"cut at byte {cut} of {len(journal)}"
    # the writer opens the last prefix too: it folds it, and goes on after a torn line cleanly
    again = OpenSession.open(s.id)
    assert again.answers == expected
    again.set_answer(_questions(again)[9], 5)
    latest = again.answers
    again.close()
    assert load_session(s.id)[0] == latest


# --- the interface: edits saved on arrival; folds at screen changes, when idle, on exit -----------


class Ping(Message):
    """A message a widget posts, passed up to the app (as the screens' edits are)."""


class _Pinger(Widget):
    pass


class _Probe(ArrivalApp):
    ARRIVING = (Ping,)
    BINDINGS: ClassVar = [("b", "busy")]

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def compose(self) -> ComposeResult:
        yield _Pinger()

    def on_ping(self, message: Ping) -> None:
        self.seen.append("ping")

    async def action_busy(self) -> None:
        self.query_one(_Pinger).post_message(Ping())
        await asyncio.sleep(0.05)  # the app's queue is busy (a screen change, say) ...
        self.seen.append("busy done")


def test_seam_a_message_passed_up_reaches_the_app_before_its_own_queue_gets_to_it() -> None:
    app = _Probe()

    async def main_() -> None:
        async with app.run_test() as pilot:
            await pilot.press("b")  # the action runs in the app's own task
            await pilot.pause()

    asyncio.run(main_())
    assert app.seen == ["ping", "busy done"]  # ... and the message did not wait behind it


def _resumable(values: list[int] | None = None) -> str:
    s = _session()
    s.set_profile(OrganisationEdit(name="Korn"))
    for q, v in zip(_questions(s), values or [], strict=False):
        s.set_answer(q, v)
    s.close()
    return s.id


def test_answers_typed_ahead_are_saved_while_the_screens_still_change(tmp_path: Path) -> None:
    session_id = _resumable()
    app = make_app(tmp_path, resume=session_id)
    saved_at_each_enter: list[int] = []

    async def script(pilot: Pilot[None]) -> None:
        go_on = app.action_next

        async def next_step() -> None:
            saved_at_each_enter.append(len(_values(load_session(session_id)[0])))
            await go_on()

        app.action_next = next_step  # type: ignore[method-assign]
        await type_ahead(pilot, "1", "enter", "2", "enter", "3", "enter", "4", "enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if len(saved_at_each_enter) == 4:
                break

    drive(app, script)
    # An answer is on disk while the screen change after it is still under way: by the next
    # Enter. (Handled in the app's queue, all four would wait behind all four screen changes.)
    assert saved_at_each_enter == [0, 1, 2, 3]
    assert _values(load_session(session_id)[0]) == [1, 2, 3, 4]


def test_the_journal_is_folded_at_a_screen_change_when_idle_and_on_exit(tmp_path: Path) -> None:
    session_id = _resumable([2])
    app = make_app(tmp_path, resume=session_id)
    app.IDLE = 0.1

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("3")  # the second excuse: answered, not yet folded ...
        assert journal_path(session_id).read_bytes().count(b"\n") == 2
        await pilot.press("enter")  # ... until the walk moves on
        await pilot.pause()
        assert journal_path(session_id).read_bytes() == b""
        assert list(_file_answers(session_id).values()) == [2, 3]
        await pilot.press("tab")
        await pilot.press("x")  # a note, on the same screen
        assert journal_path(session_id).read_bytes() != b""
        for _ in range(100):  # idle: folded after a moment without edits
            await pilot.pause(0.05)
            if journal_path(session_id).read_bytes() == b"":
                break
        assert journal_path(session_id).read_bytes() == b""
        await pilot.press("shift+tab", "5")

    drive(app, script)
    assert not journal_path(session_id).exists()  # exit folded the last answer
    assert list(_file_answers(session_id).values()) == [2, 3, 5]


# --- in a real terminal: 8 answers at 10 a second, then kill -9 -----------------------------------


def test_answers_typed_at_ten_a_second_survive_a_kill_half_a_second_after_the_last_key(
    smcheck_home: Path,
) -> None:
    typed = [3, 2, 1, 4, 2, 5, 3, 1]
    tty = Tty(smcheck_home)
    try:
        wait_for(lambda: tty.shows("How ready is your organisation"), "the start screen")
        tty.type("\r")  # the quick check: one question an excuse, so every answer changes screen
        wait_for(lambda: session_file(smcheck_home) is not None, "the new session")
        tty.type("Korn\x0e")
        wait_for(lambda: tty.shows("Excuse 1 of 10"), "the first excuse")
        time.sleep(0.3)
        for i, value in enumerate(typed):
            tty.type(f"{value}\r")
            if i < len(typed) - 1:
                time.sleep(0.1)
        time.sleep(0.5)
        os.killpg(tty.proc.pid, signal.SIGKILL)
        tty.proc.wait()
    finally:
        tty.close()
    session = session_file(smcheck_home)
    assert session is not None
    saved = _values(load_session(session.stem)[0])
    assert len(saved) >= 7, saved
    assert saved == typed[: len(saved)]
