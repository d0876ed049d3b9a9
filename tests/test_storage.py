"""Writing files: all or nothing, even when the disk is full or the folder is not writable."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from smcheck.errors import SmcheckError
from smcheck.storage import write_all_atomic, write_atomic


def test_write_replaces_atomically_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "plan.toml"
    target.write_text("old", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


def test_refuses_an_existing_file_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.toml"
    target.write_text("keep", encoding="utf-8")
    with pytest.raises(SmcheckError, match="already exists"):
        write_atomic(target, "new", overwrite=False)
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_full_disk_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "plan.toml", tmp_path / "plan.md"
    first.write_text("old toml", encoding="utf-8")
    second.write_text("old md", encoding="utf-8")
    real_fsync = os.fsync
    calls = {"n": 0}

    def fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the second file hits a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(SmcheckError) as caught:
        write_all_atomic([(first, "new toml"), (second, "new md")])
    assert str(caught.value) == f"{second}: cannot write: {os.strerror(errno.ENOSPC)}"
    assert first.read_text(encoding="utf-8") == "old toml"  # not replaced: all or nothing
    assert second.read_text(encoding="utf-8") == "old md"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md", "plan.toml"]  # no temp files


def test_an_unwritable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # root ignores chmod, so simulate it
    target = tmp_path / "plan.toml"
    with pytest.raises(SmcheckError, match="cannot write here: permission denied"):
        write_atomic(target, "x")
    assert not target.exists()


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "plan.toml"
    with pytest.raises(SmcheckError) as caught:
        write_atomic(target, "x")
    assert str(caught.value) == f"{target}: the folder {target.parent} does not exist"
