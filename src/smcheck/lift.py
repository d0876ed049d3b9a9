"""What would lift the organisation to the next stage: the smallest change of one or two answers.

Every answered question can be raised to any higher option. The search tries every single
change, then every pair, and picks the one that reaches the next stage with the fewest option
steps (ties: the smaller largest step, then the higher overall score, then the earlier
questions). If no pair reaches it, the
pair that comes closest is returned. Scores are recomputed exactly as in :mod:`smcheck.scoring`,
in integers, so a full search over all pairs stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations
from math import lcm

from smcheck.models.answers import Scope
from smcheck.models.assessment import Assessment
from smcheck.scoring import Values, stage_index


def _integer_weights(weights: list[float]) -> list[int]:
    fractions = [Fraction(w) for w in weights]
    denominator = lcm(*(f.denominator for f in fractions)) if fractions else 1
    return [int(f * denominator) for f in fractions]


def _round(num: int, den: int) -> int:
    """``num / den`` rounded half up, for positive ``den``."""
    return (2 * num + den) // (2 * den)


@dataclass(frozen=True)
class Change:
    """Raise one answer from ``from_option`` to ``to_option``."""

    order: int
    question: str
    dimension: int
    from_option: int
    to_option: int

    @property
    def steps(self) -> int:
        return self.to_option - self.from_option


Candidates = list[tuple[tuple["Change", ...], tuple[int | None, int]]]


class Evaluator:
    """Overall score and stage after a few answer changes, computed in integers."""

    def __init__(self, a: Assessment, values: Values, scope: Scope) -> None:
        self.a = a
        self.dim_weights = _integer_weights([d.weight for d in a.dimensions])
        self.sums: list[tuple[int, int]] = []
        self.changes: list[Change] = []
        self.points: dict[str, tuple[int, list[int]]] = {}
        in_scope = [[q for q in d.questions if scope == "full" or q.quick] for d in a.dimensions]
        q_weights = _integer_weights([q.weight for qs in in_scope for q in qs])
        order = 0
        for i, questions in enumerate(in_scope):
            num = den = 0
            for q in questions:
                w = q_weights[order]
                points = a.scale(q.scale).points
                self.points[q.id] = (w, points)
                v = values.get(q.id)
                if isinstance(v, int):
                    num += w * points[v - 1]
                    den += w
                    self.changes += [
                        Change(order, q.id, i, v, to) for to in range(v + 1, len(points) + 1)
                    ]
                order += 1
            self.sums.append((num, den))

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
                score = _round(num, den)
                total += dw * score
                weights += dw
                weakest = score if weakest is None else min(weakest, score)
        if not weights:
            return None, 0
        overall = _round(total, weights)
        stage = stage_index(self.a, overall)
        if weakest is not None:
            stage = min(stage, stage_index(self.a, weakest) + 1)
        return overall, stage


def smallest_lift(
    a: Assessment, values: Values, scope: Scope
) -> tuple[list[tuple[Change, int, int]], bool]:
    """The change(s) to the next stage, each with (overall, stage index) after it; and if reached."""
    ev = Evaluator(a, values, scope)
    _, stage = ev.standing()
    if stage >= len(a.stages) - 1:
        return [], False
    singles: Candidates = [((c,), ev.standing((c,))) for c in ev.changes]
    reaching = [(cs, st) for cs, st in singles if st[1] > stage]
    if not reaching:
        pairs: Candidates = [
            ((c1, c2), ev.standing((c1, c2)))
            for c1, c2 in combinations(ev.changes, 2)
            if c1.question != c2.question
        ]
        reaching = [(cs, st) for cs, st in pairs if st[1] > stage]
        if not reaching:
            if not pairs:
                pairs = singles
            if not pairs:
                return [], False
            best = max(
                pairs,
                key=lambda it: (
                    it[1][1],
                    it[1][0] or 0,
                    -sum(c.steps for c in it[0]),
                    [-c.order for c in it[0]],
                ),
            )
            return _steps(ev, best[0]), False
    best = min(
        reaching,
        key=lambda it: (
            sum(c.steps for c in it[0]),
            max(c.steps for c in it[0]),
            -(it[1][0] or 0),
            [c.order for c in it[0]],
        ),
    )
    return _steps(ev, best[0]), True


def _steps(ev: Evaluator, changes: tuple[Change, ...]) -> list[tuple[Change, int, int]]:
    """Each change with the standing after it and the ones before it."""
    out: list[tuple[Change, int, int]] = []
    for i in range(len(changes)):
        overall, stage = ev.standing(changes[: i + 1])
        out.append((changes[i], overall or 0, stage))
    return out
