"""Reports to hand over: one self-contained HTML page, or a PDF, of a plan or a comparison.

The HTML is rendered with Jinja2 with pygal's radar chart inline; the PDF is drawn with fpdf2
with its own shapes. Each is imported only when a report is made, so other exports stay fast.
"""

from __future__ import annotations

from smcheck.core.models.comparison import Comparison
from smcheck.core.models.plan import Plan


def plan_html(plan: Plan) -> str:
    """The report of one assessment's plan as a self-contained HTML page."""
    from smcheck.files.export.report.content import plan_report
    from smcheck.files.export.report.html import plan_page

    return plan_page(plan_report(plan))


def plan_pdf(plan: Plan) -> bytes:
    """The report of one assessment's plan as a PDF (A4)."""
    from smcheck.files.export.report.content import plan_report
    from smcheck.files.export.report.pdf import plan_document

    return plan_document(plan_report(plan), plan.iteration.start)


def comparison_html(comparison: Comparison) -> str:
    """The report of a comparison (and its combined plan) as a self-contained HTML page."""
    from smcheck.files.export.report.compared import comparison_report
    from smcheck.files.export.report.html import comparison_page

    return comparison_page(comparison_report(comparison))


def comparison_pdf(comparison: Comparison) -> bytes:
    """The report of a comparison (and its combined plan) as a PDF (A4)."""
    from smcheck.files.export.report.compared import comparison_report
    from smcheck.files.export.report.pdf import comparison_document

    start = None if comparison.plan is None else comparison.plan.iteration.start
    return comparison_document(comparison_report(comparison), start)


__all__ = ["comparison_html", "comparison_pdf", "plan_html", "plan_pdf"]
