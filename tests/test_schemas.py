"""The committed JSON Schemas match the models, and real files validate against them."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from conftest import MINI, ROOT
from helpers import answers, mini
from smcheck.core.planning import make_plan
from smcheck.core.scoring import score
from smcheck.files.export import to_json
from smcheck.files.schemas import KINDS, schema_text


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_matches_the_models(kind: str) -> None:
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), (
        f"schemas/{kind}.schema.json is out of date: run `smcheck schema {kind} > schemas/{kind}.schema.json`"
    )


def _schema(kind: str) -> dict[str, object]:
    return json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _jsonable(value: object) -> object:
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def test_exported_plan_validates_against_the_plan_schema() -> None:
    a = mini()
    ans = answers({"a1": 3, "b1": 1}, objectives=["awareness"])
    plan = make_plan(a, ans, score(a, ans, "de"), lang="de")
    jsonschema.validate(json.loads(to_json(plan)), _schema("plan"))


def test_exported_comparison_with_its_plan_validates_against_the_comparison_schema() -> None:
    from smcheck.core.compare import compare
    from smcheck.files.export.comparison import comparison_json

    a = mini()
    boss = answers({"a1": 5, "b1": 4}, objectives=["awareness"])
    boss = boss.model_copy(update={"respondent": boss.respondent.model_copy(update={"name": "B"})})
    team = answers({"a1": 1, "b1": 2}, objectives=["awareness"])
    team = team.model_copy(
        update={"respondent": team.respondent.model_copy(update={"name": "T", "role": "team"})}
    )
    data = json.loads(comparison_json(compare(a, [("b", boss), ("t", team)], "en")))
    assert data["schema"] == "smcheck.comparison/2"
    assert data["plan"]["schema"] == "smcheck.plan/2"  # the plan is part of the comparison
    assert [g["dimension"] for g in data["gaps"]] == ["alpha", "beta"]
    jsonschema.validate(data, _schema("comparison"))


def test_bundled_and_fixture_assessments_validate_against_the_schema() -> None:
    for path in [MINI, *sorted((ROOT / "assessments").glob("*.toml"))]:
        jsonschema.validate(
            _jsonable(tomllib.loads(path.read_text(encoding="utf-8"))), _schema("assessment")
        )


def test_answers_validate_against_the_answers_schema() -> None:
    data = answers({"a1": 3, "b1": "dont-know", "g1": "n/a", "g2": ""}, completed=date(2026, 1, 5))
    jsonschema.validate(
        _jsonable(data.model_dump(by_alias=True, exclude_none=True)), _schema("answers")
    )


def test_schema_refuses_what_the_model_refuses() -> None:
    bad = {
        "schema": "smcheck.answers/1",
        "assessment": "mini",
        "assessment_version": "1.0",
        "answers": {"a1": {"value": "maybe"}},
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, _schema("answers"))


def test_a_journal_written_by_an_open_session_validates_against_the_journal_schema(
    smcheck_home: Path,
) -> None:
    import json

    from smcheck.files.catalog import find_assessment
    from smcheck.files.open_session import OpenSession, OrganisationEdit
    from smcheck.files.session import session_path

    schema = json.loads((ROOT / "schemas" / "journal.schema.json").read_text(encoding="utf-8"))
    session = OpenSession.start(find_assessment("social-media-readiness"), "quick", "en")
    first = session.walk.questions[0][1].id
    session.set_answer(first, 2)
    session.set_note(first, "a note")
    session.set_profile(OrganisationEdit(name="Korn", country="DE"))
    journal = session_path(session.id).with_suffix(".journal")
    lines = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    session.close()
    assert len(lines) >= 4  # the header and three changes, before any fold
    for line in lines:
        jsonschema.validate(line, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"set": {"no-such-field": 1}}, schema)
