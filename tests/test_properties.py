"""Property-based tests: whatever bytes a file holds, loading it never crashes.

The contract of every loader: any input gives either a valid model or ``InvalidFile`` whose
``problems`` are ``Problem`` objects that render as one line each, starting with the file
name, and whose line numbers (where known) lie inside the file. Never another exception,
never a traceback. The example-based catalogue of bad input is in tests/test_bad_input.py;
these tests throw generated and mutated input at the same code.

A line number is counted the way TOML (and tomllib's own messages) count lines: a line ends
at ``\\n``. Characters such as U+2028 or U+0085 are ordinary characters inside TOML strings
and comments, not line breaks.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from conftest import MINI
from smcheck.core.errors import InvalidFile, Problem
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan
from smcheck.core.scoring import score
from smcheck.files.catalog import answers_from, load_answers, load_assessment, validate_file
from smcheck.files.config import Config, load_config
from smcheck.files.export import ALL_FORMATS, render
from smcheck.files.loading import decode, parse
from smcheck.files.session import answers_toml
from smcheck.files.tomlpos import find_line, line_map

MINI_TEXT = MINI.read_text(encoding="utf-8")
MINI_MODEL = load_assessment(MINI)
QUESTIONS = ["a1", "a2", "b1", "b2", "g1", "g2", "g3"]
KPIS = ["reach", "reply-time"]
GOAL_IDS = [*KPIS, "enable-alpha", "enable-beta", "enable-gamma"]
PRIVATE = "PRIVATE-NOTE-7f3a"
"""Every generated private note contains this; it must never reach an export."""

ANSWERS_TEXT = """\
# Answers with most features of the format: unicode, inline tables, multi-line values.
schema = "smcheck.answers/1"
assessment = "mini"
assessment_version = "1.0"
scope = "full"
lang = "de"
started = 2026-03-01T09:30:00Z
completed = 2026-03-04
interview = true
engagement = "baeckerei-2026"

[respondent]
name = "Zoë Ærø"
role = "team"

[organisation]
name = "Bäckerei [Ü] & Söhne"
size = "10-49"
channels = [
    "instagram",
    "linkedin",
]
objectives = ["awareness"]
company_goals = ["Mehr Lehrlinge"]
baselines = { reach = 1200, reply-time = 4.5 }
links = { awareness = [1] }
country = "DE"
region = "BY"

[answers.a1]
value = 3
note = \"\"\"Zwei
Zeilen\"\"\"

[answers.b2]
value = 4
confidence = "know"
revisit = true

[answers.g1]
value = "dont-know"
private_note = 'nur für mich'

[goals.reach]
target = 1500.0
owner = "marketing"

[actuals]
reach = 1300
"""

SCHEMA_HEADERS = [
    "",
    'schema = "smcheck.answers/1"\n',
    'schema = "smcheck.answers/1"\nassessment = "mini"\nassessment_version = "1.0"\n',
    'schema = "smcheck.assessment/2"\n',
    'schema = "smcheck.plan/2"\n',
    'schema = "smcheck.plan/1"\n',  # still read
    'schema = "smcheck.comparison/2"\n',
    'schema = "smcheck.comparison/1"\n',  # still read
    'schema = "smcheck.config/1"\n',
]

# Slow 2-core machines: no deadline, and the pytest fixtures (tmp_path, SMCHECK_HOME) are
# shared by the examples of one test on purpose: every example overwrites the same file.
FAST = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SLOW = settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# --- the contract -----------------------------------------------------------------------------


def toml_lines(raw: bytes) -> int:
    """How many lines a file has, counted as TOML counts them (a line ends at ``\\n``)."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    return raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)


def assert_clean(exc: InvalidFile, path: Path | str, raw: bytes) -> None:
    """Problems a user can read: at least one, one line each, named by file, lines inside it."""
    name = str(path)
    assert exc.problems, "InvalidFile without a problem"
    first = exc.problems[0].message
    event(f"refused: {'not UTF-8' if first.startswith('not UTF-8') else first[:14]}")
    last = toml_lines(raw)
    for problem in exc.problems:
        assert isinstance(problem, Problem), problem
        text = str(problem)
        assert "\n" not in text and "\r" not in text, f"problem spans several lines: {text!r}"
        assert text.startswith(name), text
        if problem.line is not None:
            assert 1 <= problem.line <= last, f"line {problem.line} of {last}: {text!r}"


def write(path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    return path


# --- strategies -------------------------------------------------------------------------------

ANY_CHAR = st.characters(exclude_categories=("Cs",))
"""Every code point that can be written as UTF-8, control characters included."""

TOMLISH = st.sampled_from(
    [*"abz019 =[]{}\"'#.,:-_+\t\n", "\r\n", '"""', "'''", "\\", "\u2028", "\x85", "é"]
)
"""Pieces of TOML syntax, so generated text gets past the parser now and then."""

any_text = st.text(ANY_CHAR, max_size=300)
tomlish_text = st.lists(TOMLISH, max_size=120).map("".join)
keys = st.one_of(
    st.text(ANY_CHAR, max_size=8),
    st.sampled_from(
        ["schema", "id", "value", "note", "name", "weight", "answers", "a1", "g3", "reach"]
    ),
)
scalars = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.text(ANY_CHAR, max_size=20),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(UTC)),
    st.sampled_from(["dont-know", "n/a", "", "smcheck.answers/1", "mini", "1.0", "awareness"]),
)
toml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)


def inline(value: Any) -> str:
    """A value as TOML on one line (tables inline), for splicing into a line of a file."""
    if isinstance(value, dict):
        items = ", ".join(f"{toml_key(k)} = {inline(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    return tomli_w.dumps({"x": value}).removeprefix("x = ").removesuffix("\n")


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare if it can be, quoted otherwise."""
    return tomli_w.dumps({key: 1}).removesuffix(" = 1\n")


dt = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2100, 12, 31),
    timezones=st.none() | st.just(UTC),
)
free_text = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.sampled_from(
        [
            "[b]bold[/b] [link=https://x]x[/link]",
            "<script>alert(1)</script>",
            "*a* _b_ `c` | d | ~e~ \\",
            "=SUM(A1:A9)",
            "+1",
            "-1",
            "@cmd",
            "\tTab",
            "line one\nline two\r\nthree",
            "BEGIN:VEVENT\nEND:VCALENDAR",
            "a,b;c\\,d",
            "\u2028\u2029\x85",
            "\x1b[31mred\x1b[0m",
            "\x00\x7f",
            '"quoted" \'single\' """',
            "Zoë Ærø – „Grüße“ 🙂 日本",
        ]
    ),
)
ids = st.from_regex(r"\A[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}\Z")
amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
owners = st.sampled_from(
    ["leadership", "social-media-lead", "team", "marketing", "communications", "sales", "hr"]
)


@st.composite
def answer_entries(draw: st.DrawFn) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "value": draw(st.integers(1, 5) | st.sampled_from(["dont-know", "n/a", ""])),
        "note": draw(free_text),
        "private_note": draw(st.sampled_from(["", PRIVATE, f"{PRIVATE} [b]x[/b]\nzwei"])),
        "revisit": draw(st.booleans()),
    }
    if draw(st.booleans()):
        entry["confidence"] = draw(st.sampled_from(["guess", "know", "verified"]))
    if draw(st.booleans()):
        entry["answered_at"] = draw(dt)
    return entry


@st.composite
def goal_edits(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    edits: dict[str, dict[str, Any]] = {}
    for gid in draw(st.lists(st.sampled_from(GOAL_IDS), unique=True)):
        edit: dict[str, Any] = {}
        if not gid.startswith("enable-") and draw(st.booleans()):
            edit["target"] = draw(amounts)
        if draw(st.booleans()):
            edit["owner"] = draw(owners)
        edits[gid] = edit
    return edits


PLACES = [("", ""), ("DE", ""), ("DE", "BY"), ("AT", ""), ("CH", "ZH"), ("GB", "ENG")]
"""Countries and regions the holiday data knows (country "": the language's country)."""


@st.composite
def valid_answers(draw: st.DrawFn) -> Answers:
    """Answers to the mini assessment that pass every check."""
    objectives = draw(st.sampled_from([[], ["awareness"]]))
    company_goals = draw(st.lists(free_text.filter(bool), max_size=2))
    numbers = list(range(1, len(company_goals) + 1))
    links = draw(
        st.dictionaries(st.sampled_from(objectives), st.lists(st.sampled_from(numbers), max_size=2))
        if objectives and numbers
        else st.just({})
    )
    country, region = draw(st.sampled_from(PLACES))
    data: dict[str, Any] = {
        "schema": "smcheck.answers/1",
        "assessment": "mini",
        "assessment_version": "1.0",
        "scope": draw(st.sampled_from(["full", "quick"])),
        "lang": draw(st.sampled_from(["de", "en"])),
        "completed": draw(st.dates(date(2000, 1, 1), date(2100, 12, 31))),
        "respondent": {
            "name": draw(free_text),
            "role": draw(st.sampled_from(["leadership", "team", "consultant"])),
        },
        "organisation": {
            "name": draw(free_text),
            "size": draw(st.sampled_from(["", "1-9", "10-49", "50-249", "250-999", "1000+"])),
            "industry": draw(free_text),
            "channels": draw(st.lists(free_text, max_size=3)),
            "objectives": objectives,
            "company_goals": company_goals,
            "baselines": draw(st.dictionaries(st.sampled_from(KPIS), amounts)),
            "links": links,
            "country": country,
            "region": region,
        },
        "answers": draw(st.dictionaries(st.sampled_from(QUESTIONS), answer_entries())),
        "interview": draw(st.booleans()),
        "goals": draw(goal_edits()),
        "actuals": draw(st.dictionaries(st.sampled_from(GOAL_IDS), amounts, max_size=3)),
    }
    for field in ("started", "updated"):
        if draw(st.booleans()):
            data[field] = draw(dt)
    if draw(st.booleans()):
        data["engagement"] = draw(ids)
    if draw(st.booleans()):
        data["previous"] = draw(st.from_regex(r"\A[0-9]{8}-[0-9]{6}(-[0-9]{1,3})?\Z"))
    return Answers.model_validate(data)


_VALUE_LINE = re.compile(r"^(\s*[^=#\[\s][^=]*?=\s*)(\S.*)$")


@st.composite
def mutations(draw: st.DrawFn, text: str) -> bytes:
    """``text`` with up to three line-level changes, then perhaps one byte-level change."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "value", "value"]))
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "value":
            candidates = [n for n, line in enumerate(lines) if _VALUE_LINE.match(line)]
            if not candidates:
                continue
            n = draw(st.sampled_from(candidates))
            m = _VALUE_LINE.match(lines[n])
            assert m is not None
            junk = draw(toml_values.map(inline) | st.text(ANY_CHAR, max_size=12))
            lines[n] = m.group(1) + junk
    raw = "\n".join(lines).encode("utf-8")
    kind = draw(st.sampled_from(["none", "truncate", "insert"]))
    pos = draw(st.integers(0, len(raw)))
    if kind == "truncate":
        raw = raw[:pos]
    elif kind == "insert":
        junk = draw(
            st.binary(min_size=1, max_size=8)
            | st.sampled_from(
                [b"\n", b"[", b"]]", b'"', b"'''", b"=", b"#", b"\r", b"\x00", b"\xef\xbb\xbf"]
                + [c.encode() for c in ("\u2028", "\x85", "é")]
            )
        )
        raw = raw[:pos] + junk + raw[pos:]
    return raw


# --- 1, 2: arbitrary bytes and text -----------------------------------------------------------


@FAST
@given(
    head=st.sampled_from(SCHEMA_HEADERS).map(str.encode),
    body=st.binary(max_size=3000),
    with_mini=st.booleans(),
)
def test_any_bytes_validate_or_give_clean_problems(
    tmp_path: Path, head: bytes, body: bytes, with_mini: bool
) -> None:
    """Protects ``validate_file`` (decode, parse, kind_of, every validator) against any bytes:
    binary junk, broken UTF-8, a valid schema line followed by junk."""
    raw = head + body
    path = write(tmp_path / "input.toml", raw)
    try:
        validate_file(path, MINI_MODEL if with_mini else None)
    except InvalidFile as exc:
        assert_clean(exc, path, raw)


@FAST
@given(
    head=st.sampled_from(SCHEMA_HEADERS),
    body=any_text | tomlish_text,
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_any_text_validates_or_gives_clean_problems(
    tmp_path: Path, head: str, body: str, bom: bool, crlf: bool
) -> None:
    """Protects the text path: any UTF-8 text (control characters, U+2028, quotes, brackets),
    with or without a byte-order mark and CRLF line ends, validates or gives clean problems."""
    text = head + body
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    raw = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    path = write(tmp_path / "input.toml", raw)
    try:
        validate_file(path, MINI_MODEL)
    except InvalidFile as exc:
        assert_clean(exc, path, raw)


@st.composite
def structured_documents(draw: st.DrawFn) -> dict[str, Any]:
    """Valid TOML with a known schema and generated keys and values in and around it."""
    base: dict[str, Any] = {
        "schema": draw(
            st.sampled_from(
                [
                    "smcheck.answers/1",
                    "smcheck.assessment/2",
                    "smcheck.plan/2",
                    "smcheck.plan/1",
                    "smcheck.comparison/2",
                    "smcheck.config/1",
                ]
            )
        )
    }
    if base["schema"] == "smcheck.answers/1":
        base |= {"assessment": "mini", "assessment_version": "1.0"}
        base["answers"] = draw(
            st.dictionaries(
                keys | st.sampled_from(QUESTIONS),
                st.dictionaries(
                    keys | st.sampled_from(["value", "note", "confidence", "revisit"]), scalars
                ),
                max_size=3,
            )
        )
        base["organisation"] = draw(
            st.dictionaries(
                st.sampled_from(
                    [
                        "name",
                        "objectives",
                        "baselines",
                        "company_goals",
                        "links",
                        "country",
                        "region",
                    ]
                )
                | keys,
                toml_values,
                max_size=3,
            )
        )
    return base | draw(st.dictionaries(keys, toml_values, max_size=4))


@FAST
@given(doc=structured_documents(), multiline=st.booleans())
@example(  # a key with a line break in it: the field path must not break the problem line
    doc={
        "schema": "smcheck.answers/1",
        "assessment": "mini",
        "assessment_version": "1.0",
        "answers": {"\n": {}},
    },
    multiline=False,
)
@example(  # U+0085 is no line break in TOML: organisation.name is on line 7 of 7, not 8
    doc={
        "schema": "smcheck.answers/1",
        "assessment": "mini",
        "assessment_version": "1.0",
        "organisation": {"\x85": 0, "name": []},
    },
    multiline=False,
)
def test_valid_toml_of_any_shape_validates_or_gives_clean_problems(
    tmp_path: Path, doc: dict[str, Any], multiline: bool
) -> None:
    """Protects the validators and the problem rendering (field paths, ids, line numbers)
    against syntactically valid files with any keys and values: keys with spaces, dots,
    quotes or line breaks in them, values of the wrong type."""
    raw = tomli_w.dumps(doc, multiline_strings=multiline).encode("utf-8")
    path = write(tmp_path / "input.toml", raw)
    try:
        validate_file(path, MINI_MODEL)
    except InvalidFile as exc:
        assert_clean(exc, path, raw)


# --- 3: mutations of valid files --------------------------------------------------------------


@FAST
@given(raw=mutations(MINI_TEXT))
def test_mutated_assessment_loads_or_gives_clean_problems(tmp_path: Path, raw: bytes) -> None:
    """Protects ``load_assessment`` against near-miss files, the usual hand-editing accidents:
    a line lost, doubled or moved, a value of the wrong type, a cut-off or corrupted file."""
    path = write(tmp_path / "mini.toml", raw)
    try:
        assert isinstance(load_assessment(path), Assessment)
        event("loaded")
    except InvalidFile as exc:
        assert_clean(exc, path, raw)


def test_answers_text_is_valid() -> None:
    """The answers text the mutations start from is itself valid (else they test nothing)."""
    answers, _ = answers_from(parse(ANSWERS_TEXT, "answers.toml"), MINI_MODEL)
    org = answers.organisation
    assert org.baselines == {"reach": 1200, "reply-time": 4.5}
    assert (org.links, org.country, org.region) == ({"awareness": [1]}, "DE", "BY")


@FAST
@given(raw=mutations(ANSWERS_TEXT))
@example(  # U+2028 in a comment: the wrong value is on the last line, not after it
    raw=("# \u2028\n" + ANSWERS_TEXT.replace("reach = 1300", 'reach = "many"')).encode()
)
def test_mutated_answers_load_or_give_clean_problems(tmp_path: Path, raw: bytes) -> None:
    """Protects ``load_answers`` (validation and the checks against the assessment) against
    near-miss answers files."""
    path = write(tmp_path / "answers.toml", raw)
    try:
        answers, _ = load_answers(path, assessment=MINI_MODEL)
        assert isinstance(answers, Answers)
        event("loaded")
    except InvalidFile as exc:
        assert_clean(exc, path, raw)


# --- 4: valid answers round trip and always make a plan ---------------------------------------


@SLOW
@given(answers=valid_answers(), weeks=st.integers(4, 12))
def test_valid_answers_round_trip_score_plan_and_export(
    tmp_path: Path, answers: Answers, weeks: int
) -> None:
    """Protects the save/load round trip of sessions and everything downstream of valid answers:
    scoring, the plan and every export never fail, the TOML and JSON exports read back into an
    equal plan, and private notes never reach an export."""
    path = tmp_path / "answers.toml"
    path.write_text(answers_toml(answers), encoding="utf-8")
    loaded, a = load_answers(path, assessment=MINI_MODEL)
    assert loaded == answers

    lang = loaded.lang
    plan = make_plan(a, loaded, score(a, loaded, lang), lang=lang, weeks=weeks)
    event("plan with shared notes" if plan.notes else "plan without notes")
    for fmt in ALL_FORMATS:
        out = render(plan, fmt)
        assert isinstance(out, str) and out
        assert PRIVATE not in out, fmt
    assert Plan.model_validate(tomllib.loads(render(plan, "toml"))) == plan
    assert Plan.model_validate(json.loads(render(plan, "json"))) == plan


# --- 5: tomlpos -------------------------------------------------------------------------------


@FAST
@given(text=any_text | tomlish_text, paths=st.lists(st.lists(keys | st.integers(-2, 5))))
def test_line_map_and_find_line_never_raise(text: str, paths: list[list[str | int]]) -> None:
    """Protects the error reporter itself: ``line_map``/``find_line`` run on whatever text
    reached them and must never raise, nor name a line the text does not have."""
    lines = line_map(text)
    count = len(text.splitlines())
    assert all(1 <= n <= count for n in lines.values()), lines
    for path in [*lines, *(tuple(p) for p in paths)]:
        for tail in ((), ("x",), (0, "id")):
            found = find_line(lines, (*path, *tail))
            assert found is None or found in lines.values()


@st.composite
def documents_with_lines(draw: st.DrawFn) -> tuple[str, dict[str, int]]:
    """A valid TOML text of ``key = value`` entries between comments and blank lines, with the
    line each key is on."""
    out: list[str] = []
    where: dict[str, int] = {}
    comment_chars = st.characters(exclude_categories=("Cs", "Cc")) | st.just("\t")
    for key in draw(st.lists(st.from_regex(r"\A[a-z][a-z0-9_-]{0,5}\Z"), unique=True, max_size=6)):
        for _ in range(draw(st.integers(0, 2))):
            out.append(draw(st.just("") | st.text(comment_chars, max_size=15).map("# {}".format)))
        value = draw(
            st.text(ANY_CHAR, max_size=15)
            | st.lists(st.text(ANY_CHAR, max_size=6), max_size=8)
            | st.integers()
        )
        entry = tomli_w.dumps({key: value}, multiline_strings=draw(st.booleans()))
        where[key] = sum(part.count("\n") for part in out) + len(out) + 1
        out.append(entry.removesuffix("\n"))
    return "\n".join(out) + "\n", where


@FAST
@given(doc=documents_with_lines())
@example(doc=('a = "\x85"\nb = ""\n', {"a": 1, "b": 2}))
@example(doc=("# \u2028\na = 1\n", {"a": 2}))
def test_line_map_gives_the_line_each_key_is_on(doc: tuple[str, dict[str, int]]) -> None:
    """Protects the line numbers in problem messages: for valid TOML each key maps to the line
    it is written on, counted as TOML counts lines. Characters that are line breaks only to
    ``str.splitlines`` (U+2028, U+0085, form feed...) sit in strings and comments and must
    not shift the count."""
    text, where = doc
    assert tomllib.loads(text).keys() == where.keys()
    lines = line_map(text)
    assert {key: lines.get((key,)) for key in where} == where


# --- 6: config --------------------------------------------------------------------------------


config_texts = st.builds(
    lambda head, body: head + body,
    st.sampled_from(['schema = "smcheck.config/1"\n', 'schema = "smcheck.answers/1"\n', ""]),
    st.lists(
        st.builds(
            lambda k, v: f"{toml_key(k)} = {inline(v)}\n",
            st.sampled_from(["theme", "lang", "schema"]) | keys,
            toml_values | st.sampled_from(["textual-dark", "textual-light", "de", "en"]),
        ),
        max_size=3,
    ).map("".join),
).map(str.encode)


@FAST
@given(raw=st.binary(max_size=2000) | config_texts)
@example(raw='schema = "smcheck.config/1"\n# \x85\ntheme = 1\n'.encode())
@example(raw=b'schema = "smcheck.config/1"\n"\\n" = 1\n')
def test_any_config_file_loads_or_gives_clean_problems(smcheck_home: Path, raw: bytes) -> None:
    """Protects start-up: whatever ``config.toml`` holds, ``load_config`` returns settings or
    a clean ``InvalidFile``, so a broken config file can be reported instead of crashing."""
    path = write(smcheck_home / "config.toml", raw)
    try:
        assert isinstance(load_config(), Config)
    except InvalidFile as exc:
        assert_clean(exc, path, raw)


# --- the in-memory entry points agree with the file loaders ----------------------------------


@FAST
@given(raw=mutations(ANSWERS_TEXT))
def test_in_memory_loading_agrees_with_the_file_loader(tmp_path: Path, raw: bytes) -> None:
    """Protects the in-memory entry points (``decode``/``parse``/``answers_from`` on bytes, as
    ``load_assessment`` uses them): they accept and refuse exactly what ``load_answers`` does
    on the same bytes in a file, with the same problems."""
    path = write(tmp_path / "answers.toml", raw)
    name = str(path)

    def in_memory() -> object:
        return answers_from(parse(decode(raw, name), name), MINI_MODEL)[0]

    def from_file() -> object:
        return load_answers(path, assessment=MINI_MODEL)[0]

    results = []
    for load in (in_memory, from_file):
        try:
            results.append(load())
        except InvalidFile as exc:
            assert_clean(exc, path, raw)
            results.append(exc.problems)
    assert results[0] == results[1]
