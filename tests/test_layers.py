"""The layers hold: import-linter's contracts in pyproject.toml are kept.

core (pure) ← files ← plain / screens / app / cli; see ``[tool.importlinter]``. Imports inside
functions and under TYPE_CHECKING count too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"


def _lint_imports() -> str:
    beside = Path(sys.executable).parent / "lint-imports"
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert found, "lint-imports (import-linter) is not installed: pip install '.[test]'"
    return found


def test_the_layer_contracts_are_configured() -> None:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert config["root_package"] == "smcheck"
    assert config["include_external_packages"] is True
    sources = [c["source_modules"] for c in config["contracts"]]
    assert sources == [["smcheck.core"], ["smcheck.files"], ["smcheck.plain"], ["smcheck.screens"]]


def test_no_layer_imports_what_it_must_not() -> None:
    run = subprocess.run(
        [_lint_imports(), "--no-cache", "--no-logo", str(PYPROJECT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, f"import contracts broken:\n{run.stdout}\n{run.stderr}"
    assert "0 broken" in run.stdout
