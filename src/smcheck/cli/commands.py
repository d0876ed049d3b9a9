"""What each headless command does (and `run`, which starts the screen); see :mod:`smcheck.cli.main`."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.text import printable

if TYPE_CHECKING:
    from smcheck.core.models.common import Lang

EXIT_OK, EXIT_ERROR = 0, 2
FORMATS = ("toml", "json", "md", "csv", "ics")
COMPARE_FORMATS = ("text", "toml", "json", "md")


def _lang(value: str | None) -> Lang:
    from smcheck.core.langs import system_lang

    if value in ("de", "en"):
        return value  # type: ignore[return-value]
    return system_lang()


_LINE_END = re.compile(r"(\r?\n)")


def _out(text: str) -> None:
    """Write ``text`` to standard output, each line made safe for a terminal (see ``printable``).

    Line ends stay as they are (an iCalendar file needs its CRLF). A write that fails raises
    BrokenPipeError for a reader that stopped (``| head``), :class:`SmcheckError` for anything
    else (a full disk); either way what is still buffered is dropped, see :func:`_drop_stdout`.
    """
    from smcheck.core.text import printable

    parts = _LINE_END.split(text)  # line, end, line, end, …, line
    safe = "".join(part if i % 2 else printable(part) for i, part in enumerate(parts))
    try:
        sys.stdout.write(safe)
        sys.stdout.flush()  # now, while a failure can still be told about
    except OSError as exc:
        _drop_stdout()
        if isinstance(exc, BrokenPipeError):
            raise
        raise SmcheckError(f"standard output: cannot write: {exc.strerror or exc}") from None


def _drop_stdout() -> None:
    """Point standard output at the null device, as the Python docs advise after a broken pipe:
    what it still buffers would fail again at exit, as an "Exception ignored" message."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no descriptor (a capture)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _err(message: str) -> None:
    """Print ``message`` to standard error, one ``smcheck: error:`` line per line of it.

    Each line is made safe for a terminal; a long list of problems is cut to its first ones.
    """
    from smcheck.core.text import first_problems, printable

    for line in first_problems([printable(line) for line in message.split("\n")]):
        print(f"smcheck: error: {line}", file=sys.stderr)


def cmd_assessments(args: argparse.Namespace) -> int:
    from smcheck.core.text import one_line
    from smcheck.files.catalog import entries, load_assessment

    lang = _lang(None)
    rows = []
    for entry in entries():
        name = one_line(entry.path.stem)  # a file name may hold anything but "/"
        try:
            a = load_assessment(entry.path)
        except InvalidFile as exc:
            rows.append(f"{name:<28} INVALID  {one_line(str(exc.problems[0]))}")
            continue
        full, quick = len(a.questions("full")), len(a.questions("quick"))
        size = f"{len(a.dimensions)} dimensions, {full} questions" + (
            f", quick {quick}" if quick else ""
        )
        rows.append(
            f"{one_line(a.id):<28} {one_line(a.version):<6} {entry.origin:<8} {size}  "
            f"{one_line(a.title.get(lang))}"
        )
    _out("\n".join(rows) + "\n" if rows else "no assessments found\n")
    return EXIT_OK


def _check_targets(targets: Sequence[Path], inputs: Sequence[Path], force: bool) -> None:
    """Refuse, before anything is written, to replace an input or (without --force) any file."""
    problems = []
    for target in targets:
        if any(target.resolve() == i.resolve() for i in inputs):
            problems.append(f"{target}: is one of the input files; choose another output name")
        elif not force and target.exists():
            problems.append(f"{target}: already exists; choose another name or add --force")
    if problems:
        raise SmcheckError("\n".join(problems))


def _write(path: Path | None, text: str) -> None:
    from smcheck.files.storage import write_atomic

    if path is None:
        _out(text)
    else:
        write_atomic(path, text)


def cmd_template(args: argparse.Namespace) -> int:
    from smcheck.files.catalog import find_assessment
    from smcheck.files.template import make_template

    a = find_assessment(args.assessment)
    if args.quick and not a.has_quick():
        raise SmcheckError(f"{a.id} has no quick check")
    text = make_template(
        a, lang=_lang(args.lang), scope="quick" if args.quick else "full", today=date.today()
    )
    if args.output is not None:
        _check_targets([args.output], [], args.force)
    _write(args.output, text)
    return EXIT_OK


def expand_inputs(paths: Sequence[Path]) -> list[Path]:
    """Answers files from the command line: folders stand for their ``*.toml`` files, and a
    pattern the shell did not expand (``'answers/*.toml'``) is expanded here; sorted, no repeats."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob("*.toml"))
        elif not path.exists() and any(ch in str(path) for ch in "*?["):
            anchor = Path(path.anchor) if path.is_absolute() else Path()
            pattern = str(path.relative_to(anchor)) if path.is_absolute() else str(path)
            matches = sorted(anchor.glob(pattern))
            if not matches:
                raise SmcheckError(f"{path}: no file matches")
            found += matches
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def cmd_score(args: argparse.Namespace) -> int:
    from smcheck.cli.batch import ScoreOptions, score_files
    from smcheck.files.catalog import find_assessment
    from smcheck.files.storage import write_all_atomic

    fmt = args.format
    if fmt is None:
        suffix = args.output.suffix.lstrip(".").lower() if args.output else ""
        fmt = suffix if suffix in FORMATS else "toml"
    args.given = list(args.answers)
    args.answers = expand_inputs(args.answers)
    if not args.answers:
        raise SmcheckError(f"{args.given[0]}: no answers files (*.toml) in it")
    several = len(args.answers) > 1 or any(p.is_dir() for p in args.given)
    if several and args.output is None and fmt != "json":
        raise SmcheckError("several answers files: give -o FOLDER, or --format json for JSON lines")
    if several and args.output is not None and not args.output.is_dir():
        raise SmcheckError(
            f"{args.output}: several answers files need -o to name an existing folder"
        )
    if args.assessment:
        find_assessment(args.assessment)  # a wrong -a is one error, not one per file
    if args.start is not None and args.start.weekday():
        from smcheck.core.calendar import monday_of

        print(
            f"smcheck: --start {args.start} is not a Monday; the iteration starts on the Monday "
            f"of that week, {monday_of(args.start)}",
            file=sys.stderr,
        )
    options = ScoreOptions(
        fmt=fmt,
        lines=several and args.output is None,
        assessment=args.assessment,
        lang=args.lang,
        start=args.start,
        weeks=args.weeks,
        previous=args.previous,
    )
    problems: list[str] = []
    outputs: dict[Path | None, str] = {}
    lines: list[str] = []
    for outcome in score_files(args.answers, options, args.jobs):
        for note in outcome.notes:
            print(f"smcheck: note: {printable(note)}", file=sys.stderr)
        problems += outcome.problems
        if outcome.text is None:
            continue
        if options.lines:
            lines.append(outcome.text)
            continue
        path = outcome.path
        target = args.output / f"{path.stem}.plan.{fmt}" if several else args.output
        if target in outputs:
            problems.append(f"{path}: would write {target} a second time; rename one answers file")
            continue
        outputs[target] = outcome.text
    if problems:
        raise SmcheckError("\n".join(problems))
    if lines:
        _out("".join(lines))
    _check_targets([t for t in outputs if t is not None], args.answers, args.force)
    if None in outputs:
        _out(outputs[None])
    write_all_atomic([(target, text) for target, text in outputs.items() if target is not None])
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from smcheck.core.compare import compare
    from smcheck.files.catalog import find_assessment
    from smcheck.files.export.comparison import (
        comparison_json,
        comparison_markdown,
        comparison_text,
        comparison_toml,
    )
    from smcheck.files.session import load_session_file as load_answers

    fmt = args.format
    if fmt is None:
        suffix = args.output.suffix.lstrip(".").lower() if args.output else ""
        fmt = suffix if suffix in COMPARE_FORMATS else "text"
    assessment = find_assessment(args.assessment) if args.assessment else None
    problems: list[str] = []
    loaded = []
    for path in args.answers:
        try:
            loaded.append((path.stem, *load_answers(path, assessment)))
        except InvalidFile as exc:
            problems += [str(p) for p in exc.problems]
    if problems:
        raise SmcheckError("\n".join(problems))
    a = loaded[0][2]
    lang = args.lang or loaded[0][1].lang
    labels = [answers.respondent.name or stem for stem, answers, _ in loaded]
    c = compare(
        a,
        [(label, answers) for label, (_, answers, _) in zip(labels, loaded, strict=True)],
        lang,
        today=date.today(),
    )
    renderers = {
        "text": comparison_text,
        "toml": comparison_toml,
        "json": comparison_json,
        "md": comparison_markdown,
    }
    text = renderers[fmt](c)
    if args.output is not None:
        _check_targets([args.output], args.answers, args.force)
    _write(args.output, text)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from smcheck.files.catalog import find_assessment, validate_file

    assessment = find_assessment(args.assessment) if args.assessment else None
    failed = False
    for path in args.files:
        try:
            kind = validate_file(path, assessment)
        except InvalidFile as exc:
            failed = True
            _err("\n".join(str(p) for p in exc.problems))
            continue
        _out(f"{path}: valid {kind}\n")
    return EXIT_ERROR if failed else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from smcheck.files.schemas import schema_text

    _out(schema_text(args.kind))
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    # Only what the first screen needs is loaded here; see benchmarks/ for why.
    from smcheck.files.locations import config_dir
    from smcheck.files.overview import check_session_id, quick_settings

    web = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")  # started by `smcheck serve`
    terminal = web or (sys.stdout.isatty() and sys.stdin.isatty())
    plain = args.plain or not terminal or (not web and os.environ.get("TERM") == "dumb")
    settings = quick_settings(config_dir() / "config.toml")
    config_problem = ""
    if not settings.readable:
        from smcheck.files.config import load_config

        try:
            load_config()  # names the file, the line and the field
        except InvalidFile as exc:
            if plain:
                raise
            # the screen starts with default settings and shows the problem; the file stays
            config_problem = str(exc.problems[0])
    lang = _lang(args.lang or settings.lang)
    assessment = None
    if args.assessment:
        from smcheck.files.catalog import find_assessment

        assessment = find_assessment(args.assessment)
    if args.resume:
        check_session_id(args.resume)
    confined = getattr(args, "session_only", False)
    if confined and not args.resume:
        raise SmcheckError("--session-only needs --resume ID: the one session to stay in")
    if confined and plain:
        raise SmcheckError("--session-only is for the screen (an invite link of smcheck serve)")
    if plain:
        from smcheck.plain.walk import run_plain

        return run_plain(
            lang=lang, assessment=assessment, resume=args.resume, interview=args.interview
        )
    from smcheck.app import SmcheckApp

    app = SmcheckApp(
        lang=lang,
        theme=settings.theme,
        remembered_lang=settings.lang,
        assessment=assessment,
        resume=args.resume,
        interview=args.interview,
        config_problem=config_problem,
        confined=confined,
    )
    app.run()
    return app.return_code or EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """The same app in a browser: every tab gets its own smcheck process, behind secret links."""
    import logging

    from smcheck import web

    if args.max_sessions < 1:
        raise SmcheckError("--max-sessions: give 1 or more")
    if args.engagement and not args.invite:
        raise SmcheckError(
            "--engagement names whom --invite adds respondents to; add --invite NAME"
        )
    if args.invite and not args.engagement:
        raise SmcheckError(
            "--invite needs --engagement ID: a saved session of the engagement the respondents "
            "join (see: smcheck sessions)"
        )
    public_url = web.check_public_url(args.public_url) if args.public_url else None
    links = [web.main_link(args.max_sessions, lang=args.lang, interview=args.interview)]
    if args.invite:
        web.check_confined_mode()
        invited = web.invited_sessions(args.engagement, args.invite)
        links += [
            web.invite_link(number, name, session_id)
            for number, (name, session_id) in enumerate(invited, start=1)
        ]
    notes = logging.getLogger("smcheck")  # "smcheck: note: …" on stderr
    if args.host in web.EVERYWHERE and not public_url:
        notes.warning(
            "listening on every address: browsers elsewhere need --public-url, the address "
            "they use (the origin check refuses any other)"
        )
    if args.host not in web.LOOPBACK and not (public_url or "").startswith("https:"):
        notes.warning(
            "without TLS, anyone on the way can read the links and their tokens: put a TLS "
            "reverse proxy in front (README, In a browser)"
        )
    server = web.WebServer(links, host=args.host, port=args.port, public_url=public_url)
    try:
        server.serve()
    except OSError as exc:
        raise SmcheckError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from None
    return EXIT_OK


def _erase(session_id: str, yes: bool) -> int:
    """Erase one session for good, after a confirmation (or ``--yes``)."""
    from smcheck.files.session import erase_session, session_files

    files = session_files(session_id)
    if not files:
        raise SmcheckError(f"no session {session_id!r} (see: smcheck sessions)")
    if not yes:
        if not sys.stdin.isatty():
            raise SmcheckError(f"erasing {session_id} needs a confirmation: add --yes")
        names = ", ".join(printable(p.name) for p in files)
        answer = input(f"Erase session {session_id} for good ({names})? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "j", "ja"):
            _out("nothing erased\n")
            return EXIT_OK
    deleted = erase_session(session_id)
    _out(f"erased {session_id}: {len(deleted)} files deleted\n")
    return EXIT_OK


def cmd_sessions(args: argparse.Namespace) -> int:
    from smcheck.core.text import one_line
    from smcheck.files.session import list_sessions

    if getattr(args, "delete", None):
        return _erase(args.delete, args.yes)

    rows = []
    for s in list_sessions():
        if s.problem:
            rows.append(f"{s.id:<18} INVALID  {one_line(s.problem)}")
            continue
        when = s.updated.astimezone().strftime("%Y-%m-%d %H:%M") if s.updated else ""
        state = "done" if s.given == s.total and s.completed else f"{s.given}/{s.total}"
        org = one_line(s.organisation) or "-"
        rows.append(f"{s.id:<18} {when:<16} {state:>7}  {s.scope:<5}  {org}")
    header = f"{'SESSION':<18} {'LAST CHANGE':<16} {'ANSWERS':>7}  {'SCOPE':<5}  ORGANISATION"
    _out("\n".join([header, *rows]) + "\n" if rows else "no saved sessions\n")
    return EXIT_OK


COMMANDS = {
    "run": cmd_run,
    "sessions": cmd_sessions,
    "serve": cmd_serve,
    "assessments": cmd_assessments,
    "template": cmd_template,
    "score": cmd_score,
    "compare": cmd_compare,
    "validate": cmd_validate,
    "schema": cmd_schema,
}
