"""Progress over iterations, worked out by hand on the mini assessment (tests/fixtures/mini.toml).

Previous iteration: answered 2026-11-25, objective awareness, baseline reach 1200.
    alpha: a1 5 (100), a2 4 (75)              -> 87.5 -> 88
    beta:  b1 1 (0, w1), b2 3 (50, w3)         -> 150 / 4 = 37.5 -> 38
    gamma: g1 2 (25), g2 don't know, g3 n/a    -> 25
    overall (88 + 38 + 25*2) / 4 = 44 -> "experimenting"
    previous plan's goals: reach 1200 -> 1440 (+20 %, suggested; the leading KPI of awareness --
    its second KPI, reply-time, is measured but not a goal), enable-gamma, enable-beta (the
    dimensions below 60, lowest first)
Current answers: completed 2027-01-11 (the next assessment day of that plan).
    alpha: a1 5 (100), a2 3 (50)              -> 75       (-13)
    beta:  b1 3 (50, w1), b2 4 (75, w3)        -> 275 / 4 = 68.75 -> 69   (+31)
    gamma: g1 3 (50), g2 4 (75), g3 n/a        -> 62.5 -> 63   (+38)
    overall (75 + 69 + 63*2) / 4 = 67.5 -> 68 (+24) -> "learning-loop"
"""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest

from helpers import answers, mini
from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import Answers, GoalEdit
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan
from smcheck.core.progress import progress
from smcheck.core.scoring import score
from smcheck.files.export import to_json, to_toml

PREVIOUS = {"a1": 5, "a2": 4, "b1": 1, "b2": 3, "g1": 2, "g2": "dont-know", "g3": "n/a"}
CURRENT = {"a1": 5, "a2": 3, "b1": 3, "b2": 4, "g1": 3, "g2": 4, "g3": "n/a"}
ACTUALS = {"reach": 1500.0, "reply-time": 5.0}


def reply_time_first() -> Assessment:
    """mini with awareness led by reply-time (hours, -30 %): a decreasing goal to judge."""
    a = mini()
    awareness = a.objective("awareness")
    led = awareness.model_copy(update={"kpis": list(reversed(awareness.kpis))})
    return a.model_copy(
        update={"objectives": [led if o.id == "awareness" else o for o in a.objectives]}
    )


def previous_answers(baselines: dict[str, float] | None = None) -> Answers:
    return answers(
        PREVIOUS,
        objectives=["awareness"],
        baselines={"reach": 1200} if baselines is None else baselines,
        completed=date(2026, 11, 25),
    )


def current_answers(
    actuals: dict[str, float] | None = None, completed: date | None = date(2027, 1, 11)
) -> Answers:
    base = answers(CURRENT, objectives=["awareness"], completed=completed)
    return base.model_copy(update={"actuals": ACTUALS if actuals is None else actuals})


def test_scores_and_stages_then_and_now() -> None:
    sp = progress(mini(), previous_answers(), current_answers(), "en")
    assert (sp.previous_completed, sp.current_completed) == (date(2026, 11, 25), date(2027, 1, 11))
    assert (sp.previous_overall, sp.previous_stage) == (44, "experimenting")
    assert (sp.current_overall, sp.current_stage, sp.overall_delta) == (68, "learning-loop", 24)
    assert [(d.id, d.previous, d.current, d.delta) for d in sp.dimensions] == [
        ("alpha", 88, 75, -13),
        ("beta", 38, 69, 31),
        ("gamma", 25, 63, 38),
    ]


def test_every_goal_of_the_previous_plan_is_judged() -> None:
    goals = {g.id: g for g in progress(mini(), previous_answers(), current_answers(), "en").goals}
    # one outcome goal per objective (reply-time was measured, 5 h, but was no goal), then the
    # enabler goals
    assert list(goals) == ["reach", "enable-gamma", "enable-beta"]
    reach = goals["reach"]
    # target 1200 * 1.2 = 1440; 1500 >= 1440 -> reached;
    # progress (1500 - 1200) / (1440 - 1200) = 300 / 240 = 1.25 -> 125 %
    assert (reach.baseline, reach.target, reach.actual) == (1200, 1440, 1500)
    assert (reach.status, reach.progress_pct) == ("reached", 125)
    assert reach.title == "Reach per week: 1,200 → 1,440 (suggested)"
    # enabler goals have no numeric target
    for gid in ("enable-gamma", "enable-beta"):
        assert (goals[gid].kind, goals[gid].status, goals[gid].progress_pct) == (
            "enabler",
            "no-target",
            None,
        )


def test_an_outcome_goal_without_a_baseline_has_no_numeric_target_to_judge() -> None:
    # reach had no baseline, so no numeric target: 1500 cannot be judged
    goals = progress(mini(), previous_answers({}), current_answers(), "en").goals
    reach = {g.id: g for g in goals}["reach"]
    assert (reach.baseline, reach.target, reach.actual) == (None, None, 1500)
    assert (reach.status, reach.progress_pct) == ("no-target", None)


@pytest.mark.parametrize(
    ("actual", "status", "pct"),
    [
        (1440, "reached", 100),  # exactly the target
        (1300, "not-reached", 42),  # 100 / 240 = 41.67 -> 42
        (1230, "not-reached", 13),  # 30 / 240 = 12.5 -> 13 (half up)
        (1200, "not-reached", 0),  # no change
        (1080, "not-reached", -50),  # moved away: -120 / 240
    ],
)
def test_progress_share_of_the_way_to_the_target(actual: float, status: str, pct: int) -> None:
    sp = progress(mini(), previous_answers(), current_answers({"reach": actual}), "en")
    reach = sp.goals[0]
    assert (reach.status, reach.progress_pct) == (status, pct)


def test_decrease_goals_are_reached_at_or_below_the_target() -> None:
    # awareness led by reply-time: baseline 8 h, -30 % -> 5.6 h. 5 <= 5.6 -> reached;
    # progress (5 - 8) / (5.6 - 8) = -3 / -2.4 = 1.25 -> 125 %
    a = reply_time_first()
    prev = previous_answers({"reach": 1200, "reply-time": 8})
    goals = {g.id: g for g in progress(a, prev, current_answers(), "en").goals}
    assert "reach" not in goals  # now the second KPI: measured, not a goal
    reply = goals["reply-time"]
    assert (reply.target, reply.status, reply.progress_pct) == (5.6, "reached", 125)
    # 6 h: (6 - 8) / -2.4 = 0.8333 -> 83 %, above the target -> not reached
    later = progress(a, prev, current_answers({"reply-time": 6}), "en")
    reply = {g.id: g for g in later.goals}["reply-time"]
    assert (reply.status, reply.progress_pct) == ("not-reached", 83)


def test_missing_actual_and_edited_target_without_baseline() -> None:
    # awareness led by reply-time: edited target 4 h but no baseline -> judged, no share of the
    # way. 5 h > 4 h with direction decrease -> not reached. Without an actual: no-actual.
    a = reply_time_first()
    prev = previous_answers({}).model_copy(update={"goals": {"reply-time": GoalEdit(target=4)}})
    judged = progress(a, prev, current_answers({"reply-time": 5}), "en").goals
    reply = {g.id: g for g in judged}["reply-time"]
    assert (reply.target, reply.status, reply.progress_pct) == (4, "not-reached", None)
    unmeasured = progress(a, prev, current_answers({"reach": 1500}), "en").goals
    reply = {g.id: g for g in unmeasured}["reply-time"]
    assert (reply.status, reply.actual, reply.progress_pct) == ("no-actual", None, None)


def test_dimension_without_a_score_has_no_delta() -> None:
    # now gamma has no option answered: no score, no delta; overall (75 + 69) / 2 = 72
    cur = current_answers().model_copy(
        update={"answers": answers({**CURRENT, "g1": "dont-know", "g2": "n/a"}).answers}
    )
    sp = progress(mini(), previous_answers(), cur, "en")
    gamma = sp.dimensions[2]
    assert (gamma.previous, gamma.current, gamma.delta) == (25, None, None)
    assert (sp.current_overall, sp.overall_delta) == (72, 28)


def test_texts_follow_the_language() -> None:
    sp = progress(mini(), previous_answers(), current_answers(), "de")
    assert sp.goals[0].title == "Reichweite pro Woche: 1.200 → 1.440 (Vorschlag)"


def test_answers_to_another_assessment_or_version_are_refused() -> None:
    other = answers(PREVIOUS, assessment="other", completed=date(2026, 11, 25))
    with pytest.raises(SmcheckError, match=r"other 1\.0, not mini 1\.0"):
        progress(mini(), other, current_answers(), "en")
    newer = previous_answers().model_copy(update={"assessment_version": "2.0"})
    with pytest.raises(SmcheckError, match=r"mini 2\.0, not mini 1\.0"):
        progress(mini(), newer, current_answers(), "en")


@pytest.mark.parametrize(
    "previous_day", [None, date(2027, 1, 11), date(2027, 1, 12)], ids=["missing", "same", "later"]
)
def test_previous_must_be_completed_before_the_current_answers(previous_day: date | None) -> None:
    prev = previous_answers().model_copy(update={"completed": previous_day})
    with pytest.raises(SmcheckError, match="previous answers"):
        progress(mini(), prev, current_answers(), "en")


def test_current_answers_without_a_date_are_dated_today_or_refused() -> None:
    cur = current_answers(completed=None)
    with pytest.raises(SmcheckError, match="no completed date"):
        progress(mini(), previous_answers(), cur, "en")
    sp = progress(mini(), previous_answers(), cur, "en", today=date(2027, 1, 12))
    assert sp.current_completed == date(2027, 1, 12)


def _plan_with_start_point() -> Plan:
    a = mini()
    cur = current_answers()
    sp = progress(a, previous_answers(), cur, "en")
    return make_plan(a, cur, score(a, cur, "en"), lang="en", start_point=sp)


def test_plan_carries_the_start_point() -> None:
    plan = _plan_with_start_point()
    assert plan.start_point is not None
    assert plan.start_point.current_stage == plan.result.stage
    # without one, the plan has none and the exports leave it out
    a, cur = mini(), current_answers()
    plain = make_plan(a, cur, score(a, cur, "en"), lang="en")
    assert plain.start_point is None
    assert "start_point" not in to_toml(plain) and "start_point" not in to_json(plain)


def test_plan_with_start_point_reads_back_from_toml_and_json() -> None:
    plan = _plan_with_start_point()
    assert Plan.model_validate(tomllib.loads(to_toml(plan))) == plan
    assert Plan.model_validate(json.loads(to_json(plan))) == plan
