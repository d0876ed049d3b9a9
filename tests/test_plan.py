"""Starter goals, the first-iteration plan and its exports."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date

import pytest

from helpers import answers, mini
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan, monday_after, scale_weeks
from smcheck.core.scoring import score
from smcheck.files.export import to_json, to_markdown, to_toml

# Scores (see test_scoring): alpha 88, beta 38, gamma 25, overall 44 "experimenting", 71 %.
VALUES = {"a1": 5, "a2": 4, "b1": 1, "b2": 3, "g1": 2, "g2": "dont-know", "g3": "n/a"}


def plan_for(values: dict[str, int | str] = VALUES, **kwargs: object) -> Plan:
    a = mini()
    ans = answers(values, objectives=["awareness"], baselines={"reach": 1200})
    return make_plan(a, ans, score(a, ans, "en"), lang="en", **kwargs)  # type: ignore[arg-type]


def with_organisation(ans: Answers, **changes: object) -> Answers:
    """``ans`` with the organisation profile changed."""
    return ans.model_copy(update={"organisation": ans.organisation.model_copy(update=changes)})


def plan_of(a: Assessment, ans: Answers, **kwargs: object) -> Plan:
    return make_plan(a, ans, score(a, ans, "en"), lang="en", **kwargs)  # type: ignore[arg-type]


def bundled() -> Assessment:
    from smcheck.files.catalog import find_assessment

    return find_assessment("social-media-readiness")


def bundled_answers(value: int, **kw: object) -> Answers:
    """Every question of the bundled full check answered with option ``value``."""
    a = bundled()
    return answers(
        {q.id: value for _, q in a.questions("full")},
        assessment=a.id,
        **kw,  # type: ignore[arg-type]
    )


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


def test_a_start_that_is_not_a_monday_moves_to_the_monday_of_its_week_and_says_so() -> None:
    # Wednesday 2027-01-06 -> Monday 2027-01-04; six working weeks (no week with three holidays
    # in GB in January and February) end on Friday 2027-02-12
    p = plan_for(start=date(2027, 1, 6))
    assert (p.iteration.start, p.iteration.end) == (date(2027, 1, 4), date(2027, 2, 12))
    assert (
        "The start 6 Jan 2027 is not a Monday; the iteration begins on the Monday of that week, "
        "4 Jan 2027." in p.remarks
    )
    # a Monday is taken as it is, without a remark
    monday = plan_for(start=date(2027, 1, 4))
    assert monday.iteration.start == date(2027, 1, 4)
    assert not any("not a Monday" in r for r in monday.remarks)
    # a Sunday belongs to the week that began six days before
    assert plan_for(start=date(2027, 1, 10)).iteration.start == date(2027, 1, 4)


def test_weeks_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="4-12 weeks"):
        plan_for(weeks=13)


def test_one_outcome_goal_per_objective_from_its_leading_kpi() -> None:
    goals = {g.id: g for g in plan_for().goals}
    # awareness has two KPIs, reach and reply-time: only the first, reach, is a goal
    assert [g.id for g in goals.values() if g.kind == "outcome"] == ["reach"]
    reach = goals["reach"]
    # baseline 1200, +20 % -> 1440, smcheck's suggestion
    assert (reach.kind, reach.baseline, reach.target, reach.target_change_pct) == (
        "outcome",
        1200,
        1440,
        20,
    )
    assert reach.target_suggested is True
    assert reach.title == "Reach per week: 1,200 → 1,440 (suggested)"
    assert reach.due == date(2027, 1, 8) and reach.owner == "social-media-lead"
    # the bundled questionnaire: the leading KPI of each objective, in the order chosen
    a = bundled()
    ans = bundled_answers(3, objectives=["sales", "customers"])
    outcome = [(g.id, g.objective) for g in plan_of(a, ans).goals if g.kind == "outcome"]
    assert outcome == [("referral-visits", "sales"), ("engagement-rate", "customers")]


def test_without_a_baseline_the_goal_is_measured_in_week_one() -> None:
    a = mini()
    ans = answers(VALUES, objectives=["awareness"])
    reach = {g.id: g for g in plan_of(a, ans).goals}["reach"]
    # no baseline: measured in week 1, the target as a change against it, suggested
    assert (reach.baseline, reach.target, reach.baseline_note) == (None, None, "measure in week 1")
    assert (reach.target_change_pct, reach.target_suggested) == (20, True)
    assert reach.title == "Reach per week: +20 % against the baseline (suggested)"


@pytest.mark.parametrize(
    ("baseline", "target", "title"),
    [
        # 2 * 1.2 = 2.4 rounds back to 2: the target still moves by one whole count
        (2, 3, "Reach per week: 2 → 3 (suggested)"),
        # 1 * 1.2 = 1.2 -> 1: one more
        (1, 2, "Reach per week: 1 → 2 (suggested)"),
        # 4 * 1.2 = 4.8 -> 5: the percentage already moves it
        (4, 5, "Reach per week: 4 → 5 (suggested)"),
        # from 0 no percentage moves anything: the KPI's first target (mini: 3)
        (0, 3, "Reach per week: 0 → 3 (suggested)"),
    ],
)
def test_suggested_targets_always_move(baseline: float, target: float, title: str) -> None:
    a = mini()
    ans = answers(VALUES, objectives=["awareness"], baselines={"reach": baseline})
    reach = {g.id: g for g in plan_of(a, ans).goals}["reach"]
    assert (reach.baseline, reach.target, reach.title) == (baseline, target, title)


def test_a_decreasing_target_that_would_round_to_its_baseline_moves_by_a_tenth() -> None:
    from smcheck.core.planning import suggested_target

    kpi = mini().objective("awareness").kpis[1]  # reply-time: hours, -30 %
    assert (kpi.id, kpi.unit, kpi.direction, kpi.change_pct) == (
        "reply-time",
        "hours",
        "decrease",
        30,
    )
    # 8 h * 0.7 = 5.6 h
    assert suggested_target(kpi, 8) == 5.6
    # 0.1 h * 0.7 = 0.07 h rounds to 0.1 h, the baseline: one tenth less
    assert suggested_target(kpi, 0.1) == 0.0
    # 0.2 h * 0.7 = 0.14 -> 0.1: moved already
    assert suggested_target(kpi, 0.2) == 0.1


def test_a_baseline_of_zero_gets_the_kpis_first_target() -> None:
    # bundled: sales -> referral-visits, first_target 20; customers -> engagement-rate, 1 (%)
    a = bundled()
    ans = bundled_answers(
        3,
        objectives=["sales", "customers"],
        baselines={"referral-visits": 0, "engagement-rate": 0},
    )
    goals = {g.id: g for g in plan_of(a, ans).goals}
    assert (goals["referral-visits"].baseline, goals["referral-visits"].target) == (0, 20)
    assert (goals["engagement-rate"].baseline, goals["engagement-rate"].target) == (0, 1)
    assert goals["referral-visits"].target_suggested is True


def test_an_outcome_goal_serves_only_the_company_goals_linked_to_its_objective() -> None:
    a = mini()
    base = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    linked = with_organisation(base, company_goals=["Grow", "Hire"], links={"awareness": [2]})
    p = plan_of(a, linked)
    reach = {g.id: g for g in p.goals}["reach"]
    assert reach.serves == ["Hire"]
    assert "link-goals" not in [t.id for t in p.tasks]
    assert not any("not linked" in r for r in p.remarks)
    assert "  - serves: Hire\n" in to_markdown(p)
    # not linked: the goal serves nothing yet, says so, and the plan starts with linking it
    unlinked = plan_of(a, with_organisation(base, company_goals=["Grow", "Hire"]))
    reach = {g.id: g for g in unlinked.goals}["reach"]
    assert reach.serves == []
    link = {t.id: t for t in unlinked.tasks}["link-goals"]
    assert (link.phase, link.weeks, link.owner) == ("start", (1, 1), "leadership")
    assert (
        "Goals without a company goal are not linked yet; the task to link them is at the start "
        "of the plan." in unlinked.remarks
    )
    assert "  - serves: not linked yet\n" in to_markdown(unlinked)


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
    # the actions of the two enabler dimensions (their trigger questions b1 and g1 are answered
    # low: 0 and 25 points), the objective's action, the fixed actions, and linking the goals
    # (awareness is not linked to a company goal yet)
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
        "link-goals",
    }
    assert "alpha-start" not in ids  # alpha is strong (a1 answered 5): no alpha tasks
    by_id = {t.id: t for t in p.tasks}
    assert by_id["gamma-start"].goals == ["enable-gamma"]
    assert by_id["aw-post"].goals == ["reach"]
    assert by_id["link-goals"].goals == ["reach", "enable-gamma", "enable-beta"]
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
    assert data["schema"] == "smcheck.plan/2"
    assert Plan.model_validate(data) == p


def test_json_export_has_the_same_structure_as_toml() -> None:
    p = plan_for()
    from_json = Plan.model_validate(json.loads(to_json(p)))
    assert from_json == p == Plan.model_validate(tomllib.loads(to_toml(p)))


def test_markdown_report_shows_stage_bars_goals_and_tasks() -> None:
    md = to_markdown(plan_for())
    assert md.startswith("# Social media readiness for Testfirma\n")
    assert "**Overall score: 44/100** · Stage: **experimenting** · Completeness: 71 %" in md
    # not capped: the stage's description (mini's is its name) stands under the score
    assert "\n> experimenting\n" in md
    # dimensions by name, not id
    assert "Beta   ████████░░░░░░░░░░░░   38  (2/2 answered)" in md
    assert "**Blockers:** Gamma, Beta" in md
    # goal and task lines for people: no ids in backticks
    assert (
        "- **Reach per week: 1,200 → 1,440 (suggested)** · Owner: Social media lead · "
        "due 8 Jan 2027\n"
        "  - Done when: The value at the end of the iteration meets the target.\n"
        "  - serves: not linked yet\n"
    ) in md
    assert "- [ ] **Task aw-post** · Week 2–5 · Team\n" in md
    assert "`aw-post`" not in md and "`reach`" not in md and "`enable-gamma`" not in md
    assert "Next assessment (new start point): run smcheck again on 11 Jan 2027." in md
    # what the plan says about itself
    assert "### About this plan\n" in md
    assert "- Targets marked “(suggested)” are smcheck's suggestions" in md
    assert "- Goals without a company goal are not linked yet" in md


def test_markdown_report_of_a_capped_stage_gives_the_reason_not_the_description() -> None:
    # alpha 100, beta 100, gamma only g1 = 1 (0): overall 50 "experimenting" by score, capped by
    # gamma at "first-steps"; 5 of 7 answered (71 %)
    md = to_markdown(plan_for({"a1": 5, "a2": 5, "b1": 5, "b2": 5, "g1": 1}))
    assert "**Overall score: 50/100** · Stage: **first-steps** · Completeness: 71 %" in md
    assert (
        "> Gamma at 0 points holds the stage at “first-steps”: no stage is more than one above "
        "the weakest dimension (the average of 50 alone would give “experimenting”).\n"
    ) in md
    assert "> first-steps\n" not in md


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
        r"# Social media readiness for Evil \[link\](http://x) &lt;b>\*x\*&lt;/b> # heading"
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
                "reach": GoalEdit(target=1500, owner="communications"),
                "enable-gamma": GoalEdit(owner="hr"),
            }
        }
    )
    goals = {g.id: g for g in plan_of(a, edited).goals}
    # an explicit target wins over baseline +20 %; no percentage is claimed, and it is not a
    # suggestion any more
    reach = goals["reach"]
    assert (reach.target, reach.target_change_pct, reach.target_suggested) == (1500, None, False)
    assert reach.title == "Reach per week: 1,200 → 1,500"
    assert reach.owner == "communications"
    assert goals["enable-gamma"].owner == "hr"
    assert goals["enable-beta"].owner == "leadership"
    # a target without a baseline: the baseline is still measured in week 1
    no_baseline = answers(VALUES, objectives=["awareness"]).model_copy(
        update={"goals": {"reach": GoalEdit(target=1500)}}
    )
    reach = {g.id: g for g in plan_of(a, no_baseline).goals}["reach"]
    assert (reach.target, reach.baseline_note, reach.target_suggested) == (
        1500,
        "measure in week 1",
        False,
    )
    assert reach.title == "Reach per week: target 1,500"


def test_at_most_four_goals_and_twelve_tasks_the_rest_waits() -> None:
    # The bundled full check, every answer 1 (every dimension 0), all four objectives, not linked.
    # Planning and approval both "not at all": the dead end, so its own dimensions come first
    # among the enablers (strategy-first, hierarchy), then the weakest by the articles' priority
    # (goals). Goals by precedence: the two first enablers, then the objectives in the order
    # chosen, then the rest; four fit: awareness, customers, strategy-first, hierarchy.
    # Tasks: the four fixed ones, linking the goals (5), then the most urgent task of every goal:
    # aw-a-campaign and cu-a-reply-rota (first steps, priority 2, as urgent as "not at all"),
    # sf-a-start-decision and hi-a-release-rule (the first actions delivering the two enabler
    # goals); then the other delivering action sf-a-parking-list; then, every answer being
    # "not at all", by priority: go-a-goal-sheet and gl-a-one-page-guideline (1) -- twelve.
    # gl-a-escalation-contacts (priority 1, after the guideline in the questionnaire) is the
    # first task that waits.
    a = bundled()
    ans = bundled_answers(1, objectives=["awareness", "customers", "insights", "sales"])
    p = plan_of(a, ans)
    assert p.result.stage_rule == "trap"
    assert [g.id for g in p.goals] == [
        "reach",
        "engagement-rate",
        "enable-strategy-first",
        "enable-hierarchy",
    ]
    assert len(p.tasks) == 12
    assert {t.id for t in p.tasks} == {
        "lp-a-baseline",
        "lp-a-weekly-review",
        "lp-a-decide-changes",
        "lp-a-reassess",
        "link-goals",
        "aw-a-campaign",
        "cu-a-reply-rota",
        "sf-a-start-decision",
        "hi-a-release-rule",
        "sf-a-parking-list",
        "go-a-goal-sheet",
        "gl-a-one-page-guideline",
    }
    assert [(x.kind, x.id) for x in p.later[:4]] == [
        ("goal", "insights-documented"),
        ("goal", "referral-visits"),
        ("goal", "enable-goals"),
        ("task", "gl-a-escalation-contacts"),
    ]
    # nothing is lost: every task of the objectives that did not fit waits as well
    later = {x.id for x in p.later}
    assert {"in-a-insight-log", "sl-a-tracking", "sl-a-offer-posts"} <= later
    md = to_markdown(p)
    assert "### For later (does not fit the small first iteration)\n" in md


def test_below_60_percent_there_is_no_stage_and_the_plan_starts_by_collecting_answers() -> None:
    # 2 of 7 answered (29 %): no stage; the plan's first task is to collect the missing answers
    a = mini()
    ans = answers({"a1": 5, "b1": 3}, objectives=["awareness"])
    r = score(a, ans, "en")
    assert (r.completeness, r.stage, r.stage_rule) == (29, None, "too-little-known")
    p = make_plan(a, ans, r, lang="en")
    assert p.result.stage is None
    first = p.tasks[0]
    assert (first.id, first.phase, first.weeks, first.owner) == (
        "collect-answers",
        "start",
        (1, 1),
        "leadership",
    )
    md = to_markdown(p)
    assert "Stage: **none (too little known)** · Completeness: 29 %" in md
    assert "> 5 of 7 answers are still missing." in md
    assert "To the next stage" not in md
    # from 60 % on there is nothing to collect
    complete = answers(VALUES, objectives=["awareness"])
    assert "collect-answers" not in [t.id for t in plan_of(a, complete).tasks]


def test_the_collect_task_counts_the_missing_answers_and_names_their_dimensions() -> None:
    # a2, b2, g1, g2, g3 are unanswered: 5 answers missing, in all three dimensions
    a = mini()
    ans = answers({"a1": 5, "b1": 3}, objectives=["awareness"])
    collect = {t.id: t for t in plan_of(a, ans).tasks}["collect-answers"]
    assert collect.title == (
        "Collect the 5 missing answers from the people who know (Alpha, Beta, Gamma) and score "
        "smcheck again"
    )


def test_a_collect_task_always_has_answers_to_collect() -> None:
    # a1 and b1 answered 5, the other five "not applicable" (29 % with an option): if the plan
    # asks to collect missing answers, there must be some, in some dimension -- not
    # "Collect the 0 missing answers ... ()".
    a = mini()
    values: dict[str, int | str] = {"a1": 5, "b1": 5}
    values |= dict.fromkeys(["a2", "b2", "g1", "g2", "g3"], "n/a")
    for t in plan_of(a, answers(values, objectives=["awareness"])).tasks:
        if t.id == "collect-answers":
            assert "Collect the 0 " not in t.title and "()" not in t.title


def test_a_plan_without_an_outcome_goal_does_not_measure_baselines() -> None:
    # no objective chosen: there is no KPI to measure, so no baseline task; the other fixed
    # tasks stay, and there is nothing to link
    a = bundled()
    ids = [t.id for t in plan_of(a, bundled_answers(3)).tasks]
    assert "lp-a-baseline" not in ids
    assert {"lp-a-weekly-review", "lp-a-decide-changes", "lp-a-reassess"} <= set(ids)
    assert "link-goals" not in ids
    with_goal = [t.id for t in plan_of(a, bundled_answers(3, objectives=["sales"])).tasks]
    assert "lp-a-baseline" in with_goal


@pytest.mark.parametrize("size", ["1-9", "10-49"])
def test_small_organisations_have_only_leadership_and_the_person_who_posts(size: str) -> None:
    from smcheck.core.models.answers import GoalEdit

    # mini: every dimension and objective task belongs to the team -> the person who posts;
    # an enabler goal edited to HR -> leadership; an outcome goal edited to marketing -> the
    # person who posts
    a = mini()
    base = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    ans = with_organisation(base, size=size).model_copy(
        update={
            "goals": {"reach": GoalEdit(owner="marketing"), "enable-gamma": GoalEdit(owner="hr")}
        }
    )
    p = plan_of(a, ans)
    by_id = {t.id: t for t in p.tasks}
    assert by_id["aw-post"].owner == "social-media-lead"
    assert by_id["gamma-start"].owner == "social-media-lead"
    assert by_id["rerun"].owner == "leadership"
    goals = {g.id: g for g in p.goals}
    assert (goals["reach"].owner, goals["enable-gamma"].owner) == (
        "social-media-lead",
        "leadership",
    )
    assert {t.owner for t in p.tasks} | {g.owner for g in p.goals} <= {
        "leadership",
        "social-media-lead",
    }
    # bundled, every answer 1, objective sales: sl-a-tracking (marketing) and
    # gl-a-escalation-contacts (communications) are in the plan (see the twelve-task test)
    big = plan_of(bundled(), with_organisation(bundled_answers(1, objectives=["sales"]), size=size))
    tasks = {t.id: t for t in big.tasks}
    assert tasks["sl-a-tracking"].owner == "social-media-lead"
    assert tasks["gl-a-escalation-contacts"].owner == "leadership"
    assert {t.owner for t in big.tasks} | {g.owner for g in big.goals} <= {
        "leadership",
        "social-media-lead",
    }


def test_fewer_than_ten_people_get_goals_and_tasks_without_line_managers() -> None:
    # bundled, resources and staff activation answered 1, the rest 4: both are enabler goals,
    # and the core team and the weekly hours are tasks; a four-person practice has no line
    # managers to agree with, and a core team of "at least two" may be half of it
    values = {q.id: 1 if q.id[:3] in ("rs-", "sa-") else 4 for _, q in bundled().questions("full")}
    ans = answers(values, assessment="social-media-readiness")

    def texts(size: str, lang: str) -> dict[str, str]:
        """Every goal's title and measure and every task's done-criterion, by id."""
        sized = with_organisation(ans, size=size)
        plan = make_plan(bundled(), sized, score(bundled(), sized, lang), lang=lang)  # type: ignore[arg-type]
        return {g.id: f"{g.title} / {g.measure}" for g in plan.goals} | {
            t.id: t.done for t in plan.tasks
        }

    tiny, tiny_de = texts("1-9", "en"), texts("1-9", "de")
    assert tiny["sa-a-core-team"].startswith("One or two people are named as the core team")
    assert tiny["rs-a-named-hours"].startswith("Fixed weekly hours for social media are set")
    assert tiny_de["rs-a-named-hours"].startswith("Für alle, die posten, sind feste Wochenstunden")
    assert tiny["enable-staff-attitude"].startswith("One or two named people")
    assert "/ Everyone who posts has fixed weekly hours" in tiny["enable-resources"]
    assert "/ Alle, die posten, haben feste Wochenstunden" in tiny_de["enable-resources"]
    too_big = re.compile(r"line manager|at least two (people|volunteers)", re.IGNORECASE)
    assert not [x for x in tiny.values() if too_big.search(x)]
    zu_gross = re.compile(r"Vorgesetzt|mindestens zwei (Personen|Freiwillige)", re.IGNORECASE)
    assert not [x for x in tiny_de.values() if zu_gross.search(x)]
    for size in ("10-49", "50-249", ""):  # line managers exist from ten people (or unknown)
        usual = texts(size, "en")
        assert "their line managers have agreed" in usual["sa-a-core-team"]
        assert "in writing with line managers" in usual["rs-a-named-hours"]
        assert usual["enable-staff-attitude"].startswith("A named core team of at least two")
        assert "At least two people have weekly hours" in usual["enable-resources"]


def test_a_goal_for_later_reads_as_for_its_size() -> None:
    # strategy and goals answered 1, staff attitude 2, two objectives: the staff goal is the
    # third weakest and waits behind the two objectives
    values = {
        q.id: 1 if q.id[:3] in ("sf-", "go-") else 2 if q.id[:3] == "sa-" else 4
        for _, q in bundled().questions("full")
    }
    ans = answers(
        values, assessment="social-media-readiness", objectives=["awareness", "customers"]
    )

    def later_goals(size: str) -> dict[str, str]:
        sized = with_organisation(ans, size=size)
        plan = make_plan(bundled(), sized, score(bundled(), sized, "en"), lang="en")
        return {x.id: x.title for x in plan.later if x.kind == "goal"}

    assert later_goals("1-9")["enable-staff-attitude"].startswith("One or two named people")
    assert later_goals("50-249")["enable-staff-attitude"].startswith(
        "A named core team of at least two"
    )


def test_larger_organisations_keep_their_roles() -> None:
    from smcheck.core.models.answers import GoalEdit

    a = mini()
    base = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    ans = with_organisation(base, size="50-249").model_copy(
        update={
            "goals": {"reach": GoalEdit(owner="marketing"), "enable-gamma": GoalEdit(owner="hr")}
        }
    )
    p = plan_of(a, ans)
    by_id = {t.id: t for t in p.tasks}
    assert (by_id["aw-post"].owner, by_id["gamma-start"].owner) == ("team", "team")
    goals = {g.id: g for g in p.goals}
    assert (goals["reach"].owner, goals["enable-gamma"].owner) == ("marketing", "hr")
    big = plan_of(
        bundled(), with_organisation(bundled_answers(1, objectives=["sales"]), size="50-249")
    )
    tasks = {t.id: t for t in big.tasks}
    assert tasks["sl-a-tracking"].owner == "marketing"
    assert tasks["gl-a-escalation-contacts"].owner == "communications"
