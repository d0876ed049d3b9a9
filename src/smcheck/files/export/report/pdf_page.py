"""An A4 page for the PDF report: fonts, page footer, and text blocks that wrap and break."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime
from pathlib import Path

from fpdf import FPDF

from smcheck.core.models.common import Lang
from smcheck.core.texts import t
from smcheck.files.export.report.colours import INK, MUTED, RULE, rgb

FONTS = Path(__file__).with_name("fonts")
FAMILY = "DejaVu"
"""DejaVu Sans Condensed, shipped beside this module: fpdf2 brings no font that writes „“ –."""

MARGIN = 15.0
WIDTH = 210.0 - 2 * MARGIN
BODY = 9.0
SMALL = 7.5
"""Font sizes in points."""


def line(size: float) -> float:
    """Line height in mm for a font size in points."""
    return size * 0.3528 * 1.3


class Page(FPDF):
    """The report's document: A4, the shipped font, "Page n of m" and the maker in the footer."""

    def __init__(self, lang: Lang, title: str, footer: str, day: date | None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report_lang: Lang = lang  # FPDF's own ``lang`` is the document's language tag
        self.footer_text = footer
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSansCondensed.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSansCondensed-Bold.ttf"))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=16)
        self.set_title(title)
        self.set_lang(lang)
        self.set_creator(footer)
        # the same plan gives the same bytes: the document is dated by the plan's first day,
        # not by the clock
        when = datetime.combine(day or date(2000, 1, 1), datetime.min.time(), UTC)
        self.set_creation_date(when)
        self.add_page()

    def footer(self) -> None:
        """The maker on the left, "Page n of m" on the right, small and grey."""
        self.set_y(-11)
        self.font(SMALL, colour=MUTED)
        self.cell(WIDTH / 2, 4, self.footer_text)
        self.cell(
            WIDTH / 2,
            4,
            t("report.page", self.report_lang, n=self.page_no(), total="{nb}"),
            align="R",
        )

    def font(self, size: float = BODY, *, bold: bool = False, colour: str = INK) -> None:
        """Switch to the report's font at ``size`` points."""
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*rgb(colour))

    def fit(
        self,
        text: str,
        width: float,
        size: float,
        *,
        bold: bool = False,
        colour: str = INK,
        smallest: float = 4.5,
    ) -> None:
        """Switch to the largest font size up to ``size`` (down to ``smallest``) at which
        ``text`` fits on one line ``width`` mm wide."""
        self.font(size, bold=bold, colour=colour)
        while size > smallest and self.get_string_width(text) > width:
            size -= 0.25
            self.font(size, bold=bold, colour=colour)

    def room(self, height: float) -> None:
        """A new page unless ``height`` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def lines(self, text: str, width: float, size: float = BODY, *, bold: bool = False) -> int:
        """How many lines ``text`` takes in a column ``width`` mm wide."""
        self.font(size, bold=bold)
        got = self.multi_cell(width, line(size), text, dry_run=True, output="LINES")
        return max(1, len(got) if isinstance(got, list) else 1)

    def h1(self, text: str) -> None:
        self.font(17, bold=True)
        self.multi_cell(WIDTH, line(17), text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def h2(self, text: str) -> None:
        """A section heading with a rule under it, never alone at a page's foot."""
        self.room(24)
        self.ln(3)
        self.font(12.5, bold=True)
        self.multi_cell(WIDTH, line(12.5), text, new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(*rgb("#2f6f9f"))
        self.set_line_width(0.5)
        self.line(MARGIN, self.get_y() + 0.5, MARGIN + WIDTH, self.get_y() + 0.5)
        self.ln(2.5)

    def h3(self, text: str) -> None:
        self.room(16)
        self.ln(1.5)
        self.font(10, bold=True)
        self.multi_cell(WIDTH, line(10), text, new_x="LMARGIN", new_y="NEXT")
        self.ln(0.5)

    def para(
        self,
        text: str,
        size: float = BODY,
        *,
        bold: bool = False,
        colour: str = INK,
        indent: float = 0,
    ) -> None:
        """A paragraph, wrapped to the text width (less ``indent``)."""
        self.font(size, bold=bold, colour=colour)
        self.set_x(MARGIN + indent)
        self.multi_cell(WIDTH - indent, line(size), text, align="L", new_x="LMARGIN", new_y="NEXT")

    def labelled(self, label: str, value: str, *, indent: float = 0, size: float = BODY) -> None:
        """ "Label: value" as one paragraph, the label in bold."""
        self.set_left_margin(MARGIN + indent)
        self.set_x(MARGIN + indent)
        self.font(size, bold=True)
        self.write(line(size), f"{label}: ")
        self.font(size)
        self.write(line(size), value)
        self.set_left_margin(MARGIN)
        self.ln(line(size))

    def bullet(self, text: str, *, indent: float = 0, size: float = BODY) -> None:
        """A list item: a dot, and the text wrapped beside it."""
        self.font(size)
        y = self.get_y()
        if y + line(size) > self.page_break_trigger:
            self.add_page()
            y = self.get_y()
        self.set_xy(MARGIN + indent, y)
        self.cell(4, line(size), "•")
        self.multi_cell(
            WIDTH - indent - 4, line(size), text, align="L", new_x="LMARGIN", new_y="NEXT"
        )

    def boxes(self, items: list[tuple[str, str]]) -> None:
        """Key figures side by side, each in a frame: a small label over a large value."""
        gap = 4.0
        w = (WIDTH - gap * (len(items) - 1)) / len(items)
        self.room(16)
        y = self.get_y()
        self.set_draw_color(*rgb(RULE))
        self.set_line_width(0.3)
        for i, (label, value) in enumerate(items):
            x = MARGIN + i * (w + gap)
            self.rect(x, y, w, 14, round_corners=True, corner_radius=1.5)
            self.set_xy(x + 2.5, y + 1.5)
            self.font(SMALL, colour=MUTED)
            self.cell(w - 5, 4, label.upper())
            self.set_xy(x + 2.5, y + 6)
            self.fit(value, w - 5, 13, bold=True, smallest=8)  # a long stage name too
            self.cell(w - 5, 6.5, value)
        self.set_xy(MARGIN, y + 17)

    def callout(self, text: str) -> None:
        """A sentence set apart: a tinted box with an orange rule on its left."""
        n = self.lines(text, WIDTH - 8)
        h = n * line(BODY) + 4
        self.room(h + 2)
        y = self.get_y()
        self.set_fill_color(*rgb("#fbf3ee"))
        self.rect(MARGIN, y, WIDTH, h, style="F")
        self.set_fill_color(*rgb("#b3541e"))
        self.rect(MARGIN, y, 1.2, h, style="F")
        self.set_xy(MARGIN + 5, y + 2)
        self.font(BODY)
        self.multi_cell(WIDTH - 8, line(BODY), text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_y(y + h + 2)

    def table_of(
        self,
        head: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        widths: tuple[float, ...],
        right: Collection[int],
        strong: Collection[int] = (),
    ) -> None:
        """A table with a bold header, ruled between rows; ``right`` columns right-aligned,
        ``strong`` columns in bold."""
        from fpdf.fonts import FontFace

        self.font(8)
        self.set_draw_color(*rgb(RULE))
        self.set_line_width(0.2)
        self.set_fill_color(255, 255, 255)  # fpdf2's table fills its cells with the current one
        align = tuple("RIGHT" if i in right else "LEFT" for i in range(len(head)))
        with self.table(
            col_widths=widths,
            text_align=align,
            borders_layout="HORIZONTAL_LINES",
            line_height=line(8),
            padding=(0.8, 1.2),
            headings_style=FontFace(emphasis="BOLD", color=rgb(INK)),
            width=WIDTH,
        ) as table:
            table.row(list(head))
            for cells in rows:
                row = table.row()
                for i, cell in enumerate(cells):
                    row.cell(cell, style=FontFace(emphasis="BOLD") if i in strong else None)
        self.ln(2)
