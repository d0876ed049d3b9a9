"""A blank answers file to fill in with an editor: every question with its options as comments."""

from __future__ import annotations

from datetime import date

import tomli_w

from smcheck.core.models.answers import ANSWERS_SCHEMA, Scope
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line
from smcheck.core.texts import t


def _value(value: object) -> str:
    return tomli_w.dumps({"v": value}).split(" = ", 1)[1].rstrip("\n")


def _comment(text: str) -> str:
    return "# " + one_line(text)


def make_template(a: Assessment, *, lang: Lang, scope: Scope = "full", today: date) -> str:
    """The answers template for ``a`` in ``lang``; valid TOML that validates as-is."""
    questions = a.questions(scope)
    n_options = max(len(s.points) for s in a.scales)
    out = [
        _comment(t("template.head", lang, title=a.title.get(lang), version=a.version, scope=scope)),
        _comment(t("template.how", lang, n=n_options)),
        _comment(t("template.then", lang)),
        "",
        f"schema = {_value(ANSWERS_SCHEMA)}",
        f"assessment = {_value(a.id)}",
        f"assessment_version = {_value(a.version)}",
        f"scope = {_value(scope)}",
        f"lang = {_value(lang)}",
        f"completed = {today.isoformat()}  {_comment(t('template.completed', lang))}",
        "",
        "[respondent]",
        'name = ""',
        f'role = "leadership"  {_comment(t("template.role", lang))}',
        "",
        "[organisation]",
        'name = ""',
        f'size = ""  {_comment(t("template.size", lang))}',
        'industry = ""',
        f"channels = []  {_comment(t('template.channels', lang))}",
    ]
    if a.objectives:
        out.append(_comment(t("template.objectives", lang)))
        out += [
            _comment(f'  "{o.id}": {o.name.get(lang)}: {o.description.get(lang)}')
            for o in a.objectives
        ]
    out += [
        "objectives = []",
        f"company_goals = []  {_comment(t('template.company-goals', lang))}",
        f'country = ""  {_comment(t("template.country", lang))}',
        f'region = ""  {_comment(t("template.region", lang))}',
        "",
        "[organisation.links]",
        _comment(t("template.links", lang)),
        "",
        "[organisation.baselines]",
    ]
    if a.objectives:
        out.append(_comment(t("template.baselines", lang)))
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
            _comment(
                f"{t('template.dimension', lang, i=i, n=len(dims))} · {d.id}: {d.excuse.get(lang)}"
            ),
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
            out += [_comment(f"  {t('template.dont-know', lang)}"), 'value = ""', 'note = ""']
    return "\n".join(out) + "\n"
