"""The plain walk: the interactive check as numbered, line-by-line prompts on stdin and stdout.

For screen readers, terminals where a full-screen app does not fit, and scripts that pipe
answers in. The walk is the app's (start → profile → one question after another, excuse by
excuse → open questions → results → plan → export), on the same session files: every answer
is saved at once, so the app can resume a plain session and the other way round.

The output is plain lines: no cursor movement, no colour, no escape sequences. Every question
ends in a prompt line ``> `` without a newline; what is typed is read up to the end of the line.
When stdin is not a terminal, what was read is echoed after the prompt, so a transcript reads
like the conversation it was.

Nothing here imports Textual (nor Rich).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.models.answers import (
    DONT_KNOW,
    MAX_CHANNEL,
    MAX_CHANNELS,
    MAX_GOAL,
    MAX_NAME,
    MAX_NOTE,
    NOT_APPLICABLE,
    SIZES,
    Answer,
    Answers,
    Scope,
)
from smcheck.core.models.assessment import Assessment, Dimension, Question
from smcheck.core.models.common import ROLES, Lang
from smcheck.core.models.plan import Plan
from smcheck.core.result_text import wrap_text
from smcheck.core.text import format_date, one_line, printable
from smcheck.core.texts import t
from smcheck.core.walk import Profile, Walk, check_label, is_open
from smcheck.files.catalog import entries, find_assessment, load_assessment
from smcheck.files.export.files import (
    default_base,
    format_names,
    respondent_label,
    targets,
    without_suffix,
    write_exports,
)
from smcheck.files.open_session import OpenSession, OrganisationEdit, RespondentEdit
from smcheck.files.session import list_sessions
from smcheck.plain.render import (
    NOTE,
    PRIVATE,
    PROMPT,
    YES,
    Stop,
    line_width,
    parse_number,
    plan_lines,
    quoted,
    result_lines,
)

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130


class PlainWalk:
    """One run of the plain walk; :func:`run_plain` is the way in."""

    def __init__(
        self,
        *,
        lang: Lang,
        assessment: Assessment | None,
        interview: bool,
        stdin: TextIO,
        stdout: TextIO,
        cwd: Path,
        today: Callable[[], date],
    ) -> None:
        self.lang: Lang = lang
        self.only = assessment
        self.interview = interview
        self.stdin = stdin
        self.stdout = stdout
        self.cwd = cwd
        self.today = today
        self.echo = not _isatty(stdin)
        self.at_prompt = False
        self.session: OpenSession | None = None
        self.shown_dimension: str | None = None
        self.keys_shown = False

    # --- lines in, lines out ----------------------------------------------------------------

    def say(self, text: str = "") -> None:
        """Write lines, word-wrapped to the terminal's width (list items hang under their first
        word); control characters (escape sequences among them) never get through."""
        if self.at_prompt:
            self.stdout.write("\n")
            self.at_prompt = False
        width = line_width()
        for line in text.split("\n"):
            for piece in wrap_text(printable(line), width):
                self.stdout.write(piece + "\n")
        self.stdout.flush()

    def ask(self) -> str:
        """Show the prompt and read one line (stripped); raise :class:`Stop` at its end."""
        self.stdout.write(PROMPT)
        self.stdout.flush()
        self.at_prompt = True
        line = self.stdin.readline()
        if not line:
            raise Stop
        text = printable(line.rstrip("\r\n")).strip()
        if self.echo:
            self.stdout.write(text + "\n")
        self.at_prompt = False
        return text

    def w(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def choose(self, count: int, *, low: int = 1, keep: bool = False) -> int | None:
        """A number from ``low`` to ``count`` (``None`` for an empty line when ``keep``)."""
        while True:
            text = self.ask()
            if not text and keep:
                return None
            if text.lower() == "q" and not keep:
                raise Stop
            number = parse_number(text)
            if number is not None and low <= number <= count:
                return number
            if keep:
                self.say(self.w("plain.bad-number", value=quoted(text), low=low, n=count))
            else:
                self.say(self.w("plain.bad-choice", value=quoted(text), n=count))

    # --- the session: the same object the app holds -----------------------------------------

    @property
    def answers(self) -> Answers:
        assert self.session is not None
        return self.session.answers

    @property
    def assessment(self) -> Assessment:
        assert self.session is not None
        return self.session.assessment

    def _hold(self, session: OpenSession) -> None:
        self.release()
        self.session = session
        self.lang = session.answers.lang

    def release(self) -> None:
        """Give the session back to other smcheck processes."""
        if self.session is not None:
            self.session.close()
            self.session = None

    def open_session(self, session_id: str) -> None:
        """Load and lock a saved session; raises :class:`SmcheckError` if it cannot be had."""
        self._hold(OpenSession.open(session_id))

    def start_new(self, assessment: Assessment, scope: Scope) -> None:
        """A new session, saved at once (like the app)."""
        self._hold(OpenSession.start(assessment, scope, self.lang, interview=self.interview))

    def edit(self, change: Callable[[OpenSession], object]) -> None:
        """Run an edit of the session; a refused one is said, and nothing was saved."""
        assert self.session is not None
        try:
            change(self.session)
        except SmcheckError as exc:
            self.say(f"{t('error.title', self.lang)}: {exc}")

    # --- start -------------------------------------------------------------------------------

    def start_menu(self) -> None:
        """Choose a new check or a session to resume; ends with a session open."""
        if self.only is not None:
            assessments: list[Assessment] = [self.only]
            broken: list[str] = []
        else:
            assessments, broken = [], []
            for entry in entries():
                try:
                    assessments.append(load_assessment(entry.path))
                except InvalidFile as exc:
                    broken.append(str(exc.problems[0]))
        sessions = [
            s for s in list_sessions() if s.problem or s.given < s.total or s.completed is None
        ][:9]
        while True:
            choices: list[Callable[[], None]] = []
            self.say(t("start.title", self.lang))
            self.say(t("start.intro", self.lang))
            for a in assessments:
                self.say("")
                self.say(f"{t('start.new', self.lang)}: {one_line(a.title.get(self.lang))}")
                scopes: list[Scope] = ["quick", "full"] if a.has_quick() else ["full"]
                for scope in scopes:
                    n = len(a.questions(scope))
                    label = check_label(scope, n, self.lang)
                    choices.append(partial(self.start_new, a, scope))
                    self.say(f"  {len(choices)}. {label}")
            for problem in broken:
                self.say("  " + t("start.broken", self.lang, problem=problem))
            if sessions:
                self.say("")
                self.say(t("start.resume", self.lang))
                for s in sessions:
                    if s.problem:
                        broken_line = t("start.broken", self.lang, problem=s.problem)
                        self.say(f"  {s.id}: {broken_line}")
                        continue
                    local = s.updated.astimezone() if s.updated else None
                    when = (
                        f"{format_date(local.date(), self.lang)} {local:%H:%M}" if local else s.id
                    )
                    org = one_line(s.organisation) or t("start.unnamed", self.lang)
                    scope_name = (
                        t(f"scope.{s.scope}", self.lang)
                        if s.scope in ("quick", "full")
                        else s.scope
                    )
                    label = t(
                        "start.session",
                        self.lang,
                        org=org,
                        scope=scope_name,
                        given=s.given,
                        total=s.total,
                        when=when,
                    )
                    choices.append(partial(self.open_session, s.id))
                    self.say(f"  {len(choices)}. {label}")
            if not choices:
                raise SmcheckError(self.w("plain.nothing"))
            self.say("")
            self.say(self.w("plain.choose"))
            picked = self.choose(len(choices))
            assert picked is not None
            try:
                choices[picked - 1]()
                return
            except SmcheckError as exc:  # in use elsewhere, or broken since it was listed
                self.say(f"{t('error.title', self.lang)}: {exc}")
                self.say("")

    # --- the walk ----------------------------------------------------------------------------

    def questions(self) -> list[tuple[Dimension, Question]]:
        assert self.session is not None
        return self.session.walk.questions

    def walk(self) -> None:
        """From where the session stands (see :meth:`Walk.resume`) to the results and export."""
        assert self.session is not None
        walk: Walk = self.session.walk
        step = walk.resume(self.answers)
        qs = self.questions()
        position = walk.first_question(step, self.answers)
        if isinstance(step, Profile):
            self.profile()
        back_to_review = False
        while True:
            if position < 0:
                self.profile()
                position = 0
            elif position < len(qs):
                if self.question(position) < 0:
                    position, back_to_review = position - 1, False
                else:
                    position = len(qs) if back_to_review else position + 1
            else:
                target = self.review()
                if target is None:
                    break
                position = target
                back_to_review = target < len(qs)
        self.finish()

    # --- profile -----------------------------------------------------------------------------

    def _label(self, key: str, current: str, **values: object) -> str:
        label = t(key, self.lang, **values)
        return f"{label} [{one_line(current)}]" if current else label

    def text_field(self, key: str, current: str, limit: int) -> str:
        self.say("")
        self.say(self._label(key, current))
        while True:
            text = self.ask()
            if not text:
                return current
            if text == "-":
                return ""
            if len(text) > limit:
                self.say(self.w("plain.too-long", n=limit))
                continue
            return text

    def profile(self) -> None:
        assert self.assessment and self.answers
        lang = self.lang
        self.shown_dimension = None
        self.say("")
        self.say(t("profile.title", lang))
        self.say(self.w("plain.profile-intro"))

        def org_set(**changes: Any) -> None:
            self.edit(lambda s: s.set_profile(OrganisationEdit(**changes)))

        org = self.answers.organisation
        org_set(name=self.text_field("profile.name", org.name, MAX_NAME))

        self.say("")
        self.say(self._label("profile.size", self.answers.organisation.size))
        self.say("  " + self.w("plain.size-none"))
        for i, size in enumerate(SIZES, start=1):
            self.say(f"  {i}. {size}")
        picked = self.choose(len(SIZES), low=0, keep=True)
        if picked is not None:
            org_set(size="" if picked == 0 else SIZES[picked - 1])

        org = self.answers.organisation
        org_set(industry=self.text_field("profile.industry", org.industry, MAX_NAME))

        self.say("")
        self.say(self._label("profile.channels", ", ".join(self.answers.organisation.channels)))
        while True:
            text = self.ask()
            if not text:
                break
            channels = [c.strip() for c in text.split(",") if c.strip() and c.strip() != "-"]
            if len(channels) > MAX_CHANNELS:
                self.say(self.w("plain.too-many", n=MAX_CHANNELS))
            elif any(len(c) > MAX_CHANNEL for c in channels):
                self.say(self.w("plain.too-long", n=MAX_CHANNEL))
            else:
                org_set(channels=tuple(channels))
                break

        goals = [*self.answers.organisation.company_goals, "", ""]
        first = self.text_field("profile.goal1", goals[0], MAX_GOAL)
        org_set(company_goals=tuple(g for g in (first, goals[1]) if g))
        second = self.text_field("profile.goal2", goals[1], MAX_GOAL)
        org_set(company_goals=tuple(g for g in (first, second) if g))

        if self.assessment.objectives:
            self.objectives()
            self.links()

        org = self.answers.organisation
        country = self.text_field("profile.country", org.country, 2).upper()
        org_set(country=country)
        region = self.text_field("profile.region", self.answers.organisation.region, 3).upper()
        org_set(region=region)

        who = self.answers.respondent
        name = self.text_field("profile.respondent", who.name, MAX_NAME)
        self.edit(lambda s: s.set_profile(RespondentEdit(name=name)))

        self.say("")
        role = self.answers.respondent.role
        self.say(self._label("profile.role", t(f"role.{role}", lang)))
        for i, r in enumerate(ROLES, start=1):
            self.say(f"  {i}. {t(f'role.{r}', lang)}")
        picked = self.choose(len(ROLES), keep=True)
        if picked is not None:
            role = ROLES[picked - 1]
            self.edit(lambda s: s.set_profile(RespondentEdit(role=role)))

    def links(self) -> None:
        """Which company goal each chosen objective serves (1, 2, both, or none yet)."""
        assert self.assessment and self.answers
        org = self.answers.organisation
        if not org.objectives or not org.company_goals:
            return
        n = len(org.company_goals)
        links: list[tuple[str, tuple[int, ...]]] = []
        for oid in org.objectives:
            name = one_line(self.assessment.objective(oid).name.get(self.lang))
            current = " ".join(str(k) for k in org.links.get(oid, []))
            self.say("")
            self.say(self._label("plain.link", current, objective=name, n=n))
            while True:
                text = self.ask()
                if not text:
                    numbers = tuple(org.links.get(oid, []))
                    break
                if text == "-":
                    numbers = ()
                    break
                parsed = [parse_number(p) for p in re.split(r"[,\s]+", text) if p]
                if all(k is not None and 1 <= k <= n for k in parsed):
                    numbers = tuple(sorted({k for k in parsed if k is not None}))
                    break
                self.say(self.w("plain.bad-numbers", value=quoted(text), n=n))
            links.append((oid, numbers))
        self.edit(partial(OpenSession.set_profile, edit=OrganisationEdit(links=tuple(links))))

    def objectives(self) -> None:
        assert self.assessment and self.answers
        lang, objectives = self.lang, self.assessment.objectives
        chosen = self.answers.organisation.objectives
        names = ", ".join(one_line(o.name.get(lang)) for o in objectives if o.id in chosen)
        self.say("")
        self.say(f"{self.w('plain.objectives')} [{names}]" if names else self.w("plain.objectives"))
        for i, o in enumerate(objectives, start=1):
            self.say(f"  {i}. {one_line(o.name.get(lang))} – {one_line(o.description.get(lang))}")
        while True:
            text = self.ask()
            if not text:
                return
            if text == "-":
                picked: set[int] = set()
            else:
                parts = [p for p in re.split(r"[,\s]+", text) if p]
                numbers = [parse_number(p) for p in parts]
                if not all(n is not None and 1 <= n <= len(objectives) for n in numbers):
                    self.say(self.w("plain.bad-numbers", value=quoted(text), n=len(objectives)))
                    continue
                picked = {n for n in numbers if n is not None}
            ordered = tuple(o.id for i, o in enumerate(objectives, start=1) if i in picked)
            self.edit(partial(OpenSession.set_profile, edit=OrganisationEdit(objectives=ordered)))
            return

    # --- questions ---------------------------------------------------------------------------

    def _shown_value(self, question: Question, value: int | str) -> str:
        assert self.assessment is not None
        if value == DONT_KNOW:
            return t("dim.dont-know", self.lang)
        if value == NOT_APPLICABLE:
            return t("dim.n-a", self.lang)
        labels = self.assessment.scale(question.scale).labels.get(self.lang)
        index = int(value) - 1
        label = one_line(labels[index]) if 0 <= index < len(labels) else ""
        return f"{value} – {label}" if label else str(value)

    def question(self, index: int) -> int:
        """Ask question ``index``; +1 to go on, -1 to go back."""
        assert self.assessment and self.answers
        lang, qs = self.lang, self.questions()
        d, q = qs[index]
        dims = self.assessment.dimensions_in(self.answers.scope)
        if not self.keys_shown:
            self.say("")
            self.say(self.w("plain.keys"))
            if self.answers.interview:
                self.say(self.w("plain.keys-interview"))
            self.keys_shown = True
        if self.shown_dimension != d.id:
            self.say("")
            excuse = one_line(d.excuse.get(lang))
            self.say(self.w("plain.excuse", i=dims.index(d) + 1, n=len(dims), excuse=excuse))
            self.shown_dimension = d.id
        options = q.options.get(lang)
        self.say("")
        self.say(
            self.w(
                "plain.question", q=index + 1, total=len(qs), prompt=one_line(q.prompt.get(lang))
            )
        )
        for k, option in enumerate(options, start=1):
            self.say(f"  {k}. {one_line(option)}")
        self.say("  " + self.w("plain.extras"))
        answer = self.answers.answers.get(q.id) or Answer()
        if answer.value != "":
            self.say(self.w("plain.current", answer=self._shown_value(q, answer.value)))
        if answer.note:
            self.say(self.w("plain.note", note=one_line(answer.note)))
        if answer.private_note and self.answers.interview:
            self.say(self.w("plain.private", note=one_line(answer.private_note)))
        while True:
            text = self.ask()
            low = text.lower()
            if low in ("", "s"):
                return 1
            if low == "b":
                return -1
            if low == "q":
                raise Stop
            if low == "?":
                self.say(t("dim.why", lang) + one_line(q.help.get(lang)))
                if self.answers.interview:
                    self.say(t("dim.hint", lang) + one_line(q.hint.get(lang)))
                self.say(t("dim.counter", lang) + one_line(d.counter.get(lang)))
                self.say(self.w("plain.keys"))
                continue
            note = NOTE.match(text) or (PRIVATE.match(text) if self.answers.interview else None)
            if note is not None:
                content = note.group(2).strip()
                if len(content) > MAX_NOTE:
                    self.say(self.w("plain.too-long", n=MAX_NOTE))
                    continue
                private = note.re is PRIVATE
                self.edit(
                    partial(OpenSession.set_note, question=q.id, text=content, private=private)
                )
                self.say(self.w("plain.note-saved" if content else "plain.note-removed"))
                continue
            value: int | str | None = None
            if low == "0":
                value = DONT_KNOW
            elif low == "n":
                value = NOT_APPLICABLE
            elif (number := parse_number(text)) is not None and 1 <= number <= len(options):
                value = number
            if value is None:
                self.say(self.w("plain.bad-answer", value=quoted(text), n=len(options)))
                continue
            self.edit(partial(OpenSession.set_answer, question=q.id, value=value))
            return 1

    def review(self) -> int | None:
        """With questions open: say which, and go on or back. ``None`` goes on to the results."""
        qs = self.questions()
        open_numbers = [i + 1 for i, (_, q) in enumerate(qs) if is_open(self.answers, q)]
        if not open_numbers:
            return None
        self.say("")
        numbers = ", ".join(map(str, open_numbers))
        self.say(self.w("plain.review-open", n=len(open_numbers), total=len(qs), numbers=numbers))
        self.say(self.w("plain.review-ask"))
        while True:
            text = self.ask().lower()
            if not text:
                return None
            if text == "b":
                return len(qs) - 1
            if text == "q":
                raise Stop
            number = parse_number(text)
            if number is not None and 1 <= number <= len(qs):
                self.shown_dimension = None
                return number - 1
            self.say(self.w("plain.bad-review", value=quoted(text), n=len(qs)))

    # --- results, plan, export ----------------------------------------------------------------

    def plan(self) -> Plan:
        """The plan exactly as the app (and `smcheck score --previous`) makes it."""
        assert self.session is not None
        return self.session.plan(self.today())

    def finish(self) -> None:
        assert self.session is not None
        self.edit(lambda s: s.complete(self.today()))
        plan = self.plan()
        deltas = {d.id: d.delta for d in plan.start_point.dimensions} if plan.start_point else None
        self.say("")
        self.say(t("results.title", self.lang))
        self.say("\n".join(result_lines(plan.result, self.lang, deltas, width=line_width())))
        self.say("")
        self.say("\n".join(plan_lines(plan, self.lang)))
        self.export(plan)
        self.say("")
        self.say(t("saved", self.lang, path=f"{self.session.id}.toml"))

    def _where(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.cwd))
        except ValueError:
            return str(path)

    def export(self, plan: Plan) -> None:
        assert self.session is not None
        who = respondent_label(self.session.id, self.session.members())
        default = default_base(plan, self.cwd, who)
        while True:
            self.say("")
            self.say(t("export.title", self.lang))
            self.say(t("export.intro", self.lang, formats=format_names()))
            self.say(self.w("plain.export-default", name=self._where(default)))
            text = self.ask()
            if text == "-":
                self.say(self.w("plain.no-export"))
                return
            base = Path(text).expanduser() if text else default
            if not base.is_absolute():
                base = self.cwd / base
            base = without_suffix(base)
            if not base.name:
                continue
            existing = [p for p in targets(base) if p.exists()]
            if existing:
                names = ", ".join(p.name for p in existing)
                self.say(self.w("plain.exists", files=names))
                if self.ask().lower() not in YES:
                    continue
            try:
                paths = write_exports(
                    plan, base, overwrite=bool(existing), reports=self.session.comparison_reports()
                )
            except SmcheckError as exc:
                self.say(f"{t('error.title', self.lang)}: {exc}")
                continue
            self.say(t("export.done", self.lang, files=", ".join(self._where(p) for p in paths)))
            return

    # --- leaving -----------------------------------------------------------------------------

    def goodbye(self) -> None:
        """After EOF, q or Ctrl-C: say how to come back (everything is saved already)."""
        if self.session is not None:
            self.say(self.w("plain.resume", id=self.session.id))
        elif self.at_prompt:
            self.say()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def run_plain(
    *,
    lang: Lang,
    assessment: Assessment | str | None = None,
    resume: str | None = None,
    interview: bool = False,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    cwd: Path | None = None,
    today: Callable[[], date] = date.today,
) -> int:
    """Run the plain walk; returns the exit code.

    ``lang`` is the language of a new session (a resumed one keeps its own); ``assessment``
    (a model, an id or a path) limits the new choices to that one; ``resume`` opens a saved
    session directly; ``interview`` marks new sessions as interviews (hints shown).
    ``stdin``/``stdout`` default to the process's, ``cwd`` (where exports go) to the current
    folder, ``today`` (the completion day) to :meth:`date.today`.

    Exit codes: 0 when done, when stdin ends or when the user types q (everything is saved;
    a line says how to resume), 130 on Ctrl-C. A session that cannot be opened (no such
    session, a broken file, open in another smcheck) raises :class:`SmcheckError`, which the
    command line reports as an error (exit 2).
    """
    if isinstance(assessment, str):
        assessment = find_assessment(assessment)
    walk = PlainWalk(
        lang=lang,
        assessment=assessment,
        interview=interview,
        stdin=sys.stdin if stdin is None else stdin,
        stdout=sys.stdout if stdout is None else stdout,
        cwd=Path.cwd() if cwd is None else cwd,
        today=today,
    )
    try:
        if resume is not None:
            walk.open_session(resume)
        else:
            walk.start_menu()
        walk.walk()
        return EXIT_OK
    except Stop:
        walk.goodbye()
        return EXIT_OK
    except KeyboardInterrupt:
        walk.goodbye()
        return EXIT_INTERRUPTED
    finally:
        walk.release()


__all__ = ["PlainWalk", "plan_lines", "result_lines", "run_plain"]
