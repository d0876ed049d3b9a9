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
        ("Bäckerei Weiß & Söhne", "smcheck-backerei-weiss-sohne-2026-11-30"),
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
    assert printable(odd) == "a[31mbcd\u200fe  f"  # the right-to-left mark (not an override) stays
    assert one_line(odd) == "a[31mbcd\u200fe f"
    assert md_escape("[x](y)") == "\\[x\\](y)"
