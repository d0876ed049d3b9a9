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
    # neither capped nor forced: the stage by the score, with its description and no reason
    assert (r.stage_rule, r.stage_description, r.stage_reason) == ("score", "experimenting", None)
    assert [d.name for d in r.dimensions] == ["Alpha", "Beta", "Gamma"]
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
    # a capped stage says why, naming the dimension by its name, and gives no stage description
    # (which would describe a stage the answers do not support)
    assert r.stage_rule == "capped"
    assert r.stage_description is None
    assert r.stage_reason == (
        "Gamma at 0 points holds the stage at “first-steps”: no stage is more than one above the "
        "weakest dimension (the average of 50 alone would give “experimenting”)."
    )


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


def test_nothing_answered_has_no_score_no_stage_and_zero_completeness() -> None:
    # 0 of 7 answered: no score, and below 60 % completeness no stage at all (not "dead-end")
    r = score(mini(), answers({"a1": "dont-know"}), "de")
    assert r.overall is None
    assert all(d.score is None for d in r.dimensions)
    assert r.completeness == 0
    assert (r.stage, r.stage_name, r.stage_description) == (None, None, None)
    assert r.stage_rule == "too-little-known"
    assert r.stage_reason is not None and r.stage_reason.startswith("7 von 7 Antworten fehlen")
    assert r.next_stage is None
    assert r.next_stage_lifts == []


def test_below_60_percent_answered_there_is_no_stage() -> None:
    # 4 of 7 answered = 57 %: scores exist (alpha 100, beta (75 + 3 * 75) / 4 = 75,
    # overall (100 + 75) / 2 = 87.5 -> 88), but no stage and so nothing to lift to
    r = score(mini(), answers({"a1": 5, "a2": 5, "b1": 4, "b2": 4}), "en")
    assert (r.completeness, r.missing, r.overall) == (57, 3, 88)
    assert (r.stage, r.stage_name, r.stage_by_score, r.stage_rule) == (
        None,
        None,
        None,
        "too-little-known",
    )
    assert r.stage_reason == (
        "3 of 7 answers are still missing. Below 60 % answered questions smcheck names no "
        "stage: collect the missing answers from the people who know."
    )
    assert (r.next_stage, r.next_stage_lifts) == (None, [])
    # one answer more: 5 of 7 = 71 %, and there is a stage again
    # (overall (100 + 75 + 2 * 0) / 4 = 43.75 -> 44; gamma 0 is dead-end: capped at first-steps)
    more = score(mini(), answers({"a1": 5, "a2": 5, "b1": 4, "b2": 4, "g1": 1}), "en")
    assert (more.completeness, more.overall, more.stage) == (71, 44, "first-steps")


def test_a_result_without_a_stage_never_says_nothing_is_missing() -> None:
    # a1 and b1 answered 5, the other five "not applicable": 2 of 7 with an option (29 %).
    # Whichever way "not applicable" is counted, the result must agree with itself: either it
    # names a stage, or it names how many answers are missing -- never "0 of 7 are missing"
    # together with "too little known".
    values: dict[str, int | str] = {"a1": 5, "b1": 5}
    values |= dict.fromkeys(["a2", "b2", "g1", "g2", "g3"], "n/a")
    r = score(mini(), answers(values), "en")
    assert r.stage is None and r.missing == 0  # nothing to collect: the rest does not apply
    assert r.stage_reason is not None and not r.stage_reason.startswith("0 of")
    assert "not applicable" in r.stage_reason


def test_a_single_answer_never_gives_0_points_dead_end() -> None:
    # One "not at all" in the bundled check: overall 0, but 1 of 37 (full) or 1 of 10 (quick)
    # answered is far below 60 %: no stage, so never "0/100 Dead end".
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    for scope, total in (("full", 37), ("quick", 10)):
        r = score(a, answers({"sf-planning-state": 1}, scope=scope, assessment=a.id), "en")
        assert (r.overall, r.missing) == (0, total - 1)
        assert (r.stage, r.stage_name, r.stage_rule) == (None, None, "too-little-known")
        assert r.stage_reason is not None and "Dead end" not in r.stage_reason
        assert r.stage_reason.startswith(f"{total - 1} of {total} answers are still missing")


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
    # the options by their labels (mini's scale: a..e), the next stage by name, both together
    assert [(x.from_label, x.to_label) for x in r.next_stage_lifts] == [("c", "d"), ("b", "c")]
    assert (r.next_stage_name, r.next_stage_overall, r.next_stage_held_by) == (
        "learning-loop",
        61,
        [],
    )


def test_lift_prefers_fewest_steps_then_the_higher_score_then_earlier_questions() -> None:
    # a1 1 (0), a2 2 (25): alpha 12.5 -> 13; b1 4 (75, w1), b2 1 (0, w3): beta 75 / 4 = 18.75 -> 19;
    # g1 4, g2 5, g3 1: gamma 175 / 3 = 58.3 -> 58. Overall (13 + 19 + 2 * 58) / 4 = 37 ->
    # "first-steps" (the cap by alpha 13, dead-end, is first-steps too).
    # "experimenting" needs overall >= 40 (sum >= 158) and alpha and beta both >= 20: no single
    # change raises both. Two changes of one option step each (2 steps, the fewest):
    #   a1 1->2 or a2 2->3: alpha 50 / 2 = 25 (the same effect);
    #   b1 4->5: beta 100 / 4 = 25 -> (25 + 25 + 116) / 4 = 41.5 -> 42: reaches;
    #   b2 1->2: beta (75 + 75) / 4 = 37.5 -> 38 -> (25 + 38 + 116) / 4 = 44.75 -> 45: reaches.
    # Same steps: the higher score wins (b2 over the earlier b1); a1 and a2 tie: the earlier a1.
    # After a1 alone: (25 + 19 + 116) / 4 = 40, but beta 19 is dead-end: still "first-steps".
    values: dict[str, int | str] = {"a1": 1, "a2": 2, "b1": 4, "b2": 1, "g1": 4, "g2": 5, "g3": 1}
    r = score(mini(), answers(values), "en")
    assert (r.overall, r.stage, r.limited_by) == (37, "first-steps", None)
    lifts = [
        (x.question, x.from_option, x.to_option, x.overall_after, x.stage_after)
        for x in r.next_stage_lifts
    ]
    assert lifts == [("a1", 1, 2, 40, "first-steps"), ("b2", 1, 2, 45, "experimenting")]
    assert (r.next_stage_reached, r.next_stage_overall) == (True, 45)


def test_two_changes_of_one_option_beat_one_change_of_two_options() -> None:
    # alpha 100 (a1 = a2 = 5), beta 100 (b1 = b2 = 5), gamma g1 = g2 = g3 = 2: 25.
    # Overall (100 + 100 + 2 * 25) / 4 = 62.5 -> 63, "learning-loop" by score; gamma 25
    # (first-steps) caps at "experimenting". "learning-loop" needs gamma >= 40:
    #   g1 2->3 alone: (50 + 25 + 25) / 3 = 33.3 -> 33: not enough;
    #   g1 2->4 alone: (75 + 25 + 25) / 3 = 41.7 -> 42: reaches with two option steps;
    #   g1 2->3 and g2 2->3: (50 + 50 + 25) / 3 = 41.7 -> 42: reaches with two steps as well,
    #   each only one option: the smaller single steps win (same overall (200 + 84) / 4 = 71).
    # After g1 alone: gamma 33, overall (200 + 66) / 4 = 66.5 -> 67, still capped: experimenting.
    values: dict[str, int | str] = {"a1": 5, "a2": 5, "b1": 5, "b2": 5, "g1": 2, "g2": 2, "g3": 2}
    r = score(mini(), answers(values), "en")
    assert (r.overall, r.stage, r.limited_by) == (63, "experimenting", "gamma")
    lifts = [
        (x.question, x.from_option, x.to_option, x.overall_after, x.stage_after)
        for x in r.next_stage_lifts
    ]
    assert lifts == [("g1", 2, 3, 67, "experimenting"), ("g2", 2, 3, 71, "learning-loop")]
    assert (r.next_stage_reached, r.next_stage_overall) == (True, 71)


def test_when_no_two_changes_reach_the_next_stage_the_closest_pair_is_given() -> None:
    # Everything at option 1: every dimension 0, overall 0, "dead-end" (mini has no trap).
    # "first-steps" needs alpha + beta + 2 * gamma >= 78 (19.5 rounds up). An answer is raised
    # by at most two options (50 points): one change gives at most b2 1->3, beta 150 / 4 = 37.5
    # -> 38 (b2 1->5 alone, 75, is no longer offered).
    # Two changes: b2 1->3 (38) and a g-question 1->3 (gamma 50 / 3 = 16.7 -> 17, counted twice):
    # 38 + 34 = 72 -> 18; two g-questions (100 / 3 = 33 -> 66), b1 and b2 (200 / 4 = 50), an
    # a-question and b2 (25 + 38 = 63) give less. No pair reaches it; the closest is given:
    # b2 1->3 and the earliest of g1, g2, g3. After b2 alone: 38 / 4 = 9.5 -> 10.
    # No dimension caps the stage (the weakest, alpha 0, allows first-steps): none is named.
    r = score(mini(), answers(dict.fromkeys(["a1", "a2", "b1", "b2", "g1", "g2", "g3"], 1)), "en")
    assert (r.overall, r.stage, r.next_stage) == (0, "dead-end", "first-steps")
    lifts = [(x.question, x.from_option, x.to_option, x.overall_after) for x in r.next_stage_lifts]
    assert lifts == [("b2", 1, 3, 10), ("g1", 1, 3, 18)]
    # only the average is too low: no dimension is named, the result says the score must rise
    assert (r.next_stage_reached, r.next_stage_overall, r.next_stage_held_by) == (False, 18, [])


def test_when_no_two_changes_reach_the_next_stage_the_holding_dimension_is_named() -> None:
    # The bundled full check: hierarchy (4 questions) and staff-attitude (4 questions) all at
    # option 1 (0), every other answer 5 (100); no trap (the planning question is answered 5).
    # Overall (0 + 0 + 8 * 100) / 10 = 80 -> "lived-attitude" by score, capped by the weakest
    # dimension, hierarchy 0 (dead-end; the first of the two), at "first-steps".
    # "experimenting" needs both at 20 or more: one change of two options gives a 4-question
    # dimension 50 / 4 = 12.5 -> 13; two changes in one dimension leave the other at 0. No pair
    # reaches it. The closest pair: the highest overall is 83 (25 + 0 or 13 + 13 over 800:
    # 82.5 or 82.6 -> 83; three steps give at most 19 + 0 or 13 + 6 -> 82), the fewest steps 4,
    # then the earliest questions: hi-team-and-boss and hi-approval-path, both 1 -> 3.
    # After them hierarchy is 25, and staff-attitude at 0 still holds the stage.
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    values: dict[str, int | str] = {}
    for d, q in a.questions("full"):
        values[q.id] = 1 if d.id in ("hierarchy", "staff-attitude") else 5
    r = score(a, answers(values, assessment=a.id), "en")
    assert (r.overall, r.stage_by_score, r.stage, r.limited_by) == (
        80,
        "lived-attitude",
        "first-steps",
        "hierarchy",
    )
    assert r.stage_reason is not None and r.stage_reason.startswith("Hierarchy at 0 points")
    lifts = [(x.question, x.from_option, x.to_option, x.overall_after) for x in r.next_stage_lifts]
    # after the first alone: hierarchy 50 / 4 = 12.5 -> 13, overall 813 / 10 = 81.3 -> 81
    assert lifts == [("hi-team-and-boss", 1, 3, 81), ("hi-approval-path", 1, 3, 83)]
    assert (r.next_stage_reached, r.next_stage_overall, r.next_stage_held_by) == (
        False,
        83,
        ["staff-attitude"],  # hierarchy at 25 (first steps) would allow experimenting
    )
    assert (r.next_stage, r.next_stage_name) == ("experimenting", "Experimenting with a goal")


def _bundled_trap_values(scope: str, planning: int, approval: int) -> dict[str, int | str]:
    """Every answer of ``scope`` at 5 except the two trap questions."""
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    values: dict[str, int | str] = {q.id: 5 for _, q in a.questions(scope)}  # type: ignore[arg-type]
    values |= {"sf-planning-state": planning, "hi-approval-path": approval}
    return values


def test_the_dead_end_trap_forces_the_stage_in_the_quick_check_whatever_the_average() -> None:
    # Quick check (one question per dimension): planning 2 (25), approval 1 (0), the other
    # eight 5 (100). Overall (25 + 0 + 800) / 10 = 82.5 -> 83, "lived-attitude" by score; the
    # weakest-link rule alone would give first-steps (hierarchy 0). Both trap questions are in
    # their lowest two options: the dead end, whatever the average.
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    r = score(a, answers(_bundled_trap_values("quick", 2, 1), scope="quick", assessment=a.id), "en")
    assert (r.completeness, r.overall, r.stage_by_score) == (100, 83, "lived-attitude")
    assert (r.stage, r.stage_name, r.stage_rule, r.limited_by) == (
        "dead-end",
        "Dead end",
        "trap",
        None,
    )
    assert r.stage_description is None
    assert r.stage_reason == (
        "Planning at length without publishing, with every post sent through an approval "
        "marathon, is the dead end, whatever the average says."
    )
    # one trap answer in the middle (3) and the trap does not hold: the weakest link caps instead
    free = score(
        a, answers(_bundled_trap_values("quick", 3, 1), scope="quick", assessment=a.id), "en"
    )
    assert (free.stage, free.stage_rule, free.limited_by) == ("first-steps", "capped", "hierarchy")


def test_the_dead_end_trap_forces_the_stage_in_the_full_check_and_the_way_out_is_its_question() -> (
    None
):
    # Full check: planning 1, approval 2, every other answer 5.
    # strategy-first (0 + 100 + 100) / 3 = 66.7 -> 67; hierarchy (100 + 25 + 100 + 100) / 4
    # = 81.25 -> 81; the other eight 100: overall (67 + 81 + 800) / 10 = 94.8 -> 95,
    # "lived-attitude" by score and no cap (weakest 67 allows it) -- but the trap holds: dead end.
    # The way out is a trap question: approval 2 -> 3 is one step (planning would need two to
    # leave the lowest two options). After it: hierarchy (100 + 50 + 200) / 4 = 87.5 -> 88,
    # overall (67 + 88 + 800) / 10 = 95.5 -> 96, and the stage is lived-attitude at once.
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    r = score(a, answers(_bundled_trap_values("full", 1, 2), assessment=a.id), "en")
    assert (r.completeness, r.overall, r.stage_by_score) == (100, 95, "lived-attitude")
    assert (r.stage, r.stage_rule, r.stage_description) == ("dead-end", "trap", None)
    assert r.next_stage == "first-steps"
    lifts = [
        (x.question, x.from_option, x.to_option, x.overall_after, x.stage_after)
        for x in r.next_stage_lifts
    ]
    assert lifts == [("hi-approval-path", 2, 3, 96, "lived-attitude")]
    assert r.next_stage_reached is True


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
    # including weights that are not whole numbers (mini's beta weights 1 and 3, gamma 2) and
    # the dead-end trap of the bundled questionnaire (its answers drawn mostly low, so that the
    # trap holds often).
    import random

    from smcheck.core.lift import Change, Evaluator
    from smcheck.core.scoring import standing
    from smcheck.files.catalog import find_assessment

    rng = random.Random(7)
    for a, rounds, options in (
        (mini(), 300, [1, 2, 3, 4, 5, "dont-know", "n/a", ""]),
        (find_assessment("social-media-readiness"), 100, [1, 1, 2, 2, 3, 4, 5, "dont-know"]),
    ):
        for scope in ("full", "quick"):
            ids = [q.id for _, q in a.questions(scope)]
            for _ in range(rounds):
                values: dict[str, int | str] = {q: rng.choice(options) for q in ids}
                ev = Evaluator(a, values, scope)  # type: ignore[arg-type]
                ref = standing(a, values, scope)  # type: ignore[arg-type]
                assert ev.standing() == (ref.overall, ref.stage)
                for change in rng.sample(ev.changes, min(3, len(ev.changes))):
                    assert isinstance(change, Change)
                    changed = {**values, change.question: change.to_option}
                    after = standing(a, changed, scope)  # type: ignore[arg-type]
                    assert ev.standing((change,)) == (after.overall, after.stage)


def _brute_force_lift(a, values, scope):  # type: ignore[no-untyped-def]
    """The rule of smcheck.core.lift, searched naively: every answer raised by one or two options
    (the changes made here, not taken from the search); of every single change and every pair of
    two questions that reach the next stage, the fewest option steps, then the smaller largest
    step, the higher overall score, the earlier questions. When none reaches it, the closest pair
    and what still holds the stage: the trap's lowest question's dimension, or every dimension
    too weak for the next stage by the weakest-link rule, weakest first."""
    from itertools import combinations

    from smcheck.core.lift import Change, Evaluator
    from smcheck.core.scoring import standing

    ev = Evaluator(a, values, scope)
    stage = ev.standing()[1]
    if stage >= len(a.stages) - 1:
        return [], False, []
    changes = []
    order = 0
    for i, d in enumerate(a.dimensions):
        for q in d.questions:
            if scope == "quick" and not q.quick:
                continue
            v = values.get(q.id)
            if isinstance(v, int):
                top = len(a.scale(q.scale).points)
                changes += [Change(order, q.id, i, v, to) for to in (v + 1, v + 2) if to <= top]
            order += 1
    singles = [((c,), ev.standing((c,))) for c in changes]
    pairs = [
        ((c1, c2), ev.standing((c1, c2)))
        for c1, c2 in combinations(changes, 2)
        if c1.question != c2.question
    ]
    reaching = [(cs, st) for cs, st in singles + pairs if st[1] > stage]
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
        return [(c.question, c.to_option) for c in best[0]], True, []
    pool = pairs or singles
    if not pool:
        return [], False, []
    best = max(
        pool,
        key=lambda it: (
            it[1][1],
            it[1][0] or 0,
            -sum(c.steps for c in it[0]),
            [-c.order for c in it[0]],
        ),
    )
    after = {**values, **{c.question: c.to_option for c in best[0]}}
    st = standing(a, after, scope)
    from smcheck.core.scoring import stage_index

    order_of = {d.id: i for i, d in enumerate(a.dimensions)}
    held = [
        did
        for score, _, did in sorted(
            (s, order_of[d], d) for d, s in st.scores.items() if s is not None
        )
        if stage_index(a, score) + 1 < stage + 1
    ]
    if st.trap:
        trap = a.stages[0].trap
        lowest = min(trap.questions, key=lambda q: (after[q], trap.questions.index(q)))
        held = [next(d.id for d, q in a.questions(scope) if q.id == lowest)]
    return [(c.question, c.to_option) for c in best[0]], False, held


def test_the_fast_lift_search_finds_what_a_naive_search_finds() -> None:
    # smcheck.core.lift prunes interchangeable changes and scores in a few steps; over many random
    # answer sets (both scopes, weighted dimensions, the bundled trap) it must pick exactly what
    # trying every single change and every pair picks, raise no answer by more than two options
    # and name the same dimension that holds the stage.
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
                steps, reached, held_by = smallest_lift(a, values, scope)  # type: ignore[arg-type]
                assert all(1 <= c.to_option - c.from_option <= 2 for c, _, _ in steps)
                assert (
                    [(c.question, c.to_option) for c, _, _ in steps],
                    reached,
                    held_by,
                ) == _brute_force_lift(a, values, scope)


OLD_ANSWERS = """
schema = "smcheck.answers/1"
assessment = "social-media-readiness"
assessment_version = "1.0"
scope = "full"

[organisation]
name = "Testfirma"

[answers.sf-planning-state]
value = 4

[answers.sf-approval-time]
value = 4
note = "Two days at least."

[answers.gl-approval-flow]
value = 2

[answers.hi-release-rule]
value = 3
note = "The boss signs every post."

[answers.go-company-link]
value = 5

[answers.cf-company-goals-link]
value = 3

[answers.xx-no-longer-asked]
value = 1
"""


def test_a_1_0_answers_file_takes_the_lower_of_merged_answers_and_says_so() -> None:
    # Questionnaire 1.1 merged sf-approval-time (4), gl-approval-flow (2) and hi-release-rule (3)
    # into hi-approval-path: the lowest, 2 from gl-approval-flow, is taken; go-company-link (5)
    # and cf-company-goals-link (3) became cf-company-goals-link: 3.
    import tomllib

    from smcheck.core.models.answers import Answers
    from smcheck.core.upgrade import upgrade
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    old = Answers.model_validate(tomllib.loads(OLD_ANSWERS))
    new, notices = upgrade(a, old)
    assert (new.assessment, new.assessment_version) == ("social-media-readiness", "1.1")
    values = {q: x.value for q, x in new.answers.items()}
    assert values == {"sf-planning-state": 4, "hi-approval-path": 2, "cf-company-goals-link": 3}
    # the notes of the merged questions are kept together
    assert new.answers["hi-approval-path"].note == (
        "Two days at least.\n\nThe boss signs every post."
    )
    # it says what it did: the conversion, each merge with the lower answer taken and where it
    # came from, and what was dropped
    assert any("1.0" in n and "1.1" in n for n in notices)
    merged = next(n for n in notices if "hi-approval-path" in n)
    assert "sf-approval-time" in merged and "hi-release-rule" in merged
    assert "lower answer" in merged and "option 2" in merged and "gl-approval-flow" in merged
    link = next(n for n in notices if "go-company-link" in n)
    assert "lower answer" in link and "option 3" in link
    assert any("xx-no-longer-asked" in n for n in notices)
    # the converted answers score with the lower answer: hierarchy has only hi-approval-path,
    # option 2 -> 25 points (the highest merged answer, 4, would have given 75)
    r = score(a, new, "en")
    assert {d.id: d.score for d in r.dimensions}["hierarchy"] == 25
    # answers to the current version are left as they are
    assert upgrade(a, new) == (new, [])
