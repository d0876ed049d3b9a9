"""The words and plain-text renderings of the plain walk (see :mod:`smcheck.plain.walk`).

Results, goals and tasks as lines of text, readable by a screen reader: no colour, no escape
sequences, numbers before bars.
"""

from __future__ import annotations

import re
from typing import get_args

from smcheck.core.i18n import t
from smcheck.core.models.answers import Size
from smcheck.core.models.common import Lang, Role
from smcheck.core.models.plan import Plan, Result
from smcheck.core.text import bar, one_line
from smcheck.core.ui_text import UI, ui

SIZES: tuple[Size, ...] = tuple(s for s in get_args(Size) if s)
ROLES: tuple[Role, ...] = get_args(Role)
SECONDS_PER_QUESTION = 20
"""As on the app's start screen: the time a question takes, for the estimate."""

PROMPT = "> "
YES = ("yes", "ja", "j", "y")
_NOTE = re.compile(r"^(note|notiz)\s*:\s?(.*)$", re.IGNORECASE | re.DOTALL)
_DIGITS = re.compile(r"^[0-9]{1,6}$")
_PRIVATE = re.compile(r"^(private|privat)\s*:\s?(.*)$", re.IGNORECASE | re.DOTALL)

WORDS: dict[str, dict[Lang, str]] = {
    "plain.choose": {
        "de": "Nummer eingeben und Enter drücken (q beendet).",
        "en": "Type a number and press Enter (q quits).",
    },
    "plain.bad-choice": {
        "de": "„{value}“ steht nicht in der Liste: bitte eine Nummer von 1 bis {n}.",
        "en": "“{value}” is not on the list: type a number from 1 to {n}.",
    },
    "plain.nothing": {
        "de": "Es gibt keinen Fragebogen zum Beginnen.",
        "en": "There is no questionnaire to start.",
    },
    "plain.profile-intro": {
        "de": "Alles ist optional und später änderbar. Enter behält den Wert in [Klammern], "
        "- löscht ihn.",
        "en": "Everything is optional and can be changed later. Enter keeps the value in "
        "[brackets], - clears it.",
    },
    "plain.size-none": {"de": "0. keine Angabe", "en": "0. not given"},
    "plain.objectives": {
        "de": "Was soll Social Media bewirken? Nummern, mit Komma oder Leerzeichen getrennt",
        "en": "What should social media achieve? Numbers, separated by commas or spaces",
    },
    "plain.too-long": {
        "de": "Bitte höchstens {n} Zeichen.",
        "en": "At most {n} characters, please.",
    },
    "plain.too-many": {
        "de": "Bitte höchstens {n} Kanäle.",
        "en": "At most {n} channels, please.",
    },
    "plain.bad-number": {
        "de": "„{value}“: bitte eine Nummer von {low} bis {n}, Enter behält den Wert.",
        "en": "“{value}”: type a number from {low} to {n}; Enter keeps the value.",
    },
    "plain.bad-numbers": {
        "de": "„{value}“: bitte Nummern von 1 bis {n}, mit Komma oder Leerzeichen getrennt.",
        "en": "“{value}”: type numbers from 1 to {n}, separated by commas or spaces.",
    },
    "plain.keys": {
        "de": "Antworten Sie mit einer Nummer, 0 oder n. Enter oder s überspringt, b geht eine "
        "Frage zurück, ? erklärt, warum die Frage zählt, „notiz: Text“ hält eine Notiz fest, "
        "q hört auf – alles ist gespeichert.",
        "en": "Answer with a number, 0 or n. Enter or s skips, b goes back one question, "
        "? tells why the question matters, “note: text” keeps a note, q stops – everything "
        "is saved.",
    },
    "plain.keys-interview": {
        "de": "Interview: „privat: Text“ hält eine private Notiz fest (nie im Bericht).",
        "en": "Interview: “private: text” keeps a private note (never in a report).",
    },
    "plain.excuse": {
        "de": "Ausrede {i} von {n}: „{excuse}“",
        "en": "Excuse {i} of {n}: “{excuse}”",
    },
    "plain.question": {
        "de": "Frage {q} von {total}: {prompt}",
        "en": "Question {q} of {total}: {prompt}",
    },
    "plain.extras": {
        "de": "0 = weiß nicht, n = trifft nicht zu",
        "en": "0 = don't know, n = not applicable",
    },
    "plain.current": {
        "de": "Bisherige Antwort: {answer}. Enter behält sie.",
        "en": "Current answer: {answer}. Enter keeps it.",
    },
    "plain.note": {"de": "Notiz: {note}", "en": "Note: {note}"},
    "plain.private": {"de": "Private Notiz: {note}", "en": "Private note: {note}"},
    "plain.note-saved": {"de": "Notiz gespeichert.", "en": "Note saved."},
    "plain.note-removed": {"de": "Notiz entfernt.", "en": "Note removed."},
    "plain.bad-answer": {
        "de": "„{value}“ ist hier keine Antwort: 1 bis {n}, 0 (weiß nicht), n (trifft nicht "
        "zu), Enter überspringt, b zurück, ? Hilfe, notiz: Text.",
        "en": "“{value}” is not an answer here: 1 to {n}, 0 (don't know), n (not applicable), "
        "Enter skips, b back, ? help, note: text.",
    },
    "plain.review-open": {
        "de": "Offene Fragen ({n} von {total}): {numbers}.",
        "en": "Open questions ({n} of {total}): {numbers}.",
    },
    "plain.review-ask": {
        "de": "Enter zeigt das Ergebnis, eine Fragennummer führt zu der Frage, b zur letzten Frage.",
        "en": "Enter shows the results, a question number goes to that question, b to the "
        "last question.",
    },
    "plain.bad-review": {
        "de": "„{value}“: Enter für das Ergebnis, eine Fragennummer von 1 bis {n} oder b.",
        "en": "“{value}”: Enter for the results, a question number from 1 to {n}, or b.",
    },
    "plain.goal": {
        "de": "{title} · Ausgangswert: {baseline} · Verantwortlich: {owner}",
        "en": "{title} · baseline: {baseline} · owner: {owner}",
    },
    "plain.enabler": {
        "de": "{title} · Verantwortlich: {owner}",
        "en": "{title} · owner: {owner}",
    },
    "plain.task": {
        "de": "Woche {weeks} · {phase} · {owner}: {title}",
        "en": "Week {weeks} · {phase} · {owner}: {title}",
    },
    "plain.previous-goal": {
        "de": "{title} · erreicht: {actual} · {status}",
        "en": "{title} · reached: {actual} · {status}",
    },
    "plain.export-default": {
        "de": "Enter nimmt {name}; - exportiert nichts.",
        "en": "Enter takes {name}; - exports nothing.",
    },
    "plain.exists": {
        "de": "Es gibt schon: {files}. „ja“ überschreibt sie; alles andere fragt nach einem "
        "anderen Namen.",
        "en": "Already there: {files}. Type yes to overwrite them; anything else asks for "
        "another name.",
    },
    "plain.no-export": {"de": "Nichts exportiert.", "en": "Nothing exported."},
    "plain.resume": {
        "de": "Gespeichert. Weiter geht es mit: smcheck run --plain --resume {id}",
        "en": "Saved. To continue: smcheck run --plain --resume {id}",
    },
}


def word(key: str, lang: Lang, **values: object) -> str:
    """A text of the plain walk (own words first, then the app's)."""
    text = WORDS[key][lang] if key in WORDS else UI[key][lang]
    return text.format(**values) if values else text


class _Stop(Exception):
    """stdin ended, or the user typed q: everything is saved, leave quietly."""


def _number(text: str) -> int | None:
    """A number typed with ASCII digits (not "²" or "٣", which ``str.isdigit`` also takes)."""
    return int(text) if _DIGITS.fullmatch(text) else None


def _minutes(questions: int) -> int:
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))


def _quoted(value: str, limit: int = 40) -> str:
    """Typed text as it can stand in a one-line explanation."""
    value = one_line(value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _amount(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def result_lines(r: Result, lang: Lang, deltas: dict[str, int | None] | None = None) -> list[str]:
    """The whole result as plain lines, like the app's results screen shows it.

    Each dimension line says its score before the bar, so a screen reader reads the number
    first; the bar is the last thing on the line.
    """
    overall = "–" if r.overall is None else str(r.overall)
    lines = [
        f"{ui('results.overall', lang)}: {overall}/100   "
        f"{ui('results.stage', lang)}: {one_line(r.stage_name)}   "
        f"{ui('results.complete', lang)}: {r.completeness} %",
        one_line(r.stage_description),
    ]
    if r.limited_by:
        lines.append(ui("results.limited", lang, dim=r.limited_by))
    lines.append("")
    width = max(len(d.id) for d in r.dimensions)
    for d in r.dimensions:
        shown = ui("results.no-score", lang) if d.score is None else f"{d.score:3d}"
        line = f"{d.id:<{width}}  {shown}  ({d.answered}/{d.questions})"
        if deltas is not None and deltas.get(d.id) is not None:
            line += f"  Δ {deltas[d.id]:+d}"
        if d.confidence is not None:
            line += f"  {ui('results.confidence', lang, value=d.confidence)}"
        lines.append(f"{line}  {bar(d.score)}")
    lines.append("")
    lines.append(
        f"{ui('results.blockers', lang)}: {', '.join(r.blockers) or ui('results.none', lang)}"
    )
    lines.append(
        f"{ui('results.strengths', lang)}: {', '.join(r.strengths) or ui('results.none', lang)}"
    )
    pulls = [d for d in r.dimensions if d.pulled_down_by]
    if pulls:
        lines += ["", ui("results.why", lang)]
        for d in pulls:
            lines.append(f"{d.id} ({d.score})")
            for p in d.pulled_down_by:
                lines.append(
                    f"  − {one_line(p.prompt)} → {p.option} {one_line(p.label)} (−{p.lost})"
                )
    lines.append("")
    if r.next_stage is None:
        lines.append(ui("results.top", lang))
    else:
        lines.append(ui("results.next", lang, stage=r.next_stage))
        for lift in r.next_stage_lifts:
            lines.append(
                "  → "
                + ui(
                    "results.lift",
                    lang,
                    dim=lift.dimension,
                    prompt=one_line(lift.prompt),
                    a=lift.from_option,
                    b=lift.to_option,
                    overall=lift.overall_after,
                )
            )
        if r.next_stage_lifts and not r.next_stage_reached:
            lines.append("  " + ui("results.not-enough", lang))
    return lines


def plan_lines(plan: Plan, lang: Lang) -> list[str]:
    """Starter goals, the previous goals' progress and the tasks of the iteration, as lines."""
    lines = [ui("plan.title", lang), "", t("report.goals", lang) + ":"]
    if not any(g.kind == "outcome" for g in plan.goals):
        lines.append("  " + ui("plan.no-goals", lang))
    for g in plan.goals:
        owner = t(f"role.{g.owner}", lang)
        if g.kind == "enabler":
            lines.append("  - " + word("plain.enabler", lang, title=one_line(g.title), owner=owner))
            continue
        baseline = _amount(g.baseline) if g.baseline is not None else ui("plan.week-1", lang)
        title = one_line(g.title)  # an outcome goal's title names its target
        lines.append("  - " + word("plain.goal", lang, title=title, baseline=baseline, owner=owner))
    if plan.start_point is not None and plan.start_point.goals:
        lines += ["", t("report.previous-goals", lang) + ":"]
        for p in plan.start_point.goals:
            status = ui(f"status.{p.status}", lang)
            if p.progress_pct is not None:
                status += f" ({p.progress_pct} %)"
            actual = _amount(p.actual) or "–"
            lines.append(
                "  - "
                + word(
                    "plain.previous-goal",
                    lang,
                    title=one_line(p.title),
                    actual=actual,
                    status=status,
                )
            )
    it = plan.iteration
    lines += ["", ui("plan.tasks", lang, start=it.start, end=it.end, next=it.next_assessment) + ":"]
    names = {p.id: p.name for p in it.phases}
    for x in plan.tasks:
        weeks = str(x.weeks[0]) if x.weeks[0] == x.weeks[1] else f"{x.weeks[0]}–{x.weeks[1]}"
        lines.append(
            "  - "
            + word(
                "plain.task",
                lang,
                weeks=weeks,
                phase=one_line(names[x.phase]),
                owner=t(f"role.{x.owner}", lang),
                title=one_line(x.title),
            )
        )
    return lines
