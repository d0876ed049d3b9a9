"""The headless commands end to end, as a user or a script runs them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

import smcheck
from smcheck.cli.main import main

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
MINI_TEXT = MINI.read_text(encoding="utf-8")
QUESTIONS = ["a1", "a2", "b1", "b2", "g1", "g2", "g3"]
PREFIX = "smcheck: error: "


def answers_text(name: str = "Ann") -> str:
    """Valid answers for the mini assessment, completed on a fixed day."""
    return f"""\
schema = "smcheck.answers/1"
assessment = "mini"
assessment_version = "1.0"
completed = 2026-03-04

[respondent]
name = "{name}"

[organisation]
objectives = ["awareness"]

[organisation.baselines]
reach = 1200

[answers.a1]
value = 3

[answers.b2]
value = 4

[answers.g1]
value = "dont-know"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run smcheck in-process; the exit code, stdout and stderr. No traceback allowed."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse: --version, usage errors
        code = exc.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(answers_text(), encoding="utf-8")
    return path


# --- version, usage, schema -------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, "smcheck 0.1.0\n", "")


def test_no_command_without_a_terminal_asks_line_by_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # no terminal (pytest captures stdout): the plain mode asks on stdin; at once end of input
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, _ = run(capsys, "--lang", "en")
    assert code == 0
    assert "1. Quick check: 10 questions, about 3 minutes" in out
    assert "\x1b" not in out


def test_run_refuses_a_resume_id_that_is_not_a_session_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "run", "--resume", "../../etc/passwd")
    assert (code, out) == (2, "")
    assert err == "smcheck: error: '../../etc/passwd' is not a session id (see: smcheck sessions)\n"


@pytest.mark.parametrize("kind", ["answers", "plan", "assessment", "config"])
def test_schema_prints_json_schema(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "schema", kind)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["$schema"].startswith("https://json-schema.org/")
    assert "schema" in data["properties"]


# --- template ---------------------------------------------------------------------------------


def test_template_writes_an_answers_file_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "answers.toml"
    assert run(capsys, "template", "-a", MINI, "--lang", "en", "-o", target) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    lines = text.splitlines()

    headers = [line for line in lines if line.startswith("[answers.")]
    assert headers == [f"[answers.{q}]" for q in QUESTIONS]
    for q in QUESTIONS:
        at = lines.index(f"[answers.{q}]")
        # the prompt, then one comment line per option of the five-point scale
        assert lines[at + 1] == f"# Question {q}?"
        options = lines[at + 2 : at + 7]
        for k, line in enumerate(options, start=1):
            assert re.fullmatch(rf"#\s+{k} \(\w\): o{k}", line), line
        assert not re.match(r"#\s+6 ", lines[at + 7])
    data = tomllib.loads(text)
    assert data["schema"] == "smcheck.answers/1"
    assert {q: a["value"] for q, a in data["answers"].items()} == dict.fromkeys(QUESTIONS, "")

    code, out, err = run(capsys, "validate", target, "-a", MINI)
    assert (code, out, err) == (0, f"{target}: valid answers for mini 1.0\n", "")


def test_template_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "answers.toml"
    target.write_text("keep", encoding="utf-8")
    code, out, err = run(capsys, "template", "-a", MINI, "--lang", "en", "-o", target)
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{target}: already exists; choose another name or add --force\n"
    assert target.read_text(encoding="utf-8") == "keep"

    assert run(capsys, "template", "-a", MINI, "--lang", "en", "-o", target, "--force") == (
        0,
        "",
        "",
    )
    assert target.read_text(encoding="utf-8").startswith("# smcheck answers: Mini check")
    assert run(capsys, "validate", target, "-a", MINI)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.toml"]  # no temporary left


def test_filled_template_scores_to_a_toml_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = tmp_path / "answers.toml"
    assert run(capsys, "template", "-a", MINI, "--lang", "en", "-o", filled)[0] == 0
    text = filled.read_text(encoding="utf-8")
    values = ["1", "2", "3", "4", "5", '"dont-know"', '"n/a"']
    assert text.count('value = ""') == len(values)
    for value in values:
        text = text.replace('value = ""', f"value = {value}", 1)
    assert text.count("\nobjectives = []\n") == 1
    text = text.replace("\nobjectives = []\n", '\nobjectives = ["awareness"]\n')
    filled.write_text(text, encoding="utf-8")

    plan_path = tmp_path / "plan.toml"
    assert run(capsys, "score", filled, "-a", MINI, "-o", plan_path) == (0, "", "")
    plan = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    assert plan["schema"] == "smcheck.plan/2"
    assert plan["source"]["assessment"] == "mini"
    # by hand: alpha (0+25)/2 = 12.5 -> 13; beta (50*1 + 75*3)/4 = 68.75 -> 69; gamma 100
    # (g2 don't know, g3 n/a left out); overall (13 + 69 + 2*100)/4 = 70.5 -> 71
    assert {d["id"]: d["score"] for d in plan["result"]["dimensions"]} == {
        "alpha": 13,
        "beta": 69,
        "gamma": 100,
    }
    assert plan["result"]["overall"] == 71
    # one outcome goal per chosen objective: its leading (first) KPI, reach; reply-time is not
    outcome = [g["id"] for g in plan["goals"] if g["kind"] == "outcome"]
    assert outcome == ["reach"]


# --- score ------------------------------------------------------------------------------------


def test_score_refuses_output_equal_to_input(
    answers: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = answers.read_bytes()
    for force in ([], ["--force"]):
        code, out, err = run(capsys, "score", answers, "-a", MINI, "-o", answers, *force)
        assert (code, out) == (2, "")
        assert err == f"{PREFIX}{answers}: is one of the input files; choose another output name\n"
        assert answers.read_bytes() == before


def test_score_format_follows_output_suffix(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    as_json = tmp_path / "plan.json"
    assert run(capsys, "score", answers, "-a", MINI, "-o", as_json) == (0, "", "")
    data = json.loads(as_json.read_text(encoding="utf-8"))
    assert data["schema"] == "smcheck.plan/2"
    assert data["iteration"]["start"] == "2026-03-09"  # the Monday after completed, as a string

    as_md = tmp_path / "plan.md"
    assert run(capsys, "score", answers, "-a", MINI, "-o", as_md) == (0, "", "")
    md = as_md.read_text(encoding="utf-8")
    assert md.startswith("# ")
    # the reach goal by its metric, not its id: baseline 1200 + 20 % = 1440, smcheck's suggestion
    assert "**Reach per week: 1,200 → 1,440 (suggested)**" in md
    assert "`reach`" not in md

    as_toml = tmp_path / "plan.toml"
    assert run(capsys, "score", answers, "-a", MINI, "-o", as_toml) == (0, "", "")
    assert tomllib.loads(as_toml.read_text(encoding="utf-8"))["schema"] == "smcheck.plan/2"


def _two_answers(tmp_path: Path) -> tuple[Path, Path]:
    ann, bob = tmp_path / "ann.toml", tmp_path / "bob.toml"
    ann.write_text(answers_text("Ann"), encoding="utf-8")
    bob.write_text(answers_text("Bob"), encoding="utf-8")
    return ann, bob


def test_score_several_files_into_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, bob = _two_answers(tmp_path)
    out_dir = tmp_path / "plans"
    out_dir.mkdir()
    assert run(capsys, "score", ann, bob, "-a", MINI, "-o", out_dir) == (0, "", "")
    assert sorted(p.name for p in out_dir.iterdir()) == ["ann.plan.toml", "bob.plan.toml"]
    for stem, name in (("ann", "Ann"), ("bob", "Bob")):
        plan = tomllib.loads((out_dir / f"{stem}.plan.toml").read_text(encoding="utf-8"))
        assert plan["schema"] == "smcheck.plan/2"
        assert plan["respondent"]["name"] == name


def test_score_several_files_need_a_folder_or_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, bob = _two_answers(tmp_path)
    code, out, err = run(capsys, "score", ann, bob, "-a", MINI)
    assert (code, out) == (2, "")
    assert (
        err == f"{PREFIX}several answers files: give -o FOLDER, or --format json for JSON lines\n"
    )
    not_a_folder = tmp_path / "plan.toml"
    code, out, err = run(capsys, "score", ann, bob, "-a", MINI, "-o", not_a_folder)
    assert (code, out) == (2, "")
    assert err == (
        f"{PREFIX}{not_a_folder}: several answers files need -o to name an existing folder\n"
    )
    assert not not_a_folder.exists()


def test_score_several_files_as_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, bob = _two_answers(tmp_path)
    code, out, err = run(capsys, "score", ann, bob, "-a", MINI, "--format", "json")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    plans = [json.loads(line) for line in lines]
    assert [p["schema"] for p in plans] == ["smcheck.plan/2"] * 2
    assert [p["respondent"]["name"] for p in plans] == ["Ann", "Bob"]


@pytest.mark.parametrize("weeks", ["3", "13"])
def test_score_weeks_out_of_range(
    weeks: str, answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    code, out, err = run(capsys, "score", answers, "-a", MINI, "--weeks", weeks, "-o", plan)
    assert (code, out) == (2, "")
    assert f"argument --weeks: '{weeks}': an iteration lasts 4-12 weeks" in err
    assert not plan.exists()


def test_score_start_and_weeks(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path = tmp_path / "plan.toml"
    argv = ["score", answers, "-a", MINI, "--start", "2027-01-04", "--weeks", "4", "-o", plan_path]
    assert run(capsys, *argv) == (0, "", "")
    iteration = tomllib.loads(plan_path.read_text(encoding="utf-8"))["iteration"]
    assert iteration["weeks"] == 4
    assert iteration["start"] == date(2027, 1, 4)
    assert iteration["end"] == date(2027, 1, 29)  # Friday of week 4
    assert iteration["next_assessment"] == date(2027, 2, 1)


def test_score_start_not_on_a_monday_begins_on_the_monday_of_its_week(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2026-12-16 is a Wednesday (2026-12-14, a Monday, plus two days)
    assert date(2026, 12, 16).weekday() == 2
    plan_path = tmp_path / "plan.toml"
    argv = ["score", answers, "-a", MINI, "--lang", "en", "--start", "2026-12-16", "-o", plan_path]
    assert run(capsys, *argv) == (
        0,
        "",
        "smcheck: --start 2026-12-16 is not a Monday; the iteration starts on the Monday of that "
        "week, 2026-12-14\n",
    )
    plan = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    assert plan["iteration"]["start"] == date(2026, 12, 14)
    assert plan["tasks"][0]["start"] == date(2026, 12, 14)
    assert plan["remarks"][0] == (
        "The start 16 Dec 2026 is not a Monday; the iteration begins on the Monday of that week, "
        "14 Dec 2026."
    )
    # a Monday is taken as given, without a remark about the start
    monday = tmp_path / "monday.toml"
    argv = ["score", answers, "-a", MINI, "--lang", "en", "--start", "2026-12-14", "-o", monday]
    assert run(capsys, *argv) == (0, "", "")
    plan = tomllib.loads(monday.read_text(encoding="utf-8"))
    assert plan["iteration"]["start"] == date(2026, 12, 14)
    assert not any("not a Monday" in remark for remark in plan["remarks"])


def test_score_refuses_existing_outputs_before_writing_any(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann, bob = _two_answers(tmp_path)
    out_dir = tmp_path / "plans"
    out_dir.mkdir()
    (out_dir / "bob.plan.toml").write_text("keep", encoding="utf-8")
    code, out, err = run(capsys, "score", ann, bob, "-a", MINI, "-o", out_dir)
    assert (code, out) == (2, "")
    existing = out_dir / "bob.plan.toml"
    assert err == f"{PREFIX}{existing}: already exists; choose another name or add --force\n"
    assert existing.read_text(encoding="utf-8") == "keep"
    # all or nothing: ann's plan must not be written when the run fails
    assert sorted(p.name for p in out_dir.iterdir()) == ["bob.plan.toml"]


def test_score_refuses_two_inputs_with_the_same_output_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    first, second = tmp_path / "x" / "a.toml", tmp_path / "y" / "a.toml"
    first.write_text(answers_text("Ann"), encoding="utf-8")
    second.write_text(answers_text("Bob"), encoding="utf-8")
    out_dir = tmp_path / "plans"
    out_dir.mkdir()
    # even with --force, one plan must not silently replace the other
    code, out, err = run(capsys, "score", first, second, "-a", MINI, "-o", out_dir, "--force")
    assert (code, out) == (2, "")
    assert err.startswith(PREFIX) and "a.plan.toml" in err
    assert list(out_dir.iterdir()) == []


# --- validate ---------------------------------------------------------------------------------


def test_validate_good_and_bad_together(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MINI_TEXT.replace('id = "gamma"', 'id = "alpha"'), encoding="utf-8")
    bad_line = MINI_TEXT.splitlines().index('id = "gamma"') + 1
    bad_answers = tmp_path / "bad-answers.toml"
    bad_answers.write_text(answers_text().replace("value = 4", "value = 9"), encoding="utf-8")
    value_line = answers_text().splitlines().index("value = 4") + 1

    code, out, err = run(capsys, "validate", MINI, bad, answers, bad_answers, "-a", MINI)
    assert code == 2
    assert out == f"{MINI}: valid assessment mini 1.0\n{answers}: valid answers for mini 1.0\n"
    assert err.splitlines() == [
        f"{PREFIX}{bad}:{bad_line}: dimensions[alpha].id: duplicate dimension id 'alpha'",
        f"{PREFIX}{bad_answers}:{value_line}: answers.b2.value: 9 is out of range; "
        'choose 1-5, "dont-know" or "n/a"',
    ]


def test_validate_good_files_exit_zero(answers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", MINI, answers, "-a", MINI)
    assert (code, err) == (0, "")
    assert out == f"{MINI}: valid assessment mini 1.0\n{answers}: valid answers for mini 1.0\n"


# A plan and a comparison as smcheck wrote them before plan/2 and comparison/2 (smcheck 0.1.0,
# the mini assessment; the plan shortened to two of its tasks). People keep such files.
PLAN_1 = """\
schema = "smcheck.plan/1"
generator = "smcheck 0.1.0"
lang = "en"
blockers = []
notes = []

[source]
assessment = "mini"
assessment_version = "1.0"
assessment_title = "Mini check"
scope = "full"

[organisation]
name = ""
size = ""
industry = ""
channels = []
objectives = []
company_goals = []

[organisation.baselines]

[respondent]
name = "Ann"
role = "leadership"

[result]
overall = 50
stage = "experimenting"
stage_name = "experimenting"
stage_description = "experimenting"
stage_by_score = "experimenting"
completeness = 14
blockers = []
strengths = []
next_stage = "learning-loop"
next_stage_reached = true

[[result.dimensions]]
id = "alpha"
excuse = "Excuse alpha"
score = 50
weight = 1.0
questions = 2
answered = 1
dont_know = 0
not_applicable = 0
unanswered = 1
completeness = 50
pulled_down_by = []

[[result.dimensions]]
id = "beta"
excuse = "Excuse beta"
weight = 1.0
questions = 2
answered = 0
dont_know = 0
not_applicable = 0
unanswered = 2
completeness = 0
pulled_down_by = []

[[result.dimensions]]
id = "gamma"
excuse = "Excuse gamma"
weight = 2.0
questions = 3
answered = 0
dont_know = 0
not_applicable = 0
unanswered = 3
completeness = 0
pulled_down_by = []

[[result.next_stage_lifts]]
question = "a1"
dimension = "alpha"
prompt = "Question a1?"
from_option = 3
to_option = 4
overall_after = 75
stage_after = "learning-loop"

[iteration]
weeks = 6
start = 2026-03-09
end = 2026-04-17
next_assessment = 2026-04-20
phases = [
    { id = "start", name = "Start point", weeks = [1, 2], start = 2026-03-09, end = 2026-03-20 },
    { id = "campaign", name = "Campaign", weeks = [2, 5], start = 2026-03-16, end = 2026-04-10 },
    { id = "feedback", name = "Feedback", weeks = [3, 6], start = 2026-03-23, end = 2026-04-17 },
    { id = "optimisation", name = "Optimisation", weeks = [4, 6], start = 2026-03-30, end = 2026-04-17 },
    { id = "new-start", name = "New start point", weeks = [6, 6], start = 2026-04-13, end = 2026-04-17 },
]

[[goals]]
id = "enable-alpha"
kind = "enabler"
title = "Goal alpha"
owner = "leadership"
due = 2026-04-17
dimension = "alpha"
measure = "measured"
serves = []

[[tasks]]
id = "alpha-start"
title = "Task alpha-start"
phase = "start"
weeks = [1, 1]
start = 2026-03-09
end = 2026-03-13
owner = "team"
effort = "S"
dimension = "alpha"
goals = ["enable-alpha"]
done = "alpha-start done"

[[tasks]]
id = "rerun"
title = "Task rerun"
phase = "new-start"
weeks = [6, 6]
start = 2026-04-13
end = 2026-04-17
owner = "leadership"
effort = "S"
goals = ["enable-alpha"]
done = "rerun done"
"""

COMPARISON_1 = """\
schema = "smcheck.comparison/1"
generator = "smcheck 0.1.0"
lang = "en"
assessment = "mini"
assessment_version = "1.0"
assessment_title = "Mini check"
scope = "full"
combined_overall = 75
combined_stage = "learning-loop"
combined_stage_name = "learning-loop"
gap_threshold = 25

[[respondents]]
label = "Ann"
role = "leadership"
overall = 50
stage = "experimenting"
stage_name = "experimenting"
completeness = 14

[[respondents]]
label = "Bob"
role = "team"
overall = 100
stage = "lived-attitude"
stage_name = "lived-attitude"
completeness = 14

[[dimensions]]
id = "alpha"
excuse = "Excuse alpha"
scores = [50, 100]
spread = 50
combined = 75
role_means = { leadership = 50, team = 100 }

[[dimensions]]
id = "beta"
excuse = "Excuse beta"
scores = ["", ""]
role_means = {}

[[dimensions]]
id = "gamma"
excuse = "Excuse gamma"
scores = ["", ""]
role_means = {}

[[gaps]]
dimension = "alpha"
leadership = 50
team = 100
difference = 50
discussion = "Leadership rates “Excuse alpha” at 50, the team at 100 (50 points apart). Discuss: Against it."
"""


def test_validate_reads_plans_and_comparisons_of_both_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # smcheck writes plan/2 and comparison/2 and still reads the /1 files people already have
    old_plan = tmp_path / "old.plan.toml"
    old_plan.write_text(PLAN_1, encoding="utf-8")
    old_comparison = tmp_path / "old.comparison.toml"
    old_comparison.write_text(COMPARISON_1, encoding="utf-8")
    code, out, err = run(capsys, "validate", old_plan, old_comparison)
    assert (code, err) == (0, "")
    assert out == (
        f"{old_plan}: valid plan for mini 1.0\n{old_comparison}: valid comparison for mini 1.0\n"
    )

    boss = _respondent(tmp_path, "Boss", "leadership", 5)
    team = _respondent(tmp_path, "Tina", "team", 1)
    new_plan, new_comparison = tmp_path / "new.plan.toml", tmp_path / "new.comparison.toml"
    assert run(capsys, "score", boss, "-a", MINI, "-o", new_plan) == (0, "", "")
    assert run(capsys, "compare", boss, team, "-a", MINI, "-o", new_comparison)[0] == 0
    assert tomllib.loads(new_plan.read_text(encoding="utf-8"))["schema"] == "smcheck.plan/2"
    comparison = tomllib.loads(new_comparison.read_text(encoding="utf-8"))
    assert comparison["schema"] == "smcheck.comparison/2"
    code, out, err = run(capsys, "validate", new_plan, new_comparison)
    assert (code, err) == (0, "")
    assert out == (
        f"{new_plan}: valid plan for mini 1.0\n{new_comparison}: valid comparison for mini 1.0\n"
    )


# --- answers to questionnaire 1.0 -------------------------------------------------------------

ANSWERS_1_0 = """\
schema = "smcheck.answers/1"
assessment = "social-media-readiness"
assessment_version = "1.0"
scope = "full"
lang = "en"
completed = 2026-03-04

[organisation]
name = "Korn"

[answers.sf-planning-state]
value = 4

[answers.sf-approval-time]
value = 2
note = "two weeks per post"

[answers.hi-team-and-boss]
value = 5

[answers.hi-release-rule]
value = 3

[answers.go-operational]
value = 4

[answers.go-company-link]
value = 1

[answers.cf-company-goals-link]
value = 3

[answers.gl-crisis-path]
value = 3

[answers.gl-approval-flow]
value = 4
"""
"""Answers to the first version of the bundled questionnaire, with every question that 1.1
merged into another: sf-approval-time, gl-approval-flow and hi-release-rule (hierarchy's
hi-approval-path now), go-company-link (corporate-fit's cf-company-goals-link now)."""


def _converted(path: Path) -> list[str]:
    """The notices converting ANSWERS_1_0 prints, one per line."""
    return [
        f"smcheck: note: {path}: converted from social-media-readiness 1.0 to 1.1",
        f"smcheck: note: {path}: sf-approval-time, gl-approval-flow, hi-release-rule are one question "
        "now (hi-approval-path); the lower answer was taken (option 2, from sf-approval-time)",
        f"smcheck: note: {path}: go-company-link, cf-company-goals-link are one question now "
        "(cf-company-goals-link); the lower answer was taken (option 1, from go-company-link)",
    ]


def test_answers_to_questionnaire_1_0_are_converted_and_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.toml"
    old.write_text(ANSWERS_1_0, encoding="utf-8")
    plan_path = tmp_path / "plan.json"
    code, out, err = run(capsys, "score", old, "-o", plan_path)
    assert (code, out) == (0, "")
    assert err.splitlines() == _converted(old)
    assert old.read_text(encoding="utf-8") == ANSWERS_1_0  # the file itself stays as it was
    plan = json.loads(plan_path.read_text(encoding="utf-8"))
    assert plan["source"]["assessment_version"] == "1.1"
    # by hand, 1.1: the lowest of the merged answers counts, in the dimension it is in now.
    # strategy-first: sf-planning-state 4 -> 75 (sf-approval-time moved out);
    # hierarchy: hi-team-and-boss 5 -> 100, hi-approval-path 2 -> 25: 62.5 -> 63;
    # goals: go-operational 75; corporate-fit: cf-company-goals-link 1 -> 0;
    # guidelines: gl-crisis-path 3 -> 50 (gl-approval-flow moved out)
    scores = {d["id"]: d.get("score") for d in plan["result"]["dimensions"]}
    assert {k: v for k, v in scores.items() if v is not None} == {
        "strategy-first": 75,
        "hierarchy": 63,
        "goals": 75,
        "corporate-fit": 0,
        "guidelines": 50,
    }
    # overall (75 + 62.5 + 75 + 0 + 50) / 5 = 52.5 -> 53; 6 of 37 questions answered: 16 %,
    # too little for a stage
    result = plan["result"]
    assert (result["overall"], result["completeness"]) == (53, 16)
    assert "stage" not in result and result["stage_rule"] == "too-little-known"
    # the note of a merged question stays with the question it is part of now
    assert [(n["question"], n["note"]) for n in plan["notes"]] == [
        ("hi-approval-path", "two weeks per post")
    ]


def test_a_1_0_start_point_is_converted_for_the_next_iteration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.toml"
    old.write_text(ANSWERS_1_0, encoding="utf-8")
    new = tmp_path / "new.toml"
    new.write_text(
        ANSWERS_1_0.replace('assessment_version = "1.0"', 'assessment_version = "1.1"')
        .replace("completed = 2026-03-04", "completed = 2026-04-20")
        .replace(
            '[answers.sf-approval-time]\nvalue = 2\nnote = "two weeks per post"\n',
            "[answers.hi-approval-path]\nvalue = 4\n",
        )
        .replace("[answers.hi-release-rule]\nvalue = 3\n\n", "")
        .replace("[answers.go-company-link]\nvalue = 1\n\n", "")
        .replace("\n[answers.gl-approval-flow]\nvalue = 4\n", ""),
        encoding="utf-8",
    )
    plan_path = tmp_path / "plan.toml"
    code, out, err = run(capsys, "score", new, "--previous", old, "-o", plan_path)
    assert (code, out) == (0, "")
    assert err.splitlines() == _converted(old)  # only the old file needed converting
    sp = tomllib.loads(plan_path.read_text(encoding="utf-8"))["start_point"]
    assert (sp["previous_completed"], sp["current_completed"]) == (
        date(2026, 3, 4),
        date(2026, 4, 20),
    )
    # by hand: hierarchy was (100 + 25) / 2 = 62.5 -> 63 and is (100 + 75) / 2 = 87.5 -> 88;
    # corporate-fit was 0 (the lower, go-company-link 1) and is 50 (cf-company-goals-link 3);
    # overall 52.5 -> 53 before, (75 + 87.5 + 75 + 50 + 50) / 5 = 67.5 -> 68 now
    deltas = {d["id"]: (d.get("previous"), d.get("current")) for d in sp["dimensions"]}
    assert deltas["hierarchy"] == (63, 88)
    assert deltas["corporate-fit"] == (0, 50)
    assert deltas["strategy-first"] == (75, 75)
    assert (sp["previous_overall"], sp["current_overall"], sp["overall_delta"]) == (53, 68, 15)


# --- assessments ------------------------------------------------------------------------------


def test_assessments_lists_user_files_and_marks_invalid_ones(
    smcheck_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LC_ALL", "C")  # English titles
    folder = smcheck_home / "assessments"
    folder.mkdir()
    shutil.copy(MINI, folder / "mini.toml")
    broken = folder / "broken.toml"
    broken_text = MINI_TEXT.replace('id = "g2"\n', 'id = "g2"\nscale = "nope"\n')
    broken.write_text(broken_text, encoding="utf-8")
    line = broken_text.splitlines().index('scale = "nope"') + 1

    code, out, err = run(capsys, "assessments")
    assert (code, err) == (0, "")
    rows = out.splitlines()
    mini = [r for r in rows if r.startswith("mini ")]
    assert len(mini) == 1
    assert re.fullmatch(
        r"mini +1\.0 +user +3 dimensions, 7 questions, quick 3 +Mini check", mini[0]
    ), mini[0]
    invalid = [r for r in rows if r.startswith("broken ")]
    assert invalid == [
        f"{'broken':<28} INVALID  {broken}:{line}: dimensions[gamma].questions[g2].scale: "
        "no scale with id 'nope'"
    ]


def test_answers_find_their_assessment_by_id_in_the_user_folder(
    smcheck_home: Path, answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (smcheck_home / "assessments").mkdir()
    shutil.copy(MINI, smcheck_home / "assessments" / "mini.toml")
    assert run(capsys, "validate", answers) == (0, f"{answers}: valid answers for mini 1.0\n", "")
    plan = tmp_path / "plan.toml"
    assert run(capsys, "score", answers, "-o", plan) == (0, "", "")
    assert tomllib.loads(plan.read_text(encoding="utf-8"))["source"]["assessment"] == "mini"


# --- as a separate process: python -m smcheck, and no Textual for headless commands -----------

_NO_TEXTUAL = """\
import sys
from smcheck.cli.main import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
assert "textual" not in sys.modules, "textual was imported"
print("no-textual", file=sys.stderr)
sys.exit(code)
"""


def test_subprocess_version_schema_and_no_textual(answers: Path, tmp_path: Path) -> None:
    from smcheck.cli.batch import PARALLEL_FROM

    src = str(Path(smcheck.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env["LC_ALL"] = "C"

    def python(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )

    version = python("-m", "smcheck", "--version")
    assert (version.returncode, version.stdout, version.stderr) == (0, "smcheck 0.1.0\n", "")
    schema = python("-m", "smcheck", "schema", "plan")
    assert (schema.returncode, schema.stderr) == (0, "")
    assert "$schema" in json.loads(schema.stdout)

    # the check can see Textual when it is imported
    control = python("-c", "import sys, textual; assert 'textual' in sys.modules")
    assert control.returncode == 0, control.stderr

    many = tmp_path / "many"  # enough files to be shared out to worker processes
    many.mkdir()
    for i in range(PARALLEL_FROM):
        shutil.copy(answers, many / f"a{i:03d}.toml")
    commands = {
        "--version": ["--version"],
        "assessments": ["assessments"],
        "template": ["template", "-a", str(MINI), "--lang", "en"],
        "score": ["score", str(answers), "-a", str(MINI), "--format", "json"],
        "validate": ["validate", str(MINI)],
        "schema": ["schema", "plan"],
        "compare": ["compare", str(answers), str(answers), "-a", str(MINI)],
        "sessions": ["sessions"],
        "score-ics": ["score", str(answers), "-a", str(MINI), "--format", "ics"],
        "score-many": ["score", str(many), "-a", str(MINI), "--format", "json", "--jobs", "2"],
    }
    for name, argv in commands.items():
        result = python("-c", _NO_TEXTUAL, *argv)
        assert "Traceback" not in result.stderr, (name, result.stderr)
        assert result.returncode == 0, (name, result.stderr)
        assert result.stderr.endswith("no-textual\n"), (name, result.stderr)
        assert result.stdout, name


def test_scoring_a_blank_template_says_nothing_is_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = tmp_path / "blank.toml"
    assert run(capsys, "template", "-a", MINI, "--lang", "en", "-o", blank)[0] == 0
    code, out, err = run(capsys, "score", blank, "-a", MINI, "-o", tmp_path / "plan.toml")
    assert (code, out) == (0, "")
    assert err == (
        f"smcheck: note: {blank} has no answered question yet; "
        'set each value to 1-5, "dont-know" or "n/a"\n'
    )
    plan = tomllib.loads((tmp_path / "plan.toml").read_text(encoding="utf-8"))
    assert "overall" not in plan["result"] and plan["result"]["completeness"] == 0


def test_sessions_lists_saved_and_broken_sessions(
    smcheck_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from smcheck.core.models.answers import Answer
    from smcheck.files.catalog import find_assessment
    from smcheck.files.session import new_answers, save_session

    assert run(capsys, "sessions") == (0, "no saved sessions\n", "")
    a = find_assessment("social-media-readiness")
    answers = new_answers(a, "quick", "en", datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    first = [q.id for _, q in a.questions("quick")][:3]
    answers = answers.model_copy(
        update={
            "organisation": answers.organisation.model_copy(update={"name": "Korn"}),
            "answers": {q: Answer(value=2) for q in first},
        }
    )
    save_session("20261124-090000", answers)
    (smcheck_home / "sessions" / "20261123-080000.toml").write_text("not toml [", encoding="utf-8")
    code, out, err = run(capsys, "sessions")
    assert (code, err) == (0, "")
    header, *lines = out.splitlines()
    assert header.split() == ["SESSION", "LAST", "CHANGE", "ANSWERS", "SCOPE", "ORGANISATION"]
    assert lines[0].startswith("20261124-090000") and lines[0].endswith("3/10  quick  Korn")
    broken = smcheck_home / "sessions" / "20261123-080000.toml"
    assert lines[1].startswith(f"20261123-080000    INVALID  {broken}:1: not valid TOML")


def test_a_broken_settings_file_is_named_with_its_line(
    smcheck_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = smcheck_home / "config.toml"
    config.write_text('schema = "smcheck.config/1"\ntheme = "pink"\n', encoding="utf-8")
    code, out, err = run(capsys, "run")
    assert (code, out) == (2, "")
    assert err == (
        f"smcheck: error: {config}:2: theme: Input should be 'textual-dark' or 'textual-light'\n"
    )
    assert config.read_text(encoding="utf-8") == 'schema = "smcheck.config/1"\ntheme = "pink"\n'


def _respondent(tmp_path: Path, name: str, role: str, a1: int, extra: str = "") -> Path:
    text = answers_text(name).replace(
        '[respondent]\nname = "' + name + '"', f'[respondent]\nname = "{name}"\nrole = "{role}"'
    )
    text = text.replace("[answers.a1]\nvalue = 3", f"[answers.a1]\nvalue = {a1}") + extra
    path = tmp_path / f"{name.lower()}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_compare_shows_respondents_side_by_side(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # alpha has only a1 answered: the boss says 5 (100), the team member 1 (0): 100 points apart
    boss = _respondent(tmp_path, "Boss", "leadership", 5)
    team = _respondent(tmp_path, "Tina", "team", 1)
    code, out, err = run(capsys, "compare", boss, team, "-a", MINI)
    assert (code, err) == (0, "")
    assert "Boss" in out and "Tina" in out
    code, out, _ = run(capsys, "compare", boss, team, "-a", MINI, "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "smcheck.comparison/2"
    alpha = next(d for d in data["dimensions"] if d["id"] == "alpha")
    assert (alpha["scores"], alpha["spread"], alpha["combined"]) == ([100, 0], 100, 50)
    assert [g["dimension"] for g in data["gaps"]] == ["alpha"]


def test_compare_markdown_is_a_client_report_without_private_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = (
        '\n[answers.a2]\nvalue = 2\nnote = "shared remark"\nprivate_note = "PRIVATE-do-not-send"\n'
    )
    boss = _respondent(tmp_path, "Boss", "leadership", 5, secret)
    team = _respondent(tmp_path, "Tina", "team", 1)
    report = tmp_path / "report.md"
    assert run(capsys, "compare", boss, team, "-a", MINI, "-o", report)[0] == 0
    md = report.read_text(encoding="utf-8")
    assert "## Comparison" in md and "# Social media readiness" in md
    assert "shared remark" in md
    assert "PRIVATE-do-not-send" not in md


def test_compare_needs_two_respondents(answers: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", answers, "-a", MINI)
    assert (code, out) == (2, "")
    assert err.startswith("smcheck: error: ") and "two" in err


def test_score_with_the_previous_iteration_adds_the_start_point(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.toml"
    before.write_text(answers_text(), encoding="utf-8")  # completed 2026-03-04, reach baseline 1200
    after = tmp_path / "after.toml"
    after.write_text(
        answers_text().replace("completed = 2026-03-04", "completed = 2026-04-20")
        + "\n[actuals]\nreach = 1500\n",
        encoding="utf-8",
    )
    plan_path = tmp_path / "plan.toml"
    assert run(capsys, "score", after, "--previous", before, "-a", MINI, "-o", plan_path)[0] == 0
    plan = tomllib.loads(plan_path.read_text(encoding="utf-8"))
    reach = next(g for g in plan["start_point"]["goals"] if g["id"] == "reach")
    # target was 1200 + 20 % = 1440; 1500 reached it: (1500 - 1200) / (1440 - 1200) = 125 %
    assert (reach["target"], reach["actual"], reach["status"], reach["progress_pct"]) == (
        1440,
        1500,
        "reached",
        125,
    )
    code, out, err = run(
        capsys, "score", before, "--previous", after, "-a", MINI, "-o", tmp_path / "x.toml"
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"smcheck: error: {after}: ") and "before" in err


@pytest.mark.parametrize(
    ("suffix", "first"), [("csv", "Task ID,Summary,"), ("ics", "BEGIN:VCALENDAR")]
)
def test_score_writes_csv_and_ics_from_the_suffix(
    answers: Path, tmp_path: Path, suffix: str, first: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"plan.{suffix}"
    assert run(capsys, "score", answers, "-a", MINI, "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8").startswith(first)


def test_score_takes_a_folder_or_a_pattern_and_streams_json_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("c", "a", "b"):
        (folder / f"{name}.toml").write_text(answers_text(name.upper()), encoding="utf-8")
    (folder / "notes.txt").write_text("not an answers file", encoding="utf-8")
    code, out, err = run(capsys, "score", folder, "-a", MINI, "--format", "json")
    assert (code, err) == (0, "")
    assert [json.loads(line)["respondent"]["name"] for line in out.splitlines()] == ["A", "B", "C"]
    code, out, _ = run(capsys, "score", str(folder / "[ab].toml"), "-a", MINI, "--format", "json")
    assert [json.loads(line)["respondent"]["name"] for line in out.splitlines()] == ["A", "B"]
    plans = tmp_path / "plans"
    plans.mkdir()
    assert run(capsys, "score", folder, "-a", MINI, "-o", plans)[0] == 0
    assert sorted(p.name for p in plans.iterdir()) == ["a.plan.toml", "b.plan.toml", "c.plan.toml"]
    code, out, err = run(capsys, "score", str(tmp_path / "none-*.toml"), "-a", MINI)
    assert (code, out) == (2, "")
    assert err == f"smcheck: error: {tmp_path / 'none-*.toml'}: no file matches\n"


def test_many_files_scored_by_several_processes_give_what_one_process_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from smcheck.cli.batch import PARALLEL_FROM

    folder = tmp_path / "many"
    folder.mkdir()
    count = PARALLEL_FROM + 11
    for i in range(count):
        text = answers_text(f"R{i:03d}").replace("value = 3", f"value = {1 + i % 5}")
        if i % 17 == 0:  # no completed date: a note on stderr, in the order of the files
            text = text.replace("completed = 2026-03-04\n", "")
        (folder / f"r{i:03d}.toml").write_text(text, encoding="utf-8")
    args = ("score", folder, "-a", MINI, "--format", "json", "--start", "2026-03-09")
    one = run(capsys, *args, "--jobs", "1")
    two = run(capsys, *args, "--jobs", "2")
    assert one[0] == 0 and one == two
    names = [json.loads(line)["respondent"]["name"] for line in two[1].splitlines()]
    assert names == [f"R{i:03d}" for i in range(count)]
    overall = [json.loads(line)["result"]["overall"] for line in two[1].splitlines()]
    assert len(set(overall)) == 5  # the answers differ, and so do the scores

    (folder / "r040.toml").write_text("schema = 1\n[answers\n", encoding="utf-8")
    (folder / "r070.toml").write_text(
        answers_text().replace("value = 4", "value = 9"), encoding="utf-8"
    )
    # with --keep-going every good file has its line and every bad one its problem, in order
    code, out, err = run(capsys, *args, "--jobs", "2", "--keep-going")
    assert code == 2
    names = [json.loads(line)["respondent"]["name"] for line in out.splitlines()]
    assert names == [f"R{i:03d}" for i in range(count) if i not in (40, 70)]
    problems = [line for line in err.splitlines() if line.startswith(PREFIX)]
    assert len(problems) == 2
    assert problems[0].startswith(f"{PREFIX}{folder / 'r040.toml'}:2:")
    assert problems[1].startswith(f"{PREFIX}{folder / 'r070.toml'}:")
    assert "b2" in problems[1]
    assert run(capsys, *args, "--jobs", "1", "--keep-going") == (code, out, err)
    # without it the stream ends at the first bad file: the lines before it stay
    code, out, err = run(capsys, *args, "--jobs", "2")
    assert code == 2
    assert len(out.splitlines()) == 40
    assert [line for line in err.splitlines() if line.startswith(PREFIX)] == problems[:1]
    assert run(capsys, *args, "--jobs", "1") == (code, out, err)


def test_conversion_notices_of_many_files_are_the_same_with_several_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # like every other note of batch scoring: on stderr, in the order of the files, whether
    # one process or several scored them
    from smcheck.cli.batch import PARALLEL_FROM

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(PARALLEL_FROM + 1):
        (folder / f"r{i:03d}.toml").write_text(ANSWERS_1_0, encoding="utf-8")
    args = ("score", folder, "--format", "json", "--start", "2026-03-09")
    one = run(capsys, *args, "--jobs", "1")
    assert one[0] == 0
    assert one[2].splitlines() == [
        line for i in range(PARALLEL_FROM + 1) for line in _converted(folder / f"r{i:03d}.toml")
    ]
    assert run(capsys, *args, "--jobs", "2") == one


def test_jobs_must_be_a_number_of_processes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "score", "x.toml", "--jobs", "many")
    assert (code, out) == (2, "")
    assert "'many': give a number of processes, 1-64 (0: auto)" in err


def test_workers_started_afresh_score_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # macOS and Windows start worker processes by "spawn": they import smcheck anew, and
    # `python -m smcheck` must not run the command again in each of them
    import runpy

    import smcheck.cli.batch as batch

    runpy.run_module("smcheck.__main__", run_name="__mp_main__")  # no SystemExit: guarded
    paths = []
    for i in range(batch.PARALLEL_FROM):
        path = tmp_path / f"r{i:03d}.toml"
        path.write_text(answers_text(f"R{i:03d}"), encoding="utf-8")
        paths.append(path)
    options = batch.ScoreOptions(fmt="json", lines=True, assessment=str(MINI))
    here = [o.text for o in batch.score_files(paths, options, jobs=1)]
    import multiprocessing

    methods: list[str | None] = []
    real = multiprocessing.get_context

    def get_context(method: str | None = None) -> object:
        methods.append(method)
        return real(method)

    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    monkeypatch.setattr(batch.sys, "platform", "darwin")
    spawned = [o.text for o in batch.score_files(paths, options, jobs=2)]
    assert methods == ["spawn"]
    assert spawned == here and all(here)


def _dies(paths: object, options: object) -> None:
    os._exit(9)  # a worker ended from outside, as the out-of-memory killer would


def test_a_worker_process_that_dies_is_one_clear_error_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import smcheck.cli.batch as batch

    folder, plans = tmp_path / "many", tmp_path / "plans"
    folder.mkdir()
    plans.mkdir()
    for i in range(batch.PARALLEL_FROM):
        (folder / f"r{i:03d}.toml").write_text(answers_text(f"R{i:03d}"), encoding="utf-8")

    monkeypatch.setattr(batch, "_score_chunk", _dies)  # forked workers inherit it
    code, out, err = run(capsys, "score", folder, "-a", MINI, "-o", plans, "--jobs", "2")
    assert (code, out) == (2, "")
    assert err == (
        f"{PREFIX}a worker process stopped unexpectedly (out of memory?); nothing was "
        "written. Try again with --jobs 1\n"
    )
    assert list(plans.iterdir()) == []
