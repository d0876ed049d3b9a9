"""Bad input, one class at a time: what a user sees when a file is wrong.

Every bad file is the valid mini assessment (tests/fixtures/mini.toml) or the valid answers
below with exactly one thing changed. Each case checks the problems the loaders raise, and
what ``smcheck validate`` and ``smcheck score`` print: one line per problem,
``smcheck: error: FILE:LINE: field.path: message`` (or without LINE when none can be known),
exit code 2, nothing on stdout, no traceback and no output file.
"""

from __future__ import annotations

import json
import pathlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from smcheck.cli.main import main
from smcheck.core.errors import InvalidFile
from smcheck.files import loading
from smcheck.files.catalog import load_answers, load_assessment, validate_file

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
MINI_TEXT = MINI.read_text(encoding="utf-8")

ANSWERS_TEXT = """\
schema = "smcheck.answers/1"
assessment = "mini"
assessment_version = "1.0"
scope = "full"
lang = "en"
completed = 2026-03-04

[respondent]
name = "Ann"
role = "leadership"

[organisation]
name = "Org"
objectives = ["awareness"]

[organisation.baselines]
reach = 1200

[answers.a1]
value = 3

[answers.a2]
value = 4

[answers.b1]
value = "dont-know"

[answers.g1]
value = 2
"""

PREFIX = "smcheck: error: "

Message = str | re.Pattern[str]
Expected = tuple[int | None, str, Message]
"""One expected problem: line (None when none can be known), field path ("" for none), message."""


def changed(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced: the single thing wrong."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based number of the ``nth`` line containing ``needle``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} is on {len(hits)} lines"
    return hits[nth - 1]


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Run smcheck in-process; the exit code, stdout and stderr. No traceback allowed."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = exc.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def line_pattern(file: Path, expected: Expected) -> re.Pattern[str]:
    """The exact stderr line for one problem."""
    line, field, message = expected
    where = f"{file}:{line}" if line else str(file)
    head = f"{PREFIX}{where}: {field}: " if field else f"{PREFIX}{where}: "
    tail = message.pattern if isinstance(message, re.Pattern) else re.escape(message)
    return re.compile(re.escape(head) + tail)


def assert_problems(exc: InvalidFile, file: Path, expected: list[Expected]) -> None:
    """The raised problems are exactly ``expected``, all about ``file``."""
    got = [(p.file, p.line, p.field, p.message) for p in exc.problems]
    assert len(got) == len(expected), got
    for (g_file, g_line, g_field, g_message), (line, field, message) in zip(
        got, expected, strict=True
    ):
        assert (g_file, g_line, g_field) == (str(file), line, field), got
        if isinstance(message, re.Pattern):
            assert message.fullmatch(g_message), g_message
        else:
            assert g_message == message


def assert_stderr(err: str, file: Path, expected: list[Expected]) -> None:
    lines = err.splitlines()
    assert len(lines) == len(expected), err
    for line, exp in zip(lines, expected, strict=True):
        assert line_pattern(file, exp).fullmatch(line), f"{line!r} does not match {exp!r}"


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def install_mini(home: Path) -> None:
    """Put the mini assessment where ``smcheck`` finds it by id."""
    (home / "assessments").mkdir(exist_ok=True)
    shutil.copy(MINI, home / "assessments" / "mini.toml")


def check_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    bad: Path,
    kind: str,
    expected: list[Expected],
    against: Path | None = MINI,
) -> None:
    """``bad`` is refused the same way by the loaders, ``validate`` and ``score``.

    ``kind`` is "assessment", "answers" or "any" (a file that fails before its kind is known:
    then it is tried in both roles). Answers are checked ``against`` an assessment file given
    with -a, or looked up by their id when ``against`` is None.
    """
    plan = tmp_path / "plan.toml"
    good_answers = write(tmp_path / "good-answers.toml", ANSWERS_TEXT)
    a_args = ["-a", against] if against is not None else []

    if kind in ("assessment", "any"):
        with pytest.raises(InvalidFile) as info:
            load_assessment(bad)
        assert_problems(info.value, bad, expected)
        code, out, err = run(capsys, "score", good_answers, "-a", bad, "-o", plan)
        assert (code, out) == (2, "")
        assert_stderr(err, bad, expected)
        assert not plan.exists()
    if kind in ("answers", "any"):
        assessment = load_assessment(against) if against is not None else None
        with pytest.raises(InvalidFile) as info:
            load_answers(bad, assessment)
        assert_problems(info.value, bad, expected)
        code, out, err = run(capsys, "score", bad, *a_args, "-o", plan)
        assert (code, out) == (2, "")
        assert_stderr(err, bad, expected)
        assert not plan.exists()

    with pytest.raises(InvalidFile) as info:
        validate_file(bad, load_assessment(against) if against and kind != "assessment" else None)
    assert_problems(info.value, bad, expected)
    code, out, err = run(capsys, "validate", bad, *(a_args if kind != "assessment" else []))
    assert (code, out) == (2, "")
    assert_stderr(err, bad, expected)


# --- cases built from text: (kind, bad text, expected problems, assessment text or None) ------


@dataclass(frozen=True)
class Case:
    kind: str
    data: str | bytes
    expected: list[Expected]
    against: str | None = MINI_TEXT
    """The assessment the answers are checked against (-a); None: found by id in SMCHECK_HOME."""


def _syntax() -> Case:
    text = changed(MINI_TEXT, "weight = 2.0", "weight = = 2.0")
    msg = re.compile(r"not valid TOML: .+ \(column 10\)")
    return Case("any", text, [(line_of(text, "weight = = 2.0"), "", msg)])


def _syntax_at_end() -> Case:
    text = ANSWERS_TEXT + "[answers.g2]\nvalue = "
    msg = re.compile(r"not valid TOML: .+ \(at the end of the file\)")
    return Case("any", text, [(line_of(text, "value = ", nth=5), "", msg)])


def _latin1() -> Case:
    text = changed(MINI_TEXT, "Ausrede beta", "Ausrede bäta")
    line = line_of(text, "Ausrede bäta")
    column = text.splitlines()[line - 1].index("ä") + 1
    msg = f"not UTF-8 text (byte 0xe4 at column {column}); save the file as UTF-8"
    return Case("any", text.encode("latin-1"), [(line, "", msg)])


def _weight_heavy() -> Case:
    text = changed(MINI_TEXT, 'id = "gamma"\nweight = 2.0', 'id = "gamma"\nweight = "heavy"')
    msg = re.compile(r"Input should be a valid number.*")
    return Case("assessment", text, [(line_of(text, '"heavy"'), "dimensions[gamma].weight", msg)])


VALUE_MSG = 'must be an option number, "dont-know", "n/a" or "" (not answered yet)'


def _value(new: str) -> Case:
    text = changed(ANSWERS_TEXT, "value = 4", f"value = {new}")
    return Case("answers", text, [(line_of(text, f"value = {new}"), "answers.a2.value", VALUE_MSG)])


def _no_counter() -> Case:
    beta = (
        'id = "beta"\nweight = 1.0\nname = { de = "Beta", en = "Beta" }\n'
        'discuss = { de = "Wo sehen Sie beta anders?", en = "Where do you see beta differently?" }\n'
        'excuse = { de = "Ausrede beta", en = "Excuse beta" }\n'
    )
    text = changed(MINI_TEXT, beta + 'counter = { de = "Dagegen.", en = "Against it." }\n', beta)
    line = line_of(text, 'id = "beta"') - 1  # the [[dimensions]] header of beta
    assert text.splitlines()[line - 1] == "[[dimensions]]"
    return Case(
        "assessment", text, [(line, "dimensions[beta].counter", "required field is missing")]
    )


def _unknown_field() -> Case:
    text = changed(MINI_TEXT, 'id = "g2"\n', 'id = "g2"\ncolour = "red"\n')
    field = "dimensions[gamma].questions[g2].colour"
    return Case("assessment", text, [(line_of(text, "colour"), field, "unknown field")])


def _no_translation() -> Case:
    text = changed(
        MINI_TEXT,
        'prompt = { de = "Frage b2?", en = "Question b2?" }',
        'prompt = { de = "Frage b2?" }',
    )
    field = "dimensions[beta].questions[b2].prompt.en"
    return Case(
        "assessment", text, [(line_of(text, "Frage b2?"), field, "required field is missing")]
    )


def _duplicate_question() -> Case:
    text = changed(MINI_TEXT, 'id = "g2"', 'id = "a1"')
    field = "dimensions[gamma].questions[a1].id"
    line = line_of(text, 'id = "a1"', nth=2)
    return Case("assessment", text, [(line, field, "duplicate question id 'a1'")])


def _duplicate_dimension() -> Case:
    text = changed(MINI_TEXT, 'id = "gamma"', 'id = "alpha"')
    line = line_of(text, 'id = "alpha"', nth=2)
    return Case(
        "assessment", text, [(line, "dimensions[alpha].id", "duplicate dimension id 'alpha'")]
    )


def _dangling_scale() -> Case:
    text = changed(MINI_TEXT, 'id = "g2"\n', 'id = "g2"\nscale = "nope"\n')
    field = "dimensions[gamma].questions[g2].scale"
    return Case("assessment", text, [(line_of(text, '"nope"'), field, "no scale with id 'nope'")])


def _option_count() -> Case:
    five = 'en = ["o1", "o2", "o3", "o4", "o5"] }\nhelp'
    b2 = 'prompt = { de = "Frage b2?", en = "Question b2?" }\noptions = { de = ["o1", "o2", "o3", "o4", "o5"], '
    text = changed(MINI_TEXT, b2 + five, b2 + five.replace(', "o5"', ""))
    field = "dimensions[beta].questions[b2].options.en"
    msg = "has 4 options; scale 'readiness-5' needs 5"
    return Case(
        "assessment", text, [(line_of(text, 'en = ["o1", "o2", "o3", "o4"] }'), field, msg)]
    )


def _unknown_question() -> Case:
    text = ANSWERS_TEXT + "\n[answers.z9]\nvalue = 1\n"
    return Case(
        "answers",
        text,
        [(line_of(text, "[answers.z9]"), "answers.z9", "no question 'z9' in mini 1.0")],
    )


def _out_of_range(value: int) -> Case:
    text = changed(ANSWERS_TEXT, "value = 4", f"value = {value}")
    msg = f'{value} is out of range; choose 1-5, "dont-know" or "n/a"'
    return Case("answers", text, [(line_of(text, f"value = {value}"), "answers.a2.value", msg)])


def _unknown_assessment() -> Case:
    text = changed(ANSWERS_TEXT, 'assessment = "mini"', 'assessment = "maxi"')
    # the bundled assessments are known too; mini must be among those named
    msg = re.compile(
        r"no assessment 'maxi'; known: (\S+, )*mini(, \S+)* \(see: smcheck assessments\)"
    )
    return Case("answers", text, [(2, "assessment", msg)], against=None)


def _other_assessment() -> Case:
    other = changed(MINI_TEXT, 'id = "mini"', 'id = "other"')
    msg = "these answers are for 'mini', not 'other'"
    return Case("answers", ANSWERS_TEXT, [(2, "assessment", msg)], against=other)


def _other_version() -> Case:
    text = changed(ANSWERS_TEXT, 'assessment_version = "1.0"', 'assessment_version = "0.9"')
    msg = "these answers are for version 0.9 of mini; the assessment found is version 1.0"
    return Case("answers", text, [(3, "assessment_version", msg)])


def _unknown_objective() -> Case:
    text = changed(ANSWERS_TEXT, '["awareness"]', '["fame"]')
    line = line_of(text, '["fame"]')
    msg = "no objective 'fame' (known: awareness)"
    return Case("answers", text, [(line, "organisation.objectives[0]", msg)])


def _unknown_kpi() -> Case:
    text = changed(ANSWERS_TEXT, "reach = 1200", "likes = 5")
    field = "organisation.baselines.likes"
    return Case("answers", text, [(line_of(text, "likes"), field, "no KPI 'likes' in mini")])


def _quick_without_quick_check() -> Case:
    text = changed(ANSWERS_TEXT, 'scope = "full"', 'scope = "quick"')
    no_quick = MINI_TEXT.replace("quick = true\n", "")
    assert "quick" not in no_quick
    msg = 'mini has no quick check; use scope = "full"'
    return Case("answers", text, [(line_of(text, "scope"), "scope", msg)], against=no_quick)


def _unknown_scope() -> Case:
    text = changed(ANSWERS_TEXT, 'scope = "full"', 'scope = "fast"')
    msg = "Input should be 'full' or 'quick'"
    return Case("answers", text, [(line_of(text, "scope"), "scope", msg)])


def _action_unknown_question() -> Case:
    text = changed(
        MINI_TEXT,
        'id = "alpha-campaign"\nquestions = ["a1"]',
        'id = "alpha-campaign"\nquestions = ["a9"]',
    )
    field = "dimensions[alpha].actions[alpha-campaign].questions[0]"
    return Case("assessment", text, [(line_of(text, '["a9"]'), field, "no question 'a9'")])


def _action_after_unknown() -> Case:
    text = changed(
        MINI_TEXT,
        'id = "alpha-campaign"\nquestions = ["a1"]\n',
        'id = "alpha-campaign"\nquestions = ["a1"]\nafter = ["alpha-begin"]\n',
    )
    field = "dimensions[alpha].actions[alpha-campaign].after[0]"
    msg = "no other action 'alpha-begin'"
    return Case("assessment", text, [(line_of(text, "after = "), field, msg)])


def _action_after_circular() -> Case:
    # alpha-start after alpha-optimise after alpha-start: neither can come first; each action
    # of the circle is named on its own line, where its `after` is written
    text = changed(
        MINI_TEXT,
        'id = "alpha-start"\nquestions = ["a1"]\n',
        'id = "alpha-start"\nquestions = ["a1"]\nafter = ["alpha-optimise"]\n',
    )
    text = changed(
        text,
        'id = "alpha-optimise"\nquestions = ["a1"]\n',
        'id = "alpha-optimise"\nquestions = ["a1"]\nafter = ["alpha-start"]\n',
    )
    msg = "the order is circular"
    return Case(
        "assessment",
        text,
        [
            (
                line_of(text, 'after = ["alpha-optimise"]'),
                "dimensions[alpha].actions[alpha-start].after",
                msg,
            ),
            (
                line_of(text, 'after = ["alpha-start"]'),
                "dimensions[alpha].actions[alpha-optimise].after",
                msg,
            ),
        ],
    )


def _trap_not_quick() -> Case:
    # the dead end's trap decides a stage from the quick check too: a1 is in it, b2 is not
    dead_end = 'description = { de = "dead-end", en = "dead-end" }\n'
    trap = 'trap = { questions = ["a1", "b2"], reason = { de = "Falle.", en = "Trapped." } }\n'
    text = changed(MINI_TEXT, dead_end, dead_end + trap)
    field = "stages[dead-end].trap.questions[1]"
    msg = "'b2' must be in the quick check"
    return Case("assessment", text, [(line_of(text, "trap = "), field, msg)])


def _unknown_country() -> Case:
    text = changed(ANSWERS_TEXT, 'name = "Org"\n', 'name = "Org"\ncountry = "XX"\n')
    msg = "country 'XX' is not supported; use an ISO code such as DE, AT, CH, GB"
    return Case("answers", text, [(line_of(text, '"XX"'), "organisation.country", msg)])


def _unknown_region() -> Case:
    text = changed(ANSWERS_TEXT, 'name = "Org"\n', 'name = "Org"\ncountry = "DE"\nregion = "ZZ"\n')
    # the known regions are listed (Bavaria, BY, among them), on the same one line
    msg = re.compile(r"region 'ZZ' is not a subdivision of DE; known: (\w+, )*BY(, \w+)*")
    return Case("answers", text, [(line_of(text, '"ZZ"'), "organisation.region", msg)])


def _schema(new: str | None, msg: str, kind: str = "answers") -> Case:
    base, old = (
        (ANSWERS_TEXT, 'schema = "smcheck.answers/1"\n')
        if kind == "answers"
        else (MINI_TEXT, 'schema = "smcheck.assessment/2"\n')
    )
    text = changed(base, old, "" if new is None else f"schema = {new}\n")
    line = None if new is None else line_of(text, "schema = ")
    return Case(kind, text, [(line, "schema", msg)])


DEEP = "[" * 5000 + "]" * 5000
"""Arrays nested far deeper than any smcheck file: Python's TOML reader recurses per level."""
TOO_DEEP = "arrays or tables are nested too deeply (smcheck files nest a few levels)"


def _too_deep() -> Case:
    text = changed(ANSWERS_TEXT, "[organisation]\n", f"[organisation]\nchannels = {DEEP}\n")
    return Case("any", text, [(None, "", TOO_DEEP)])


def _not_a_boolean(old: str, new: str, field: str) -> Case:
    text = changed(ANSWERS_TEXT, old, new)
    line = line_of(text, new.splitlines()[-1])
    return Case("answers", text, [(line, field, "must be true or false (without quotes)")])


KNOWN = (
    "expected smcheck.assessment/2, smcheck.answers/1, smcheck.plan/2, smcheck.comparison/2 "
    "or smcheck.config/1"
)
"""The file types named when a schema is unknown: what smcheck writes of each kind."""


CASES: dict[str, Callable[[], Case]] = {
    "toml-syntax-error": _syntax,
    "toml-syntax-error-at-end": _syntax_at_end,
    "empty-file": lambda: Case("any", b"", [(None, "", "the file is empty")]),
    "only-whitespace": lambda: Case("any", "  \n\t\n\n", [(None, "", "the file is empty")]),
    "only-comments": lambda: Case(
        "any",
        "# smcheck answers\n\n   # nothing here yet\n",
        [
            (
                None,
                "schema",
                'missing; an smcheck file starts with its kind and version, e.g. schema = "smcheck.answers/1"',
            )
        ],
    ),
    "not-utf8-latin1": _latin1,
    "wrong-type-weight": _weight_heavy,
    "wrong-type-value-float": lambda: _value("3.5"),
    "wrong-type-value-bool": lambda: _value("true"),
    "missing-required-field": _no_counter,
    "unknown-field": _unknown_field,
    "missing-translation": _no_translation,
    "duplicate-question-id": _duplicate_question,
    "duplicate-dimension-id": _duplicate_dimension,
    "dangling-scale-reference": _dangling_scale,
    "wrong-option-count": _option_count,
    "answers-unknown-question": _unknown_question,
    "answers-value-too-high": lambda: _out_of_range(7),
    "answers-value-zero": lambda: _out_of_range(0),
    "answers-unknown-assessment-id": _unknown_assessment,
    "answers-for-other-assessment": _other_assessment,
    "answers-for-other-version": _other_version,
    "answers-unknown-objective": _unknown_objective,
    "answers-unknown-kpi-baseline": _unknown_kpi,
    "answers-quick-without-quick-check": _quick_without_quick_check,
    "answers-unknown-scope": _unknown_scope,
    "answers-unknown-country": _unknown_country,
    "answers-unknown-region": _unknown_region,
    "action-unknown-question": _action_unknown_question,
    "action-after-unknown": _action_after_unknown,
    "action-after-circular": _action_after_circular,
    "trap-question-not-in-quick-check": _trap_not_quick,
    "nested-five-thousand-deep": _too_deep,
    "answers-interview-yes-in-quotes": lambda: _not_a_boolean(
        'lang = "en"\n', 'lang = "en"\ninterview = "yes"\n', "interview"
    ),
    "answers-revisit-as-a-number": lambda: _not_a_boolean(
        "[answers.a2]\nvalue = 4\n", "[answers.a2]\nvalue = 4\nrevisit = 1\n", "answers.a2.revisit"
    ),
    "schema-wrong": lambda: _schema(
        '"smcheck.answer/1"',
        "unknown file type 'smcheck.answer/1'; " + KNOWN,
    ),
    "schema-missing": lambda: _schema(
        None,
        'missing; an smcheck file starts with its kind and version, e.g. schema = "smcheck.answers/1"',
    ),
    "schema-answers-version-9": lambda: _schema(
        '"smcheck.answers/9"',
        "smcheck.answers/9 is not supported; this smcheck reads smcheck.answers/1",
    ),
    "schema-assessment-version-3": lambda: _schema(
        '"smcheck.assessment/3"',
        "smcheck.assessment/3 is not supported; this smcheck reads smcheck.assessment/2",
        kind="assessment",
    ),
    # questionnaire files of the first format are not read: they lack names, discussion
    # questions and the actions' trigger questions, which /2 requires
    "schema-assessment-version-1": lambda: _schema(
        '"smcheck.assessment/1"',
        "smcheck.assessment/1 is not supported; this smcheck reads smcheck.assessment/2",
        kind="assessment",
    ),
    # plans and comparisons: the new format is written, the old one still read
    "schema-plan-version-3": lambda: _schema(
        '"smcheck.plan/3"',
        "smcheck.plan/3 is not supported; this smcheck reads smcheck.plan/2 or smcheck.plan/1",
    ),
    "schema-comparison-version-3": lambda: _schema(
        '"smcheck.comparison/3"',
        "smcheck.comparison/3 is not supported; "
        "this smcheck reads smcheck.comparison/2 or smcheck.comparison/1",
    ),
    "schema-not-a-string": lambda: _schema(
        "1",
        "unknown file type 1; " + KNOWN,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_file_is_refused_with_located_lines(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], smcheck_home: Path
) -> None:
    case = CASES[name]()
    bad = write(tmp_path / "bad.toml", case.data)
    if case.against is None:
        install_mini(smcheck_home)
        against = None
    else:
        against = write(tmp_path / "against.toml", case.against)
    check_refused(capsys, tmp_path, bad, case.kind, case.expected, against)


def test_assessment_given_as_answers_and_answers_as_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "answers.toml", ANSWERS_TEXT)
    plan = tmp_path / "plan.toml"
    code, out, err = run(capsys, "score", MINI, "-a", MINI, "-o", plan)
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{MINI}:2: schema: this is an assessment file, not answers\n"
    code, out, err = run(capsys, "score", answers, "-a", answers, "-o", plan)
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{answers}:1: schema: this is an answers file, not an assessment\n"
    assert not plan.exists()


def test_plan_given_as_answers_is_named_as_a_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = write(tmp_path / "answers.toml", ANSWERS_TEXT)
    plan = tmp_path / "plan.toml"
    assert run(capsys, "score", answers, "-a", MINI, "-o", plan)[0] == 0
    code, out, err = run(capsys, "score", plan, "-a", MINI, "-o", tmp_path / "again.toml")
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{plan}:1: schema: this is a plan file, not answers\n"
    code, out, err = run(capsys, "validate", plan)
    assert (code, out, err) == (0, f"{plan}: valid plan for mini 1.0\n", "")


# --- answers to an older version of the questionnaire -----------------------------------------

MINI_1_1 = (
    changed(MINI_TEXT, 'version = "1.0"', 'version = "1.1"')
    + '\n[[upgrades]]\nfrom_version = "1.0"\n\n[[upgrades.merge]]\ninto = "a1"\n'
    + 'questions = ["a1", "a0"]\n'
)
"""Mini 1.1: its 1.0 had a question a0 that is part of a1 now."""


@pytest.mark.parametrize("value", [0, 9])
def test_a_bad_value_of_a_merged_old_question_is_refused_where_it_is_written(
    value: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a 1.0 answer out of range is as wrong as any other: it must not be taken as the lower
    # answer (0) nor disappear behind a lower one (9), and the problem is where it is written
    assessment = write(tmp_path / "mini.toml", MINI_1_1)
    text = ANSWERS_TEXT + f"\n[answers.a0]\nvalue = {value}\n"
    bad = write(tmp_path / "bad.toml", text)
    expected = (
        f"{PREFIX}{bad}:{line_of(text, f'value = {value}')}: answers.a0.value: {value} is out "
        'of range; choose 1-5, "dont-know" or "n/a"'
    )
    plan = tmp_path / "plan.toml"
    for argv in (["validate", bad, "-a", assessment], ["score", bad, "-a", assessment, "-o", plan]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), argv
        assert [line for line in err.splitlines() if line.startswith(PREFIX)] == [expected]
    assert not plan.exists()


def test_a_merged_old_question_is_converted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the control for the test above: a0 = 2 and a1 = 3 in 1.0 are a1 = 2 (the lower) in 1.1
    assessment = write(tmp_path / "mini.toml", MINI_1_1)
    good = write(tmp_path / "good.toml", ANSWERS_TEXT + "\n[answers.a0]\nvalue = 2\n")
    answers, _ = load_answers(good, load_assessment(assessment))
    capsys.readouterr()
    assert answers.assessment_version == "1.1"
    assert {q: a.value for q, a in answers.answers.items()} == {
        "a1": 2,
        "a2": 4,
        "b1": "dont-know",
        "g1": 2,
    }
    code, out, err = run(capsys, "validate", good, "-a", assessment)
    assert (code, out) == (0, f"{good}: valid answers for mini 1.1\n")
    assert err.splitlines() == [
        f"smcheck: note: {good}: converted from mini 1.0 to 1.1",
        f"smcheck: note: {good}: a1, a0 are one question now (a1); the lower answer was taken "
        "(option 2, from a0)",
    ]


# --- files that are fine once decoded ---------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode(), id="utf8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode(), id="bom-crlf"),
    ],
)
def test_bom_and_crlf_files_just_work(
    encode: Callable[[str], bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assessment = write(tmp_path / "mini.toml", encode(MINI_TEXT))
    answers = write(tmp_path / "answers.toml", encode(ANSWERS_TEXT))
    code, out, err = run(capsys, "validate", assessment, answers, "-a", assessment)
    assert (code, err) == (0, "")
    assert (
        out == f"{assessment}: valid assessment mini 1.0\n{answers}: valid answers for mini 1.0\n"
    )
    plan = tmp_path / "plan.json"
    code, out, err = run(capsys, "score", answers, "-a", assessment, "-o", plan)
    assert (code, out, err) == (0, "", "")
    data = json.loads(plan.read_text(encoding="utf-8"))
    assert data["schema"] == "smcheck.plan/2"
    assert data["organisation"]["baselines"] == {"reach": 1200}


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["crlf", "bom-crlf"])
def test_errors_in_crlf_files_have_the_right_line(
    bom: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = changed(MINI_TEXT, 'id = "gamma"\nweight = 2.0', 'id = "gamma"\nweight = "heavy"')
    bad = write(tmp_path / "bad.toml", bom + text.replace("\n", "\r\n").encode())
    code, out, err = run(capsys, "validate", bad)
    assert (code, out) == (2, "")
    line = line_of(text, '"heavy"')
    assert err.startswith(f"{PREFIX}{bad}:{line}: dimensions[gamma].weight: Input should be")
    assert err.count("\n") == 1


# --- files that cannot be read ----------------------------------------------------------------


def test_enormous_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.toml"
    padding = "# " + "x" * loading.MAX_BYTES + "\n"
    big.write_text(MINI_TEXT + padding, encoding="utf-8")
    size = big.stat().st_size
    assert size > loading.MAX_BYTES
    msg = f"the file is too large ({size:,} bytes; the limit is {loading.MAX_BYTES:,})"
    check_refused(capsys, tmp_path, big, "any", [(None, "", msg)])


def test_directory_instead_of_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a folder is refused as a questionnaire and by validate; `score` takes a folder of answers
    # files (batch scoring), so there an empty one is named as such
    folder = tmp_path / "answers.toml"
    folder.mkdir()
    check_refused(
        capsys, tmp_path, folder, "assessment", [(None, "", "is a directory; expected a file")]
    )
    with pytest.raises(InvalidFile) as info:
        load_answers(folder, load_assessment(MINI))
    assert_problems(info.value, folder, [(None, "", "is a directory; expected a file")])
    code, out, err = run(capsys, "score", folder, "-a", MINI, "-o", tmp_path / "plans")
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{folder}: no answers files (*.toml) in it\n"


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere" / "answers.toml"
    check_refused(capsys, tmp_path, missing, "any", [(None, "", "no such file")])


def test_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = write(tmp_path / "locked.toml", MINI_TEXT)
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.resolve() == locked.resolve():
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    msg = "cannot be read: permission denied"
    check_refused(capsys, tmp_path, locked, "any", [(None, "", msg)])


# --- score writes nothing when an input is bad ------------------------------------------------


def test_bad_answers_leave_existing_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.toml", changed(ANSWERS_TEXT, "value = 4", "value = 7"))
    out_file = tmp_path / "out.toml"
    out_file.write_text("keep", encoding="utf-8")
    for force in ([], ["--force"]):
        code, out, err = run(capsys, "score", bad, "-a", MINI, "-o", out_file, *force)
        assert (code, out) == (2, "")
        line = line_of(bad.read_text(encoding="utf-8"), "value = 7")
        assert err == (
            f'{PREFIX}{bad}:{line}: answers.a2.value: 7 is out of range; choose 1-5, "dont-know" '
            'or "n/a"\n'
        )
        assert out_file.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "out.toml"]


def test_one_bad_answers_file_among_several_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write(tmp_path / "first.toml", ANSWERS_TEXT)
    bad = write(tmp_path / "second.toml", changed(ANSWERS_TEXT, "value = 4", "value = 0"))
    third = write(tmp_path / "third.toml", ANSWERS_TEXT)
    out_dir = tmp_path / "plans"
    out_dir.mkdir()
    code, out, err = run(capsys, "score", first, bad, third, "-a", MINI, "-o", out_dir)
    assert (code, out) == (2, "")
    line = line_of(bad.read_text(encoding="utf-8"), "value = 0")
    assert err == (
        f'{PREFIX}{bad}:{line}: answers.a2.value: 0 is out of range; choose 1-5, "dont-know" '
        'or "n/a"\n'
    )
    assert list(out_dir.iterdir()) == []
    # the same files without the bad one do produce plans: the folder stayed empty because of it
    code, out, err = run(capsys, "score", first, third, "-a", MINI, "-o", out_dir)
    assert (code, err) == (0, "")
    assert sorted(p.name for p in out_dir.iterdir()) == ["first.plan.toml", "third.plan.toml"]


# --- values that validate but used to break score ---------------------------------------------


@pytest.mark.parametrize("value", ["inf", "-inf", "nan"])
def test_non_finite_baseline_is_refused(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = changed(ANSWERS_TEXT, "reach = 1200", f"reach = {value}")
    bad = write(tmp_path / "bad.toml", text)
    head = f"{PREFIX}{bad}:{line_of(text, 'reach = ')}: organisation.baselines.reach: "
    plan = tmp_path / "plan.toml"
    for argv in (["validate", bad, "-a", MINI], ["score", bad, "-a", MINI, "-o", plan]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), argv
        assert err.startswith(head) and err.count("\n") == 1, err
    assert not plan.exists()


def test_completed_date_at_the_end_of_time_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = changed(ANSWERS_TEXT, "completed = 2026-03-04", "completed = 9999-12-31")
    bad = write(tmp_path / "bad.toml", text)
    plan = tmp_path / "plan.toml"
    code, out, err = run(capsys, "score", bad, "-a", MINI, "-o", plan)
    assert (code, out) == (2, "")
    assert err.startswith(f"{PREFIX}{bad}")
    assert not plan.exists()


def test_start_date_at_the_end_of_time_is_an_error_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "answers.toml", ANSWERS_TEXT)
    plan = tmp_path / "plan.toml"
    code, out, err = run(capsys, "score", good, "-a", MINI, "--start", "9999-12-27", "-o", plan)
    assert (code, out) == (2, "")
    assert "error: " in err  # a usage error or an smcheck error, either names the problem
    assert not plan.exists()


def test_a_key_ending_in_a_line_break_is_quoted_in_a_one_line_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # found by the property test: "$" in a Python pattern also matches before a final "\n"
    text = ANSWERS_TEXT + '\n[answers."b1\\n"]\nvalue = 3\n'
    bad = write(tmp_path / "bad.toml", text)
    code, out, err = run(capsys, "validate", bad, "-a", MINI)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    assert f"{bad}:" in err and 'answers."b1\\n"' in err


def test_a_session_id_ending_in_a_line_break_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "run", "--resume", "20261124-090000\n")
    assert (code, out) == (2, "")
    assert "is not a session id" in err


def test_deeply_nested_arrays_are_one_line_naming_the_file_in_compare_and_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], smcheck_home: Path
) -> None:
    deep = changed(ANSWERS_TEXT, "[organisation]\n", f"[organisation]\nchannels = {DEEP}\n")
    bad = write(tmp_path / "bad.toml", deep)
    good = write(tmp_path / "good.toml", ANSWERS_TEXT)
    code, out, err = run(capsys, "compare", good, bad, "-a", MINI)
    assert (code, out, err) == (2, "", f"{PREFIX}{bad}: {TOO_DEEP}\n")

    install_mini(smcheck_home)
    (smcheck_home / "sessions").mkdir()
    session = write(smcheck_home / "sessions" / "20261124-090000.toml", deep)
    code, out, err = run(capsys, "run", "--plain", "--resume", "20261124-090000")
    assert (code, err) == (2, f"{PREFIX}{session}: {TOO_DEEP}\n")


def _unknown_keys(n: int) -> str:
    return ANSWERS_TEXT.replace(
        "[respondent]", "".join(f"k{i} = 1\n" for i in range(n)) + "[respondent]"
    )


def test_ten_thousand_problems_print_the_first_twenty_and_a_count_of_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.toml", _unknown_keys(10_000))
    first = line_of(_unknown_keys(10_000), "k0 = 1")
    expected = [f"{PREFIX}{bad}:{first + i}: k{i}: unknown field" for i in range(20)]
    expected.append(f"{PREFIX}… and 9,980 more problems")
    good = write(tmp_path / "good.toml", ANSWERS_TEXT)
    for argv in (
        ["validate", bad, "-a", MINI],
        ["score", bad, "-a", MINI, "-o", tmp_path / "plan.toml"],
        ["compare", good, bad, "-a", MINI],
    ):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), argv
        assert err.splitlines() == expected, argv
    assert not (tmp_path / "plan.toml").exists()


def test_twenty_problems_are_all_printed_with_no_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.toml", _unknown_keys(20))
    code, out, err = run(capsys, "validate", bad, "-a", MINI)
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 20 and "more problems" not in err
