"""Driving the app in tests: a fresh app, keyboard helpers, reading what is on screen."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from smcheck.app import SmcheckApp
from smcheck.core.models.common import Lang
from smcheck.files.config import Config
from smcheck.screens.question import QuestionText


def make_app(
    cwd: Path, lang: Lang = "en", config: Config | None = None, **kwargs: Any
) -> SmcheckApp:
    """An app with steady cursors and no animation, writing exports into ``cwd``."""
    config = config or Config()
    app = SmcheckApp(
        lang=lang,
        theme=config.theme,
        remembered_lang=config.lang,
        cwd=cwd,
        cursor_blink=False,
        **kwargs,
    )
    app.animation_level = "none"
    return app


def drive(
    app: SmcheckApp,
    script: Callable[[Pilot[None]], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
) -> None:
    """Run ``script`` against the app in a headless terminal of ``size``."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(main())


async def type_ahead(pilot: Pilot[None], *keys: str) -> None:
    """Send ``keys`` all at once, as a fast typist or a pasted script does (``pilot.press``
    waits until the app is idle after every key), then wait until the app is idle."""
    from textual import events

    characters = {"enter": "\r", "space": " ", "tab": "\t"}
    for key in keys:
        char = characters.get(key, key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, char))
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def screen_text(app: SmcheckApp) -> str:
    """The text of every Static and every question on the current screen, joined by newlines."""
    return "\n".join(
        w.plain if isinstance(w, QuestionText) else str(w.render())
        for w in app.screen.query("Static, QuestionText")
    )


async def run_command(pilot: Pilot[None], title: str) -> None:
    """Open the command palette, search for ``title`` and run the hit whose title it is."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    await type_text(pilot, title)
    app = pilot.app
    for _ in range(200):  # the palette searches in the background; wait for the hit
        await pilot.pause(0.02)
        if isinstance(app.screen, CommandPalette):
            hits = app.screen.query_one(CommandList)
            option = hits.highlighted_option
            if option is not None and title in str(option.prompt):
                break
    else:
        raise AssertionError(f"the palette offered no command {title!r}")
    await pilot.press("enter")
    await pilot.pause()
