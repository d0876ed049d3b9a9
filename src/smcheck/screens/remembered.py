"""The theme and language the interface keeps between runs (``config.toml``)."""

from __future__ import annotations

from typing import Literal

from smcheck.core.errors import SmcheckError

LangSource = Literal["given", "saved", "system"]
"""Where the language comes from: ``--lang`` (this run only), a remembered switch, the system."""


class Remembered:
    """Settings to remember; a broken settings file is the user's to fix and is never overwritten."""

    def __init__(self, theme: str, lang: str | None, problem: str = "") -> None:
        self.values: dict[str, str | None] = {"theme": theme, "lang": lang}
        self.problem = problem

    def update(self, **settings: str) -> str | None:
        """Remember ``settings`` (saved at once); returns a problem to show, if any."""
        from smcheck.files.config import remember

        changed = any(self.values.get(k) != v for k, v in settings.items())
        self.values.update(settings)
        if self.problem or not changed:
            return None
        try:
            remember(self.values)
        except SmcheckError as exc:
            return str(exc)
        return None

    def lang_source(self, lang: str, given: str | None, system: str | None) -> LangSource | None:
        """Why the interface speaks ``lang``: ``given`` with ``--lang`` for this run, remembered
        from a switch, or ``system``, the system's language it started in with neither; ``None``
        when none of these says it (a session opened in its own language)."""
        if given == lang:
            return "given"
        if not self.problem and self.values.get("lang") == lang:
            return "saved"
        if self.values.get("lang") is None and system == lang:
            return "system"
        return None
