"""Scores per dimension and overall, the stage, and what would lift it.

The rule, also in the README:
- An answered option gives the points of the shared scale (options 1..5 give 0, 25, 50, 75, 100).
- A dimension's score is the weighted mean of its answered questions' points, rounded half up.
  "Don't know", "not applicable" and unanswered questions are left out of the score and lower
  completeness instead. A dimension with no answered question has no score.
- The overall score is the weighted mean of the dimension scores (dimension weights), rounded.
- The stage is the highest stage whose ``min_score`` the overall score reaches, but at most one
  stage above the stage of the weakest dimension ("as mature as your weakest link, plus one").
- The trap of the first stage (the dead end: long planning without publishing plus an approval
  marathon) forces that stage whatever the average.
- Below ``MIN_COMPLETENESS`` percent answered questions there is no stage at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from smcheck.core.models.answers import Answers, Scope
from smcheck.core.models.assessment import Assessment, Dimension
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import DimensionResult, Lift, Pull, Result
from smcheck.core.texts import t

PULL_BELOW = 50
"""Answers worth fewer points than this are listed as pulling their dimension down."""

BLOCKER_BELOW_STAGE = 2
"""A dimension whose own score is below the third stage (40 in the bundled assessment) blocks."""

STRENGTH_FROM_STAGE = 3
"""A dimension whose own score reaches the fourth stage (60) is a strength."""

MAX_STRENGTHS = 3

CONFIDENCE = {"guess": 30, "know": 70, "verified": 100}
"""Points per answer confidence (interview mode)."""

Values = Mapping[str, int | str]


def round_half_up(x: Fraction) -> int:
    """Round to the nearest integer, halves upwards (as people do by hand)."""
    return int((x + Fraction(1, 2)).__floor__())


def ratio_half_up(num: int, den: int) -> int:
    """``num / den`` rounded half up, in integers (``den`` > 0); the same as
    ``round_half_up(Fraction(num, den))``, without building a fraction."""
    return (2 * num + den) // (2 * den)


def _integer_weights(weights: list[float]) -> list[int]:
    """Weights scaled by one common factor to whole numbers, exactly (``Fraction`` of each
    float): weighted means come out the same, and can be computed in integers."""
    fractions = [Fraction(w) for w in weights]
    denominator = lcm(*(f.denominator for f in fractions)) if fractions else 1
    return [int(f * denominator) for f in fractions]


_WEIGHTS: dict[int, tuple[Assessment, dict[str, int], dict[str, int]]] = {}


def weights_of(a: Assessment) -> tuple[dict[str, int], dict[str, int]]:
    """Whole-number question weights and dimension weights of ``a``, worked out once per
    questionnaire (the entry keeps ``a`` itself, so its id stays valid)."""
    entry = _WEIGHTS.get(id(a))
    if entry is None:
        questions = [q for d in a.dimensions for q in d.questions]
        q_weights = _integer_weights([q.weight for q in questions])
        d_weights = _integer_weights([d.weight for d in a.dimensions])
        entry = (
            a,
            {q.id: w for q, w in zip(questions, q_weights, strict=True)},
            {d.id: w for d, w in zip(a.dimensions, d_weights, strict=True)},
        )
        _WEIGHTS[id(a)] = entry
    return entry[1], entry[2]


def values_of(answers: Answers) -> dict[str, int | str]:
    """Question id to answer value."""
    return {qid: a.value for qid, a in answers.answers.items()}


def dimension_score(a: Assessment, d: Dimension, values: Values, scope: Scope) -> int | None:
    """The weighted mean of the answered questions' points, or ``None`` if none is answered."""
    weight = weights_of(a)[0]
    total = weights = 0
    for q in d.questions:
        if scope == "quick" and not q.quick:
            continue
        v = values.get(q.id)
        if isinstance(v, int):
            w = weight[q.id]
            total += w * a.scale(q.scale).points[v - 1]
            weights += w
    return ratio_half_up(total, weights) if weights else None


def overall_score(a: Assessment, scores: Mapping[str, int | None]) -> int | None:
    """The weighted mean of the dimension scores that exist."""
    weight = weights_of(a)[1]
    total = weights = 0
    for d in a.dimensions:
        s = scores.get(d.id)
        if s is not None:
            total += weight[d.id] * s
            weights += weight[d.id]
    return ratio_half_up(total, weights) if weights else None


def stage_index(a: Assessment, score: int | None) -> int:
    """Index of the highest stage that ``score`` reaches (0 for no score)."""
    if score is None:
        return 0
    return max(i for i, s in enumerate(a.stages) if s.min_score <= score)


MIN_COMPLETENESS = 60
"""Below this share of answered questions (in percent) the result names no stage."""


def trapped(a: Assessment, values: Values) -> bool:
    """Whether the answers hold the organisation in a trapped stage (the dead end): every
    question of the trap answered within its lowest options."""
    trap = a.stages[0].trap
    if trap is None:
        return False
    chosen = [values.get(q) for q in trap.questions]
    return all(isinstance(v, int) and v <= trap.lowest for v in chosen)


@dataclass(frozen=True)
class Standing:
    """Scores and stage for one set of answer values."""

    scores: dict[str, int | None]
    overall: int | None
    by_score: int
    stage: int
    limited_by: str | None
    trap: bool = False


def stage_of_scores(a: Assessment, scores: Mapping[str, int | None]) -> tuple[int, int, str | None]:
    """(stage by the overall score, stage after the weakest-link cap, capping dimension)."""
    by_score = stage_index(a, overall_score(a, scores))
    scored = [(s, i, did) for i, (did, s) in enumerate(scores.items()) if s is not None]
    if scored:
        weakest_score, _, weakest = min(scored)
        cap = stage_index(a, weakest_score) + 1
        if cap < by_score:
            return by_score, cap, weakest
    return by_score, by_score, None


def standing(a: Assessment, values: Values, scope: Scope) -> Standing:
    """Compute every score and the stage: capped by the weakest link, forced by the trap."""
    scores = {d.id: dimension_score(a, d, values, scope) for d in a.dimensions}
    by_score, stage, limited_by = stage_of_scores(a, scores)
    if trapped(a, values):
        return Standing(scores, overall_score(a, scores), by_score, 0, None, trap=True)
    return Standing(scores, overall_score(a, scores), by_score, stage, limited_by)


def lift_fields(a: Assessment, values: Values, scope: Scope, lang: Lang) -> dict[str, object]:
    """The smallest change to the next stage, as the result's ``next_stage_*`` fields."""
    from smcheck.core.lift import smallest_lift

    steps, reached, held_by = smallest_lift(a, values, scope)
    questions = {q.id: (d, q) for d, q in a.questions(scope)}
    lifts = []
    for change, overall, stage in steps:
        dim, question = questions[change.question]
        lifts.append(
            Lift(
                question=question.id,
                dimension=dim.id,
                prompt=question.prompt.get(lang),
                from_option=change.from_option,
                to_option=change.to_option,
                from_label=a.scale(question.scale).labels.get(lang)[change.from_option - 1],
                to_label=a.scale(question.scale).labels.get(lang)[change.to_option - 1],
                from_answer=question.options.get(lang)[change.from_option - 1],
                to_answer=question.options.get(lang)[change.to_option - 1],
                overall_after=overall,
                stage_after=a.stages[stage].id,
            )
        )
    return {
        "next_stage_lifts": lifts,
        "next_stage_reached": reached,
        "next_stage_overall": lifts[-1].overall_after if lifts else None,
        "next_stage_held_by": held_by,
    }


def stage_fields(
    a: Assessment,
    st: Standing,
    *,
    completeness: int,
    missing: int,
    total: int,
    lang: Lang,
) -> dict[str, object]:
    """The stage of a result and the one sentence that explains it, as ``Result`` fields."""
    by_score = a.stages[st.by_score]
    if completeness < MIN_COMPLETENESS:
        key = "result.reason-unknown" if missing else "result.reason-not-applicable"
        return {
            "stage_rule": "too-little-known",
            "stage_reason": t(key, lang, missing=missing, total=total, min=MIN_COMPLETENESS),
        }
    stage = a.stages[st.stage]
    fields: dict[str, object] = {
        "stage": stage.id,
        "stage_name": stage.name.get(lang),
        "stage_by_score": by_score.id,
    }
    if st.stage + 1 < len(a.stages):
        following = a.stages[st.stage + 1]
        fields |= {"next_stage": following.id, "next_stage_name": following.name.get(lang)}
    if st.trap and stage.trap is not None:
        fields |= {"stage_rule": "trap", "stage_reason": stage.trap.reason.get(lang)}
    elif st.limited_by is not None:
        weakest = a.dimension(st.limited_by)
        fields |= {
            "stage_rule": "capped",
            "limited_by": st.limited_by,
            "stage_reason": t(
                "result.reason-capped",
                lang,
                dimension=weakest.name.get(lang),
                score=st.scores[st.limited_by],
                stage=stage.name.get(lang),
                overall=st.overall,
                by_score=by_score.name.get(lang),
            ),
        }
    else:
        fields["stage_description"] = stage.description.get(lang)
    return fields


def dimension_confidence(d: Dimension, answers: Answers) -> int | None:
    """How sure the answers of a dimension are, 0-100; ``None`` unless confidences were given.

    The mean over answered questions of guess 30, know 70, verified 100; an answer without a
    confidence counts as "know".
    """
    if not any(x.confidence for x in answers.answers.values()):
        return None
    given = [
        answers.answers[q.id].confidence
        for q in d.questions
        if q.id in answers.answers
        and isinstance(answers.answers[q.id].value, int)
        and (answers.scope == "full" or q.quick)
    ]
    if not given:
        return None
    return ratio_half_up(sum(CONFIDENCE[c or "know"] for c in given), len(given))


def _dimension_result(
    a: Assessment, d: Dimension, answers: Answers, values: Values, score: int | None, lang: Lang
) -> DimensionResult:
    scope = answers.scope
    questions = [q for q in d.questions if scope == "full" or q.quick]
    counts = {"answered": 0, "dont-know": 0, "n/a": 0, "": 0}
    weight = weights_of(a)[0]
    weights = sum(weight[q.id] for q in questions if isinstance(values.get(q.id), int))
    pulls: list[Pull] = []
    for q in questions:
        v = values.get(q.id, "")
        if isinstance(v, int):
            counts["answered"] += 1
            scale = a.scale(q.scale)
            points = scale.points[v - 1]
            if points < PULL_BELOW:
                lost = ratio_half_up(weight[q.id] * (100 - points), weights)
                pulls.append(
                    Pull(
                        question=q.id,
                        prompt=q.prompt.get(lang),
                        option=v,
                        label=scale.labels.get(lang)[v - 1],
                        answer=q.options.get(lang)[v - 1],
                        points=points,
                        lost=lost,
                    )
                )
        else:
            counts[str(v)] += 1
    pulls.sort(key=lambda p: -p.lost)
    return DimensionResult(
        id=d.id,
        name=d.name.get(lang),
        excuse=d.excuse.get(lang),
        score=score,
        weight=d.weight,
        questions=len(questions),
        answered=counts["answered"],
        dont_know=counts["dont-know"],
        not_applicable=counts["n/a"],
        unanswered=counts[""],
        completeness=ratio_half_up(100 * counts["answered"], len(questions)) if questions else 0,
        pulled_down_by=pulls,
        confidence=dimension_confidence(d, answers),
    )


def score(a: Assessment, answers: Answers, lang: Lang) -> Result:
    """Score ``answers`` against ``a``; texts in ``lang``."""
    values = values_of(answers)
    scope = answers.scope
    st = standing(a, values, scope)
    dims = [_dimension_result(a, d, answers, values, st.scores[d.id], lang) for d in a.dimensions]
    total = sum(r.questions for r in dims)
    answered = sum(r.answered for r in dims)
    completeness = ratio_half_up(100 * answered, total) if total else 0
    missing = sum(r.dont_know + r.unanswered for r in dims)  # "n/a" is an answer, not a gap
    fields = stage_fields(a, st, completeness=completeness, missing=missing, total=total, lang=lang)
    if fields.get("next_stage") is not None:
        fields |= lift_fields(a, values, scope, lang)
    return Result(
        overall=st.overall,
        completeness=completeness,
        missing=missing,
        dimensions=dims,
        **blockers_and_strengths(a, dims),
        **fields,
    )


def blockers_and_strengths(a: Assessment, dims: list[DimensionResult]) -> dict[str, list[str]]:
    """Blockers (below the third stage, weakest first) and strengths (from the fourth stage,
    strongest first, at most three); ties in dimension order."""
    scored = [(r.score, i, r.id) for i, r in enumerate(dims) if r.score is not None]
    blocker_line = a.stages[BLOCKER_BELOW_STAGE].min_score
    strength_line = a.stages[STRENGTH_FROM_STAGE].min_score
    strengths = [
        did for s, _, did in sorted(scored, key=lambda t: (-t[0], t[1])) if s >= strength_line
    ]
    return {
        "blockers": [did for s, _, did in sorted(scored) if s < blocker_line],
        "strengths": strengths[:MAX_STRENGTHS],
    }
