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
from datetime import date
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
    assert c.more_gaps == 0


def test_gaps_read_leadership_first_and_carry_the_discuss_question() -> None:
    c = three()
    alpha, gamma = c.gaps
    assert (alpha.name, gamma.name) == ("Alpha", "Gamma")
    # leadership first, then the team, whichever sees it higher
    assert alpha.summary == "Leadership rates Alpha at 88 points, the team at 32."
    assert gamma.summary == "Leadership rates Gamma at 25 points, the team at 50."
    # the dimension's question for the workshop, not its counter-position
    assert alpha.discussion == "Where do you see alpha differently?"
    assert gamma.discussion == "Where do you see gamma differently?"


def test_gap_questions_are_those_where_the_two_sides_differ_most() -> None:
    # alpha: a1 leadership 100, team (25 + 50) / 2 = 37.5 -> 38: 62 apart;
    #        a2 leadership 75, team (25 + 25) / 2 = 25: 50 apart.
    # gamma: leadership 25 each; team g1 (50 + 50) / 2 = 50, g2 and g3 only Tim's 50 (Tara did
    #        not know or did not answer): 25 apart each, in questionnaire order.
    alpha, gamma = three().gaps
    assert [(q.id, q.leadership, q.team) for q in alpha.questions] == [
        ("a1", 100, 38),
        ("a2", 75, 25),
    ]
    assert [(q.id, q.leadership, q.team) for q in gamma.questions] == [
        ("g1", 25, 50),
        ("g2", 25, 50),
        ("g3", 25, 50),
    ]
    assert alpha.questions[0].prompt == "Question a1?"


def test_gap_text_in_german() -> None:
    c = three("de")
    assert c.lang == "de"
    assert c.dimensions[0].excuse == "Ausrede alpha"
    assert c.gaps[0].summary == "Die Leitung sieht „Alpha“ bei 88 Punkten, das Team bei 32."
    assert c.gaps[0].discussion == "Wo sehen Sie alpha anders?"


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
    # overall (58 + 100 + 2 * 13) / 4 = 184 / 4 = 46.
    assert c.combined_overall == 46
    # Completeness: Lea 5 of 7 (71 %), Tim 1 of 7 (14 %), Cora 5 of 7 (71 %): the mean 52 % is
    # below 60 %, so there is no combined stage (the weakest-link rule does not come into it).
    # Missing answers: (2 + 6 + 2) / 3 = 3.3 -> 3 of 7.
    assert [r.completeness for r in c.respondents] == [71, 14, 71]
    assert (c.combined_stage, c.combined_stage_name, c.combined_limited_by) == (None, None, None)
    assert c.combined_reason == (
        "3 of 7 answers are still missing. Below 60 % answered questions smcheck names no "
        "stage: collect the missing answers from the people who know."
    )
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
    assert data["schema"] == "smcheck.comparison/2"
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
    # the whole client report: the title, the comparison, then the one plan
    assert md.startswith("# Social media readiness for Testfirma\n\n## Comparison\n")
    assert md.index("## Comparison") < md.index("## Starter goals")
    assert r"\[x\](y) &lt;b>" in md  # "<" is what would open a tag
    assert "[x](y)" not in md and "<b>" not in md
    # dimensions by name
    assert "| Alpha | 88 | 25 | 38 | 63 | 88 | 32 | **60** |" in md
    # the combined bar: 60 of 20 cells -> 12 full
    assert "```text\nAlpha  " + "█" * 12 + "░" * 8 + "   60\n" in md
    assert (
        "- **Leadership rates Alpha at 88 points, the team at 32.**\n"
        "  - Ask: Where do you see alpha differently?\n"
        "  - Question a1? (Leadership 100, Team 38)\n"
        "  - Question a2? (Leadership 75, Team 25)\n"
    ) in md
    assert "**Combined overall score: 50/100**" in md
    assert "Against it." not in md  # the counter-position is not the discussion


def test_markdown_in_german() -> None:
    md = comparison_markdown(three("de"))
    assert md.startswith("# Social-Media-Reife für Testfirma\n\n## Vergleich\n")
    assert "  - Fragen Sie: Wo sehen Sie alpha anders?\n" in md


def test_markdown_without_a_plan_is_the_comparison_alone() -> None:
    c = compare(
        mini(),
        [
            ("lea", person(LEA, "Lea", "leadership", completed=None)),
            ("tim", person(TIM, "Tim", "team", completed=None)),
        ],
        "en",
    )
    assert c.plan is None
    md = comparison_markdown(c)
    # the client report starts with its title even before anyone has finished
    assert md.startswith("# Social media readiness\n\n## Comparison\n")
    assert "## Starter goals" not in md


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
    assert table[1].split() == ["Alpha", "88", "25", "38", "63", "88", "32", "60"]
    assert len({len(line) for line in table}) == 1  # right-aligned columns end together
    assert "Combined overall score: 50 · Combined stage: experimenting" in text
    assert (
        "- Leadership rates Alpha at 88 points, the team at 32.\n"
        "  Ask: Where do you see alpha differently?\n"
    ) in text
    assert "Leadership rates Beta" not in text  # 24 apart: no gap


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


def test_the_combined_stage_is_never_above_the_highest_individual_stage() -> None:
    # Lea, leadership: alpha 100, beta 0, gamma 100: overall (100 + 0 + 200) / 4 = 75, capped by
    #   beta 0 (dead-end) at first-steps.
    # Tom, team: alpha 0, beta 100, gamma 100: 75, capped by alpha at first-steps.
    # Combined (50:50): alpha 50, beta 50, gamma 100: overall (50 + 50 + 200) / 4 = 75 ->
    #   learning-loop; the weakest, 50 (experimenting), allows it. But nobody reached more than
    #   first-steps: the combined stage is first-steps.
    lea = person(
        {"a1": 5, "a2": 5, "b1": 1, "b2": 1, "g1": 5, "g2": 5, "g3": 5}, "Lea", "leadership"
    )
    tom = person({"a1": 1, "a2": 1, "b1": 5, "b2": 5, "g1": 5, "g2": 5, "g3": 5}, "Tom", "team")
    c = compare(mini(), [("lea", lea), ("tom", tom)], "en")
    assert [(r.overall, r.stage) for r in c.respondents] == [
        (75, "first-steps"),
        (75, "first-steps"),
    ]
    assert [d.combined for d in c.dimensions] == [50, 50, 100]
    assert (c.combined_overall, c.combined_stage) == (75, "first-steps")
    assert c.plan is not None and c.plan.result.stage == "first-steps"


def test_a_combined_stage_held_at_the_highest_individual_stage_says_why() -> None:
    # As above: the combined scores alone give learning-loop, the comparison shows first-steps.
    # The comparison must say in one sentence why (combined_reason: "Why the combined stage is
    # capped, forced or absent"), and must not describe the stage as if the score gave it.
    lea = person(
        {"a1": 5, "a2": 5, "b1": 1, "b2": 1, "g1": 5, "g2": 5, "g3": 5}, "Lea", "leadership"
    )
    tom = person({"a1": 1, "a2": 1, "b1": 5, "b2": 5, "g1": 5, "g2": 5, "g3": 5}, "Tom", "team")
    c = compare(mini(), [("lea", lea), ("tom", tom)], "en")
    assert c.combined_stage == "first-steps"
    assert c.combined_reason is not None
    assert c.plan is not None and c.plan.result.stage_description is None


def test_the_dead_end_trap_holds_on_the_combined_answers() -> None:
    # bundled full check, everything 5 except the trap questions:
    # Lea planning 2 (25), approval 1 (0); Tom planning 1 (0), approval 2 (25): both in the dead
    # end on their own. Combined answers: (25 + 0) / 2 = 12.5 for each trap question, within the
    # lowest two options (25 points): the combined stage is the dead end, whatever the average
    # (strategy-first: Lea (25 + 200) / 3 = 75, Tom 200 / 3 = 66.7 -> 67, combined 71;
    # hierarchy: Lea 300 / 4 = 75, Tom 325 / 4 = 81.25 -> 81, combined 78; the rest 100).
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    base: dict[str, int | str] = {q.id: 5 for _, q in a.questions("full")}
    lea = person(
        base | {"sf-planning-state": 2, "hi-approval-path": 1}, "Lea", "leadership", assessment=a.id
    ).model_copy(update={"assessment_version": a.version})
    tom = person(
        base | {"sf-planning-state": 1, "hi-approval-path": 2}, "Tom", "team", assessment=a.id
    ).model_copy(update={"assessment_version": a.version})
    c = compare(a, [("lea", lea), ("tom", tom)], "en")
    assert [r.stage for r in c.respondents] == ["dead-end", "dead-end"]
    assert (c.combined_stage, c.combined_stage_name) == ("dead-end", "Dead end")
    assert c.combined_reason == (
        "Planning at length without publishing, with every post sent through an approval "
        "marathon, is the dead end, whatever the average says."
    )


def _leadership_high_team_low() -> Comparison:
    """The bundled full check: leadership answers everything 5 (100), the team everything 1."""
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    ids = [q.id for _, q in a.questions("full")]
    lea = person(dict.fromkeys(ids, 5), "Lea", "leadership", assessment=a.id)
    tim = person(dict.fromkeys(ids, 1), "Tim", "team", assessment=a.id)
    lea, tim = (x.model_copy(update={"assessment_version": a.version}) for x in (lea, tim))
    return compare(a, [("lea", lea), ("tim", tim)], "en")


def test_at_most_five_gaps_are_listed_and_the_rest_counted() -> None:
    # every dimension: leadership 100, team 0 -> ten gaps of 100 points; ties in dimension order
    c = _leadership_high_team_low()
    assert [(g.dimension, g.difference) for g in c.gaps] == [
        ("strategy-first", 100),
        ("hierarchy", 100),
        ("staff-attitude", 100),
        ("goals", 100),
        ("iteration", 100),
    ]
    assert c.more_gaps == 5
    hierarchy = c.gaps[1]
    assert hierarchy.summary == "Leadership rates Hierarchy at 100 points, the team at 0."
    assert hierarchy.discussion == (
        "Which post of the last few months took longest to get out, and where did it wait?"
    )
    # every question 100 apart: the first three in questionnaire order
    assert [q.id for q in hierarchy.questions] == [
        "hi-team-and-boss",
        "hi-approval-path",
        "hi-leadership-backing",
    ]
    assert "… and 5 more gaps." in comparison_markdown(c)
    # combined: every dimension (100 + 0) / 2 = 50, overall 50 -> experimenting (the team alone
    # is in the dead end, leadership at lived-attitude; the trap answers' mean is 50 points)
    assert (c.combined_overall, c.combined_stage) == (50, "experimenting")


def test_the_plan_comes_from_the_combined_view_with_agree_tasks_for_the_two_biggest_gaps() -> None:
    c = three()
    assert c.plan is not None
    # combined scores alpha 60, beta 63, gamma 38: only gamma is below 60 -> one enabler goal;
    # Lea's profile chose no objective -> no outcome goal
    assert [g.id for g in c.plan.goals] == ["enable-gamma"]
    tasks = {t.id: t for t in c.plan.tasks}
    agree = tasks["agree-alpha"]
    assert agree.title == (
        "Leadership and team together: agree on Alpha. Where do you see alpha differently?"
    )
    assert (agree.owner, agree.phase, agree.weeks, agree.dimension) == (
        "leadership",
        "start",
        (1, 2),
        "alpha",
    )
    assert "agree-gamma" in tasks
    # combined answers: b1 is leadership 75, team (0 + 25) / 2 = 12.5 -> (75 + 12.5) / 2 = 43.75
    # points, low: beta's tasks are due although beta (63) is not weak; a1 (100 and 37.5 ->
    # 68.75) is not low and alpha is not weak: no alpha task
    assert "beta-start" in tasks and "alpha-start" not in tasks
    # the plan starts the Monday after the latest completion date (2026-11-25)
    assert c.plan.iteration.start == date(2026, 11, 30)
    # at most two agree tasks: the rest of the gaps wait
    big = _leadership_high_team_low()
    assert big.plan is not None
    agree_ids = [t.id for t in big.plan.tasks if t.id.startswith("agree-")]
    assert sorted(agree_ids) == ["agree-hierarchy", "agree-strategy-first"]
    assert len(big.plan.tasks) <= 12 and len(big.plan.goals) <= 4
    assert "agree-staff-attitude" in [x.id for x in big.plan.later]


def test_a_comparison_without_completion_dates_plans_from_today_or_not_at_all() -> None:
    people = [
        ("lea", person(LEA, "Lea", "leadership", completed=None)),
        ("tim", person(TIM, "Tim", "team", completed=None)),
    ]
    assert compare(mini(), people, "en").plan is None
    plan = compare(mini(), people, "en", today=date(2027, 1, 6)).plan
    assert plan is not None and plan.iteration.start == date(2027, 1, 11)
