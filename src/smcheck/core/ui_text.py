"""Words of the interactive screen, in German and English (pure data, no Textual)."""

from __future__ import annotations

from smcheck.core.langs import Lang

UI: dict[str, dict[Lang, str]] = {
    # keys in the footer
    "key.next": {"de": "Weiter", "en": "Next"},
    "key.back": {"de": "Zurück", "en": "Back"},
    "key.save": {"de": "Speichern", "en": "Save"},
    "key.export": {"de": "Export", "en": "Export"},
    "key.help": {"de": "Hilfe", "en": "Help"},
    "key.counter": {"de": "Gegenargument", "en": "Counterpoint"},
    "key.dont-know": {"de": "Weiß nicht", "en": "Don't know"},
    "key.n-a": {"de": "Trifft nicht zu", "en": "N/A"},
    "key.pick": {"de": "Antwort", "en": "Answer"},
    "key.edit": {"de": "Ändern", "en": "Edit"},
    "key.confidence": {"de": "Sicherheit", "en": "Confidence"},
    "key.revisit": {"de": "Merken", "en": "Revisit"},
    "key.respondents": {"de": "Befragte", "en": "Respondents"},
    "key.add": {"de": "Hinzufügen", "en": "Add"},
    "key.rename": {"de": "Umbenennen", "en": "Rename"},
    "key.remove": {"de": "Entfernen", "en": "Remove"},
    "key.compare": {"de": "Vergleich", "en": "Compare"},
    "key.open": {"de": "Öffnen", "en": "Open"},
    "key.results": {"de": "Ergebnis", "en": "Results"},
    "key.lang": {"de": "English", "en": "Deutsch"},
    "key.quit": {"de": "Beenden", "en": "Quit"},
    # start
    "start.title": {
        "de": "Wie bereit ist Ihre Organisation für Social Media?",
        "en": "How ready is your organisation for social media?",
    },
    "start.intro": {
        "de": "Zehn typische Ausreden, je ein paar ehrliche Fragen – danach wissen Sie, wo Sie stehen, "
        "und haben Ziele und einen Plan für die ersten sechs Wochen. Jede Antwort wird sofort gespeichert.",
        "en": "Ten typical excuses, a few honest questions each – then you know where you stand and "
        "hold goals and a plan for the first six weeks. Every answer is saved the moment you give it.",
    },
    "start.new": {"de": "Neu beginnen", "en": "Start new"},
    "start.resume": {"de": "Fortsetzen", "en": "Resume"},
    "start.quick": {
        "de": "Schnellcheck: {n} Fragen, etwa {min} Minuten",
        "en": "Quick check: {n} questions, about {min} minutes",
    },
    "start.full": {
        "de": "Vollständiger Check: {n} Fragen, etwa {min} Minuten",
        "en": "Full check: {n} questions, about {min} minutes",
    },
    "start.session": {
        "de": "{org} · {scope} · {given}/{total} beantwortet · {when}",
        "en": "{org} · {scope} · {given}/{total} answered · {when}",
    },
    "start.unnamed": {"de": "(ohne Namen)", "en": "(no name)"},
    "start.broken": {"de": "nicht lesbar: {problem}", "en": "cannot be read: {problem}"},
    "start.lang": {
        "de": "Sprache: Deutsch – ctrl+l für English",
        "en": "Language: English – ctrl+l for Deutsch",
    },
    "scope.quick": {"de": "Schnellcheck", "en": "quick check"},
    "scope.full": {"de": "vollständig", "en": "full check"},
    # profile
    "profile.title": {"de": "Ihre Organisation", "en": "Your organisation"},
    "profile.intro": {
        "de": "Alles ist optional und später änderbar. Unternehmensziele: die Ziele, denen Social Media "
        "dienen soll. Enter springt zum nächsten Feld, ctrl+n geht weiter.",
        "en": "Everything is optional and can be changed later. Company goals: the goals social media "
        "should serve. Enter moves to the next field, ctrl+n goes on.",
    },
    "profile.name": {"de": "Name der Organisation", "en": "Organisation name"},
    "profile.size": {"de": "Größe (Beschäftigte)", "en": "Size (employees)"},
    "profile.industry": {"de": "Branche", "en": "Industry"},
    "profile.channels": {
        "de": "Kanäle (mit Kommas)",
        "en": "Channels (comma-separated)",
    },
    "profile.objectives": {
        "de": "Was soll Social Media bewirken? (Leertaste wählt)",
        "en": "What should social media achieve? (space selects)",
    },
    "profile.goal1": {
        "de": "Unternehmensziel 1",
        "en": "Company goal 1",
    },
    "profile.goal2": {
        "de": "Unternehmensziel 2 (optional)",
        "en": "Company goal 2 (optional)",
    },
    "profile.respondent": {"de": "Ihr Name (optional)", "en": "Your name (optional)"},
    "profile.role": {"de": "Ihre Rolle", "en": "Your role"},
    "profile.continue": {"de": "Weiter zu den Ausreden →", "en": "On to the excuses →"},
    "size.none": {"de": "keine Angabe", "en": "not given"},
    # dimension
    "dim.progress": {
        "de": "Ausrede {i} von {n} · Frage {q} von {total}",
        "en": "Excuse {i} of {n} · question {q} of {total}",
    },
    "dim.counter": {"de": "Was dagegen spricht: ", "en": "What speaks against it: "},
    "dim.counter-hint": {
        "de": "c zeigt, was dagegen spricht.",
        "en": "Press c to see what speaks against it.",
    },
    "dim.why": {"de": "Warum das zählt: ", "en": "Why this matters: "},
    "dim.dont-know": {"de": "weiß nicht", "en": "don't know"},
    "dim.n-a": {"de": "trifft nicht zu", "en": "not applicable"},
    "dim.note": {"de": "Notiz (optional)", "en": "Note (optional)"},
    "dim.note-shared": {
        "de": "Notiz für den Bericht an die Kundschaft",
        "en": "Note for the client report",
    },
    "dim.note-private": {
        "de": "Private Notiz (nur für Sie, nie im Bericht)",
        "en": "Private note (yours only, never in a report)",
    },
    "dim.hint": {"de": "Nachfragen: ", "en": "Probe: "},
    "dim.confidence": {"de": "Sicherheit:", "en": "Confidence:"},
    "dim.revisit": {"de": "nochmal ansehen", "en": "revisit"},
    "conf.guess": {"de": "geschätzt", "en": "guess"},
    "conf.know": {"de": "gewusst", "en": "know"},
    "conf.verified": {"de": "belegt", "en": "verified"},
    "dim.keys": {
        "de": "1–5 wählen · 0 weiß nicht · n trifft nicht zu · ↑↓ Frage · Enter weiter",
        "en": "1–5 pick · 0 don't know · n not applicable · ↑↓ question · Enter next",
    },
    # review
    "review.title": {"de": "Alle Antworten", "en": "All answers"},
    "review.intro": {
        "de": "Enter auf einer Zeile ändert die Antwort. r zeigt das Ergebnis.",
        "en": "Enter on a row changes that answer. Press r for the results.",
    },
    "review.missing": {"de": "{n} Fragen offen (!)", "en": "{n} questions open (!)"},
    "review.complete": {"de": "Alle Fragen beantwortet.", "en": "Every question is answered."},
    "review.col.excuse": {"de": "Ausrede", "en": "Excuse"},
    "review.col.question": {"de": "Frage", "en": "Question"},
    "review.col.answer": {"de": "Antwort", "en": "Answer"},
    "review.open": {"de": "offen", "en": "open"},
    "review.results": {"de": "Ergebnis anzeigen →", "en": "Show results →"},
    # results
    "results.title": {"de": "Ergebnis", "en": "Results"},
    "results.overall": {"de": "Gesamtwert", "en": "Overall"},
    "results.stage": {"de": "Stufe", "en": "Stage"},
    "results.complete": {"de": "Vollständigkeit", "en": "Completeness"},
    "results.limited": {
        "de": "Begrenzt durch die schwächste Dimension: {dim}",
        "en": "Held back by the weakest dimension: {dim}",
    },
    "results.blockers": {"de": "Bremsklötze", "en": "Blockers"},
    "results.strengths": {"de": "Stärken", "en": "Strengths"},
    "results.none": {"de": "keine", "en": "none"},
    "results.why": {"de": "Was die Werte drückt", "en": "What pulls the scores down"},
    "results.next": {
        "de": "Was zur nächsten Stufe ({stage}) fehlt",
        "en": "What lifts you to the next stage ({stage})",
    },
    "results.lift": {
        "de": "{dim}: „{prompt}“ von {a} auf {b} → {overall}",
        "en": "{dim}: “{prompt}” from {a} to {b} → {overall}",
    },
    "results.not-enough": {
        "de": "Zwei Änderungen reichen noch nicht; diese bringen am meisten.",
        "en": "Two changes are not enough yet; these move the score most.",
    },
    "results.top": {"de": "Die höchste Stufe ist erreicht.", "en": "The highest stage is reached."},
    "results.confidence": {"de": "Sicherheit {value} %", "en": "confidence {value} %"},
    "results.no-score": {"de": "kein Wert", "en": "no score"},
    "results.to-plan": {"de": "Enter: Ziele und Plan", "en": "Enter: goals and plan"},
    # plan
    "plan.title": {
        "de": "Startziele und erste Iteration",
        "en": "Starter goals and first iteration",
    },
    "plan.goals": {
        "de": "Startziele – Enter ändert Ausgangswert, Ziel und Verantwortung",
        "en": "Starter goals – Enter edits baseline, target and owner",
    },
    "plan.tasks": {
        "de": "Aufgaben {start} – {end}, nächste Messung {next}",
        "en": "Tasks {start} – {end}, next assessment {next}",
    },
    "plan.col.goal": {"de": "Ziel", "en": "Goal"},
    "plan.col.baseline": {"de": "Ausgangswert", "en": "Baseline"},
    "plan.col.target": {"de": "Zielwert", "en": "Target"},
    "plan.col.owner": {"de": "Verantwortlich", "en": "Owner"},
    "plan.col.phase": {"de": "Phase", "en": "Phase"},
    "plan.col.weeks": {"de": "Wochen", "en": "Weeks"},
    "plan.col.task": {"de": "Aufgabe", "en": "Task"},
    "plan.week-1": {"de": "Woche 1", "en": "week 1"},
    "plan.no-goals": {
        "de": "Wählen Sie im Profil Ziele, um messbare Startziele zu erhalten.",
        "en": "Pick objectives in the profile to get measurable starter goals.",
    },
    # dialogs
    "edit.title": {"de": "Ziel ändern: {goal}", "en": "Edit goal: {goal}"},
    "edit.baseline": {
        "de": "Ausgangswert (leer: in Woche 1 messen)",
        "en": "Baseline (empty: measure in week 1)",
    },
    "edit.target": {
        "de": "Zielwert (leer: aus dem Ausgangswert berechnen)",
        "en": "Target (empty: derived from the baseline)",
    },
    "edit.owner": {"de": "Verantwortlich", "en": "Owner"},
    "edit.bad-number": {
        "de": "Bitte eine Zahl ab 0 eingeben, z. B. 1200 oder 4,5.",
        "en": "Please enter a number from 0, e.g. 1200 or 4.5.",
    },
    "ok": {"de": "OK", "en": "OK"},
    "cancel": {"de": "Abbrechen", "en": "Cancel"},
    "export.title": {"de": "Plan exportieren", "en": "Export the plan"},
    "export.intro": {
        "de": "Schreibt TOML, JSON und Markdown. Dateiname ohne Endung:",
        "en": "Writes TOML, JSON and Markdown. File name without suffix:",
    },
    "export.go": {"de": "Exportieren", "en": "Export"},
    "export.overwrite": {"de": "Überschreiben", "en": "Overwrite"},
    "export.exists": {
        "de": "Es gibt schon: {files}. Nochmals drücken überschreibt.",
        "en": "Already there: {files}. Press again to overwrite.",
    },
    "export.done": {"de": "Exportiert: {files}", "en": "Exported: {files}"},
    "saved": {"de": "Gespeichert: {path}", "en": "Saved: {path}"},
    "error.title": {"de": "Das hat nicht geklappt", "en": "That did not work"},
    "help.title": {"de": "Tasten", "en": "Keys"},
    "help.body": {
        "de": "1–5      Option der markierten Frage wählen\n"
        "0        weiß nicht\n"
        "n        trifft nicht zu\n"
        "↑ ↓      vorige / nächste Frage\n"
        "Tab      nächstes Feld (auch die Notiz)\n"
        "c        Gegenargument zur Ausrede zeigen\n"
        "Enter    weiter\n"
        "⌫ ← Esc  zurück (auch wenn noch etwas offen ist)\n"
        "ctrl+s   jetzt speichern (geschieht ohnehin laufend)\n"
        "ctrl+e   Plan exportieren\n"
        "ctrl+l   Sprache wechseln\n"
        "ctrl+p   Befehle: Ausrede, Export, Sprache, Farbschema\n"
        "f1       diese Hilfe\n"
        "ctrl+q   beenden – nichts geht verloren\n\n"
        "Jede Antwort, Notiz und Angabe wird sofort gespeichert. Nach einem Abbruch bietet\n"
        "smcheck beim nächsten Start an, dort weiterzumachen.",
        "en": "1–5      pick an option of the marked question\n"
        "0        don't know\n"
        "n        not applicable\n"
        "↑ ↓      previous / next question\n"
        "Tab      next field (the note, too)\n"
        "c        show what speaks against the excuse\n"
        "Enter    next\n"
        "⌫ ← Esc  back (even when something is still open)\n"
        "ctrl+s   save now (it is saved all along anyway)\n"
        "ctrl+e   export the plan\n"
        "ctrl+l   switch language\n"
        "ctrl+p   commands: jump to an excuse, export, language, theme\n"
        "f1       this help\n"
        "ctrl+q   quit – nothing is lost\n\n"
        "Every answer, note and profile field is saved the moment it changes. After an\n"
        "interruption, smcheck offers to resume on its next start.",
    },
    # respondents and comparison
    "resp.title": {"de": "Befragte dieser Organisation", "en": "Respondents of this organisation"},
    "resp.intro": {
        "de": "Enter öffnet · a neu · e umbenennen · Entf entfernen · m vergleichen",
        "en": "Enter opens · a adds · e renames · Del removes · m compares",
    },
    "resp.col.name": {"de": "Name", "en": "Name"},
    "resp.col.role": {"de": "Rolle", "en": "Role"},
    "resp.col.progress": {"de": "Beantwortet", "en": "Answered"},
    "resp.col.session": {"de": "Sitzung", "en": "Session"},
    "resp.add": {"de": "Weitere befragte Person", "en": "Another respondent"},
    "resp.rename": {"de": "Befragte Person umbenennen", "en": "Rename the respondent"},
    "resp.remove-ask": {
        "de": "Sitzung {id} aus der Liste nehmen? Die Datei wird nach sessions/removed/ verschoben.",
        "en": "Take session {id} off the list? The file moves to sessions/removed/.",
    },
    "resp.remove-current": {
        "de": "Die geöffnete Sitzung kann nicht entfernt werden; öffnen Sie zuerst eine andere.",
        "en": "The open session cannot be removed; open another one first.",
    },
    "compare.title": {"de": "Vergleich der Befragten", "en": "Respondents compared"},
    "compare.combined": {
        "de": "Gemeinsamer Wert: {overall}/100 · Stufe: {stage}",
        "en": "Combined score: {overall}/100 · stage: {stage}",
    },
    "compare.gaps": {
        "de": "Wahrnehmungslücken – zum Besprechen:",
        "en": "Perception gaps – to discuss:",
    },
    "compare.no-gaps": {
        "de": "Keine großen Wahrnehmungslücken zwischen Leitung und Team.",
        "en": "No large perception gaps between leadership and team.",
    },
    "compare.col.dimension": {"de": "Dimension", "en": "Dimension"},
    "compare.col.spread": {"de": "Spanne", "en": "Spread"},
    "compare.col.combined": {"de": "Gemeinsam", "en": "Combined"},
    "progress.title": {
        "de": "Fortschritt seit der letzten Messung – Enter trägt den erreichten Wert ein",
        "en": "Progress since the last assessment – Enter records the value reached",
    },
    "progress.actual": {
        "de": "Erreichter Wert (leer: noch nicht gemessen)",
        "en": "Value reached (empty: not measured yet)",
    },
    "progress.col.actual": {"de": "Erreicht", "en": "Reached"},
    "progress.col.status": {"de": "Stand", "en": "Status"},
    "status.reached": {"de": "erreicht", "en": "reached"},
    "status.not-reached": {"de": "nicht erreicht", "en": "not reached"},
    "status.no-actual": {"de": "offen", "en": "open"},
    "status.no-target": {"de": "ohne Zielwert", "en": "no target"},
    "cmd.interview-on": {"de": "Interview-Modus einschalten", "en": "Interview mode on"},
    "cmd.interview-off": {"de": "Interview-Modus ausschalten", "en": "Interview mode off"},
    "cmd.interview-help": {
        "de": "Hinweise zum Nachfragen, private Notizen, Sicherheit",
        "en": "Hints to probe, private notes, confidence",
    },
    "cmd.respondents": {"de": "Befragte verwalten", "en": "Manage respondents"},
    "cmd.add-respondent": {"de": "Weitere befragte Person hinzufügen", "en": "Add a respondent"},
    "cmd.compare": {"de": "Befragte vergleichen", "en": "Compare respondents"},
    "cmd.next-iteration": {
        "de": "Nächste Iteration beginnen (neuer Startpunkt)",
        "en": "Start the next iteration (new start point)",
    },
    # palette
    "cmd.jump": {"de": "Zur Ausrede: {excuse}", "en": "Go to excuse: {excuse}"},
    "cmd.jump-help": {"de": "Ausrede {i} von {n} ({id})", "en": "Excuse {i} of {n} ({id})"},
    "cmd.export": {"de": "Plan exportieren", "en": "Export the plan"},
    "cmd.export-help": {
        "de": "TOML, JSON und Markdown schreiben",
        "en": "Write TOML, JSON and Markdown",
    },
    "cmd.lang": {"de": "Sprache: English", "en": "Language: Deutsch"},
    "cmd.lang-help": {
        "de": "Oberfläche und Inhalte auf Englisch",
        "en": "Screen and content in German",
    },
    "cmd.theme-light": {"de": "Helles Farbschema", "en": "Light theme"},
    "cmd.theme-dark": {"de": "Dunkles Farbschema", "en": "Dark theme"},
    "cmd.theme-help": {"de": "Wird für das nächste Mal gemerkt", "en": "Remembered for next time"},
    "cmd.review": {"de": "Alle Antworten prüfen", "en": "Review all answers"},
    "cmd.results": {"de": "Ergebnis anzeigen", "en": "Show the results"},
    "cmd.plan": {"de": "Ziele und Plan anzeigen", "en": "Show goals and plan"},
    "cmd.profile": {"de": "Profil der Organisation", "en": "Organisation profile"},
}


def ui(key: str, lang: Lang, **values: object) -> str:
    """The screen text ``key`` in ``lang`` with ``values`` filled in."""
    text = UI[key][lang]
    return text.format(**values) if values else text
