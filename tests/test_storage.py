"""Writing files: all or nothing, even when the disk is full or the folder is not writable."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from smcheck.core.errors import SmcheckError
from smcheck.files.storage import write_all_atomic, write_atomic


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


def _replace_failing_on_call(monkeypatch: pytest.MonkeyPatch, failing: int) -> list[str]:
    """``os.replace`` fails on its ``failing``-th call only; returns the targets of every call."""
    real_replace = os.replace
    calls: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(os.fspath(dst))
        if len(calls) == failing:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_a_failure_between_replacements_puts_back_every_file_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing, new, third = tmp_path / "plan.toml", tmp_path / "plan.md", tmp_path / "plan.csv"
    existing.write_text("old toml", encoding="utf-8")
    third.write_text("old csv", encoding="utf-8")
    mode = existing.stat().st_mode
    calls = _replace_failing_on_call(monkeypatch, 2)
    with pytest.raises(SmcheckError) as caught:
        write_all_atomic([(existing, "new toml"), (new, "new md"), (third, "new csv")])
    assert str(caught.value) == f"{new}: cannot write: Input/output error"
    assert calls[:2] == [str(existing), str(new)]  # the first was in place when the second failed
    assert existing.read_text(encoding="utf-8") == "old toml"
    assert existing.stat().st_mode == mode  # the old file itself, not a copy of its text
    assert not new.exists()
    assert third.read_text(encoding="utf-8") == "old csv"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv", "plan.toml"]


def test_a_failure_at_the_last_replacement_removes_the_new_files_that_did_not_exist_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, last = (tmp_path / f"plan-{i}.json" for i in range(3))
    last.write_text("old", encoding="utf-8")
    _replace_failing_on_call(monkeypatch, 3)
    with pytest.raises(SmcheckError, match="cannot write"):
        write_all_atomic([(first, "1"), (second, "2"), (last, "3")])
    assert [p.name for p in tmp_path.iterdir()] == [last.name]
    assert last.read_text(encoding="utf-8") == "old"


def test_an_old_file_that_cannot_be_put_back_is_kept_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "plan.toml", tmp_path / "plan.md"
    first.write_text("old toml", encoding="utf-8")
    _replace_failing_on_call(monkeypatch, 2)
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if os.fspath(src).endswith(".bak"):
            raise OSError(errno.EROFS, "Read-only file system")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(SmcheckError) as caught:
        write_all_atomic([(first, "new toml"), (second, "new md")])
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{second}: cannot write: Input/output error"
    kept = [p for p in tmp_path.iterdir() if p.name.endswith(".bak")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "old toml"
    assert lines[1:] == [
        f"{first}: the old file could not be put back (Read-only file system); it is kept as {kept[0]}"
    ]


def test_replacing_many_files_keeps_no_old_copy_behind(tmp_path: Path) -> None:
    targets = [tmp_path / f"{i}.toml" for i in range(5)]
    for path in targets[::2]:
        path.write_text("old", encoding="utf-8")
    write_all_atomic([(path, f"new {i}") for i, path in enumerate(targets)])
    assert [p.read_text(encoding="utf-8") for p in targets] == [f"new {i}" for i in range(5)]
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in targets]


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


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "smcheck-etc-passwd-2026-11-30"),
        ("/absolute/path", "smcheck-absolute-path-2026-11-30"),
        ("Bäckerei Weiß & Söhne", "smcheck-baeckerei-weiss-soehne-2026-11-30"),
        ("", "smcheck-2026-11-30"),
        ("\x1b[2J..\\..", "smcheck-2j-2026-11-30"),
    ],
)
def test_export_names_from_the_organisation_stay_in_the_folder(
    name: str, expected: str, tmp_path: Path
) -> None:
    from datetime import date

    from helpers import answers, mini
    from smcheck.core.planning import make_plan
    from smcheck.core.scoring import score
    from smcheck.files.export.files import default_base

    a = mini()
    ans = answers({"a1": 3}, completed=date(2026, 11, 25))
    ans = ans.model_copy(
        update={"organisation": ans.organisation.model_copy(update={"name": name})}
    )
    base = default_base(make_plan(a, ans, score(a, ans, "en"), lang="en"), tmp_path)
    assert base == tmp_path / expected
    assert base.parent == tmp_path


def test_text_helpers_drop_terminal_escapes_and_bidi_overrides() -> None:
    from smcheck.core.text import md_escape, one_line, printable

    odd = "a\x1b[31mb\u202ec\u2066d\u200fe\r\nf"
    assert printable(odd) == "a[31mbcde  f"  # the right-to-left mark goes too
    assert one_line(odd) == "a[31mbcde f"
    assert md_escape("[x](y)") == "\\[x\\](y)"
