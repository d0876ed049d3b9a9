"""JSON Schemas of the files smcheck reads and writes, generated from the models."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.comparison import Comparison
from smcheck.core.models.plan import Plan
from smcheck.core.models.portfolio import Portfolio
from smcheck.core.models.session_index import SessionIndex
from smcheck.files.config import Config

Kind = Literal[
    "plan",
    "answers",
    "assessment",
    "config",
    "comparison",
    "journal",
    "portfolio",
    "session-index",
]
KINDS: tuple[Kind, ...] = (
    "plan",
    "answers",
    "assessment",
    "config",
    "comparison",
    "journal",
    "portfolio",
    "session-index",
)

_MODELS: dict[str, tuple[type[BaseModel], Literal["validation", "serialization"]]] = {
    "plan": (Plan, "serialization"),
    "answers": (Answers, "validation"),
    "assessment": (Assessment, "validation"),
    "config": (Config, "validation"),
    "comparison": (Comparison, "serialization"),
    "portfolio": (Portfolio, "serialization"),
    "session-index": (SessionIndex, "serialization"),
}


VERSIONS: dict[Kind, int] = {
    "plan": 2,
    "answers": 1,
    "assessment": 2,
    "config": 1,
    "comparison": 2,
    "journal": 1,
    "portfolio": 1,
    "session-index": 1,
}
"""The schema version smcheck writes, per kind (the number after the slash)."""


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for ``kind``."""
    if kind == "journal":
        schema = _journal_line()
    else:
        model, mode = _MODELS[kind]
        schema = model.model_json_schema(by_alias=True, mode=mode)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:smcheck:schema:{kind}:{VERSIONS[kind]}",
        **schema,
    }


def _journal_line() -> dict[str, Any]:
    """One line of a session journal (``smcheck.files.journal``): the header naming the format
    and the session, or a change carrying whole new values of answers-file fields."""
    from smcheck.core.ids import SESSION_ID
    from smcheck.files.journal import JOURNAL_SCHEMA

    answers = Answers.model_json_schema(by_alias=True, mode="serialization")
    fields = {k: v for k, v in answers["properties"].items() if k not in ("schema", "answers")}
    header = {
        "type": "object",
        "properties": {
            "schema": {"const": JOURNAL_SCHEMA},
            "session": {"type": "string", "pattern": SESSION_ID},
        },
        "required": ["schema", "session"],
        "additionalProperties": False,
    }
    change = {
        "type": "object",
        "properties": {
            "set": {"type": "object", "properties": fields, "additionalProperties": False},
            "answers": {
                "type": "object",
                "additionalProperties": {"anyOf": [{"$ref": "#/$defs/Answer"}, {"type": "null"}]},
            },
        },
        "additionalProperties": False,
    }
    return {
        "title": "smcheck journal line",
        "description": "One line of ID.journal: the first names the format and the session, "
        "every later one a change (whole new values; null for an answer taken out).",
        "oneOf": [header, change],
        "$defs": answers["$defs"],
    }


def schema_text(kind: Kind) -> str:
    """The schema as the JSON text committed under ``schemas/``."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
