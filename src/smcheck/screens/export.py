"""Exporting from the interface: files beside the user, or downloads in a browser."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from smcheck.core.errors import SmcheckError
from smcheck.core.result_text import wrap_text
from smcheck.core.texts import t
from smcheck.files.export.files import (
    EXPORTS,
    Content,
    default_base,
    rendered,
    respondent_label,
    write_exports,
)

if TYPE_CHECKING:
    from textual.app import App

    from smcheck.core.models.plan import Plan
    from smcheck.files.open_session import OpenSession

TOAST_WIDTH = 60
"""Notifications are 60 cells wide, at most 70 % (``Toast`` in app.tcss) of their rack (the
screen less its scrollbar's two cells), less a border and a cell of padding either side: the
notice is laid out for that."""


def export(app: App[None], session: OpenSession, plan: Plan, cwd: Path) -> None:
    """Ask where to write the exports (in a terminal), or hand them over as downloads."""
    from smcheck.screens.dialogs import ErrorDialog, ExportDialog

    lang = session.answers.lang
    who = respondent_label(session.id, session.members())
    if app.is_web:
        _deliver(app, session, plan, who)
        return

    def chosen(choice: tuple[Path, bool] | None) -> None:
        if choice is None:
            return
        base, overwrite = choice
        try:
            paths = write_exports(plan, base, overwrite=overwrite, reports=_reports(app, session))
        except SmcheckError as exc:
            app.push_screen(ErrorDialog(lang, str(exc)))
            return
        head = t("export.done-in", lang, folder=_folder(paths[0].parent))
        app.notify(
            notice(app, head, paths[0].stem, [p.suffix for p in paths]), timeout=8, markup=False
        )

    app.push_screen(ExportDialog(lang, default_base(plan, cwd, who)), chosen)


def _folder(folder: Path) -> str:
    """A folder as people write it: ``~`` for the home folder."""
    home = Path.home()
    if folder == home or home in folder.parents:
        return str(Path("~") / folder.relative_to(home))
    return str(folder)


def notice(app: App[None], head: str, stem: str, suffixes: list[str]) -> str:
    """What was exported, laid out for a notification: ``head`` (where), the files' common name
    and their suffixes, each broken (if it must be) after a hyphen or slash, never in a word."""
    width = min(TOAST_WIDTH, (app.size.width - 2) * 7 // 10) - 3
    lines = [
        *wrap_text(head, width),
        *wrap_text(stem, width),
        *wrap_text(" ".join(suffixes), width),
    ]
    return "\n".join(lines)


def _reports(app: App[None], session: OpenSession) -> dict[str, Content]:
    """The client report of several respondents in the report formats (Markdown, HTML, PDF),
    except for an invited respondent (their own plan only: the others' answers are not theirs to
    take home)."""
    return {} if getattr(app, "confined", False) else session.comparison_reports()


def _deliver(app: App[None], session: OpenSession, plan: Plan, who: str) -> None:
    """In a browser the exports are downloads, one per format, named as in a terminal."""
    name = default_base(plan, Path(), who).name
    for fmt, content in rendered(plan, _reports(app, session)):
        filename = f"{name}.{fmt}"
        if isinstance(content, bytes):
            app.deliver_binary(io.BytesIO(content), save_filename=filename)
        else:
            app.deliver_text(io.StringIO(content), save_filename=filename)
    head = t("export.downloads", session.answers.lang)
    suffixes = [f".{fmt}" for fmt in EXPORTS]
    app.notify(notice(app, head, name, suffixes), timeout=8, markup=False)
