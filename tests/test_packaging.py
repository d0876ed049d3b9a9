"""The wheel carries the assessments and finds them when installed, not only in a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    (built,) = out.glob("smcheck_readiness-*.whl")
    return built


def test_wheel_contains_the_assessments_and_no_work_files(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    bundled = sorted(p.name for p in (ROOT / "assessments").glob("*.toml"))
    assert bundled, "the repository has assessments to ship"
    for name in bundled:
        assert f"smcheck/assessments/{name}" in names
    assert "smcheck/assessments/SOURCES.md" in names
    assert "smcheck/app.tcss" in names  # the screens' stylesheet
    assert "smcheck/core/texts.toml" in names  # every text the program shows
    assert "smcheck/templates/browser.html" in names  # the browser page, fonts served locally
    assert not [n for n in names if "/parts/" in n]
    assert any(n.endswith(".dist-info/entry_points.txt") for n in names)


def test_unpacked_wheel_lists_and_uses_its_bundled_assessments(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import smcheck.files.locations as l; print(l.bundled_assessments_dir())",
        ],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where) == site / "smcheck" / "assessments"
    listed = subprocess.run(
        [sys.executable, "-m", "smcheck", "assessments"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "social-media-readiness" in listed and "bundled" in listed
    template = subprocess.run(
        [sys.executable, "-m", "smcheck", "template", "--quick", "--lang", "de"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert template.count("[answers.") == 10


def test_the_wheel_is_published_under_a_free_name_with_its_licence_and_links(wheel: Path) -> None:
    from email.parser import Parser

    import smcheck

    archive = zipfile.ZipFile(wheel)
    (meta_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    meta = Parser().parsestr(archive.read(meta_name).decode())
    # "smcheck" on the package index is an unrelated project; the command keeps the name.
    assert meta["Name"] == "smcheck-readiness"
    assert meta["Version"] == smcheck.__version__
    assert meta["License-Expression"] == "MIT"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in archive.namelist())
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Homepage", "Source", "Issues"} <= set(urls)
    versions = {c for c in meta.get_all("Classifier") if c.startswith("Programming Language")}
    assert (
        f"Programming Language :: Python :: {sys.version_info.major}.{sys.version_info.minor}"
        in versions
    )
    entry_points = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
    assert "smcheck = smcheck.cli.main:main" in archive.read(entry_points).decode()
