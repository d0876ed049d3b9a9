"""The respondents of one engagement (interview mode), and their comparison side by side."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from smcheck.core.i18n import t
from smcheck.core.models.answers import Answers
from smcheck.core.models.assessment import Assessment
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line
from smcheck.files.session import progress
from smcheck.screens.base import SmcheckScreen
from smcheck.screens.fields import QuietFooter


class RespondentsScreen(SmcheckScreen):
    """Everyone interviewed for one organisation; add, rename, remove, open, compare."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", key_display="esc"),
        Binding("backspace", "app.pop_screen", "key.back", show=False),
        Binding("a", "add", "key.add"),
        Binding("e", "rename", "key.rename"),
        Binding("delete", "remove", "key.remove", key_display="del"),
        Binding("m", "compare", "key.compare"),
    ]

    def __init__(
        self,
        lang: Lang,
        assessment: Assessment,
        members: list[tuple[str, Answers]],
        current: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(lang, **kwargs)
        self.assessment = assessment
        self.members = members
        self.current = current

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.t("resp.title"), style="bold"), classes="title")
        yield Static(self.t("resp.intro"), classes="intro")
        yield DataTable(id="respondents", cursor_type="row", zebra_stripes=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("resp.col.name", "resp.col.role", "resp.col.progress", "resp.col.session"):
            table.add_column(self.t(key), key=key)
        for sid, answers in self.members:
            given, total = progress(answers, self.assessment)
            name = one_line(answers.respondent.name) or self.t("start.unnamed")
            marker = "▶ " if sid == self.current else "  "
            table.add_row(
                Text(marker + name),
                t(f"role.{answers.respondent.role}", self.lang),
                f"{given}/{total}",
                sid,
                key=sid,
            )
        self.set_focus(table)
        ids = [sid for sid, _ in self.members]
        if self.current in ids:
            table.move_cursor(row=ids.index(self.current))

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.members:
            return None
        return self.members[table.cursor_row][0]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.smcheck.open_respondent(event.row_key.value)

    def action_add(self) -> None:
        self.smcheck.add_respondent()

    def action_rename(self) -> None:
        sid = self._selected()
        if sid:
            self.smcheck.rename_respondent(sid)

    def action_remove(self) -> None:
        sid = self._selected()
        if sid:
            self.smcheck.remove_respondent(sid)

    def action_compare(self) -> None:
        self.smcheck.show_comparison()


class CompareScreen(SmcheckScreen):
    """Dimension scores of every respondent side by side, spread, combined, perception gaps."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", key_display="esc"),
        Binding("backspace", "app.pop_screen", "key.back", show=False),
    ]

    def __init__(self, lang: Lang, comparison: Any, **kwargs: Any) -> None:
        super().__init__(lang, **kwargs)
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        c = self.comparison
        yield Header()
        yield Static(Text(self.t("compare.title"), style="bold"), classes="title")
        overall = "–" if c.combined_overall is None else str(c.combined_overall)
        yield Static(
            Text(
                self.t("compare.combined", overall=overall, stage=one_line(c.combined_stage_name))
            ),
            classes="intro",
        )
        yield DataTable(id="comparison", cursor_type="row", zebra_stripes=True)
        gaps = Text()
        if c.gaps:
            gaps.append(self.t("compare.gaps") + "\n", style="bold")
            for gap in c.gaps:
                gaps.append(f"• {one_line(gap.discussion)}\n")
        else:
            gaps.append(self.t("compare.no-gaps"))
        with VerticalScroll(id="gaps-scroll"):
            yield Static(gaps, id="gaps")
        yield QuietFooter()

    def on_mount(self) -> None:
        c = self.comparison
        table = self.query_one(DataTable)
        table.add_column(self.t("compare.col.dimension"), key="dimension")
        for i, r in enumerate(c.respondents):
            table.add_column(Text(one_line(r.label)[:12]), key=f"r{i}")
        table.add_column(self.t("compare.col.spread"), key="spread")
        table.add_column(self.t("compare.col.combined"), key="combined")
        for d in c.dimensions:
            cells = ["–" if s is None else str(s) for s in d.scores]
            spread = "–" if d.spread is None else str(d.spread)
            combined = "–" if d.combined is None else str(d.combined)
            table.add_row(d.id, *cells, spread, combined, key=d.id)
        self.set_focus(table)
