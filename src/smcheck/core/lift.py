"""What would lift the organisation to the next stage: the smallest change of one or two answers.

Every answered question can be raised by one or two options (a step a person can take in one
iteration; nobody goes from "not at all" to "fully lived" at once). The search tries every single
change, then every pair, and picks the one that reaches the next stage with the fewest option
steps (ties: the smaller largest step, then the higher overall score, then the earlier
questions). If no pair reaches it, the
pair that comes closest is returned. Scores are recomputed exactly as in :mod:`smcheck.core.scoring`,
in integers, so a full search over all pairs stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import NamedTuple

from smcheck.core.models.answers import Scope
from smcheck.core.models.assessment import Assessment, Question
from smcheck.core.scoring import Values, ratio_half_up, stage_index, weights_of

MAX_STEP = 2
"""An answer is raised by at most this many options."""


class Change(NamedTuple):
    """Raise one answer from ``from_option`` to ``to_option`` (a tuple: the search makes
    thousands of them)."""

    order: int
    question: str
    dimension: int
    from_option: int
    to_option: int
    delta: int = 0
    """What the change adds to its dimension's weighted point sum."""

    @property
    def steps(self) -> int:
        return self.to_option - self.from_option


Candidates = list[tuple[tuple["Change", ...], tuple[int | None, int]]]


_Layout = tuple[Assessment, list[int], list[list[Question]], list[int], list[list[int]], list[int]]
_LAYOUTS: dict[tuple[int, str], _Layout] = {}


def _layout(a: Assessment, scope: Scope) -> _Layout:
    """What depends on the questionnaire only, worked out once per questionnaire and scope:
    whole-number dimension weights (those of scoring), the questions in scope, their weights
    and the points of their options, the stage of every score 0-100. (The questionnaire itself
    is kept in the entry, so its id stays valid.)"""
    key = (id(a), scope)
    if key not in _LAYOUTS:
        q_weight, d_weight = weights_of(a)
        in_scope = [[q for q in d.questions if scope == "full" or q.quick] for d in a.dimensions]
        _LAYOUTS[key] = (
            a,
            [d_weight[d.id] for d in a.dimensions],
            in_scope,
            [q_weight[q.id] for qs in in_scope for q in qs],
            [a.scale(q.scale).points for qs in in_scope for q in qs],
            [stage_index(a, score) for score in range(101)],
        )
    return _LAYOUTS[key]


class Evaluator:
    """Overall score and stage after a few answer changes, computed in integers."""

    def __init__(self, a: Assessment, values: Values, scope: Scope) -> None:
        self.a = a
        layout = _layout(a, scope)
        self.dim_weights, in_scope, q_weights, q_points, self.stage_of = layout[1:]
        self.sums: list[tuple[int, int]] = []
        self.changes: list[Change] = []
        self.points: dict[str, tuple[int, list[int]]] = {}
        order = 0
        for i, questions in enumerate(in_scope):
            num = den = 0
            for q in questions:
                w, points = q_weights[order], q_points[order]
                self.points[q.id] = (w, points)
                v = values.get(q.id)
                if isinstance(v, int):
                    num += w * points[v - 1]
                    den += w
                    self.changes += [
                        Change(order, q.id, i, v, to, w * (points[to - 1] - points[v - 1]))
                        for to in range(v + 1, min(len(points), v + MAX_STEP) + 1)
                    ]
                order += 1
            self.sums.append((num, den))
        trap = a.stages[0].trap
        self.trap_lowest = trap.lowest if trap else 0
        self.trap = {q: values.get(q) for q in trap.questions} if trap else {}
        self.trapped_now = self.trapped()
        self.dimension_of = {q.id: i for i, qs in enumerate(in_scope) for q in qs}
        # what the fast path needs: the scores as they are, and the stage of every score
        self.scores = [ratio_half_up(num, den) if den else None for num, den in self.sums]
        present = [(s, i) for i, s in enumerate(self.scores) if s is not None]
        self.total = sum(self.dim_weights[i] * s for s, i in present)
        self.weights = sum(self.dim_weights[i] for _, i in present)
        self.by_score = sorted(present)

    def fast(self, changes: tuple[Change, ...]) -> tuple[int | None, int]:
        """The same as :meth:`standing` for changes of answered questions, in a few steps."""
        nums: dict[int, int] = {}
        for c in changes:
            nums[c.dimension] = nums.get(c.dimension, self.sums[c.dimension][0]) + c.delta
        total = self.total
        weakest: int | None = None
        for d, num in nums.items():
            score = ratio_half_up(num, self.sums[d][1])
            total += self.dim_weights[d] * (score - (self.scores[d] or 0))
            weakest = score if weakest is None else min(weakest, score)
        for score, d in self.by_score:
            if d not in nums:
                weakest = score if weakest is None else min(weakest, score)
                break
        overall = ratio_half_up(total, self.weights)
        stage = self.stage_of[overall]
        if weakest is not None:
            stage = min(stage, self.stage_of[weakest] + 1)
        trapped = (
            self.trapped(changes)
            if any(c.question in self.trap for c in changes)
            else self.trapped_now
        )
        return overall, 0 if trapped else stage

    def _trap_after(self, changes: tuple[Change, ...]) -> dict[str, int | str | None]:
        """The trap's questions and their answers after ``changes``."""
        after = dict(self.trap)
        for c in changes:
            if c.question in after:
                after[c.question] = c.to_option
        return after

    def trapped(self, changes: tuple[Change, ...] = ()) -> bool:
        """Whether the trap (the dead end) still holds after ``changes``."""
        after = self._trap_after(changes)
        return bool(after) and all(
            isinstance(v, int) and v <= self.trap_lowest for v in after.values()
        )

    def held_by(self, changes: tuple[Change, ...], target: int) -> list[str]:
        """What still keeps the organisation below stage ``target`` after ``changes``: the
        trap's weakest question's dimension, or every dimension too weak for ``target`` by the
        weakest-link rule, weakest first (empty: only the average is too low)."""
        if self.trapped(changes):
            after = self._trap_after(changes)
            lowest = min(after, key=lambda q: (after[q], list(after).index(q)))
            return [self.a.dimensions[self.dimension_of[lowest]].id]
        sums = list(self.sums)
        for c in changes:
            num, den = sums[c.dimension]
            sums[c.dimension] = (num + c.delta, den)
        scored = [(ratio_half_up(num, den), i) for i, (num, den) in enumerate(sums) if den]
        return [
            self.a.dimensions[i].id
            for score, i in sorted(scored)
            if self.stage_of[score] + 1 < target
        ]

    def floor(self, stage: int) -> int:
        """The lowest score of ``stage``."""
        return self.a.stages[stage].min_score

    def closest(self, few: list[Change]) -> tuple[Change, Change] | None:
        """When no pair reaches the next stage, every pair stays at the current one (raising an
        answer never lowers a score): the closest pair is the one with the highest overall score,
        then the fewest steps, then the earliest questions. One pass, in integers; ``None`` if
        there is no pair of two different questions."""
        total, weights = self.total, self.weights
        dims = [c.dimension for c in few]
        deltas = [c.delta for c in few]
        steps = [c.steps for c in few]
        questions = [c.question for c in few]
        gains = [  # what one change alone adds to the weighted sum of dimension scores
            self.dim_weights[d]
            * (ratio_half_up(self.sums[d][0] + delta, self.sums[d][1]) - (self.scores[d] or 0))
            for d, delta in zip(dims, deltas, strict=True)
        ]
        best: tuple[int, int, int, int] = (-1, 0, 0, 0)
        chosen: tuple[Change, Change] | None = None
        for i in range(len(few)):
            d, gain, step, question = dims[i], gains[i], steps[i], questions[i]
            for j in range(i + 1, len(few)):
                if questions[j] == question:
                    continue
                if dims[j] == d:
                    num, den = self.sums[d]
                    after = ratio_half_up(num + deltas[i] + deltas[j], den)
                    t = total + self.dim_weights[d] * (after - (self.scores[d] or 0))
                else:
                    t = total + gain + gains[j]
                overall = ratio_half_up(t, weights)
                if overall < best[0]:
                    continue
                key = (overall, -step - steps[j], -few[i].order, -few[j].order)
                if key > best:
                    best, chosen = key, (few[i], few[j])
        return chosen

    def standing(self, changes: tuple[Change, ...] = ()) -> tuple[int | None, int]:
        """(overall score, stage index) after ``changes``."""
        sums = list(self.sums)
        for c in changes:
            w, points = self.points[c.question]
            num, den = sums[c.dimension]
            sums[c.dimension] = (
                num + w * (points[c.to_option - 1] - points[c.from_option - 1]),
                den,
            )
        total = weights = 0
        weakest: int | None = None
        for (num, den), dw in zip(sums, self.dim_weights, strict=True):
            if den:
                score = ratio_half_up(num, den)
                total += dw * score
                weights += dw
                weakest = score if weakest is None else min(weakest, score)
        if not weights:
            return None, 0
        overall = ratio_half_up(total, weights)
        stage = stage_index(self.a, overall)
        if weakest is not None:
            stage = min(stage, stage_index(self.a, weakest) + 1)
        return overall, 0 if self.trapped(changes) else stage


Steps = list[tuple[Change, int, int]]


def smallest_lift(a: Assessment, values: Values, scope: Scope) -> tuple[Steps, bool, list[str]]:
    """The change(s) to the next stage, each with (overall, stage index) after it and the ones
    before it; whether they reach it; if not, the dimensions that still hold the stage."""
    ev = Evaluator(a, values, scope)
    steps, reached = _search(ev)
    if reached:
        return steps, True, []
    target = ev.standing()[1] + 1
    return steps, False, ev.held_by(tuple(c for c, _, _ in steps), target)


def _search(ev: Evaluator) -> tuple[Steps, bool]:
    a = ev.a
    _, stage = ev.standing()
    if stage >= len(a.stages) - 1:
        return [], False
    # The next stage needs every dimension below the current stage's lowest score raised
    # (weakest link plus one): one change can only do that with at most one such dimension,
    # two changes with at most two. That rules out most candidates before any sum.
    low = {d for d, score in enumerate(ev.scores) if score is not None and score < ev.floor(stage)}
    if ev.trapped_now:  # the way out of the trap is one of its questions, wherever the average is
        low = set()
    singles: Candidates = [
        ((c,), ev.fast((c,))) for c in ev.changes if len(low) == 0 or low == {c.dimension}
    ]
    reaching = [(cs, st) for cs, st in singles if st[1] > stage]
    best = min((sum(c.steps for c in cs) for cs, _ in reaching), default=None)
    if best == 1:  # nothing beats one step
        return _steps(ev, _fewest_steps(reaching)), True
    # a single change of two steps ties with two changes of one step each; the smaller
    # largest step wins, so pairs are looked at up to the best single's number of steps
    # Changes with the same effect (same dimension, weight, scale and options) are
    # interchangeable; the tie-break prefers the earliest questions, so the first two of each
    # kind are all a pair can need. This keeps the search exact and small.
    kinds: dict[tuple[int, int, int, int, bool], int] = {}
    few: list[Change] = []
    for c in ev.changes:
        kind = (c.dimension, c.delta, c.from_option, c.to_option, c.question in ev.trap)
        if kinds.get(kind, 0) < 2:
            kinds[kind] = kinds.get(kind, 0) + 1
            few.append(c)
    if len(low) <= 2:
        candidates = sorted(
            ((c1.steps + c2.steps, c1, c2) for c1, c2 in _pairs(few, low)), key=lambda it: it[0]
        )
        for total, c1, c2 in candidates:
            # fewest steps first: once a number of steps reaches the next stage, more never wins
            if best is not None and total > best:
                break
            standing = ev.fast((c1, c2))
            if standing[1] > stage:
                reaching.append(((c1, c2), standing))
                best = total if best is None else min(best, total)
    if reaching:
        return _steps(ev, _fewest_steps(reaching)), True
    closest = ev.closest(few)
    if closest is not None:
        return _steps(ev, closest), False
    singles = [((c,), ev.fast((c,))) for c in ev.changes]  # one answer is all there is
    if not singles:
        return [], False
    closest_single = max(
        singles,
        key=lambda it: (it[1][1], it[1][0] or 0, -it[0][0].steps, -it[0][0].order),
    )
    return _steps(ev, closest_single[0]), False


def _pairs(few: list[Change], low: set[int]) -> Iterator[tuple[Change, Change]]:
    """Pairs of changes of two different questions that raise every dimension in ``low``
    (at most two), the earlier question first."""
    if len(low) == 2:
        first, second = sorted(low)
        for c1 in (c for c in few if c.dimension == first):
            for c2 in (c for c in few if c.dimension == second):
                yield (c1, c2) if c1.order < c2.order else (c2, c1)
        return
    for c1, c2 in combinations(few, 2):
        if c1.question != c2.question and (not low or c1.dimension in low or c2.dimension in low):
            yield c1, c2


def _fewest_steps(reaching: Candidates) -> tuple[Change, ...]:
    """Fewest option steps; then the smaller largest step, the higher score, earlier questions."""
    best = min(
        reaching,
        key=lambda it: (
            sum(c.steps for c in it[0]),
            max(c.steps for c in it[0]),
            -(it[1][0] or 0),
            [c.order for c in it[0]],
        ),
    )
    return best[0]


def _steps(ev: Evaluator, changes: tuple[Change, ...]) -> list[tuple[Change, int, int]]:
    """Each change with the standing after it and the ones before it."""
    out: list[tuple[Change, int, int]] = []
    for i in range(len(changes)):
        overall, stage = ev.standing(changes[: i + 1])
        out.append((changes[i], overall or 0, stage))
    return out
