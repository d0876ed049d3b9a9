"""A client's data erased on request: one session with every copy of it deleted for good (file,
journal, lock, backups, the removed copy, leftovers of a crash), nothing else touched, and never
while any smcheck has that session open."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from smcheck.core.errors import SmcheckError
from smcheck.files.catalog import find_assessment
from smcheck.files.journal import JOURNAL_SCHEMA
from smcheck.files.open_session import OpenSession
from smcheck.files.session import (
    SessionInUse,
    SessionLock,
    erase_session,
    list_sessions,
    load_session,
    new_answers,
    save_session,
)
from tui_helpers import drive, make_app, screen_text

TARGET = "20261124-090000"
SAME_SECOND = "20261124-090000-2"  # its id starts with the target's: must not be caught
OTHER = "20261124-100000"


def _save(session_id: str, name: str, engagement: str = "e-korn") -> None:
    a = find_assessment("social-media-readiness")
    base = new_answers(a, "quick", "en", datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    save_session(
        session_id,
        base.model_copy(
            update={
                "engagement": engagement,
                "interview": True,
                "respondent": base.respondent.model_copy(update={"name": name}),
            }
        ),
    )


def _journal(folder: Path, session_id: str, name: str) -> None:
    header = json.dumps({"schema": JOURNAL_SCHEMA, "session": session_id})
    change = json.dumps({"answers": {"sf-planning-state": {"value": 2, "note": f"{name}'s note"}}})
    (folder / f"{session_id}.journal").write_text(f"{header}\n{change}\n", encoding="utf-8")


def _every_copy(home: Path) -> None:
    """Three sessions; the target with every kind of copy smcheck may leave of it."""
    folder = home / "sessions"
    _save(TARGET, "Anna")
    _save(SAME_SECOND, "Bo")
    _save(OTHER, "Cem", engagement="e-other")
    for session_id, name in ((TARGET, "Anna"), (SAME_SECOND, "Bo")):
        _journal(folder, session_id, name)
        (folder / f"{session_id}.toml.before-2.0").write_text("old = 1\n", encoding="utf-8")
        (folder / f".{session_id}.toml.a1b2c3.tmp").write_text("half", encoding="utf-8")
        lock = SessionLock(session_id)
        lock.acquire()
        lock.release()  # the lock file stays, emptied
    (folder / "removed").mkdir()
    (folder / "removed" / f"{TARGET}.toml").write_bytes((folder / f"{TARGET}.toml").read_bytes())
    _journal(folder / "removed", TARGET, "Anna")


def _files(home: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the data folder with its bytes and modification time."""
    return {
        str(p.relative_to(home)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def test_erasing_a_session_deletes_every_copy_of_it_and_touches_nothing_else(
    smcheck_home: Path,
) -> None:
    _every_copy(smcheck_home)
    before = _files(smcheck_home)
    assert "Anna's note" in load_session(TARGET)[0].answers["sf-planning-state"].note

    erased = erase_session(TARGET)

    after = _files(smcheck_home)
    gone = sorted(set(before) - set(after))
    assert gone == sorted(
        f"sessions/{name}"
        for name in (
            f"{TARGET}.toml",
            f"{TARGET}.journal",
            f"{TARGET}.lock",
            f"{TARGET}.toml.before-2.0",
            f".{TARGET}.toml.a1b2c3.tmp",
            f"removed/{TARGET}.toml",
            f"removed/{TARGET}.journal",
        )
    )
    assert sorted(str(p.relative_to(smcheck_home)) for p in erased) == gone
    # nothing of it anywhere, under any name; the rest byte for byte and untouched
    left = [p for p in after if TARGET in p and SAME_SECOND not in p]
    assert left == []
    assert all(b"Anna" not in content for content, _ in after.values())
    assert after == {name: before[name] for name in after}
    assert set(after) == set(before) - set(gone)
    with pytest.raises(SmcheckError, match="no session"):
        load_session(TARGET)
    assert sorted(s.id for s in list_sessions()) == sorted([SAME_SECOND, OTHER])
    with pytest.raises(SmcheckError, match="no session"):
        erase_session(TARGET)  # twice: nothing left to erase


def test_a_session_open_in_another_process_is_not_erased(smcheck_home: Path) -> None:
    _every_copy(smcheck_home)
    before = _files(smcheck_home)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\n"
            "from smcheck.files.session import SessionLock\n"
            f"lock = SessionLock({TARGET!r}); lock.acquire()\n"
            "print('locked', flush=True); sys.stdin.read()\n",
        ],
        env={**os.environ, "SMCHECK_HOME": str(smcheck_home)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(SessionInUse, match=rf"open in another smcheck \(process {holder.pid} "):
            erase_session(TARGET)
        after = _files(smcheck_home)
        del after[f"sessions/{TARGET}.lock"], before[f"sessions/{TARGET}.lock"]  # names the holder
        assert after == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    erase_session(TARGET)  # free once the other process has ended
    assert not any(TARGET in p and SAME_SECOND not in p for p in _files(smcheck_home))


def test_a_session_open_here_is_not_erased_and_ids_are_checked(smcheck_home: Path) -> None:
    _save(TARGET, "Anna")
    _save(OTHER, "Bo", engagement="e-other")
    session = OpenSession.open(TARGET)
    try:
        with pytest.raises(SessionInUse):
            erase_session(TARGET)
        with pytest.raises(SmcheckError, match="cannot erase itself"):
            session.erase_respondent(TARGET)
        with pytest.raises(SmcheckError, match="not a respondent of this engagement"):
            session.erase_respondent(OTHER)  # another engagement, not shown in this list
    finally:
        session.close()
    assert (smcheck_home / "sessions" / f"{TARGET}.toml").exists()
    with pytest.raises(SmcheckError, match="is not a session id"):
        erase_session("../sessions/" + TARGET)
    with pytest.raises(SmcheckError, match="no session"):
        erase_session("20991231-235959")


def test_the_respondents_list_erases_a_session_after_a_yes(
    tmp_path: Path, smcheck_home: Path
) -> None:
    _save(TARGET, "Anna")
    _save("20261124-090500", "Bo")
    app = make_app(tmp_path, resume=TARGET)

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+r")
        await pilot.press("x")  # the open session itself
        await pilot.pause()
        assert "The open session cannot be erased" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("down", "x")
        await pilot.pause()
        assert "Erase session 20261124-090500 (Bo) for good?" in screen_text(app)
        await pilot.press("escape")  # no
        await pilot.pause()
        assert (smcheck_home / "sessions" / "20261124-090500.toml").exists()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("shift+tab", "enter")  # from Cancel to the erase button
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 1

    drive(app, script)
    folder = smcheck_home / "sessions"
    assert sorted(p.name for p in folder.rglob("*") if "20261124-090500" in p.name) == []
    assert (folder / f"{TARGET}.toml").exists()


def test_the_command_line_erases_a_session_only_when_confirmed(
    smcheck_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from smcheck.cli.main import main

    _save(TARGET, "Anna")
    _save(OTHER, "Ben")
    folder = smcheck_home / "sessions" if (smcheck_home / "sessions").is_dir() else None
    folder = folder or next(p.parent for p in smcheck_home.rglob(f"{TARGET}.toml"))
    # not at a terminal and no --yes: refused, nothing deleted
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert main(["sessions", "--delete", TARGET]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert (folder / f"{TARGET}.toml").exists()
    # confirmed: every file of the session is gone, the other session stays
    assert main(["sessions", "--delete", TARGET, "--yes"]) == 0
    assert f"erased {TARGET}" in capsys.readouterr().out
    assert not [p for p in folder.rglob("*") if p.name.startswith(TARGET)]
    assert (folder / f"{OTHER}.toml").exists()
    # erasing it again says there is nothing to erase
    assert main(["sessions", "--delete", TARGET, "--yes"]) == 2
    assert "no session" in capsys.readouterr().err
