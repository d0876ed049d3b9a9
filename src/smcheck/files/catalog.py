"""Find assessments by id or path, and load answers together with the assessment they name."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from smcheck.core.checks import check_answers, check_assessment
from smcheck.core.errors import InvalidFile, Problem, SmcheckError
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.upgrade import can_upgrade, upgrade
from smcheck.files.loading import (
    Document,
    document,
    kind_of,
    read_bytes,
    read_document,
    refuse,
    validate,
)
from smcheck.files.locations import bundled_assessments_dir, user_assessments_dir

DEFAULT_ASSESSMENT = "social-media-readiness"


@dataclass(frozen=True)
class Entry:
    """An assessment file found on disk."""

    path: Path
    origin: str  # "bundled" or "user"


log = logging.getLogger("smcheck")
"""Notices about files read (e.g. converted from an older questionnaire version): the command
line prints them on stderr."""


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def assessment_from(doc: Document) -> Assessment:
    """Validate a parsed document as an assessment definition."""
    kind = kind_of(doc)
    if kind != "assessment":
        raise InvalidFile(
            [doc.problem(("schema",), f"this is {_article(kind)} file, not an assessment")]
        )
    assessment = validate(Assessment, doc)
    refuse(doc, check_assessment(assessment))
    return assessment


_CACHE: dict[tuple[str, bytes], Assessment] = {}


def load_assessment(path: Path) -> Assessment:
    """Load and check an assessment file; unchanged content is parsed only once per process."""
    raw = read_bytes(path)
    key = (str(path), hashlib.sha256(raw).digest())
    if key not in _CACHE:
        _CACHE[key] = assessment_from(document(raw, str(path)))
    return _CACHE[key]


def entries() -> list[Entry]:
    """Every assessment file: bundled first, then the user's, each sorted by name."""
    found = [Entry(p, "bundled") for p in sorted(bundled_assessments_dir().glob("*.toml"))]
    user = user_assessments_dir()
    if user.is_dir():
        found += [Entry(p, "user") for p in sorted(user.glob("*.toml"))]
    return found


def find_assessment(ref: str | None) -> Assessment:
    """An assessment by id (bundled or user) or by path; ``None`` means the default."""
    ref = ref or DEFAULT_ASSESSMENT
    if ref.endswith(".toml") or "/" in ref or "\\" in ref:
        return load_assessment(Path(ref))
    known: list[str] = []
    for entry in entries():
        if entry.path.stem == ref:
            return load_assessment(entry.path)
    for entry in entries():
        try:
            assessment = load_assessment(entry.path)
        except InvalidFile:
            continue
        if assessment.id == ref:
            return assessment
        known.append(assessment.id)
    raise SmcheckError(
        f"no assessment {ref!r}; known: {', '.join(known) or 'none'} (see: smcheck assessments)"
    )


def answers_from(
    doc: Document,
    assessment: Assessment | None = None,
    resolve: Callable[[str], Assessment] | None = None,
    notices: list[str] | None = None,
) -> tuple[Answers, Assessment]:
    """Validate a parsed document as answers and check them against their assessment.

    Answers to an older version of the questionnaire are converted; what the conversion did
    goes to ``notices`` as "file: notice" lines, or, without a list, to the ``smcheck`` log.
    """
    kind = kind_of(doc)
    if kind != "answers":
        raise InvalidFile([doc.problem(("schema",), f"this is {_article(kind)} file, not answers")])
    answers = validate(Answers, doc)
    if assessment is None:
        try:
            assessment = (resolve or find_assessment)(answers.assessment)
        except SmcheckError as exc:
            raise InvalidFile([doc.problem(("assessment",), str(exc))]) from None
    if can_upgrade(assessment, answers):
        refuse(doc, check_answers(answers, assessment, version=answers.assessment_version))
        answers, said = upgrade(assessment, answers)
        for notice in said:
            if notices is None:
                log.warning("%s: %s", doc.name, notice)
            else:
                notices.append(f"{doc.name}: {notice}")
    refuse(doc, check_answers(answers, assessment))
    return answers, assessment


def load_answers(
    path: Path,
    assessment: Assessment | None = None,
    resolve: Callable[[str], Assessment] | None = None,
    notices: list[str] | None = None,
) -> tuple[Answers, Assessment]:
    """Load an answers file and the assessment it belongs to; both fully checked (see
    :func:`answers_from` for ``notices``)."""
    return answers_from(read_document(path), assessment, resolve, notices)


def validate_file(path: Path, assessment: Assessment | None = None) -> str:
    """Check any smcheck file; say what it is, or raise with every problem."""
    return validate_document(read_document(path), assessment)


def validate_document(doc: Document, assessment: Assessment | None = None) -> str:
    """Check any parsed smcheck file; say what it is, or raise with every problem."""
    kind = kind_of(doc)
    if kind == "assessment":
        a = assessment_from(doc)
        return f"assessment {a.id} {a.version}"
    if kind == "plan":
        from smcheck.core.models.plan import Plan

        plan = validate(Plan, doc)
        return f"plan for {plan.source.assessment} {plan.source.assessment_version}"
    if kind == "comparison":
        from smcheck.core.models.comparison import Comparison

        c = validate(Comparison, doc)
        return f"comparison for {c.assessment} {c.assessment_version}"
    if kind == "config":
        from smcheck.files.config import Config

        validate(Config, doc)
        return "config"
    _, a = answers_from(doc, assessment)
    return f"answers for {a.id} {a.version}"


__all__ = ["Problem"]
