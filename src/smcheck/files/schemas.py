"""JSON Schemas of the files smcheck reads and writes, generated from the models."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.comparison import Comparison
from smcheck.core.models.plan import Plan
from smcheck.files.config import Config

Kind = Literal["plan", "answers", "assessment", "config", "comparison"]
KINDS: tuple[Kind, ...] = ("plan", "answers", "assessment", "config", "comparison")

_MODELS: dict[Kind, tuple[type[BaseModel], Literal["validation", "serialization"]]] = {
    "plan": (Plan, "serialization"),
    "answers": (Answers, "validation"),
    "assessment": (Assessment, "validation"),
    "config": (Config, "validation"),
    "comparison": (Comparison, "serialization"),
}


VERSIONS: dict[Kind, int] = {"plan": 2, "answers": 1, "assessment": 2, "config": 1, "comparison": 2}
"""The schema version smcheck writes, per kind (the number after the slash)."""


def json_schema(kind: Kind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for ``kind``."""
    model, mode = _MODELS[kind]
    schema = model.model_json_schema(by_alias=True, mode=mode)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:smcheck:schema:{kind}:{VERSIONS[kind]}",
        **schema,
    }


def schema_text(kind: Kind) -> str:
    """The schema as the JSON text committed under ``schemas/``."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
