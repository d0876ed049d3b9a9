"""Exports of a plan: TOML (primary), JSON with the same structure, Markdown for people.

CSV (tasks for spreadsheets and issue trackers) and iCalendar (phase windows) are extra
formats, and the HTML and PDF reports (:mod:`smcheck.files.export.report`) too; their modules
are imported only when used.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

import tomli_w

from smcheck.core.models.plan import Plan
from smcheck.files.export.markdown import to_markdown

if TYPE_CHECKING:
    from smcheck.files.export.csv import Flavour

Format = Literal["toml", "json", "md"]
FORMATS: tuple[Format, ...] = ("toml", "json", "md")
"""The formats the interactive app writes."""
AllFormat = Literal["toml", "json", "md", "csv", "ics"]
ALL_FORMATS: tuple[AllFormat, ...] = ("toml", "json", "md", "csv", "ics")
"""Every format :func:`render` knows."""
ReportFormat = Literal["html", "pdf"]
REPORT_FORMATS: tuple[ReportFormat, ...] = ("html", "pdf")
"""The reports for people beside the Markdown: see :func:`render_report`."""


def to_toml(plan: Plan) -> str:
    """The plan as TOML; reads back with ``tomllib`` into an equal model."""
    return tomli_w.dumps(plan.model_dump(mode="python", by_alias=True, exclude_none=True))


def to_json(plan: Plan, *, compact: bool = False) -> str:
    """The plan as JSON with the same structure as the TOML (dates as ISO strings).

    ``compact`` gives one line, for JSON lines streams.
    """
    if compact:  # pydantic's own serialiser: the same JSON, four times faster for batches
        return plan.model_dump_json(by_alias=True, exclude_none=True) + "\n"
    data = plan.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(plan: Plan, fmt: AllFormat, *, csv_flavour: Flavour = "plain") -> str:
    """The plan in ``fmt``; ``csv_flavour``: see :func:`smcheck.files.export.csv.to_csv`."""
    if fmt == "toml":
        return to_toml(plan)
    if fmt == "json":
        return to_json(plan)
    if fmt == "csv":
        from smcheck.files.export.csv import to_csv

        return to_csv(plan, csv_flavour)
    if fmt == "ics":
        from smcheck.files.export.ics import to_ics

        return to_ics(plan)
    return to_markdown(plan)


def render_report(plan: Plan, fmt: ReportFormat) -> str | bytes:
    """The plan's report for people as one self-contained HTML page (text) or a PDF (bytes).

    Their libraries (a template engine, charts, PDF) are imported only here, so that the other
    formats do not wait for them."""
    from smcheck.files.export import report

    return report.plan_pdf(plan) if fmt == "pdf" else report.plan_html(plan)


__all__ = [
    "ALL_FORMATS",
    "FORMATS",
    "REPORT_FORMATS",
    "AllFormat",
    "Format",
    "ReportFormat",
    "render",
    "render_report",
    "to_json",
    "to_markdown",
    "to_toml",
]
