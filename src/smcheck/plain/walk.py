"""The plain walk: the interactive check as numbered, line-by-line prompts on stdin and stdout.

For screen readers, terminals where a full-screen app does not fit, and scripts that pipe
answers in. The walk is the app's (start → profile → one question after another, excuse by
excuse → open questions → results → plan → export), on the same session files: every answer
is saved at once, so the app can resume a plain session and the other way round.

The output is plain lines: no cursor movement, no colour, no escape sequences. Every question
ends in a prompt line ``> `` without a newline; what is typed is read up to the end of the line.
When stdin is not a terminal, what was read is echoed after the prompt, so a transcript reads
like the conversation it was.

Nothing here imports Textual (nor Rich). The start menu is in :mod:`smcheck.plain.start`, the
profile's questions in :mod:`smcheck.plain.profile`, the words and renderings in
:mod:`smcheck.plain.render`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TextIO

from smcheck.core.errors import SmcheckError
from smcheck.core.models.answers import (
    DONT_KNOW,
    MAX_NOTE,
    NOT_APPLICABLE,
    Answer,
    Answers,
    Scope,
)
from smcheck.core.models.assessment import Assessment, Dimension, Question
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Plan
from smcheck.core.result_text import wrap_text
from smcheck.core.text import one_line, printable
from smcheck.core.texts import t
from smcheck.core.walk import Profile, Walk, is_open
from smcheck.files.catalog import find_assessment
from smcheck.files.export.files import (
    default_base,
    format_names,
    respondent_label,
    targets,
    without_suffix,
    write_exports,
)
from smcheck.files.open_session import OpenSession
from smcheck.plain.profile import profile
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
from smcheck.plain.start import start_menu

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
            profile(self)
        back_to_review = False
        while True:
            if position < 0:
                profile(self)
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
            start_menu(walk)
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
