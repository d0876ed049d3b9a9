"""The command line behaves like one: formats named by the file, `-` for standard input and
output, file permissions as the umask says, exit codes and messages as documented."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINI, ROOT
from smcheck.cli.main import main
from smcheck.files.schemas import KINDS
from test_cli import answers_text

PREFIX = "smcheck: error: "


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run smcheck in-process; the exit code, stdout and stderr. No traceback allowed."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "ann.toml"
    path.write_text(answers_text("Ann"), encoding="utf-8")
    return path


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Put bytes on standard input: ``stdin(b"...")``."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    yield feed


@pytest.fixture
def umask() -> Iterator[object]:
    """Set the process's umask for one test: ``umask(0o022)``; the old one comes back."""
    old = os.umask(0o022)
    os.umask(old)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- every schema -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_schema_prints_every_kind_as_committed(
    kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "schema", kind)
    assert (code, err) == (0, "")
    assert out == (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")


def test_the_readme_loop_regenerates_every_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    loop = re.search(
        r"for k in ([a-z -]+); do smcheck schema \$k > schemas/\$k\.schema\.json", readme
    )
    assert loop is not None, "README: the loop that regenerates the schemas is missing"
    assert sorted(loop.group(1).split()) == sorted(KINDS)


# --- the format a name says ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "tasks.tsv",
            "smcheck does not know the format .tsv; end it in .toml, .json, .md, .csv, .ics, "
            ".html or .pdf, or choose one with --format",
        ),
        (
            "plan",
            "the name does not say the format; end it in .toml, .json, .md, .csv, .ics, .html "
            "or .pdf, or choose one with --format",
        ),
        (
            "plan.txt",
            "this command does not write .txt; end it in .toml, .json, .md, .csv, .ics, .html "
            "or .pdf, or choose one with --format",
        ),
    ],
)
def test_score_refuses_a_name_that_does_not_say_a_format_it_writes(
    name: str, message: str, answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(tmp_path.iterdir())
    code, out, err = run(capsys, "score", answers, "-a", MINI, "-o", tmp_path / name)
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{tmp_path / name}: {message}\n"
    assert sorted(tmp_path.iterdir()) == before  # nothing written, TOML least of all


def test_compare_and_template_refuse_unknown_suffixes_too(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(tmp_path.iterdir())
    code, out, err = run(capsys, "compare", answers, answers, "-a", MINI, "-o", tmp_path / "c.tsv")
    assert (code, out) == (2, "")
    assert err == (
        f"{PREFIX}{tmp_path / 'c.tsv'}: smcheck does not know the format .tsv; end it in .toml, "
        ".json, .md, .html, .pdf or .txt, or choose one with --format\n"
    )
    code, out, err = run(capsys, "template", "-a", MINI, "-o", tmp_path / "answers.json")
    assert (code, out) == (2, "")
    assert err == (
        f"{PREFIX}{tmp_path / 'answers.json'}: this command does not write .json; end it in .toml\n"
    )
    assert sorted(tmp_path.iterdir()) == before


def test_a_suffix_that_contradicts_the_format_is_refused(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.json"
    code, out, err = run(capsys, "score", answers, "-a", MINI, "-o", target, "--format", "toml")
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{target}: the name says json but --format says toml; make them agree\n"
    assert not target.exists()


def test_format_names_the_format_of_a_file_whose_suffix_says_none(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.txt"
    assert run(capsys, "score", answers, "-a", MINI, "-o", target, "--format", "md") == (0, "", "")
    assert target.read_text(encoding="utf-8").startswith("# Social media readiness\n")
    upper = tmp_path / "PLAN.JSON"  # suffixes in capitals name the same format
    assert run(capsys, "score", answers, "-a", MINI, "-o", upper) == (0, "", "")
    assert json.loads(upper.read_text(encoding="utf-8"))["schema"] == "smcheck.plan/2"


def test_csv_flavour_is_for_csv_only(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.toml"
    code, out, err = run(
        capsys, "score", answers, "-a", MINI, "-o", target, "--csv-flavour", "excel"
    )
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}--csv-flavour is for CSV: add -o tasks.csv or --format csv\n"
    assert not target.exists()


# --- standard input and output ------------------------------------------------------------------


def test_a_dash_reads_the_answers_from_standard_input(
    stdin: object, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(answers_text("Piped").encode())  # type: ignore[operator]
    code, out, err = run(capsys, "score", "-", "-a", MINI, "--format", "json")
    assert (code, err) == (0, "")
    plan = json.loads(out)
    assert plan["respondent"]["name"] == "Piped"
    assert "file" not in plan["source"]  # one file's plan is the same wherever it came from


def test_standard_input_among_many_files_is_named_stdin_in_its_line(
    answers: Path, stdin: object, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(answers_text("Piped").encode())  # type: ignore[operator]
    code, out, err = run(capsys, "score", answers, "-", "-a", MINI, "--format", "json")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(x["source"]["file"], x["respondent"]["name"]) for x in lines] == [
        (str(answers), "Ann"),
        ("<stdin>", "Piped"),
    ]


def test_a_problem_on_standard_input_is_named_stdin_with_its_line(
    stdin: object, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(answers_text().replace("value = 4", "value = 9").encode())  # type: ignore[operator]
    code, out, err = run(capsys, "score", "-", "-a", MINI)
    assert (code, out) == (2, "")
    # [answers.b2] is on line 18 of answers_text(), its value on line 19
    assert err.startswith(f"{PREFIX}<stdin>:19: answers.b2.value: ")
    stdin(b'schema = "smcheck.answers/1"\n[answers\n')  # type: ignore[operator]
    code, out, err = run(capsys, "score", "-", "-a", MINI)
    assert (code, out) == (2, "")
    assert err.startswith(f"{PREFIX}<stdin>:2: not valid TOML")


def test_standard_input_is_read_once(
    answers: Path, stdin: object, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(answers_text().encode())  # type: ignore[operator]
    code, out, err = run(capsys, "score", "-", "-a", MINI, "--previous", "-")
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}- (standard input) can stand for one file only\n"


def test_validate_reads_a_file_from_standard_input_beside_others(
    answers: Path, stdin: object, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(answers_text().encode())  # type: ignore[operator]
    code, out, err = run(capsys, "validate", answers, "-", "-a", MINI)
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == "<stdin>: valid answers for mini 1.0"
    stdin(answers_text().replace("value = 4", "value = 9").encode())  # type: ignore[operator]
    code, out, err = run(capsys, "validate", "-", "-a", MINI)
    assert (code, out) == (2, "")
    assert err.startswith(f"{PREFIX}<stdin>:19: answers.b2.value: ")
    code, out, err = run(capsys, "validate", "-", "-", "-a", MINI)
    assert (code, out, err) == (2, "", f"{PREFIX}- (standard input) can stand for one file only\n")


def test_compare_takes_one_respondent_from_standard_input(
    answers: Path, stdin: object, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin(answers_text("Tim").replace('name = "Tim"', 'name = "Tim"\nrole = "team"').encode())  # type: ignore[operator]
    code, out, err = run(capsys, "compare", answers, "-", "-a", MINI, "--format", "json")
    assert (code, err) == (0, "")
    assert [r["label"] for r in json.loads(out)["respondents"]] == ["Ann", "Tim"]


def test_dash_o_writes_to_standard_output(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "score", answers, "-a", MINI, "-o", "-")
    assert (code, err) == (0, "")
    assert tomllib.loads(out)["respondent"]["name"] == "Ann"
    code, out, err = run(capsys, "template", "-a", MINI, "--lang", "en", "-o", "-")
    assert (code, err) == (0, "")
    assert tomllib.loads(out)["schema"] == "smcheck.answers/1"
    code, out, err = run(
        capsys, "compare", answers, answers, "-a", MINI, "-o", "-", "--format", "md"
    )
    assert (code, err) == (0, "")
    assert out.startswith("# Social media readiness")
    assert not (tmp_path / "-").exists()


def test_a_real_pipe_in_and_out(answers: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "smcheck", "score", "-", "-a", str(MINI), "--format", "json"],
        input=answers.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "SMCHECK_HOME": str(tmp_path / "home")},
        check=False,
    )
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert json.loads(proc.stdout)["respondent"]["name"] == "Ann"


# --- who may read what smcheck writes -------------------------------------------------------------


def test_exports_follow_the_umask(
    answers: Path, tmp_path: Path, umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    umask(0o022)  # type: ignore[operator]
    report = tmp_path / "report.md"
    assert run(capsys, "score", answers, "-a", MINI, "-o", report)[0] == 0
    assert mode(report) == 0o644
    umask(0o077)  # type: ignore[operator]
    private = tmp_path / "private.csv"
    assert run(capsys, "score", answers, "-a", MINI, "-o", private)[0] == 0
    assert mode(private) == 0o600
    umask(0o002)  # type: ignore[operator]
    template = tmp_path / "blank.toml"
    assert run(capsys, "template", "-a", MINI, "-o", template)[0] == 0
    assert mode(template) == 0o664


def test_force_keeps_the_mode_of_the_replaced_file(
    answers: Path, tmp_path: Path, umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    umask(0o022)  # type: ignore[operator]
    plan = tmp_path / "plan.toml"
    plan.write_text("old", encoding="utf-8")
    plan.chmod(0o640)
    assert run(capsys, "score", answers, "-a", MINI, "-o", plan, "--force")[0] == 0
    assert tomllib.loads(plan.read_text(encoding="utf-8"))["schema"] == "smcheck.plan/2"
    assert mode(plan) == 0o640


def test_plans_in_a_folder_follow_the_umask(
    tmp_path: Path, umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    umask(0o027)  # type: ignore[operator]
    for name in ("a", "b"):
        (tmp_path / f"{name}.toml").write_text(answers_text(name), encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    code, _, _ = run(
        capsys, "score", tmp_path / "a.toml", tmp_path / "b.toml", "-a", MINI, "-o", plans
    )
    assert code == 0
    assert {p.name: mode(p) for p in plans.iterdir()} == {
        "a.plan.toml": 0o640,
        "b.plan.toml": 0o640,
    }


def test_sessions_and_settings_stay_private_whatever_the_umask(
    smcheck_home: Path, umask: object
) -> None:
    from smcheck.files.catalog import find_assessment
    from smcheck.files.config import Config, save_config
    from smcheck.files.open_session import OpenSession
    from smcheck.files.session import session_path

    umask(0o000)  # type: ignore[operator]
    session = OpenSession.start(find_assessment("social-media-readiness"), "quick", "en")
    session.set_answer(session.walk.questions[0][1].id, 2)
    session.save()
    path = session_path(session.id)
    session.close()
    save_config(Config())
    assert mode(path) == 0o600
    assert [mode(p) for p in smcheck_home.rglob("config.toml")] == [0o600]


# --- exit codes and messages --------------------------------------------------------------------


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    codes = out[out.index("exit codes:") :]
    assert re.search(r"^  0 +done", codes, re.M)
    assert re.search(r"^  2 +a usage error", codes, re.M)
    assert re.search(r"^  130 +interrupted", codes, re.M)
    assert main(["score", "--help"]) == 0
    assert "exit codes:" in capsys.readouterr().out


def test_a_usage_error_exits_2_with_argparses_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", "a.toml", "--format", "tsv")
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith("usage: smcheck score")
    assert err.splitlines()[-1] == (
        "smcheck score: error: argument --format: invalid choice: 'tsv' (choose from 'toml', "
        "'json', 'md', 'csv', 'ics', 'html', 'pdf')"
    )


def test_invalid_data_exits_2_with_one_line_for_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(answers_text().replace("value = 3", 'value = "three"'), encoding="utf-8")
    code, out, err = run(capsys, "score", bad, "-a", MINI)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"{PREFIX}{bad}:16: answers.a1.value: ")  # line 16: a1's value


# --- the HTML and PDF reports, wired in ---------------------------------------------------------


def test_score_writes_the_html_and_pdf_reports_named_by_their_suffix(
    answers: Path, tmp_path: Path, umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    umask(0o022)  # type: ignore[operator]
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    assert run(capsys, "score", answers, "-a", MINI, "-o", html) == (0, "", "")
    assert run(capsys, "score", answers, "-a", MINI, "-o", pdf) == (0, "", "")
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert (mode(html), mode(pdf)) == (0o644, 0o644)
    code, out, err = run(capsys, "score", answers, "-a", MINI, "--format", "html")
    assert (code, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>")


def test_a_folder_of_pdf_reports_goes_through_the_all_or_nothing_writer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.toml").write_text(answers_text(name), encoding="utf-8")
    plans = tmp_path / "plans"
    plans.mkdir()
    argv = ("score", tmp_path / "a.toml", tmp_path / "b.toml", "-a", MINI, "-o", plans)
    assert run(capsys, *argv, "--format", "pdf") == (0, "", "")
    assert sorted(p.name for p in plans.iterdir()) == ["a.plan.pdf", "b.plan.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in plans.iterdir())


def test_compare_writes_the_html_and_pdf_reports(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, pdf = tmp_path / "c.html", tmp_path / "c.pdf"
    assert run(capsys, "compare", answers, answers, "-a", MINI, "-o", html) == (0, "", "")
    assert run(capsys, "compare", answers, answers, "-a", MINI, "-o", pdf) == (0, "", "")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_a_pdf_is_not_written_to_a_terminal_unless_asked_with_dash_o(
    answers: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for command in (["score", answers], ["compare", answers, answers]):
        code, out, err = run(capsys, *command, "-a", MINI, "--format", "pdf")
        assert (code, out) == (2, "")
        assert err == (
            f"{PREFIX}a PDF is not for a terminal: give -o report.pdf, or -o - to write it to "
            "standard output all the same\n"
        )


def test_a_pdf_goes_to_standard_output_as_bytes(answers: Path, tmp_path: Path) -> None:
    env = {**os.environ, "SMCHECK_HOME": str(tmp_path / "home")}
    base = [sys.executable, "-m", "smcheck", "score", str(answers), "-a", str(MINI)]
    for extra in (["-o", "-", "--format", "pdf"], ["--format", "pdf"]):  # -o -, or a pipe
        proc = subprocess.run([*base, *extra], capture_output=True, env=env, check=False)
        assert (proc.returncode, proc.stderr) == (0, b"")
        assert proc.stdout.startswith(b"%PDF-") and proc.stdout.rstrip().endswith(b"%%EOF")


def test_other_formats_do_not_load_the_report_libraries(answers: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from smcheck.cli.main import main\n"
        f"main(['score', {str(answers)!r}, '-a', {str(MINI)!r}, '--format', 'json'])\n"
        "loaded = {'jinja2', 'pygal', 'fpdf'} & {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(loaded), file=sys.stderr)\n"
    )
    env = {**os.environ, "SMCHECK_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert (proc.returncode, proc.stderr) == (0, "[]\n")


def test_run_s_options_may_come_before_the_word_run_too(
    capsys: pytest.CaptureFixture[str], smcheck_home: Path
) -> None:
    # `smcheck --lang de` runs the check; `smcheck --lang de run …` is read the same way
    assert main(["--lang", "de", "run", "--resume", "20990101-000000"]) == 2
    err = capsys.readouterr().err
    assert "no session '20990101-000000'" in err and "unrecognized" not in err
    assert main(["--lang", "xx", "run"]) == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err
    # a `run` that is an option's value stays one: here the assessment's name
    assert main(["--resume", "20990101-000000", "-a", "run"]) == 2
    err = capsys.readouterr().err
    assert "no assessment 'run'" in err and "expected one argument" not in err
