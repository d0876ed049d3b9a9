"""Checks pydantic cannot express: unique ids, references, ranges across fields."""

from __future__ import annotations

from collections.abc import Iterable

from smcheck.core.errors import FieldPath
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import REFERENCE_WEEKS, Action, Assessment, Question
from smcheck.core.models.common import LANGS

Issue = tuple[FieldPath, str]

PHASE_WINDOWS: dict[str, tuple[int, int]] = {
    "start": (1, 2),
    "campaign": (2, 5),
    "feedback": (3, 6),
    "optimisation": (4, 6),
    "new-start": (6, 6),
}
"""Where each phase may lie in the six-week reference iteration."""


def _duplicates(items: Iterable[tuple[FieldPath, str]], what: str) -> list[Issue]:
    seen: dict[str, FieldPath] = {}
    issues: list[Issue] = []
    for path, ident in items:
        if ident in seen:
            issues.append(((*path, "id"), f"duplicate {what} id {ident!r}"))
        else:
            seen[ident] = path
    return issues


def _actions(a: Assessment) -> list[tuple[FieldPath, Action]]:
    found: list[tuple[FieldPath, Action]] = []
    for i, d in enumerate(a.dimensions):
        found += [(("dimensions", i, "actions", j), x) for j, x in enumerate(d.actions)]
    for i, o in enumerate(a.objectives):
        found += [(("objectives", i, "actions", j), x) for j, x in enumerate(o.actions)]
    found += [(("always", j), x) for j, x in enumerate(a.always)]
    return found


def check_assessment(a: Assessment) -> list[Issue]:
    """Every cross-field problem of an assessment definition."""
    issues: list[Issue] = []
    issues += _duplicates(((("scales", i), s.id) for i, s in enumerate(a.scales)), "scale")
    issues += _duplicates(((("stages", i), s.id) for i, s in enumerate(a.stages)), "stage")
    issues += _duplicates(
        ((("dimensions", i), d.id) for i, d in enumerate(a.dimensions)), "dimension"
    )
    issues += _duplicates(
        (
            (("dimensions", i, "questions", j), q.id)
            for i, d in enumerate(a.dimensions)
            for j, q in enumerate(d.questions)
        ),
        "question",
    )
    issues += _duplicates(
        ((("objectives", i), o.id) for i, o in enumerate(a.objectives)), "objective"
    )
    issues += _duplicates(
        (
            (("objectives", i, "kpis", j), k.id)
            for i, o in enumerate(a.objectives)
            for j, k in enumerate(o.kpis)
        ),
        "KPI",
    )
    actions = _actions(a)
    issues += _duplicates(((path, x.id) for path, x in actions), "action")

    for i, s in enumerate(a.scales):
        if any(not 0 <= p <= 100 for p in s.points) or s.points != sorted(set(s.points)):
            issues.append(
                (("scales", i, "points"), "points must rise from option to option, 0-100")
            )
        for lang in LANGS:
            if len(s.labels.get(lang)) != len(s.points):
                issues.append(
                    (("scales", i, "labels", lang), f"needs {len(s.points)} labels, one per option")
                )

    if a.stages[0].min_score != 0:
        issues.append((("stages", 0, "min_score"), "the first stage must start at 0"))
    for i in range(1, len(a.stages)):
        if a.stages[i].min_score <= a.stages[i - 1].min_score:
            issues.append(
                (("stages", i, "min_score"), "stages must be in rising order of min_score")
            )

    scales = {s.id: s for s in a.scales}
    for i, d in enumerate(a.dimensions):
        for j, q in enumerate(d.questions):
            path: FieldPath = ("dimensions", i, "questions", j)
            scale = scales.get(q.scale)
            if scale is None:
                issues.append(((*path, "scale"), f"no scale with id {q.scale!r}"))
                continue
            for lang in LANGS:
                if len(q.options.get(lang)) != len(scale.points):
                    issues.append(
                        (
                            (*path, "options", lang),
                            f"has {len(q.options.get(lang))} options; scale {scale.id!r} "
                            f"needs {len(scale.points)}",
                        )
                    )
        if a.has_quick() and not any(q.quick for q in d.questions):
            issues.append(
                (
                    ("dimensions", i, "questions"),
                    "no question marked quick = true for the quick check",
                )
            )

    issues += _references(a, actions)
    for path, x in actions:
        first, last = x.weeks
        low, high = PHASE_WINDOWS[x.phase]
        if not 1 <= first <= last <= REFERENCE_WEEKS:
            issues.append(((*path, "weeks"), f"must be [first, last] within 1-{REFERENCE_WEEKS}"))
        elif first < low or last > high:
            issues.append(
                ((*path, "weeks"), f"phase {x.phase!r} runs in weeks {low}-{high} of six")
            )
    return issues


def _references(a: Assessment, actions: list[tuple[FieldPath, Action]]) -> list[Issue]:
    """Actions name existing questions and actions (no cycles), the trap names quick
    questions, upgrades merge into questions that exist."""
    issues: list[Issue] = []
    questions = {q.id: q for _, q in a.questions("full")}
    ids = {x.id for _, x in actions}
    for path, x in actions:
        if path[0] == "dimensions" and not x.questions:
            issues.append(
                ((*path, "questions"), "name the question(s) whose low answers call for it")
            )
        for k, q in enumerate(x.questions):
            if q not in questions:
                issues.append(((*path, "questions", k), f"no question {q!r}"))
        for k, other in enumerate(x.after):
            if other not in ids or other == x.id:
                issues.append(((*path, "after", k), f"no other action {other!r}"))
    for i, d in enumerate(a.dimensions):
        own = {x.id for x in d.actions}
        for k, aid in enumerate(d.enabler.actions):
            if aid not in own:
                issues.append(
                    (("dimensions", i, "enabler", "actions", k), f"no action {aid!r} in {d.id}")
                )
    after = {x.id: x.after for _, x in actions}

    def cyclic(start: str) -> bool:
        seen, todo = set(), list(after.get(start, []))
        while todo:
            current = todo.pop()
            if current == start:
                return True
            if current not in seen:
                seen.add(current)
                todo += after.get(current, [])
        return False

    issues += [
        ((*path, "after"), "the order is circular")
        for path, x in actions
        if x.id not in x.after and cyclic(x.id)  # naming itself is said above
    ]
    for i, stage in enumerate(a.stages):
        if stage.trap is None:
            continue
        if i:
            issues.append((("stages", i, "trap"), "only the first stage can have a trap"))
        for k, q in enumerate(stage.trap.questions):
            if q not in questions:
                issues.append((("stages", i, "trap", "questions", k), f"no question {q!r}"))
            elif a.has_quick() and not questions[q].quick:
                issues.append(
                    (("stages", i, "trap", "questions", k), f"{q!r} must be in the quick check")
                )
    for i, u in enumerate(a.upgrades):
        if u.from_version == a.version:
            issues.append((("upgrades", i, "from_version"), "is this version"))
        for j, m in enumerate(u.merge):
            if m.into not in questions:
                issues.append((("upgrades", i, "merge", j, "into"), f"no question {m.into!r}"))
    return issues


def _old_answers(answers: Answers, a: Assessment, version: str) -> list[Issue]:
    """Answers to an older version: every id known then, every option in range (a merged
    question is checked against the scale of the question it became)."""
    into = {
        q: a.question(m.into)
        for u in a.upgrades
        if u.from_version == version
        for m in u.merge
        for q in m.questions
    }
    into |= {q.id: q for _, q in a.questions("full") if q.id not in into}
    return _answer_issues(answers, a, into, f"{a.id} {version}")


def _answer_issues(
    answers: Answers, a: Assessment, questions: dict[str, Question], where: str
) -> list[Issue]:
    """Every answer names a question of ``questions`` and an option of its scale."""
    issues: list[Issue] = []
    for qid, answer in answers.answers.items():
        question = questions.get(qid)
        if question is None:
            issues.append((("answers", qid), f"no question {qid!r} in {where}"))
            continue
        n = len(a.scale(question.scale).points)
        if isinstance(answer.value, int) and not 1 <= answer.value <= n:
            issues.append(
                (
                    ("answers", qid, "value"),
                    f'{answer.value} is out of range; choose 1-{n}, "dont-know" or "n/a"',
                )
            )
    return issues


def check_answers(answers: Answers, a: Assessment, *, version: str | None = None) -> list[Issue]:
    """Every problem of ``answers`` measured against the assessment they name.

    With ``version`` (an older version ``a`` converts from), questions are checked against
    that version's ids: the current ones plus those merged into them.
    """
    if answers.assessment != a.id:
        return [(("assessment",), f"these answers are for {answers.assessment!r}, not {a.id!r}")]
    if version is not None:
        return _old_answers(answers, a, version)
    if answers.assessment_version != a.version:
        return [
            (
                ("assessment_version",),
                f"these answers are for version {answers.assessment_version} of {a.id}; "
                f"the assessment found is version {a.version}",
            )
        ]
    issues: list[Issue] = []
    if answers.scope == "quick" and not a.has_quick():
        issues.append((("scope",), f'{a.id} has no quick check; use scope = "full"'))
    questions = {q.id: q for _, q in a.questions("full")}
    issues += _answer_issues(answers, a, questions, f"{a.id} {a.version}")
    objectives = {o.id for o in a.objectives}
    for i, oid in enumerate(answers.organisation.objectives):
        if oid not in objectives:
            known = ", ".join(sorted(objectives)) or "none"
            issues.append(
                (("organisation", "objectives", i), f"no objective {oid!r} (known: {known})")
            )
        elif oid in answers.organisation.objectives[:i]:
            issues.append((("organisation", "objectives", i), f"objective {oid!r} is listed twice"))
    goals = {k.id for o in a.objectives for k in o.kpis} | {f"enable-{d.id}" for d in a.dimensions}
    for gid, edit in answers.goals.items():
        if gid not in goals:
            issues.append((("goals", gid), f"no starter goal {gid!r} in {a.id}"))
        elif edit.target is not None and gid.startswith("enable-"):
            issues.append((("goals", gid, "target"), "an enabler goal has no numeric target"))
    org = answers.organisation
    for oid, numbers in org.links.items():
        if oid not in org.objectives:
            issues.append((("organisation", "links", oid), f"{oid!r} is not a chosen objective"))
        for k, n in enumerate(numbers):
            if n > len(org.company_goals):
                issues.append(
                    (
                        ("organisation", "links", oid, k),
                        f"there is no company goal {n} (the profile names "
                        f"{len(org.company_goals)})",
                    )
                )
    if org.country or org.region:
        from smcheck.core.calendar import check_place, default_country

        problem = check_place(org.country or default_country(answers.lang), org.region)
        if problem:
            field = "region" if org.region and "region" in problem else "country"
            issues.append((("organisation", field), problem))
    kpis = {k.id for o in a.objectives for k in o.kpis}
    for kid in answers.organisation.baselines:
        if kid not in kpis:
            issues.append((("organisation", "baselines", kid), f"no KPI {kid!r} in {a.id}"))
    return issues
