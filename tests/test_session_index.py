"""The index beside the saved sessions: listing reads only what changed, never shows anything
the files no longer say, stays private, and forgets an erased session."""

from __future__ import annotations

import io
import json
import stat
from contextlib import redirect_stdout
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from smcheck.cli.main import main
from smcheck.files import session as session_module
from smcheck.files.catalog import find_assessment
from smcheck.files.session import erase_session, list_sessions, new_answers, save_session
from smcheck.files.session_index import index_path

FIRST, SECOND = "20261124-090000", "20261124-100000"


def _save(session_id: str, organisation: str, hour: int = 9) -> None:
    a = find_assessment("social-media-readiness")
    base = new_answers(a, "quick", "en", datetime(2026, 11, 24, hour, 0, tzinfo=UTC))
    save_session(
        session_id,
        base.model_copy(
            update={"organisation": base.organisation.model_copy(update={"name": organisation})}
        ),
    )


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sessions the listing actually read from their files."""
    seen: list[str] = []
    real = session_module._listed_info

    def counting(path: Path):  # type: ignore[no-untyped-def]
        seen.append(path.stem)
        return real(path)

    monkeypatch.setattr(session_module, "_listed_info", counting)
    return seen


def test_a_second_listing_reads_no_session_that_did_not_change(
    smcheck_home: Path, reads: list[str]
) -> None:
    _save(FIRST, "Bäckerei Korn")
    _save(SECOND, "Hotel Seeblick", hour=10)
    first = list_sessions()
    assert sorted(reads) == [FIRST, SECOND]
    reads.clear()
    second = list_sessions()
    assert reads == []
    assert second == first
    assert [s.organisation for s in second] == ["Hotel Seeblick", "Bäckerei Korn"]


def test_a_changed_session_is_read_again_and_shows_what_its_file_says(
    smcheck_home: Path, reads: list[str]
) -> None:
    _save(FIRST, "Bäckerei Korn")
    _save(SECOND, "Hotel Seeblick", hour=10)
    list_sessions()
    reads.clear()
    _save(FIRST, "Bäckerei Korn & Söhne")
    listed = {s.id: s.organisation for s in list_sessions()}
    assert reads == [FIRST]
    assert listed == {FIRST: "Bäckerei Korn & Söhne", SECOND: "Hotel Seeblick"}


def test_an_index_that_disagrees_with_the_files_is_not_believed(smcheck_home: Path) -> None:
    _save(FIRST, "Bäckerei Korn")
    list_sessions()
    data = json.loads(index_path().read_text(encoding="utf-8"))
    entry = data["sessions"][FIRST]
    entry["info"]["organisation"] = "Someone Else"
    entry["stamp"][1] += 1  # the recorded size no longer matches the file
    index_path().write_text(json.dumps(data), encoding="utf-8")
    assert [s.organisation for s in list_sessions()] == ["Bäckerei Korn"]


@pytest.mark.parametrize("content", ["{not json", '{"schema": "smcheck.session-index/0"}', "[]"])
def test_a_broken_or_foreign_index_is_rebuilt(smcheck_home: Path, content: str) -> None:
    _save(FIRST, "Bäckerei Korn")
    index_path().write_text(content, encoding="utf-8")
    assert [s.organisation for s in list_sessions()] == ["Bäckerei Korn"]
    assert json.loads(index_path().read_text(encoding="utf-8"))["schema"] == (
        "smcheck.session-index/1"
    )


def test_a_removed_session_file_drops_out_of_the_list_and_the_index(smcheck_home: Path) -> None:
    _save(FIRST, "Bäckerei Korn")
    _save(SECOND, "Hotel Seeblick", hour=10)
    list_sessions()
    (smcheck_home / "sessions" / f"{FIRST}.toml").unlink()
    assert [s.id for s in list_sessions()] == [SECOND]
    assert "Korn" not in index_path().read_text(encoding="utf-8")


def test_erasing_a_session_removes_its_name_from_the_index(smcheck_home: Path) -> None:
    _save(FIRST, "Bäckerei Korn")
    _save(SECOND, "Hotel Seeblick", hour=10)
    list_sessions()
    assert "Korn" in index_path().read_text(encoding="utf-8")
    erase_session(FIRST)
    text = index_path().read_text(encoding="utf-8")
    assert "Korn" not in text and FIRST not in text
    assert "Hotel Seeblick" in text


def test_the_index_is_private_and_matches_its_published_schema(smcheck_home: Path) -> None:
    _save(FIRST, "Bäckerei Korn")
    list_sessions()
    assert stat.S_IMODE(index_path().stat().st_mode) == 0o600
    schema = json.loads((ROOT / "schemas" / "session-index.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(index_path().read_text(encoding="utf-8")), schema)


def test_smcheck_sessions_prints_the_same_with_and_without_the_index(smcheck_home: Path) -> None:
    _save(FIRST, "Bäckerei Korn")
    _save(SECOND, "Hotel Seeblick", hour=10)

    def listing() -> str:
        out = io.StringIO()
        with redirect_stdout(out):
            assert main(["sessions"]) == 0
        return out.getvalue()

    built = listing()  # no index yet: every session read
    assert index_path().exists()
    assert listing() == built  # from the index
    index_path().unlink()
    assert listing() == built
    assert "Bäckerei Korn" in built and "Hotel Seeblick" in built


def test_the_start_screen_list_and_smcheck_sessions_share_the_index_but_only_a_full_read_counts_as_checked(
    smcheck_home: Path, reads: list[str]
) -> None:
    from smcheck.files.overview import assessment_infos, session_infos

    _save(FIRST, "Bäckerei Korn")
    (shown,) = session_infos(assessment_infos())  # parsed only: recorded as unchecked
    assert shown.organisation == "Bäckerei Korn"
    assert reads == []
    (listed,) = list_sessions()  # smcheck sessions validates in full: it reads the file
    assert reads == [FIRST]
    reads.clear()
    assert session_infos(assessment_infos()) == [shown]  # a checked entry serves both
    assert list_sessions() == [listed]
    assert reads == []
