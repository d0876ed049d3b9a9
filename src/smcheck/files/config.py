"""The user's settings: ``config.toml`` in the config folder (see :mod:`smcheck.files.locations`)."""

from __future__ import annotations

from typing import Literal

import tomli_w
from pydantic import Field

from smcheck.core.errors import InvalidFile
from smcheck.core.models.common import Lang, Strict
from smcheck.files.loading import kind_of, read_document, validate
from smcheck.files.locations import config_dir
from smcheck.files.storage import write_atomic

CONFIG_SCHEMA = "smcheck.config/1"
THEMES = ("textual-dark", "textual-light")


class Config(Strict):
    """Settings remembered between runs."""

    schema_: Literal["smcheck.config/1"] = Field(default="smcheck.config/1", alias="schema")
    theme: Literal["textual-dark", "textual-light"] = Field(
        default="textual-dark", description="The colour theme of the interactive screen."
    )
    lang: Lang | None = Field(
        default=None, description="Language of the screen; absent means the system's language."
    )


def load_config() -> Config:
    """The saved settings, defaults if there is no file; a broken file raises InvalidFile."""
    path = config_dir() / "config.toml"
    if not path.exists():
        return Config()
    doc = read_document(path)
    if kind_of(doc) != "config":
        raise InvalidFile([doc.problem(("schema",), f"expected {CONFIG_SCHEMA}")])
    return validate(Config, doc)


def save_config(config: Config) -> None:
    """Write the settings atomically."""
    path = config_dir() / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, tomli_w.dumps(config.model_dump(by_alias=True, exclude_none=True)))


def remember(settings: dict[str, str | None]) -> None:
    """Save the settings the interface remembers (theme, language); empty ones are left out."""
    save_config(Config.model_validate({k: v for k, v in settings.items() if v}))
