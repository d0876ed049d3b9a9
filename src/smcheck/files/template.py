"""A blank answers file to fill in with an editor: every question with its options as comments."""

from __future__ import annotations

from datetime import date

import tomli_w

from smcheck.core.models.answers import ANSWERS_SCHEMA, Scope
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line

_WORDS: dict[str, dict[Lang, str]] = {
    "head": {
        "de": "smcheck-Antworten: {title} (Version {version}, {scope})",
        "en": "smcheck answers: {title} (version {version}, {scope})",
    },
    "how": {
        "de": "Tragen Sie bei jeder Frage value = 1 bis {n} ein (die Optionen stehen darüber), "
        '"dont-know" (weiß nicht) oder "n/a" (trifft nicht zu). "" heißt: noch offen.',
        "en": "For each question set value = 1 to {n} (the options are listed above it), "
        '"dont-know" or "n/a" (not applicable). "" means: not answered yet.',
    },
    "then": {
        "de": "Danach: smcheck score DIESE-DATEI -o plan.toml",
        "en": "Then run: smcheck score THIS-FILE -o plan.toml",
    },
    "completed": {
        "de": "Tag der Antworten; der Plan beginnt am Montag danach",
        "en": "the day of the answers; the plan starts the Monday after",
    },
    "role": {
        "de": "leadership (Leitung), team oder consultant (Beratung)",
        "en": "leadership, team or consultant",
    },
    "size": {
        "de": 'Beschäftigte: "1-9", "10-49", "50-249", "250-999" oder "1000+"',
        "en": 'employees: "1-9", "10-49", "50-249", "250-999" or "1000+"',
    },
    "channels": {"de": 'z. B. ["LinkedIn", "Instagram"]', "en": 'e.g. ["LinkedIn", "Instagram"]'},
    "objectives": {
        "de": "Was soll Social Media bewirken? Eine oder mehrere Ziel-IDs:",
        "en": "What should social media achieve? One or more objective ids:",
    },
    "company_goals": {
        "de": "ein oder zwei Unternehmensziele, denen Social Media dient",
        "en": "one or two company goals social media should serve",
    },
    "baselines": {
        "de": "Bekannte aktuelle Werte je Kennzahl; was fehlt, wird in Woche 1 gemessen:",
        "en": "Known current values per KPI; whatever is missing is measured in week 1:",
    },
    "dimension": {"de": "Ausrede {i}/{n}", "en": "Excuse {i}/{n}"},
    "dont-know": {
        "de": '"dont-know" = weiß nicht, "n/a" = trifft nicht zu',
        "en": '"dont-know" = don\'t know, "n/a" = not applicable',
    },
}


def _w(key: str, lang: Lang, **values: object) -> str:
    return _WORDS[key][lang].format(**values)


def _value(value: object) -> str:
    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].rstrip("\n")


def _comment(text: str) -> str:
    return "# " + one_line(text)


def make_template(a: Assessment, *, lang: Lang, scope: Scope = "full", today: date) -> str:
    """The answers template for ``a`` in ``lang``; valid TOML that validates as-is."""
    questions = a.questions(scope)
    n_options = max(len(s.points) for s in a.scales)
    out = [
        _comment(_w("head", lang, title=a.title.get(lang), version=a.version, scope=scope)),
        _comment(_w("how", lang, n=n_options)),
        _comment(_w("then", lang)),
        "",
        f"schema = {_value(ANSWERS_SCHEMA)}",
        f"assessment = {_value(a.id)}",
        f"assessment_version = {_value(a.version)}",
        f"scope = {_value(scope)}",
        f"lang = {_value(lang)}",
        f"completed = {today.isoformat()}  {_comment(_w('completed', lang))}",
        "",
        "[respondent]",
        'name = ""',
        f'role = "leadership"  {_comment(_w("role", lang))}',
        "",
        "[organisation]",
        'name = ""',
        f'size = ""  {_comment(_w("size", lang))}',
        'industry = ""',
        f"channels = []  {_comment(_w('channels', lang))}",
    ]
    if a.objectives:
        out.append(_comment(_w("objectives", lang)))
        out += [
            _comment(f'  "{o.id}": {o.name.get(lang)}: {o.description.get(lang)}')
            for o in a.objectives
        ]
    out += [
        "objectives = []",
        f"company_goals = []  {_comment(_w('company_goals', lang))}",
        "",
        "[organisation.baselines]",
    ]
    if a.objectives:
        out.append(_comment(_w("baselines", lang)))
        out += [
            _comment(f"{k.id} = 0  # {k.unit}: {k.metric.get(lang)}")
            for o in a.objectives
            for k in o.kpis
        ]
    dims = a.dimensions_in(scope)
    for i, d in enumerate(dims, start=1):
        out += [
            "",
            "",
            _comment(f"{_w('dimension', lang, i=i, n=len(dims))} · {d.id}: {d.excuse.get(lang)}"),
        ]
        for dim, q in questions:
            if dim is not d:
                continue
            labels = a.scale(q.scale).labels.get(lang)
            out += ["", f"[answers.{q.id}]", _comment(q.prompt.get(lang))]
            out += [
                _comment(f"  {k} ({labels[k - 1]}): {text}")
                for k, text in enumerate(q.options.get(lang), start=1)
            ]
            out += [_comment(f"  {_w('dont-know', lang)}"), 'value = ""', 'note = ""']
    return "\n".join(out) + "\n"
