"""The Markdown report for the client: blockers and counter-positions, shared notes (never private
ones), confidence, and the start point against the previous iteration.

Scores as in test_plan: alpha 88, beta 38, gamma 25, overall 44; blockers gamma, beta (below 40).
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest

from helpers import answers, mini
from smcheck.core.models.answers import Answer, Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang, Text
from smcheck.core.models.plan import Plan
from smcheck.core.planning import make_plan
from smcheck.core.progress import progress
from smcheck.core.scoring import score
from smcheck.files.export import to_json, to_markdown, to_toml

VALUES = {"a1": 5, "a2": 4, "b1": 1, "b2": 3, "g1": 2, "g2": "dont-know", "g3": "n/a"}
PRIVATE = "PRIVATE-only-for-the-consultant-4711"


def assessment() -> Assessment:
    """mini with a distinct counter-position per dimension."""
    a = mini()
    return a.model_copy(
        update={
            "dimensions": [
                d.model_copy(
                    update={"counter": Text(de=f"Gegen {d.id} spricht.", en=f"Against {d.id}.")}
                )
                for d in a.dimensions
            ]
        }
    )


def with_notes(ans: Answers, notes: dict[str, tuple[str, str]]) -> Answers:
    """``notes``: question id to (shared note, private note)."""
    updated = dict(ans.answers)
    for qid, (note, private) in notes.items():
        base = updated.get(qid, Answer())
        updated[qid] = base.model_copy(update={"note": note, "private_note": private})
    return ans.model_copy(update={"answers": updated})


def plan_for(ans: Answers, lang: Lang = "en", a: Assessment | None = None) -> Plan:
    a = a or assessment()
    return make_plan(a, ans, score(a, ans, lang), lang=lang)


def test_blockers_come_with_their_counter_positions() -> None:
    # blockers by the dimensions' names, each with its excuse and counter-position
    md = to_markdown(plan_for(answers(VALUES)))
    assert "**Blockers:** Gamma, Beta" in md
    assert "- **Gamma** (25): “Excuse gamma”\n  - Counter-position: Against gamma." in md
    assert "- **Beta** (38): “Excuse beta”\n  - Counter-position: Against beta." in md
    assert "Against alpha." not in md  # alpha is a strength, not a blocker
    assert "**Strengths:** Alpha" in md
    de = to_markdown(plan_for(answers(VALUES), "de"))
    assert "- **Gamma** (25): „Ausrede gamma“\n  - Dagegen spricht: Gegen gamma spricht." in de


def test_plan_lists_blockers_in_the_result_order() -> None:
    plan = plan_for(answers(VALUES))
    assert [(b.id, b.score, b.counter) for b in plan.blockers] == [
        ("gamma", 25, "Against gamma."),
        ("beta", 38, "Against beta."),
    ]


def test_shared_notes_in_questionnaire_order_and_never_a_private_note() -> None:
    ans = with_notes(
        answers(VALUES),
        {
            "g1": ("Nobody owns the channel yet.", PRIVATE),
            "a1": ("Leadership posts weekly.", ""),
            "b2": ("", PRIVATE + " b2"),  # only a private note: no entry at all
            "a2": ("   ", ""),  # blank: left out
        },
    )
    plan = plan_for(ans)
    assert [(n.question, n.dimension, n.note) for n in plan.notes] == [
        ("a1", "alpha", "Leadership posts weekly."),
        ("g1", "gamma", "Nobody owns the channel yet."),
    ]
    md = to_markdown(plan)
    # for the client: the question and the note, no ids
    assert (
        "## Notes\n\n- “Question a1?”\n  - Leadership posts weekly.\n"
        "- “Question g1?”\n  - Nobody owns the channel yet.\n" in md
    )
    for text in (md, to_toml(plan), to_json(plan)):
        assert PRIVATE not in text
    assert "## Notizen" in to_markdown(plan_for(ans, "de"))


def test_notes_outside_the_scope_are_left_out() -> None:
    # quick scope: a1, b1, g1 only
    ans = with_notes(
        answers({"a1": 3, "b1": 2, "g1": 4}, scope="quick"),
        {"a2": ("not in the quick check", ""), "b1": ("in it", "")},
    )
    assert [n.question for n in plan_for(ans).notes] == ["b1"]


def test_no_notes_no_section() -> None:
    assert "## Notes" not in to_markdown(plan_for(answers(VALUES)))


def test_markup_in_notes_is_escaped() -> None:
    ans = with_notes(
        answers(VALUES),
        {"a1": ("<script>x</script> [link](http://x) *bold* | cell\n# heading", "")},
    )
    md = to_markdown(plan_for(ans))
    assert r"  - &lt;script>x&lt;/script> \[link\](http://x) \*bold\* \| cell # heading" in md
    assert "<script>" not in md and "\n# heading" not in md


def test_confidence_per_dimension_when_given() -> None:
    # a1 verified (100), a2 guess (30) -> alpha (100 + 30) / 2 = 65;
    # beta and gamma answers have none, counted as "know": 70
    ans = answers(VALUES)
    given = dict(ans.answers)
    given["a1"] = given["a1"].model_copy(update={"confidence": "verified"})
    given["a2"] = given["a2"].model_copy(update={"confidence": "guess"})
    md = to_markdown(plan_for(ans.model_copy(update={"answers": given})))
    assert "Alpha  ██████████████████░░   88  (2/2 answered)  confidence 65 %" in md
    assert "Beta   ████████░░░░░░░░░░░░   38  (2/2 answered)  confidence 70 %" in md
    assert "confidence" not in to_markdown(plan_for(answers(VALUES)))


def _plan_with_start_point(lang: Lang) -> Plan:
    # previous as VALUES (alpha 88, beta 38, gamma 25, overall 44), baseline reach 1200;
    # now alpha 75 (-13), beta 69 (+31), gamma 63 (+38), overall 68 (+24): see test_progress
    a = assessment()
    prev = answers(VALUES, objectives=["awareness"], baselines={"reach": 1200})
    cur = answers(
        {"a1": 5, "a2": 3, "b1": 3, "b2": 4, "g1": 3, "g2": 4, "g3": "n/a"},
        objectives=["awareness"],
        completed=date(2027, 1, 11),
    ).model_copy(update={"actuals": {"reach": 1500, "reply-time": 5}})
    sp = progress(a, prev, cur, lang)
    return make_plan(a, cur, score(a, cur, lang), lang=lang, start_point=sp)


def test_start_point_section_shows_deltas_and_goal_progress() -> None:
    md = to_markdown(_plan_with_start_point("en"))
    assert "## Start point\n\nCompared with the previous assessment of 25 Nov 2026" in md
    assert "**Overall score: 44 → 68 (+24)** · Stage: experimenting → **learning-loop**" in md
    assert "| Dimension | 25 Nov 2026 | 11 Jan 2027 | Change |" in md
    assert "| Alpha | 88 | 75 | −13 |" in md
    assert "| Beta | 38 | 69 | +31 |" in md
    assert "| Gamma | 25 | 63 | +38 |" in md
    assert (
        "- **Reach per week: 1,200 → 1,440 (suggested)** · reached · actual 1,500 · "
        "125 % of the way to the target" in md
    )
    # reply-time, awareness's second KPI, was measured (5 h) but was no goal: not judged
    assert "Reply time" not in md
    assert "- **Goal gamma** · no numeric target to compare" in md
    # the start point comes before the new goals
    assert md.index("## Start point") < md.index("## Starter goals")


def test_start_point_section_in_german() -> None:
    md = to_markdown(_plan_with_start_point("de"))
    assert "## Startpunkt\n\nVerglichen mit der vorigen Messung vom 25.11.2026" in md
    assert "| Dimension | 25.11.2026 | 11.01.2027 | Veränderung |" in md
    assert "| Alpha | 88 | 75 | −13 |" in md
    assert "· erreicht · Ist-Wert 1.500 · 125 % des Wegs zum Ziel" in md
    assert "### Ziele der vorigen Iteration" in md


def test_the_next_stage_section_names_the_stage_the_options_and_both_together() -> None:
    # VALUES: b2 3 -> 4 and g1 2 -> 3 reach learning-loop together at 61 (see test_scoring)
    md = to_markdown(plan_for(answers(VALUES)))
    assert (
        "### To the next stage (learning-loop)\n\n"
        "- “Question b2?” (Beta): from 3: “o3” to 4: “o4”\n"  # the options' own words
        "- “Question g1?” (Gamma): from 2: “o2” to 3: “o3”\n\n"
        "Both together: overall 61, the next stage is reached.\n"
    ) in md


def test_a_single_answer_never_reads_0_points_dead_end() -> None:
    # the bundled check with one "not at all": 1 of 37 answered (3 %), no stage in the report
    from smcheck.files.catalog import find_assessment

    a = find_assessment("social-media-readiness")
    ans = answers({"sf-planning-state": 1}, assessment=a.id)
    md = to_markdown(plan_for(ans, a=a))
    assert "**Overall score: 0/100** · Stage: **none (too little known)** · Completeness: 3 %" in md
    assert "Dead end" not in md  # not as the stage, nor anywhere else
    assert "> 36 of 37 answers are still missing." in md
    de = to_markdown(plan_for(ans, "de", a=a))
    assert "Stufe: **keine (zu wenig bekannt)**" in de
    assert "Stufe: **Sackgasse**" not in de  # (the counter-position may mention a Sackgasse)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_start_point_no_section(lang: Lang) -> None:
    md = to_markdown(plan_for(answers(VALUES), lang))
    assert "\n## Start point\n" not in md and "\n## Startpunkt\n" not in md


def test_dates_read_the_way_each_language_writes_them_whatever_the_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import locale
    from datetime import date

    from smcheck.core.text import format_date

    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_TIME, "fr_FR.UTF-8")  # a locale's month names never leak in
    try:
        assert format_date(date(2026, 12, 7), "de") == "07.12.2026"
        assert format_date(date(2026, 12, 7), "en") == "7 Dec 2026"
        assert format_date(date(2027, 1, 1), "en") == "1 Jan 2027"
    finally:
        locale.setlocale(locale.LC_TIME, "C")
