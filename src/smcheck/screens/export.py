"""Exporting from the interface: files beside the user, or downloads in a browser."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from smcheck.core.errors import SmcheckError
from smcheck.core.texts import t
from smcheck.files.export import FORMATS, render
from smcheck.files.export.files import default_base, write_exports

if TYPE_CHECKING:
    from textual.app import App

    from smcheck.core.models.plan import Plan
    from smcheck.files.open_session import OpenSession


def export(app: App[None], session: OpenSession, plan: Plan, cwd: Path) -> None:
    """Ask where to write the exports (in a terminal), or hand them over as downloads."""
    from smcheck.screens.dialogs import ErrorDialog, ExportDialog

    lang = session.answers.lang
    if app.is_web:
        _deliver(app, session, plan)
        return

    def chosen(choice: tuple[Path, bool] | None) -> None:
        if choice is None:
            return
        base, overwrite = choice
        try:
            paths = write_exports(plan, base, overwrite=overwrite, report=_report(app, session))
        except SmcheckError as exc:
            app.push_screen(ErrorDialog(lang, str(exc)))
            return
        names = ", ".join(p.name for p in paths)
        app.notify(t("export.done", lang, files=names), timeout=8, markup=False)

    app.push_screen(ExportDialog(lang, default_base(plan, cwd)), chosen)


def _report(app: App[None], session: OpenSession) -> str:
    """The client report of several respondents, except for an invited respondent (their own
    plan only: the others' answers are not theirs to take home)."""
    return "" if getattr(app, "confined", False) else session.comparison_report()


def _deliver(app: App[None], session: OpenSession, plan: Plan) -> None:
    """In a browser the exports are downloads: TOML, JSON and the Markdown report."""
    name = default_base(plan, Path()).name
    for fmt in FORMATS:
        text = render(plan, fmt)
        if fmt == "md":
            text = _report(app, session) or text
        app.deliver_text(io.StringIO(text), save_filename=f"{name}.{fmt}")
    lang = session.answers.lang
    app.notify(t("export.done", lang, files=f"{name}.toml, .json, .md"), markup=False)
