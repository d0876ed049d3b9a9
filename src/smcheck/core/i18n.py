"""Words smcheck itself uses in its output, in German and English (content texts live in assessments)."""

from __future__ import annotations

import locale
import os

from smcheck.core.langs import Lang

WORDS: dict[str, dict[Lang, str]] = {
    # phases of the loop
    "phase.start": {"de": "Startpunkt", "en": "Start point"},
    "phase.campaign": {"de": "Kampagne", "en": "Campaign"},
    "phase.feedback": {"de": "Feedback", "en": "Feedback"},
    "phase.optimisation": {"de": "Optimierung", "en": "Optimisation"},
    "phase.new-start": {"de": "Neuer Startpunkt", "en": "New start point"},
    # roles
    "role.leadership": {"de": "Leitung", "en": "Leadership"},
    "role.social-media-lead": {"de": "Social-Media-Verantwortliche:r", "en": "Social media lead"},
    "role.team": {"de": "Team", "en": "Team"},
    "role.marketing": {"de": "Marketing", "en": "Marketing"},
    "role.communications": {"de": "Kommunikation/PR", "en": "Communications/PR"},
    "role.sales": {"de": "Vertrieb", "en": "Sales"},
    "role.hr": {"de": "Personal", "en": "HR"},
    "role.legal": {"de": "Recht", "en": "Legal"},
    "role.consultant": {"de": "Berater:in", "en": "Consultant"},
    # goals
    "goal.measure-week-1": {"de": "in Woche 1 messen", "en": "measure in week 1"},
    "goal.target-change": {
        "de": "{sign}{pct} % gegenüber dem Ausgangswert",
        "en": "{sign}{pct} % against the baseline",
    },
    "goal.target": {"de": "Ziel {value}", "en": "target {value}"},
    "goal.outcome-title": {"de": "{metric}: {target}", "en": "{metric}: {target}"},
    "goal.measure-outcome": {
        "de": "Der Wert am Ende der Iteration erreicht das Ziel.",
        "en": "The value at the end of the iteration meets the target.",
    },
    "unit.count": {"de": "", "en": ""},
    "unit.percent": {"de": " %", "en": " %"},
    "unit.minutes": {"de": " Min.", "en": " min"},
    "unit.hours": {"de": " Std.", "en": " h"},
    "unit.eur": {"de": " €", "en": " EUR"},
    # report
    "report.title": {"de": "Social-Media-Reife", "en": "Social media readiness"},
    "report.for": {"de": "für", "en": "for"},
    "report.overall": {"de": "Gesamtwert", "en": "Overall score"},
    "report.stage": {"de": "Stufe", "en": "Stage"},
    "report.completeness": {"de": "Vollständigkeit", "en": "Completeness"},
    "report.limited": {
        "de": "Der Wert allein ergäbe „{by_score}“; die schwächste Dimension ({dim}) begrenzt die Stufe.",
        "en": "The score alone would give “{by_score}”; the weakest dimension ({dim}) caps the stage.",
    },
    "report.dimensions": {"de": "Dimensionen", "en": "Dimensions"},
    "report.dimension": {"de": "Dimension (Ausrede)", "en": "Dimension (excuse)"},
    "report.score": {"de": "Wert", "en": "Score"},
    "report.answered": {"de": "beantwortet", "en": "answered"},
    "report.no-score": {"de": "kein Wert", "en": "no score"},
    "report.blockers": {"de": "Bremsklötze", "en": "Blockers"},
    "report.strengths": {"de": "Stärken", "en": "Strengths"},
    "report.none": {"de": "keine", "en": "none"},
    "report.why": {"de": "Was die Werte drückt", "en": "What pulls the scores down"},
    "report.next": {"de": "Zur nächsten Stufe", "en": "To the next stage"},
    "report.next-lift": {
        "de": "„{prompt}“ ({dim}): von Option {a} auf {b} → Gesamtwert {overall}",
        "en": "“{prompt}” ({dim}): from option {a} to {b} → overall {overall}",
    },
    "report.next-not-enough": {
        "de": "Diese zwei Änderungen allein reichen noch nicht für „{stage}“; sie bringen am meisten.",
        "en": "These two changes alone do not yet reach “{stage}”; they move the score most.",
    },
    "report.top": {"de": "Die höchste Stufe ist erreicht.", "en": "The highest stage is reached."},
    "report.goals": {"de": "Startziele", "en": "Starter goals"},
    "report.plan": {"de": "Erste Iteration", "en": "First iteration"},
    "report.weeks": {"de": "Wochen", "en": "weeks"},
    "report.week": {"de": "Woche", "en": "Week"},
    "report.owner": {"de": "Verantwortlich", "en": "Owner"},
    "report.task": {"de": "Aufgabe", "en": "Task"},
    "report.done": {"de": "Erledigt, wenn", "en": "Done when"},
    "report.baseline": {"de": "Ausgangswert", "en": "Baseline"},
    "report.target": {"de": "Ziel", "en": "Target"},
    "report.due": {"de": "fällig", "en": "due"},
    "report.serves": {"de": "dient", "en": "serves"},
    "report.next-assessment": {
        "de": "Nächste Messung (neuer Startpunkt): smcheck erneut ausführen am {date}.",
        "en": "Next assessment (new start point): run smcheck again on {date}.",
    },
    "report.respondent": {"de": "Befragt", "en": "Respondent"},
    "report.objectives": {"de": "Ziele der Organisation", "en": "Objectives"},
    "report.company-goals": {"de": "Unternehmensziele", "en": "Company goals"},
    "report.generated": {"de": "Erstellt mit", "en": "Made with"},
    "report.counter": {"de": "Dagegen spricht", "en": "Counter-position"},
    "report.confidence": {"de": "Sicherheit", "en": "confidence"},
    "report.notes": {"de": "Notizen", "en": "Notes"},
    "report.start-point": {"de": "Startpunkt", "en": "Start point"},
    "report.start-since": {
        "de": "Verglichen mit der vorigen Messung vom {previous} (jetzt: {current}).",
        "en": "Compared with the previous assessment of {previous} (now: {current}).",
    },
    "report.dimension-id": {"de": "Dimension", "en": "Dimension"},
    "report.change": {"de": "Veränderung", "en": "Change"},
    "report.previous-goals": {
        "de": "Ziele der vorigen Iteration",
        "en": "Goals of the previous iteration",
    },
    "report.actual": {"de": "Ist-Wert", "en": "actual"},
    "report.progress": {
        "de": "{pct} % des Wegs zum Ziel",
        "en": "{pct} % of the way to the target",
    },
    "status.reached": {"de": "erreicht", "en": "reached"},
    "status.not-reached": {"de": "nicht erreicht", "en": "not reached"},
    "status.no-actual": {"de": "kein Ist-Wert eingetragen", "en": "no actual value entered"},
    "status.no-target": {
        "de": "kein Zahlenziel zum Vergleichen",
        "en": "no numeric target to compare",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The word or phrase ``key`` in ``lang``, with ``values`` filled in."""
    text = WORDS[key][lang]
    return text.format(**values) if values else text


def system_lang() -> Lang:
    """German if the system language is German, otherwise English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "de" if value.lower().startswith("de") else "en"
    code = locale.getlocale()[0] or ""
    return "de" if code.lower().startswith("de") else "en"
