"""The theme and language the interface keeps between runs (``config.toml``)."""

from __future__ import annotations

from smcheck.core.errors import SmcheckError


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
