"""Starter goals, the first-iteration plan and its exports."""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest

from helpers import answers, mini
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan, monday_after, scale_weeks
from smcheck.core.scoring import score
from smcheck.files.export import to_json, to_markdown, to_toml

VALUES = {"a1": 5, "a2": 4, "b1": 1, "b2": 3, "g1": 2, "g2": "dont-know", "g3": "n/a"}


def plan_for(values: dict[str, int | str] = VALUES, **kwargs: object) -> Plan:
    a = mini()
    ans = answers(values, objectives=["awareness"], baselines={"reach": 1200})
    return make_plan(a, ans, score(a, ans, "en"), lang="en", **kwargs)  # type: ignore[arg-type]


def test_monday_after_is_strictly_after() -> None:
    assert monday_after(date(2026, 11, 25)) == date(2026, 11, 30)  # Wednesday
    assert monday_after(date(2026, 11, 30)) == date(2026, 12, 7)  # a Monday -> the next one
    assert monday_after(date(2026, 12, 6)) == date(2026, 12, 7)  # Sunday


@pytest.mark.parametrize(
    ("weeks", "n", "expected"),
    [
        ((1, 1), 6, (1, 1)),
        ((2, 5), 6, (2, 5)),
        ((6, 6), 6, (6, 6)),
        ((2, 5), 12, (3, 10)),
        ((6, 6), 12, (11, 12)),
        ((2, 5), 4, (1, 4)),
        ((6, 6), 4, (4, 4)),
    ],
)
def test_week_ranges_scale_with_the_iteration(
    weeks: tuple[int, int], n: int, expected: tuple[int, int]
) -> None:
    # first' = 1 + (first-1)*n // 6, last' = ceil(last*n / 6)
    assert scale_weeks(weeks, n) == expected


def test_iteration_starts_monday_after_completion_and_ends_with_next_assessment() -> None:
    p = plan_for()
    assert p.iteration.start == date(2026, 11, 30)
    assert p.iteration.end == date(2027, 1, 8)  # Friday of week 6
    assert p.iteration.next_assessment == date(2027, 1, 11)  # Monday after: the new start point
    assert [ph.id for ph in p.iteration.phases] == [
        "start",
        "campaign",
        "feedback",
        "optimisation",
        "new-start",
    ]


def test_start_and_weeks_can_be_given() -> None:
    p = plan_for(start=date(2027, 1, 4), weeks=4)
    assert (p.iteration.start, p.iteration.end, p.iteration.next_assessment) == (
        date(2027, 1, 4),
        date(2027, 1, 29),
        date(2027, 2, 1),
    )
    assert all(1 <= t.weeks[0] <= t.weeks[1] <= 4 for t in p.tasks)


def test_weeks_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="4-12 weeks"):
        plan_for(weeks=13)


def test_outcome_goals_from_objectives_with_baseline_or_week_one() -> None:
    goals = {g.id: g for g in plan_for().goals}
    reach = goals["reach"]
    # baseline 1200, +20 % -> 1440
    assert (reach.kind, reach.baseline, reach.target, reach.target_change_pct) == (
        "outcome",
        1200,
        1440,
        20,
    )
    assert reach.title == "Reach per week: 1,200 → 1,440"
    assert (
        reach.serves == ["Grow"]
        and reach.due == date(2027, 1, 8)
        and reach.owner == "social-media-lead"
    )
    reply = goals["reply-time"]
    # no baseline: measured in week 1, target as a change against it (decrease)
    assert (reply.baseline, reply.target, reply.baseline_note) == (None, None, "measure in week 1")
    assert reply.title == "Reply time: −30 % against the baseline"


def test_enabler_goals_for_weakest_dimensions_lowest_first() -> None:
    # scores: alpha 88, beta 38, gamma 25 -> below 60: gamma, beta
    goals = [g.id for g in plan_for().goals if g.kind == "enabler"]
    assert goals == ["enable-gamma", "enable-beta"]


def test_tasks_follow_the_loop_and_serve_goals() -> None:
    p = plan_for()
    order = ["start", "campaign", "feedback", "optimisation", "new-start"]
    phases = [order.index(t.phase) for t in p.tasks]
    assert phases == sorted(phases)
    ids = [t.id for t in p.tasks]
    # dimension actions of the two enabler dimensions, the objective's action, the always actions
    assert set(ids) == {
        "gamma-start",
        "gamma-campaign",
        "gamma-optimise",
        "beta-start",
        "beta-campaign",
        "beta-optimise",
        "aw-post",
        "measure-baselines",
        "rerun",
    }
    assert "alpha-start" not in ids  # alpha is strong: no enabler tasks
    by_id = {t.id: t for t in p.tasks}
    assert by_id["gamma-start"].goals == ["enable-gamma"]
    assert by_id["aw-post"].goals == ["reach", "reply-time"]
    assert by_id["rerun"].phase == "new-start" and by_id["rerun"].start == date(2027, 1, 4)
    assert by_id["gamma-campaign"].weeks == (2, 4)
    assert (by_id["gamma-campaign"].start, by_id["gamma-campaign"].end) == (
        date(2026, 12, 7),
        date(2026, 12, 25),
    )


def test_same_answers_give_byte_identical_exports() -> None:
    first, second = plan_for(), plan_for()
    assert to_toml(first).encode() == to_toml(second).encode()
    assert to_json(first).encode() == to_json(second).encode()
    assert to_markdown(first).encode() == to_markdown(second).encode()


def test_toml_export_reads_back_into_an_equal_model() -> None:
    p = plan_for()
    data = tomllib.loads(to_toml(p))
    assert data["schema"] == "smcheck.plan/1"
    assert Plan.model_validate(data) == p


def test_json_export_has_the_same_structure_as_toml() -> None:
    p = plan_for()
    from_json = Plan.model_validate(json.loads(to_json(p)))
    assert from_json == p == Plan.model_validate(tomllib.loads(to_toml(p)))


def test_markdown_report_shows_stage_bars_goals_and_tasks() -> None:
    md = to_markdown(plan_for())
    assert md.startswith("# Social media readiness for Testfirma\n")
    assert "**Overall score: 44/100** · Stage: **experimenting** · Completeness: 71 %" in md
    assert "beta   ████████░░░░░░░░░░░░   38  (2/2 answered)" in md
    assert "**Blockers:** gamma (Excuse gamma), beta (Excuse beta)" in md
    assert "- [ ] **Task aw-post** · Week 2–5 · Team · `aw-post`" in md
    assert "Next assessment (new start point): run smcheck again on 2027-01-11." in md


def test_markdown_escapes_user_text() -> None:
    a = mini()
    ans = answers(VALUES).model_copy(
        update={
            "organisation": answers(VALUES).organisation.model_copy(
                update={
                    "name": "Evil [link](http://x) <b>*x*</b>\n# heading",
                    "company_goals": ["| a | b |"],
                }
            )
        }
    )
    md = to_markdown(make_plan(a, ans, score(a, ans, "en"), lang="en"))
    assert md.splitlines()[0] == (
        r"# Social media readiness for Evil \[link\](http://x) &lt;b&gt;\*x\*&lt;/b&gt; # heading"
    )
    assert "<b>" not in md and "\n# heading" not in md
    assert r"\| a \| b \|" in md


def test_edited_goals_replace_targets_and_owners() -> None:
    from smcheck.core.models.answers import GoalEdit

    a = mini()
    base = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    edited = base.model_copy(
        update={
            "goals": {
                "reach": GoalEdit(target=1500),
                "reply-time": GoalEdit(target=4, owner="communications"),
                "enable-gamma": GoalEdit(owner="hr"),
            }
        }
    )
    goals = {g.id: g for g in make_plan(a, edited, score(a, edited, "en"), lang="en").goals}
    # an explicit target wins over baseline +20 %; no percentage is claimed then
    assert (goals["reach"].target, goals["reach"].target_change_pct) == (1500, None)
    assert goals["reach"].title == "Reach per week: 1,200 → 1,500"
    # a target without a baseline: the baseline is still measured in week 1
    reply = goals["reply-time"]
    assert (reply.target, reply.baseline_note, reply.owner) == (
        4,
        "measure in week 1",
        "communications",
    )
    assert reply.title == "Reply time: target 4 h"
    assert goals["enable-gamma"].owner == "hr"
    assert goals["enable-beta"].owner == "leadership"
