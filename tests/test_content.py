"""The bundled questionnaire: complete, in both languages, and traceable to its sources."""

from __future__ import annotations

import re
import tomllib

import pytest

from conftest import ROOT
from smcheck.core.checks import PHASE_WINDOWS
from smcheck.core.models.assessment import Assessment
from smcheck.files.catalog import entries, find_assessment, load_assessment

EXCUSES = [
    "strategy-first",
    "hierarchy",
    "staff-attitude",
    "goals",
    "iteration",
    "best-practices",
    "platform-knowledge",
    "corporate-fit",
    "resources",
    "guidelines",
]


@pytest.fixture(scope="module")
def full() -> Assessment:
    return find_assessment("social-media-readiness")


def test_every_bundled_assessment_loads_and_passes_all_checks() -> None:
    bundled = [e for e in entries() if e.origin == "bundled"]
    assert [e.path.name for e in bundled] == ["social-media-readiness.toml"]
    for entry in bundled:
        load_assessment(entry.path)


def test_the_ten_excuses_are_the_dimensions(full: Assessment) -> None:
    assert [d.id for d in full.dimensions] == EXCUSES


def test_each_dimension_has_three_to_five_questions_and_one_quick(full: Assessment) -> None:
    for d in full.dimensions:
        assert 3 <= len(d.questions) <= 5, d.id
        assert sum(q.quick for q in d.questions) == 1, d.id
    assert len(full.questions("quick")) == 10


def test_questions_have_five_distinct_anchored_options_in_both_languages(full: Assessment) -> None:
    for _, q in full.questions("full"):
        for lang in ("de", "en"):
            options = q.options.get(lang)
            assert len(options) == 5 and len(set(options)) == 5, q.id
            # anchored situations, not agree/disagree scales
            assert not any(
                re.search(r"\b(dis)?agree\b|\bstimme\b.*\bzu\b|trifft (voll|eher|kaum)", o, re.I)
                for o in options
            ), q.id
        assert q.help.de != q.help.en and q.hint.de != q.hint.en


def test_german_texts_are_german(full: Assessment) -> None:
    questions = full.questions("full")
    german = " ".join(q.prompt.de + " " + q.help.de for _, q in questions)
    # German prompts and help use umlauts and ß: more than two per question on average
    assert len(re.findall(r"[äöüß]", german)) > 2 * len(questions)
    assert " the " not in german


def test_actions_cover_every_dimension_and_every_phase(full: Assessment) -> None:
    for d in full.dimensions:
        assert len(d.actions) >= 3, d.id
    phases = {x.phase for d in full.dimensions for x in d.actions} | {x.phase for x in full.always}
    assert phases == set(PHASE_WINDOWS)


def test_no_task_asks_its_owner_to_do_it_with_themselves(full: Assessment) -> None:
    # a task owned by leadership that says "with leadership" reads, on the plan, as leadership
    # going through the goals with itself
    # ("the list ... is with leadership." says where a list lies: not a thing done together)
    with_leadership = re.compile(r"with leadership(?!\.)|mit der Leitung", re.IGNORECASE)
    actions = [x for d in full.dimensions for x in d.actions]
    actions += [x for o in full.objectives for x in o.actions] + list(full.always)
    odd = [
        x.id
        for x in actions
        if x.owner == "leadership"
        for text in (x.title.en, x.title.de, x.done.en, x.done.de)
        if with_leadership.search(text)
    ]
    assert odd == []


def test_objectives_and_kpis(full: Assessment) -> None:
    assert [o.id for o in full.objectives] == ["awareness", "customers", "insights", "sales"]
    kpis = {k.id for o in full.objectives for k in o.kpis}
    assert {
        "reach",
        "follower-growth",
        "engagement-rate",
        "reply-time",
        "insights-documented",
        "referral-visits",
        "leads",
        "conversions",
    } <= kpis
    assert {k.id: k.direction for o in full.objectives for k in o.kpis}["reply-time"] == "decrease"


def test_sources_table_names_only_real_ids_and_covers_every_dimension(full: Assessment) -> None:
    text = (ROOT / "assessments" / "SOURCES.md").read_text(encoding="utf-8")
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("| Ausreden") or line.startswith("| Strategie")
    ]
    assert len(rows) >= 30
    known = {d.id for d in full.dimensions}
    known |= {q.id for _, q in full.questions("full")}
    known |= {x.id for d in full.dimensions for x in d.actions}
    known |= {o.id for o in full.objectives} | {k.id for o in full.objectives for k in o.kpis}
    known |= {x.id for o in full.objectives for x in o.actions} | {x.id for x in full.always}
    cited = set(re.findall(r"\b(?:sf|hi|sa|go|it|bp|pk|cf|rs|gl|aw|cu|in|sl|lp)-[a-z0-9-]+", text))
    assert cited, "the table cites question and action ids"
    assert cited <= known, sorted(cited - known)
    for d in full.dimensions:
        assert d.id in text, d.id


def test_raw_file_is_plain_toml_without_includes() -> None:
    data = tomllib.loads(
        (ROOT / "assessments" / "social-media-readiness.toml").read_text(encoding="utf-8")
    )
    assert data["schema"] == "smcheck.assessment/2"
