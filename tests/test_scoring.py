"""Scoring worked out by hand on the mini assessment (tests/fixtures/mini.toml).

mini: scale points 0/25/50/75/100 for options 1-5; stages from 0, 20, 40, 60, 80.
alpha (weight 1): a1 (w1, quick), a2 (w1)
beta  (weight 1): b1 (w1, quick), b2 (w3)
gamma (weight 2): g1 (w1, quick), g2 (w1), g3 (w1)
"""

from __future__ import annotations

from helpers import answers, mini
from smcheck.core.scoring import round_half_up, score


def test_round_half_up_rounds_halves_up_like_people_do() -> None:
    from fractions import Fraction

    assert [round_half_up(Fraction(x, 2)) for x in (1, 3, 5, 75)] == [1, 2, 3, 38]


def test_dimension_scores_overall_and_stage_by_hand() -> None:
    # alpha: (100 + 75) / 2 = 87.5 -> 88
    # beta:  (0*1 + 50*3) / 4 = 37.5 -> 38
    # gamma: only g1 answered (don't know and n/a left out): 25
    # overall: (88*1 + 38*1 + 25*2) / 4 = 176 / 4 = 44 -> "experimenting" (40..59)
    # weakest: gamma 25 -> "first-steps"; cap = one above = "experimenting": no cap.
    r = score(
        mini(),
        answers({"a1": 5, "a2": 4, "b1": 1, "b2": 3, "g1": 2, "g2": "dont-know", "g3": "n/a"}),
        "en",
    )
    assert {d.id: d.score for d in r.dimensions} == {"alpha": 88, "beta": 38, "gamma": 25}
    assert r.overall == 44
    assert r.stage == "experimenting" and r.stage_by_score == "experimenting"
    assert r.limited_by is None
    # 5 of 7 questions answered with an option -> 71 %
    assert r.completeness == 71
    gamma = r.dimensions[2]
    assert (gamma.answered, gamma.dont_know, gamma.not_applicable, gamma.unanswered) == (1, 1, 1, 0)
    assert gamma.completeness == 33
    # blockers below 40, lowest first; strengths from 60
    assert r.blockers == ["gamma", "beta"]
    assert r.strengths == ["alpha"]


def test_weakest_dimension_caps_the_stage() -> None:
    # alpha 100, beta 100, gamma: g1 = 1 -> 0, others unanswered.
    # overall (100 + 100 + 0*2) / 4 = 50 -> "experimenting" by score
    # weakest gamma 0 -> "dead-end", cap one above -> "first-steps"
    r = score(mini(), answers({"a1": 5, "a2": 5, "b1": 5, "b2": 5, "g1": 1}), "en")
    assert r.overall == 50
    assert r.stage_by_score == "experimenting"
    assert r.stage == "first-steps"
    assert r.limited_by == "gamma"
    assert r.stage_name == "first-steps"


def test_question_weights_pull_harder() -> None:
    # beta: b1 = 5 (100, w1), b2 = 1 (0, w3): 100 / 4 = 25; swapped: 300 / 4 = 75
    low = score(mini(), answers({"b1": 5, "b2": 1}), "en")
    high = score(mini(), answers({"b1": 1, "b2": 5}), "en")
    assert low.dimensions[1].score == 25
    assert high.dimensions[1].score == 75
    # only beta is scored, so overall equals beta
    assert (low.overall, high.overall) == (25, 75)


def test_pulled_down_by_lists_low_answers_with_points_lost() -> None:
    # beta: b1 = 1 (0 points, w1), b2 = 2 (25 points, w3); weights 4
    # b1 lost 1*100/4 = 25; b2 lost 3*75/4 = 56.25 -> 56; listed biggest loss first
    r = score(mini(), answers({"b1": 1, "b2": 2}), "en")
    pulls = r.dimensions[1].pulled_down_by
    assert [(p.question, p.option, p.points, p.lost) for p in pulls] == [
        ("b2", 2, 25, 56),
        ("b1", 1, 0, 25),
    ]
    assert pulls[0].prompt == "Question b2?"


def test_nothing_answered_has_no_score_and_zero_completeness() -> None:
    r = score(mini(), answers({"a1": "dont-know"}), "de")
    assert r.overall is None
    assert all(d.score is None for d in r.dimensions)
    assert r.completeness == 0
    assert r.stage == "dead-end"
    assert r.stage_name == "dead-end"
    assert r.next_stage_lifts == []


def test_quick_scope_scores_only_quick_questions() -> None:
    # quick: a1, b1, g1. a2 is answered but not part of the quick check.
    # alpha 75 (a1=4), beta 50 (b1=3), gamma 100 (g1=5): (75 + 50 + 200) / 4 = 81.25 -> 81
    # weakest beta 50 -> experimenting, cap learning-loop: stage capped from lived-attitude
    r = score(mini(), answers({"a1": 4, "a2": 1, "b1": 3, "g1": 5}, scope="quick"), "en")
    assert [d.score for d in r.dimensions] == [75, 50, 100]
    assert [d.questions for d in r.dimensions] == [1, 1, 1]
    assert r.overall == 81
    assert r.stage_by_score == "lived-attitude"
    assert (r.stage, r.limited_by) == ("learning-loop", "beta")
    assert r.completeness == 100


def test_next_stage_lift_by_hand() -> None:
    # Start: alpha 88, beta 38, gamma 25 -> overall 44, "experimenting".
    # "learning-loop" needs overall >= 60 and every dimension >= 40 (weakest link plus one).
    # No single change does both: gamma and beta are each below 40.
    # Pairs with 2 option steps in all:
    #   b1 1->2 (beta (25 + 150) / 4 = 43.75 -> 44) + g1 2->3 (gamma 50): (88 + 44 + 100) / 4 = 58: no
    #   b2 3->4 (beta (0 + 225) / 4 = 56.25 -> 56) + g1 2->3 (gamma 50): (88 + 56 + 100) / 4 = 61: yes
    # After b2 alone: (88 + 56 + 50) / 4 = 48.5 -> 49, still "experimenting".
    r = score(
        mini(),
        answers({"a1": 5, "a2": 4, "b1": 1, "b2": 3, "g1": 2, "g2": "dont-know", "g3": "n/a"}),
        "en",
    )
    assert r.next_stage == "learning-loop"
    lifts = [
        (x.question, x.from_option, x.to_option, x.overall_after, x.stage_after)
        for x in r.next_stage_lifts
    ]
    assert lifts == [("b2", 3, 4, 49, "experimenting"), ("g1", 2, 3, 61, "learning-loop")]
    assert r.next_stage_reached is True


def test_lift_prefers_fewest_steps_then_smaller_single_steps_then_higher_score() -> None:
    # Everything at option 1: every dimension 0, overall 0, "dead-end". "first-steps" needs an
    # overall of 20, i.e. alpha + beta + 2 * gamma >= 78 (19.5 rounds up).
    # Per option step: b2 adds 75/4 = 18.75 to beta, a g-question 25/3 to gamma (counted twice),
    # an a-question 12.5 to alpha, b1 6.25 to beta. No single change reaches 78 (best: b2 to 5 = 75).
    # Four steps in two changes reach at most 72 (b2 +3 -> 56, g1 +1 -> 8 * 2; or b2 +2 -> 38, g +2 -> 17 * 2).
    # Five steps: b2 +3 (56) & g1 +2 (17 * 2): 90 -> 22.5 -> 23; b2 +4 (75) & g1 +1 (8 * 2): 91 -> 23;
    # b2 +2 (38) & g1 +3 (25 * 2): 88 -> 22. Largest single step 3 beats 4; overall 23 beats 22.
    # After b2 alone (1 -> 4): beta 56, overall 14.
    r = score(mini(), answers(dict.fromkeys(["a1", "a2", "b1", "b2", "g1", "g2", "g3"], 1)), "en")
    assert (r.overall, r.stage) == (0, "dead-end")
    lifts = [(x.question, x.from_option, x.to_option, x.overall_after) for x in r.next_stage_lifts]
    assert lifts == [("b2", 1, 4, 14), ("g1", 1, 3, 23)]
    assert r.next_stage_reached is True


def test_when_no_two_changes_reach_the_next_stage_the_closest_pair_is_given() -> None:
    # The bundled full check with all 40 answers at option 1: overall 0. Two changes lift at
    # most one dimension to 50 (two of its four questions to option 5) or two dimensions to 25:
    # either way the ten-dimension mean is 50 / 10 = 5, far from the 20 of "first-steps".
    # Ties go to the earliest questions: the first two of strategy-first.
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    first = [q.id for _, q in a.questions("full")]
    ans = answers(dict.fromkeys(first, 1), assessment=a.id)
    r = score(a, ans, "en")
    assert (r.overall, r.next_stage, r.next_stage_reached) == (0, "first-steps", False)
    # after the first change strategy-first is 25, overall 2.5 -> 3; after both 50 -> 5
    assert [
        (x.question, x.from_option, x.to_option, x.overall_after) for x in r.next_stage_lifts
    ] == [
        (first[0], 1, 5, 3),
        (first[1], 1, 5, 5),
    ]


def test_single_smallest_change_that_reaches_the_next_stage() -> None:
    # alpha 75, beta 75 (b1 4, b2 4), gamma g1..g3 = 4 -> 75: overall 75, "learning-loop".
    # To reach 80 ("lived-attitude"): g1 4 -> 5 gives gamma (100+75+75)/3 = 83.3 -> 83,
    # overall (75 + 75 + 166) / 4 = 79 -> no. Raising b2 to 5: beta (75+300)/4 = 93.75 -> 94,
    # overall (75 + 94 + 150) / 4 = 79.75 -> 80 -> reached with a one-step change.
    values = {"a1": 4, "a2": 4, "b1": 4, "b2": 4, "g1": 4, "g2": 4, "g3": 4}
    r = score(mini(), answers(values), "en")
    assert (r.overall, r.stage) == (75, "learning-loop")
    assert [(x.question, x.to_option, x.overall_after) for x in r.next_stage_lifts] == [
        ("b2", 5, 80)
    ]
    assert r.next_stage_reached is True


def test_top_stage_has_no_lift() -> None:
    r = score(mini(), answers(dict.fromkeys(["a1", "a2", "b1", "b2", "g1", "g2", "g3"], 5)), "en")
    assert (r.overall, r.stage, r.next_stage, r.next_stage_lifts) == (
        100,
        "lived-attitude",
        None,
        [],
    )


def test_fast_lift_evaluator_agrees_with_the_scoring_rule() -> None:
    # The lift search recomputes scores in integers; it must match scoring.standing exactly,
    # including weights that are not whole numbers (mini's beta weights 1 and 3, gamma 2).
    import random

    from smcheck.core.lift import Change, Evaluator
    from smcheck.core.scoring import standing

    a = mini()
    rng = random.Random(7)
    ids = [q.id for _, q in a.questions("full")]
    for _ in range(300):
        values: dict[str, int | str] = {
            q: rng.choice([1, 2, 3, 4, 5, "dont-know", "n/a", ""]) for q in ids
        }
        ev = Evaluator(a, values, "full")
        ref = standing(a, values, "full")
        assert ev.standing() == (ref.overall, ref.stage)
        for change in rng.sample(ev.changes, min(3, len(ev.changes))):
            assert isinstance(change, Change)
            after = standing(a, {**values, change.question: change.to_option}, "full")
            assert ev.standing((change,)) == (after.overall, after.stage)


def _brute_force_lift(a, values, scope):  # type: ignore[no-untyped-def]
    """The rule of smcheck.core.lift, searched naively over every single change and every pair."""
    from itertools import combinations

    from smcheck.core.lift import Evaluator

    ev = Evaluator(a, values, scope)
    stage = ev.standing()[1]
    if stage >= len(a.stages) - 1:
        return [], False
    singles = [((c,), ev.standing((c,))) for c in ev.changes]
    pairs = [
        ((c1, c2), ev.standing((c1, c2)))
        for c1, c2 in combinations(ev.changes, 2)
        if c1.question != c2.question
    ]
    for group in (singles, pairs):
        reaching = [(cs, st) for cs, st in group if st[1] > stage]
        if reaching:
            best = min(
                reaching,
                key=lambda it: (
                    sum(c.steps for c in it[0]),
                    max(c.steps for c in it[0]),
                    -(it[1][0] or 0),
                    [c.order for c in it[0]],
                ),
            )
            return [(c.question, c.to_option) for c in best[0]], True
    pool = pairs or singles
    if not pool:
        return [], False
    best = max(
        pool,
        key=lambda it: (
            it[1][1],
            it[1][0] or 0,
            -sum(c.steps for c in it[0]),
            [-c.order for c in it[0]],
        ),
    )
    return [(c.question, c.to_option) for c in best[0]], False


def test_the_fast_lift_search_finds_what_a_naive_search_finds() -> None:
    # smcheck.core.lift prunes interchangeable changes and scores in a few steps; over many random
    # answer sets (both scopes, weighted dimensions) it must pick exactly what trying every
    # single change and every pair picks.
    import random

    from smcheck.core.lift import smallest_lift
    from smcheck.files.catalog import find_assessment

    rng = random.Random(11)
    for a in (mini(), find_assessment("social-media-readiness")):
        for scope in ("full", "quick"):
            ids = [q.id for _, q in a.questions(scope)]
            for _ in range(40 if len(ids) < 20 else 12):
                values: dict[str, int | str] = {
                    q: rng.choice([1, 1, 2, 2, 3, 4, 5, "dont-know", "n/a", ""]) for q in ids
                }
                steps, reached = smallest_lift(a, values, scope)  # type: ignore[arg-type]
                assert (
                    [(c.question, c.to_option) for c, _, _ in steps],
                    reached,
                ) == _brute_force_lift(a, values, scope)
