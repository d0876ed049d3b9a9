"""smcheck's commands in the command palette, beside Textual's own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from smcheck.core.text import one_line
from smcheck.core.texts import t
from smcheck.core.walk import Excuse, PlanStep, Profile, Results, Review

if TYPE_CHECKING:
    from smcheck.app import SmcheckApp


def commands(app: SmcheckApp) -> Iterator[SystemCommand]:
    """Jumps along the walk, export, interview and iteration commands, language and theme."""
    lang, session = app.lang, app.session
    if session is not None:
        dims = session.walk.dimensions
        for i, d in enumerate(dims):
            yield SystemCommand(
                t("cmd.jump", lang, excuse=one_line(d.excuse.get(lang))),
                t("cmd.jump-help", lang, i=i + 1, n=len(dims), id=d.id),
                lambda i=i: app.show(Excuse(i)),
            )
        yield SystemCommand(t("cmd.profile", lang), "", lambda: app.show(Profile()))
        yield SystemCommand(t("cmd.review", lang), "", lambda: app.show(Review()))
        yield SystemCommand(t("cmd.results", lang), "", lambda: app.show(Results()))
        yield SystemCommand(t("cmd.plan", lang), "", lambda: app.show(PlanStep()))
        yield SystemCommand(t("cmd.export", lang), t("cmd.export-help", lang), app.action_export)
    if session is not None and not app.confined:  # an invited respondent stays in their session
        interview = session.answers.interview
        yield SystemCommand(
            t("cmd.interview-off" if interview else "cmd.interview-on", lang),
            t("cmd.interview-help", lang),
            lambda: _switch_interview(app),
        )
        if interview:
            yield SystemCommand(t("cmd.respondents", lang), "ctrl+r", app.action_respondents)
            yield SystemCommand(
                t("cmd.add-respondent", lang), "", lambda: app.action_respondents(adding=True)
            )
            yield SystemCommand(
                t("cmd.compare", lang), "", lambda: app.action_respondents(comparing=True)
            )
        if session.answers.completed is not None:
            yield SystemCommand(t("cmd.next-iteration", lang), "", lambda: _next_iteration(app))
    yield SystemCommand(t("cmd.lang", lang), t("cmd.lang-help", lang), app.action_switch_lang)
    other = "textual-light" if app.theme != "textual-light" else "textual-dark"
    key = "cmd.theme-light" if other == "textual-light" else "cmd.theme-dark"
    yield SystemCommand(t(key, lang), t("cmd.theme-help", lang), lambda: app.action_theme_to(other))


def _switch_interview(app: SmcheckApp) -> None:
    """Interview mode (hints, private notes, confidence) on or off for this session."""
    if app.step is not None and app.edit(lambda s: s.set_interview(not s.answers.interview)):
        app.show(app.step)


def _next_iteration(app: SmcheckApp) -> None:
    """The new start point: the same respondent again, linked to this session's plan."""
    app.edit(lambda s: app.resume(s.next_iteration()))
