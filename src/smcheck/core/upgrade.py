"""Answers to an older version of a questionnaire, converted to the current one.

Where several old questions became one, the lowest option chosen among them is taken (the
more cautious reading); their notes are kept together. Questions that no longer exist are
dropped. Every conversion says what it did, one sentence per change.
"""

from __future__ import annotations

from smcheck.core.models.answers import Answer, Answers
from smcheck.core.models.assessment import Assessment


def can_upgrade(a: Assessment, answers: Answers) -> bool:
    """Whether ``answers`` are for an older version of ``a`` that it knows how to convert."""
    return answers.assessment == a.id and any(
        u.from_version == answers.assessment_version for u in a.upgrades
    )


def _merged(answers: list[tuple[str, Answer]]) -> tuple[Answer, str | None]:
    """One answer for several: the lowest option (or the first other value), notes joined."""
    options = [(ans.value, i) for i, (_, ans) in enumerate(answers) if isinstance(ans.value, int)]
    if options:
        _, i = min(options)
        chosen = answers[i][1]
        taken = answers[i][0] if len({v for v, _ in options}) > 1 else None
    else:
        chosen = next((ans for _, ans in answers if ans.value != ""), answers[0][1])
        taken = None
    notes = [ans.note.strip() for _, ans in answers if ans.note.strip()]
    private = [ans.private_note.strip() for _, ans in answers if ans.private_note.strip()]
    return (
        chosen.model_copy(
            update={
                "note": "\n\n".join(dict.fromkeys(notes)),
                "private_note": "\n\n".join(dict.fromkeys(private)),
                "revisit": any(ans.revisit for _, ans in answers),
            }
        ),
        taken,
    )


def upgrade(a: Assessment, answers: Answers) -> tuple[Answers, list[str]]:
    """``answers`` converted to the version of ``a``, and what was changed (in English, for a
    notice on the terminal); unchanged when they are not for an older version of ``a``."""
    if not can_upgrade(a, answers):
        return answers, []
    old = answers.assessment_version
    plan = next(u for u in a.upgrades if u.from_version == old)
    values = dict(answers.answers)
    notices = [f"converted from {a.id} {old} to {a.version}"]
    for merge in plan.merge:
        given = [(q, values.pop(q)) for q in merge.questions if q in values]
        if not given:
            continue
        answer, taken = _merged(given)
        values[merge.into] = answer
        if len(given) > 1 and taken is not None:
            notices.append(
                f"{', '.join(q for q, _ in given)} are one question now ({merge.into}); "
                f"the lower answer was taken (option {answer.value}, from {taken})"
            )
        elif len(given) > 1:
            notices.append(f"{', '.join(q for q, _ in given)} are one question now ({merge.into})")
    known = {q.id for _, q in a.questions("full")}
    dropped = sorted(q for q in values if q not in known)
    for q in dropped:
        del values[q]
    if dropped:
        notices.append(f"dropped answers to questions that no longer exist: {', '.join(dropped)}")
    converted = answers.model_copy(update={"assessment_version": a.version, "answers": values})
    return Answers.model_validate(converted.model_dump(by_alias=True)), notices
