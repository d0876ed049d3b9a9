"""The smallest lift to the next stage, checked against a search that tries everything.

The search in :mod:`smcheck.core.lift` prunes (dimensions that must rise, interchangeable
changes, integer sums). Here every single change and every pair of changes of the bundled
questionnaire is scored with :func:`smcheck.core.scoring.standing`, the scoring itself, and the
winner is picked by the rule as the module states it; both must agree on random answers.
"""

from __future__ import annotations

from functools import cache
from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smcheck.core.lift import MAX_STEP, smallest_lift
from smcheck.core.models.assessment import Assessment
from smcheck.core.scoring import standing
from smcheck.files.catalog import find_assessment

Change = tuple[int, str, int, int]
"""(question's place in scope, question, from option, to option)."""


@cache
def _assessment() -> Assessment:
    return find_assessment("social-media-readiness")


def _everything(values: dict[str, int | str], scope: str) -> tuple[list[Change], bool]:
    """The winning change(s) and whether they reach the next stage, by trying them all."""
    a = _assessment()

    def _standing(values: dict[str, int | str], changes: tuple[Change, ...]) -> tuple[int, int]:
        after = dict(values)
        for _, q, _, to in changes:
            after[q] = to
        s = standing(a, after, scope)  # type: ignore[arg-type]
        return s.overall or 0, s.stage

    questions = [q for _, q in a.questions(scope)]
    singles: list[Change] = []
    for i, q in enumerate(questions):
        v = values.get(q.id)
        if isinstance(v, int):
            top = len(a.scale(q.scale).points)
            singles += [(i, q.id, v, to) for to in range(v + 1, min(top, v + MAX_STEP) + 1)]
    stage = _standing(values, ())[1]
    if stage >= len(a.stages) - 1:
        return [], False
    pairs = [(c1, c2) for c1, c2 in combinations(singles, 2) if c1[1] != c2[1]]
    tried = [((c,), _standing(values, (c,))) for c in singles]
    tried += [(p, _standing(values, p)) for p in pairs]
    reaching = [(cs, st) for cs, st in tried if st[1] > stage]

    def steps(cs: tuple[Change, ...]) -> list[int]:
        return [to - frm for _, _, frm, to in cs]

    if reaching:  # fewest steps, the smaller largest step, the higher score, earlier questions
        best = min(
            reaching,
            key=lambda it: (sum(steps(it[0])), max(steps(it[0])), -it[1][0], [c[0] for c in it[0]]),
        )
        return list(best[0]), True
    if pairs:  # the highest score, the fewest steps, the earliest questions
        scored = [(p, _standing(values, p)[0]) for p in pairs]
        closest = max(
            scored, key=lambda it: (it[1], -sum(steps(it[0])), -it[0][0][0], -it[0][1][0])
        )
        return list(closest[0]), False
    if not singles:
        return [], False
    one = max(tried, key=lambda it: (it[1][1], it[1][0], -sum(steps(it[0])), -it[0][0][0]))
    return list(one[0]), False


_answer = st.one_of(
    st.integers(1, 5),
    st.integers(1, 5),
    st.integers(1, 2),
    st.sampled_from(["dont-know", "n/a", None]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), scope=st.sampled_from(["quick", "full"]))
def test_the_lift_is_what_trying_every_change_and_pair_finds(
    data: st.DataObject, scope: str
) -> None:
    a = _assessment()
    ids = [q.id for _, q in a.questions(scope)]
    drawn = data.draw(st.lists(_answer, min_size=len(ids), max_size=len(ids)))
    if scope == "full":  # keep the brute force small: about half of the full check answered
        drawn = [v if data.draw(st.booleans()) else None for v in drawn]
    values: dict[str, int | str] = {q: v for q, v in zip(ids, drawn, strict=True) if v is not None}

    steps, reached, _ = smallest_lift(a, values, scope)  # type: ignore[arg-type]
    expected, expected_reached = _everything(values, scope)

    assert [(c.question, c.from_option, c.to_option) for c, _, _ in steps] == [
        (q, frm, to) for _, q, frm, to in expected
    ]
    assert reached == expected_reached
