"""The report as one self-contained HTML page: Jinja2 templates, pygal charts inline."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from smcheck.core.models.common import Lang
from smcheck.core.texts import t
from smcheck.files.export.report.charts import radar_svg
from smcheck.files.export.report.compared import ComparisonReport
from smcheck.files.export.report.content import PlanReport

if TYPE_CHECKING:
    import jinja2


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # lazily: only a report needs it

    return jinja2.Environment(
        loader=jinja2.PackageLoader("smcheck.files.export.report", "templates"),
        autoescape=True,  # every word from a file or a user is text, never markup
        undefined=jinja2.StrictUndefined,  # a misspelt name in a template fails loudly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _render(template: str, report: PlanReport | ComparisonReport, lang: Lang) -> str:
    from markupsafe import Markup

    def tr(key: str, **values: Any) -> str:
        return t(key, lang, **values)

    # pygal writes the SVG with an XML library, which escapes every label it is given
    radar = Markup(radar_svg(report.radar, t("report.chart-label", lang), "radar"))
    return _environment().get_template(template).render(r=report, tr=tr, radar=radar)


def plan_page(report: PlanReport) -> str:
    """The page of one assessment's report."""
    return _render("report.html.j2", report, report.lang)


def comparison_page(report: ComparisonReport) -> str:
    """The page of a comparison's report."""
    return _render("comparison.html.j2", report, report.lang)
