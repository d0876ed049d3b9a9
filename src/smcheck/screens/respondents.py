"""The respondents of one engagement (interview mode), and their comparison side by side."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Static

from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import Respondent
from smcheck.core.models.common import Lang
from smcheck.core.text import one_line
from smcheck.files.open_session import OpenSession
from smcheck.files.session import progress
from smcheck.screens.base import SmcheckScreen
from smcheck.screens.dialogs import ConfirmDialog, RespondentDialog
from smcheck.screens.messages import RespondentChosen
from smcheck.screens.titles import session_title
from smcheck.seams import QuietFooter


class RespondentsScreen(SmcheckScreen):
    """Everyone interviewed for one organisation; add, rename, remove, erase, open, compare.

    Other respondents' sessions are changed through the open session (each under its own lock);
    choosing one to continue with is the app's business (:class:`RespondentChosen`).
    """

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back", key_display="esc"),
        Binding("backspace", "app.pop_screen", "key.back", show=False),
        Binding("a", "add", "key.add"),
        # e, Del and x are named in the line above the table: the footer keeps to what fits
        # 80 columns in full, f1 and ctrl+r included
        Binding("e", "rename", "key.rename", show=False),
        Binding("delete", "remove", "key.remove", key_display="del", show=False),
        Binding("x", "erase", "key.erase", show=False),
        Binding("m", "compare", "key.compare"),
    ]

    def __init__(
        self,
        lang: Lang,
        session: OpenSession,
        *,
        adding: bool = False,
        comparing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(lang, **kwargs)
        self.session = session
        self.members = session.members()
        self.adding = adding
        self.comparing = comparing

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
        self.fill()
        self.set_focus(table)
        if self.adding:
            self.action_add()
        elif self.comparing:
            self.action_compare()

    def fill(self) -> None:
        """The members of the engagement, the open session marked and highlighted."""
        table = self.query_one(DataTable)
        table.clear()
        current = self.session.id
        for sid, answers in self.members:
            given, total = progress(answers, self.session.assessment)
            name = one_line(answers.respondent.name) or self.t("start.unnamed")
            marker = "▶ " if sid == current else "  "
            table.add_row(
                Text(marker + name),
                self.t(f"role.{answers.respondent.role}"),
                f"{given}/{total}",
                sid,
                key=sid,
            )
        ids = [sid for sid, _ in self.members]
        if current in ids:
            table.move_cursor(row=ids.index(current))

    def _selected(self) -> str | None:
        table = self.query_one(DataTable)
        if not self.members:
            return None
        return self.members[table.cursor_row][0]

    def _refresh(self) -> None:
        self.members = self.session.members()
        self.fill()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.post_message(RespondentChosen(event.row_key.value))

    def action_add(self) -> None:
        def added(result: tuple[str, str] | None) -> None:
            if result is not None:
                who = Respondent.model_validate({"name": result[0], "role": result[1]})
                try:
                    session_id = self.session.add_respondent(who)
                except SmcheckError as exc:
                    self.error(str(exc))
                    return
                self.post_message(RespondentChosen(session_id))

        self.app.push_screen(RespondentDialog(self.lang, self.t("resp.add")), added)

    def action_rename(self) -> None:
        sid = self._selected()
        if sid is None:
            return
        answers = dict(self.members)[sid]

        def renamed(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            who = Respondent.model_validate({"name": result[0], "role": result[1]})
            try:
                self.session.rename_respondent(sid, who)
            except SmcheckError as exc:
                self.error(str(exc))
            if sid == self.session.id:
                self.app.sub_title = session_title(self.session, self.lang)
            self._refresh()

        dialog = RespondentDialog(
            self.lang, self.t("resp.rename"), answers.respondent.name, answers.respondent.role
        )
        self.app.push_screen(dialog, renamed)

    def action_remove(self) -> None:
        sid = self._selected()
        if sid is None:
            return
        if sid == self.session.id:
            self.error(self.t("resp.remove-current"))
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    self.session.remove_respondent(sid)
                except SmcheckError as exc:
                    self.error(str(exc))
                    return
                self._refresh()

        ask = ConfirmDialog(self.lang, self.t("resp.remove-ask", id=sid), self.t("key.remove"))
        self.app.push_screen(ask, confirmed)

    def action_erase(self) -> None:
        """Delete a respondent's session for good (a client's request), after a yes."""
        sid = self._selected()
        if sid is None:
            return
        if sid == self.session.id:
            self.error(self.t("resp.erase-current"))
            return
        answers = dict(self.members)[sid]
        name = one_line(answers.respondent.name) or self.t(f"role.{answers.respondent.role}")

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                erased = self.session.erase_respondent(sid)
            except SmcheckError as exc:
                self.error(str(exc))
                return
            self.notify(self.t("resp.erased", id=sid, count=len(erased)), markup=False)
            self._refresh()

        ask = ConfirmDialog(
            self.lang, self.t("resp.erase-ask", id=sid, name=name), self.t("key.erase")
        )
        self.app.push_screen(ask, confirmed)

    def action_compare(self) -> None:
        try:
            comparison = self.session.comparison()
        except SmcheckError as exc:
            self.error(str(exc))
            return
        self.app.push_screen(CompareScreen(self.lang, comparison))


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
                self.t(
                    "compare.combined",
                    overall=overall,
                    stage=one_line(c.combined_stage_name or "–"),
                )
            ),
            classes="intro",
        )
        yield DataTable(id="comparison", cursor_type="row", zebra_stripes=True)
        gaps = Text()
        if c.gaps:
            gaps.append(self.t("compare.gaps") + "\n", style="bold")
            for gap in c.gaps:
                gaps.append(f"• {one_line(gap.summary)}\n")
                gaps.append(f"  {self.t('comparison.ask')} {one_line(gap.discussion)}\n")
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
            table.add_row(Text(one_line(d.name or d.id)), *cells, spread, combined, key=d.id)
        self.set_focus(table)
