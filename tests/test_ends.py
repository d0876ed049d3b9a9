"""Standard output that cannot take what smcheck prints: a full disk, a reader that stopped.

Run as real processes, since what goes wrong happens at the file descriptor and at exit: a full
disk is one ``smcheck: error:`` line and exit 2; a closed pipe (``| head -1``) ends quietly, as
other Unix tools do, with no traceback and no "Exception ignored" message at shutdown.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import smcheck

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
ANSWERS = """\
schema = "smcheck.answers/1"
assessment = "mini"
assessment_version = "1.0"
completed = 2026-03-04

[answers.a1]
value = 3
"""


NAMES = ["sessions", "assessments", "score", "score-many", "validate", "run-plain"]


def _env(home: Path) -> dict[str, str]:
    src = str(Path(smcheck.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env["SMCHECK_HOME"] = str(home)
    env["LC_ALL"] = "C"
    env.pop("PYTHONUNBUFFERED", None)  # buffered, as users run it: what fails, fails at exit
    return env


def _smcheck(home: Path, argv: list[str], stdout: int) -> tuple[int, str]:
    """Run ``python -m smcheck`` with ``stdout`` as its standard output: exit code and stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "smcheck", *argv],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(home),
        timeout=60,
        check=False,
    )
    return done.returncode, done.stderr


@pytest.fixture
def commands(tmp_path: Path) -> dict[str, list[str]]:
    """Commands that print to standard output: a small output and one larger than a pipe holds."""
    answers = tmp_path / "answers.toml"
    answers.write_text(ANSWERS, encoding="utf-8")
    many = tmp_path / "many"
    many.mkdir()
    for i in range(40):
        shutil.copy(answers, many / f"a{i:02d}.toml")
    return {
        "sessions": ["sessions"],
        "assessments": ["assessments"],
        "score": ["score", str(answers), "-a", str(MINI)],
        "score-many": ["score", str(many), "-a", str(MINI), "--format", "json", "--jobs", "1"],
        "validate": ["validate", str(MINI)],
        "run-plain": ["run", "--plain"],  # the line-by-line prompts, which write for themselves
    }


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("name", NAMES)
def test_output_to_a_full_disk_is_one_error_line_and_exit_2(
    name: str, commands: dict[str, list[str]], smcheck_home: Path
) -> None:
    fd = os.open("/dev/full", os.O_WRONLY)
    try:
        code, err = _smcheck(smcheck_home, commands[name], fd)
    finally:
        os.close(fd)
    assert (code, err) == (
        2,
        "smcheck: error: standard output: cannot write: No space left on device\n",
    )


@pytest.mark.parametrize("name", NAMES)
def test_output_into_a_pipe_nobody_reads_any_more_ends_quietly(
    name: str, commands: dict[str, list[str]], smcheck_home: Path
) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before the first line, as `| head -0` would
    try:
        code, err = _smcheck(smcheck_home, commands[name], write)
    finally:
        os.close(write)
    assert (code, err) == (0, "")


def test_a_reader_that_stops_after_the_first_line_ends_smcheck_quietly(
    commands: dict[str, list[str]], smcheck_home: Path
) -> None:
    """``smcheck score many/ --format json | head -1``: more output than a pipe holds."""
    process = subprocess.Popen(
        [sys.executable, "-m", "smcheck", *commands["score-many"]],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(smcheck_home),
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0
    assert first.startswith(b"{") and err == ""
