"""Shared fixtures: isolated user folders and paths to the repository's data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini.toml"


@pytest.fixture(autouse=True)
def smcheck_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty SMCHECK_HOME, so no real user files are read or written."""
    home = tmp_path_factory.mktemp("smcheck-home")
    monkeypatch.setenv("SMCHECK_HOME", str(home))
    return home
