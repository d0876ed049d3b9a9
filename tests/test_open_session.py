"""The one session object both front ends hold: edits are checked before anything is written."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smcheck.core.models.answers import MAX_CHANNEL, MAX_NAME, GoalEdit, Respondent
from smcheck.core.walk import Excuse, PlanStep, Profile, Results, Review
from smcheck.files.catalog import find_assessment
from smcheck.files.open_session import InvalidEdit, OpenSession, OrganisationEdit, RespondentEdit
from smcheck.files.session import SessionInUse, load_session


def _session(scope: str = "quick") -> OpenSession:
    return OpenSession.start(find_assessment("social-media-readiness"), scope, "en")  # type: ignore[arg-type]


def test_a_new_session_is_saved_locked_and_starts_at_the_profile() -> None:
    s = _session()
    try:
        answers, _ = load_session(s.id)
        assert answers.engagement == f"e{s.id}"
        assert s.walk.resume(s.answers) == Profile()
        with pytest.raises(SessionInUse):
            OpenSession.open(s.id)
    finally:
        s.close()
    OpenSession.open(s.id).close()  # free once closed


def test_an_over_long_name_is_refused_and_the_saved_file_still_opens() -> None:
    s = _session()
    s.set_profile(OrganisationEdit(name="Bäckerei Korn"))
    with pytest.raises(InvalidEdit, match=r"organisation\.name"):
        s.set_profile(OrganisationEdit(name="x" * (MAX_NAME + 1)))
    with pytest.raises(InvalidEdit, match=r"organisation\.channels"):
        s.set_profile(OrganisationEdit(channels=("y" * (MAX_CHANNEL + 1),)))
    s.close()
    reopened = OpenSession.open(s.id)
    assert reopened.answers.organisation.name == "Bäckerei Korn"
    assert reopened.answers.organisation.channels == []
    reopened.close()


def test_answers_outside_the_questions_options_are_refused() -> None:
    s = _session()
    question = s.walk.questions[0][1].id
    with pytest.raises(InvalidEdit, match="not an option"):
        s.set_answer(question, 6)
    with pytest.raises(InvalidEdit, match="not an option"):
        s.set_answer(question, True)
    with pytest.raises(InvalidEdit, match="not a question"):
        s.set_answer("no-such-question", 1)
    s.set_answer(question, "dont-know")
    s.close()
    assert load_session(s.id)[0].answers[question].value == "dont-know"


def test_the_walk_resumes_at_the_first_excuse_with_an_open_question_then_the_review() -> None:
    s = _session()
    s.set_profile(OrganisationEdit(name="Korn"))
    assert s.walk.resume(s.answers) == Excuse(0)
    for d, q in s.walk.questions:
        if d.id == s.walk.dimensions[0].id:
            s.set_answer(q.id, 3)
    assert s.walk.resume(s.answers) == Excuse(1)
    for _, q in s.walk.questions:
        s.set_answer(q.id, 2)
    assert s.walk.resume(s.answers) == Review()
    assert s.walk.next(Review()) == Results()
    assert s.walk.next(Results()) == PlanStep()
    assert s.walk.next(PlanStep()) is None
    assert s.walk.back(Profile()) is None
    s.close()


def test_an_enabler_goal_keeps_no_baseline_and_an_actual_becomes_the_next_baseline() -> None:
    s = _session()
    s.set_goal("enable-guidelines", 5, GoalEdit(owner="team"))
    assert "enable-guidelines" not in s.answers.organisation.baselines
    assert s.answers.goals["enable-guidelines"].owner == "team"
    s.record_actual("reach", 1200)
    assert (
        s.answers.actuals == {"reach": 1200} and s.answers.organisation.baselines["reach"] == 1200
    )
    s.set_goal("enable-guidelines", None, GoalEdit())
    assert "enable-guidelines" not in s.answers.goals
    s.close()


def test_another_respondent_is_written_under_its_own_lock(smcheck_home: Path) -> None:
    s = _session()
    s.set_profile(OrganisationEdit(name="Korn"))
    other = s.add_respondent(Respondent(name="Tina", role="team"))
    assert [sid for sid, _ in s.members()] == sorted([s.id, other])
    held = OpenSession.open(other)
    with pytest.raises(SessionInUse):
        s.rename_respondent(other, Respondent(name="Tina B.", role="team"))
    with pytest.raises(SessionInUse):
        s.remove_respondent(other)
    held.close()
    s.rename_respondent(other, Respondent(name="Tina B.", role="team"))
    assert load_session(other)[0].respondent.name == "Tina B."
    s.remove_respondent(other)
    assert (smcheck_home / "sessions" / "removed" / f"{other}.toml").exists()
    s.close()


def test_a_comparison_counts_each_respondent_once_with_their_latest_iteration(
    smcheck_home: Path,
) -> None:
    lead = OpenSession.start(
        find_assessment("social-media-readiness"), "quick", "en", interview=True
    )  # type: ignore[arg-type]
    lead.set_profile(RespondentEdit("Lena", "leadership"))
    questions = [q.id for _, q in lead.assessment.questions("quick")]
    for q in questions:
        lead.set_answer(q, 1)
    team = OpenSession.open(lead.add_respondent(Respondent(name="Tom", role="team")))
    for q in questions:
        team.set_answer(q, 3)
    team.close()
    again = OpenSession.open(lead.next_iteration())  # Lena's second iteration, all at 5
    for q in questions:
        again.set_answer(q, 5)
    try:
        assert len(again.members()) == 3  # the sessions: both of Lena's, and Tom's
        for session in (again, lead):  # from either of Lena's sessions
            c = session.comparison()
            assert [(r.label, r.role) for r in c.respondents] == [
                ("Lena", "leadership"),
                ("Tom", "team"),
            ]
            assert [r.overall for r in c.respondents] == [100, 50]
            assert set(session.comparison_reports()) == {"md", "html", "pdf"}
    finally:
        again.close()
        lead.close()


def test_one_respondent_with_two_iterations_is_no_comparison(smcheck_home: Path) -> None:
    first = OpenSession.start(
        find_assessment("social-media-readiness"), "quick", "en", interview=True
    )  # type: ignore[arg-type]
    first.set_answer(first.assessment.questions("quick")[0][1].id, 2)
    second = OpenSession.open(first.next_iteration())
    try:
        assert len(second.members()) == 2
        assert second.comparison_reports() == {}
    finally:
        second.close()
        first.close()


_text = st.text(alphabet=string.ascii_letters + "äöüß ,\n\x1b", max_size=260)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.one_of(
            st.builds(OrganisationEdit, name=_text, industry=_text),
            st.builds(OrganisationEdit, channels=st.tuples(_text, _text)),
            st.builds(OrganisationEdit, company_goals=st.tuples(_text)),
            st.builds(RespondentEdit, name=_text),
            st.tuples(
                st.sampled_from(["q", "a"]),
                st.one_of(st.integers(-2, 8), st.sampled_from(["dont-know", "n/a", "", "maybe"])),
            ),
        ),
        max_size=8,
    )
)
def test_whatever_is_edited_the_saved_session_opens_with_what_was_accepted(
    edits: list[object],
) -> None:
    s = _session()
    first = s.walk.questions[0][1].id
    try:
        for edit in edits:
            try:
                if isinstance(edit, tuple):
                    s.set_answer(first, edit[1])  # type: ignore[arg-type]
                else:
                    s.set_profile(edit)  # type: ignore[arg-type]
            except InvalidEdit:
                pass
        kept = s.answers
    finally:
        s.close()
    reopened = OpenSession.open(s.id)
    assert reopened.answers == kept
    reopened.close()
