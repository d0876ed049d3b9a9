"""Realistic organisations as data: each scenario in ``tests/scenarios/`` holds one or more
answers files and what a consultant expects of the result and the plan.

A scenario file has ``[[respondents]]`` (each a whole answers file, as smcheck writes it) and an
``[expect]`` table; every key of ``[expect]`` is optional and checked only when present:

- ``stage``: the stage id, or ``""`` for no stage (too little known); ``stage_rule``
- ``reason_mentions``: words the one-sentence reason must contain
- ``blockers``: the blockers, in order
- ``goals``: the goal ids, in order; ``goals_exclude``: goal ids that must not be there
- ``first_week``: task ids that must start in week 1; ``tasks``: task ids that must be in the
  plan; ``tasks_exclude``: task ids that must not be
- ``owners``: the only owner roles the plan may use
- ``holidays``: holiday names the plan must name; ``skipped_weeks``: Mondays that do not count
- ``end``: the iteration's last day; ``later``: ids that must be on the "later" list
- ``start``: the start date to plan from (default: the Monday after ``completed``)
- ``serves``: {goal id = [company goals]}; ``not_linked``: outcome goal ids with no link
- ``gaps``: dimension ids of the comparison's gaps, in order; ``gap_questions``:
  {dimension = [question ids]} (a comparison has two or more respondents)
- ``lift_reached``: whether the next stage is reached by the listed lifts; ``lift_questions``
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smcheck.core.compare import compare
from smcheck.core.models.answers import Answers
from smcheck.core.models.plan import Plan, Result
from smcheck.core.planning import make_plan
from smcheck.core.scoring import score
from smcheck.core.selection import MAX_GOALS, MAX_TASKS
from smcheck.files.catalog import find_assessment

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.toml"))


def _load(path: Path) -> tuple[list[Answers], dict[str, Any]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Answers.model_validate(r) for r in data["respondents"]], data["expect"]


def _judge(path: Path) -> tuple[Result, Plan, Any]:
    respondents, expect = _load(path)
    a = find_assessment(respondents[0].assessment)
    lang = respondents[0].lang
    start = expect.get("start")
    if len(respondents) == 1:
        answers = respondents[0]
        result = score(a, answers, lang)
        plan = make_plan(a, answers, result, lang=lang, start=start)
        return result, plan, None
    c = compare(a, [(r.respondent.name or f"r{i}", r) for i, r in enumerate(respondents)], lang)
    assert c.plan is not None
    plan = c.plan
    if start is not None:
        first = next(r for r in respondents if r.respondent.role == "leadership")
        plan = make_plan(a, first, c.plan.result, lang=lang, start=start, view=None)
    return c.plan.result, c.plan, c


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_scenario_gets_the_result_and_plan_a_consultant_expects(path: Path) -> None:
    _, expect = _load(path)
    result, plan, comparison = _judge(path)
    tasks = {x.id: x for x in plan.tasks}
    goals = [g.id for g in plan.goals]

    # the small first iteration holds for every scenario
    assert len(plan.goals) <= MAX_GOALS
    assert len(plan.tasks) <= MAX_TASKS
    assert len(tasks) == len(plan.tasks), "a task appears twice"
    # baselines are measured once, and only when there is an outcome goal to measure
    outcome = any(g.kind == "outcome" for g in plan.goals)
    assert sum(1 for x in plan.tasks if x.id == "lp-a-baseline") == (1 if outcome else 0)
    for g in plan.goals:
        if g.kind == "outcome" and g.baseline is not None and g.target is not None:
            assert g.target != g.baseline, f"{g.id}: the target does not move"

    if "stage" in expect:
        assert (result.stage or "") == expect["stage"]
        if expect["stage"] == "":
            assert "stage" not in plan.model_dump(exclude_none=True)["result"]
            assert plan.tasks[0].id == "collect-answers"
    if "stage_rule" in expect:
        assert result.stage_rule == expect["stage_rule"]
    for word in expect.get("reason_mentions", []):
        assert word in (result.stage_reason or ""), result.stage_reason
    if "blockers" in expect:
        assert result.blockers == expect["blockers"]
    if "goals" in expect:
        assert goals == expect["goals"]
    for gid in expect.get("goals_exclude", []):
        assert gid not in goals
    for tid in expect.get("first_week", []):
        assert tid in tasks, f"{tid} is not in the plan: {list(tasks)}"
        assert tasks[tid].weeks[0] == 1, f"{tid} starts in week {tasks[tid].weeks[0]}"
    for tid in expect.get("tasks", []):
        assert tid in tasks, f"{tid} is not in the plan: {list(tasks)}"
    for tid in expect.get("tasks_exclude", []):
        assert tid not in tasks, f"{tid} should not be in the plan"
    if "owners" in expect:
        used = {x.owner for x in plan.tasks} | {g.owner for g in plan.goals}
        assert used <= set(expect["owners"]), used
    names = [h.name for h in plan.iteration.holidays]
    for name in expect.get("holidays", []):
        assert name in names, names
        assert any(name in remark for remark in plan.remarks)
    if "skipped_weeks" in expect:
        assert [d.isoformat() for d in plan.iteration.skipped_weeks] == expect["skipped_weeks"]
    if "end" in expect:
        assert plan.iteration.end == date.fromisoformat(str(expect["end"]))
    later = [x.id for x in plan.later]
    for lid in expect.get("later", []):
        assert lid in later, later
    for gid, serves in expect.get("serves", {}).items():
        assert next(g for g in plan.goals if g.id == gid).serves == serves
    for gid in expect.get("not_linked", []):
        assert next(g for g in plan.goals if g.id == gid).serves == []
        assert "link-goals" in tasks
    if "lift_reached" in expect:
        assert result.next_stage_reached is expect["lift_reached"]
    if "lift_questions" in expect:
        assert [x.question for x in result.next_stage_lifts] == expect["lift_questions"]
        assert all(x.to_option - x.from_option <= 2 for x in result.next_stage_lifts)
    if "gaps" in expect:
        assert comparison is not None
        assert [g.dimension for g in comparison.gaps] == expect["gaps"]
        for g in comparison.gaps[:2]:
            assert f"agree-{g.dimension}" in tasks
    for dim, questions in expect.get("gap_questions", {}).items():
        gap = next(g for g in comparison.gaps if g.dimension == dim)
        assert [q.id for q in gap.questions] == questions


def test_there_are_enough_scenarios_in_both_languages_and_scopes() -> None:
    loaded = [_load(p)[0] for p in SCENARIOS]
    assert len(loaded) >= 8
    assert {r[0].lang for r in loaded} == {"de", "en"}
    assert {r[0].scope for r in loaded} == {"quick", "full"}
    assert any(len(r) > 1 for r in loaded)
