"""Comparing respondents, worked out by hand on the mini assessment (tests/fixtures/mini.toml).

mini: scale points 0/25/50/75/100 for options 1-5; stages from 0, 20, 40, 60, 80
(dead-end, first-steps, experimenting, learning-loop, lived-attitude).
alpha (weight 1): a1 (w1), a2 (w1)
beta  (weight 1): b1 (w1), b2 (w3)
gamma (weight 2): g1 (w1), g2 (w1), g3 (w1)
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

from conftest import ROOT
from helpers import answers, mini
from smcheck.core.compare import GAP_THRESHOLD, compare
from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import Answers, Respondent
from smcheck.core.models.common import Lang, Role
from smcheck.core.models.comparison import Comparison
from smcheck.files.export.comparison import (
    comparison_json,
    comparison_markdown,
    comparison_text,
    comparison_toml,
)
from smcheck.files.schemas import schema_text


def person(values: dict[str, int | str], name: str, role: Role, **kw: Any) -> Answers:
    """Answers to mini by a named respondent in ``role``."""
    ans = answers(values, **kw)
    return ans.model_copy(update={"respondent": Respondent(name=name, role=role)})


# Lea, leadership:
#   alpha a1=5 (100), a2=4 (75): 175 / 2 = 87.5 -> 88
#   beta  b1=4 (75 * 1), b2=4 (75 * 3): 300 / 4 = 75
#   gamma g1=g2=g3=2 (25 each): 25
#   overall (88 + 75 + 2 * 25) / 4 = 213 / 4 = 53.25 -> 53 -> experimenting; weakest gamma 25
#   (first-steps) caps at one above = experimenting: no cap. 7 of 7 answered: 100 %.
LEA: dict[str, int | str] = {"a1": 5, "a2": 4, "b1": 4, "b2": 4, "g1": 2, "g2": 2, "g3": 2}
# Tim, team:
#   alpha a1=a2=2: 25
#   beta  b1=1 (0), b2=3 (50 * 3): 150 / 4 = 37.5 -> 38
#   gamma g1=g2=g3=3: 50
#   overall (25 + 38 + 100) / 4 = 163 / 4 = 40.75 -> 41 -> experimenting; 100 %.
TIM: dict[str, int | str] = {"a1": 2, "a2": 2, "b1": 1, "b2": 3, "g1": 3, "g2": 3, "g3": 3}
# Tara, team, no name (labelled by the caller's file stem "tara-answers"):
#   alpha a1=3 (50), a2=2 (25): 37.5 -> 38
#   beta  b1=2 (25), b2=4 (75 * 3): 250 / 4 = 62.5 -> 63
#   gamma only g1=3 answered (don't know and unanswered left out): 50
#   overall (38 + 63 + 100) / 4 = 201 / 4 = 50.25 -> 50 -> experimenting; 5 of 7: 71.4 -> 71 %.
TARA: dict[str, int | str] = {
    "a1": 3,
    "a2": 2,
    "b1": 2,
    "b2": 4,
    "g1": 3,
    "g2": "dont-know",
    "g3": "",
}


def three(lang: Lang = "en") -> Comparison:
    return compare(
        mini(),
        [
            ("lea-file", person(LEA, "Lea", "leadership")),
            ("tim-file", person(TIM, "Tim", "team")),
            ("tara-answers", person(TARA, "", "team")),
        ],
        lang,
    )


def test_every_respondent_is_scored_on_their_own() -> None:
    c = three()
    assert [(r.label, r.role, r.overall, r.stage, r.completeness) for r in c.respondents] == [
        ("Lea", "leadership", 53, "experimenting", 100),
        ("Tim", "team", 41, "experimenting", 100),
        ("tara-answers", "team", 50, "experimenting", 71),
    ]
    assert {d.id: d.scores for d in c.dimensions} == {
        "alpha": [88, 25, 38],
        "beta": [75, 38, 63],
        "gamma": [25, 50, 50],
    }
    assert (c.assessment, c.assessment_version, c.assessment_title, c.scope) == (
        "mini",
        "1.0",
        "Mini check",
        "full",
    )
    assert c.generator.startswith("smcheck ")


def test_role_means_spread_and_combined_weigh_roles_50_50() -> None:
    # alpha: leadership 88; team (25 + 38) / 2 = 31.5 -> 32
    #   combined (88 + 31.5) / 2 = 59.75 -> 60; the plain mean of three would be
    #   (88 + 25 + 38) / 3 = 50.3 -> 50. Spread 88 - 25 = 63.
    # beta: leadership 75; team (38 + 63) / 2 = 50.5 -> 51
    #   combined (75 + 50.5) / 2 = 62.75 -> 63 (plain mean 176 / 3 = 58.7 -> 59). Spread 75 - 38 = 37.
    # gamma: leadership 25; team (50 + 50) / 2 = 50
    #   combined (25 + 50) / 2 = 37.5 -> 38 (plain mean 125 / 3 = 41.7 -> 42). Spread 50 - 25 = 25.
    c = three()
    got = {d.id: (d.role_means, d.spread, d.combined) for d in c.dimensions}
    assert got == {
        "alpha": ({"leadership": 88, "team": 32}, 63, 60),
        "beta": ({"leadership": 75, "team": 51}, 37, 63),
        "gamma": ({"leadership": 25, "team": 50}, 25, 38),
    }
    assert [d.excuse for d in c.dimensions] == ["Excuse alpha", "Excuse beta", "Excuse gamma"]


def test_combined_overall_and_stage() -> None:
    # (60 + 63 + 2 * 38) / 4 = 199 / 4 = 49.75 -> 50 -> experimenting (40..59).
    # Weakest combined dimension gamma 38 is first-steps; one above is experimenting: no cap.
    c = three()
    assert c.combined_overall == 50
    assert (c.combined_stage, c.combined_stage_name, c.combined_limited_by) == (
        "experimenting",
        "experimenting",
        None,
    )


def test_gaps_from_25_points_largest_first() -> None:
    # alpha: 88 vs 32 -> 56 apart: a gap.
    # gamma: 25 vs 50 -> 25 apart: exactly the threshold, a gap (the team sees it higher).
    # beta:  75 vs 51 -> 24 apart: NOT a gap.
    assert GAP_THRESHOLD == 25
    c = three()
    assert c.gap_threshold == 25
    assert [(g.dimension, g.leadership, g.team, g.difference) for g in c.gaps] == [
        ("alpha", 88, 32, 56),
        ("gamma", 25, 50, 25),
    ]
    assert c.gaps[0].discussion == (
        "Leadership rates “Excuse alpha” at 88, the team at 32 (56 points apart). "
        "Discuss: Against it."
    )
    assert c.gaps[1].discussion == (
        "Leadership rates “Excuse gamma” at 25, the team at 50 (25 points apart). "
        "Discuss: Against it."
    )


def test_gap_text_in_german() -> None:
    c = three("de")
    assert c.lang == "de"
    assert c.dimensions[0].excuse == "Ausrede alpha"
    assert c.gaps[0].discussion == (
        "Die Leitung sieht „Ausrede alpha“ bei 88, das Team bei 32 (56 Punkte auseinander). "
        "Besprechen: Dagegen."
    )


def consultant_case() -> Comparison:
    # Lea, leadership: alpha a1=a2=5 -> 100; beta b1=b2=5 -> 100; gamma only g1=1 -> 0.
    # Tim, team: only a1=1 -> alpha 0; beta and gamma have no score.
    # Cora, consultant: alpha a1=a2=4 -> 75; beta don't know / n/a -> no score;
    #   gamma g1=g2=g3=2 -> 25.
    lea = person({"a1": 5, "a2": 5, "b1": 5, "b2": 5, "g1": 1}, "Lea", "leadership")
    tim = person({"a1": 1}, "Tim", "team")
    cora = person(
        {"a1": 4, "a2": 4, "b1": "dont-know", "b2": "n/a", "g1": 2, "g2": 2, "g3": 2},
        "Cora",
        "consultant",
    )
    return compare(mini(), [("a", lea), ("b", tim), ("c", cora)], "en")


def test_three_roles_weigh_a_third_each_and_missing_scores_are_left_out() -> None:
    # alpha: 100, 0, 75 -> combined (100 + 0 + 75) / 3 = 58.3 -> 58, spread 100
    # beta:  only Lea has a score -> combined 100, spread 100 - 100 = 0
    # gamma: Lea 0, Cora 25 (no team score) -> combined (0 + 25) / 2 = 12.5 -> 13, spread 25
    c = consultant_case()
    got = {d.id: (d.scores, d.role_means, d.spread, d.combined) for d in c.dimensions}
    assert got == {
        "alpha": ([100, 0, 75], {"leadership": 100, "team": 0, "consultant": 75}, 100, 58),
        "beta": ([100, None, None], {"leadership": 100}, 0, 100),
        "gamma": ([0, None, 25], {"leadership": 0, "consultant": 25}, 25, 13),
    }
    # overall (58 + 100 + 2 * 13) / 4 = 184 / 4 = 46 -> experimenting by score, but the weakest
    # combined dimension gamma 13 is dead-end: at most one above -> first-steps.
    assert c.combined_overall == 46
    assert (c.combined_stage, c.combined_limited_by) == ("first-steps", "gamma")
    # Only alpha has both a leadership and a team mean: 100 vs 0.
    assert [(g.dimension, g.difference) for g in c.gaps] == [("alpha", 100)]


def test_refuses_a_single_respondent() -> None:
    with pytest.raises(SmcheckError, match="at least two"):
        compare(mini(), [("only", person(LEA, "Lea", "leadership"))], "en")


def test_refuses_answers_to_another_assessment_version() -> None:
    other = person(TIM, "Tim", "team").model_copy(update={"assessment_version": "1.1"})
    with pytest.raises(SmcheckError, match=r"tim-file: answers are for mini 1\.1"):
        compare(mini(), [("lea", person(LEA, "Lea", "leadership")), ("tim-file", other)], "en")


def test_refuses_answers_to_another_assessment_than_given() -> None:
    first = person(LEA, "Lea", "leadership", assessment="other")
    with pytest.raises(SmcheckError, match=r"lea: answers are for other 1\.0, not mini 1\.0"):
        compare(mini(), [("lea", first), ("tim", person(TIM, "Tim", "team"))], "en")


def test_refuses_mixed_scope() -> None:
    quick = person({"a1": 2, "b1": 2, "g1": 2}, "Tim", "team", scope="quick")
    with pytest.raises(SmcheckError, match=r"\(quick\).*\(full\).*same"):
        compare(mini(), [("lea", person(LEA, "Lea", "leadership")), ("tim", quick)], "en")


@pytest.mark.parametrize("make", [three, consultant_case])
def test_toml_round_trip(make: Callable[[], Comparison]) -> None:
    c = make()
    text = comparison_toml(c)
    assert Comparison.model_validate(tomllib.loads(text)) == c


def test_toml_writes_a_missing_score_as_empty_string() -> None:
    text = comparison_toml(consultant_case())
    assert 'scores = [\n    100,\n    "",\n    "",\n]' in text or 'scores = [100, "", ""]' in text


@pytest.mark.parametrize("make", [three, consultant_case])
def test_json_round_trip_and_schema(make: Callable[[], Comparison]) -> None:
    c = make()
    text = comparison_json(c)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["schema"] == "smcheck.comparison/1"
    assert Comparison.model_validate(data) == c
    schema = json.loads((ROOT / "schemas" / "comparison.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "comparison.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text("comparison")


def test_markdown_escapes_labels_and_shows_scores_bars_and_discussion() -> None:
    c = compare(
        mini(),
        [
            ("x", person(LEA, "[x](y) <b>", "leadership")),
            ("tim", person(TIM, "Tim", "team")),
            ("tara-answers", person(TARA, "", "team")),
        ],
        "en",
    )
    md = comparison_markdown(c)
    assert md.startswith("## Comparison\n")
    assert r"\[x\](y) &lt;b&gt;" in md
    assert "[x](y)" not in md and "<b>" not in md
    assert "| `alpha` Excuse alpha | 88 | 25 | 38 | 63 | 88 | 32 | **60** |" in md
    # the combined bar: 60 of 20 cells -> 12 full
    assert "```text\nalpha  " + "█" * 12 + "░" * 8 + "   60\n" in md
    assert (
        "- **alpha**: Leadership rates “Excuse alpha” at 88, the team at 32 (56 points apart). "
        "Discuss: Against it." in md
    )
    assert "**Combined overall score: 50/100**" in md


def test_markdown_in_german() -> None:
    md = comparison_markdown(three("de"))
    assert md.startswith("## Vergleich\n")
    assert "Besprechen: Dagegen." in md


def test_text_table_has_every_label_and_the_combined_column() -> None:
    c = compare(
        mini(),
        [
            ("lea", person(LEA, "Maximiliane Mustermann", "leadership")),
            ("tim", person(TIM, "Tim", "team")),
            ("tara-answers", person(TARA, "", "team")),
        ],
        "en",
    )
    text = comparison_text(c)
    # labels cut to 12 characters
    assert "Maximiliane…" in text and "Mustermann" not in text
    assert "Tim" in text and "tara-answers" in text
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("Dimension"))
    assert header.split()[-1] == "Combined"
    table = lines[lines.index(header) : lines.index(header) + 4]
    assert table[1].split() == ["alpha", "88", "25", "38", "63", "88", "32", "60"]
    assert len({len(line) for line in table}) == 1  # right-aligned columns end together
    assert "Combined overall score: 50 · Combined stage: experimenting" in text
    assert "- alpha: Leadership rates “Excuse alpha” at 88" in text
    assert "beta:" not in text


def test_no_gaps_without_a_team() -> None:
    c = compare(
        mini(),
        [("a", person(LEA, "A", "leadership")), ("b", person(TIM, "B", "leadership"))],
        "en",
    )
    assert c.gaps == []
    assert "it takes answers from leadership and from the team" in comparison_text(c)


def test_exports_are_deterministic() -> None:
    a, b = three(), three()
    assert comparison_toml(a) == comparison_toml(b)
    assert comparison_json(a) == comparison_json(b)
    assert comparison_markdown(a) == comparison_markdown(b)
    assert comparison_text(a) == comparison_text(b)
