"""What each headless command does (and `run`, which starts the screen); see :mod:`smcheck.cli.main`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from smcheck.cli.output import (
    STDIN_NAME,
    check_targets,
    file_name,
    is_stdin,
    output_format,
    read_stdin,
    refuse_pdf_on_terminal,
    write,
)
from smcheck.cli.output import err as _err
from smcheck.cli.output import out as _out
from smcheck.core.errors import InvalidFile, SmcheckError
from smcheck.core.text import printable

if TYPE_CHECKING:
    from smcheck.core.models.common import Lang
    from smcheck.core.models.comparison import Comparison

EXIT_OK, EXIT_ERROR = 0, 2
FORMATS = ("toml", "json", "md", "csv", "ics", "html", "pdf")
COMPARE_FORMATS = ("text", "toml", "json", "md", "html", "pdf")
CSV_FLAVOURS = ("plain", "excel", "gitlab")


def _lang(value: str | None) -> Lang:
    from smcheck.core.langs import system_lang

    if value in ("de", "en"):
        return value  # type: ignore[return-value]
    return system_lang()


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


def cmd_template(args: argparse.Namespace) -> int:
    from smcheck.files.catalog import find_assessment
    from smcheck.files.template import make_template

    output_format(args.output, None, ("toml",), "toml", choosable=False)  # answers are TOML
    a = find_assessment(args.assessment)
    if args.quick and not a.has_quick():
        raise SmcheckError(f"{a.id} has no quick check")
    text = make_template(
        a, lang=_lang(args.lang), scope="quick" if args.quick else "full", today=date.today()
    )
    if args.output is not None and not is_stdin(args.output):
        check_targets([args.output], [], args.force)
    write(args.output, text)
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
    from smcheck.cli import batch
    from smcheck.files.catalog import find_assessment

    args.given = list(args.answers)
    args.answers = expand_inputs(args.answers)
    if not args.answers:
        raise SmcheckError(f"{args.given[0]}: no answers files (*.toml) in it")
    to_stdout = args.output is None or is_stdin(args.output)
    several = len(args.answers) > 1 or any(p.is_dir() for p in args.given)
    if several and not to_stdout:  # -o names a folder; the files in it say their format
        fmt = args.format or "toml"
    else:
        fmt = output_format(args.output, args.format, FORMATS, "toml")
    if args.csv_flavour is not None and fmt != "csv":
        raise SmcheckError("--csv-flavour is for CSV: add -o tasks.csv or --format csv")
    if several and to_stdout and fmt != "json":
        raise SmcheckError("several answers files: give -o FOLDER, or --format json for JSON lines")
    if several and not to_stdout and not args.output.is_dir():
        raise SmcheckError(
            f"{args.output}: several answers files need -o to name an existing folder"
        )
    refuse_pdf_on_terminal(fmt, args.output)
    if args.assessment:
        find_assessment(args.assessment)  # a wrong -a is one error, not one per file
    if args.start is not None and args.start.weekday():
        from smcheck.core.calendar import monday_of

        print(
            f"smcheck: --start {args.start} is not a Monday; the iteration starts on the Monday "
            f"of that week, {monday_of(args.start)}",
            file=sys.stderr,
        )
    options = batch.ScoreOptions(
        fmt=fmt,
        lines=several and to_stdout,
        assessment=args.assessment,
        lang=args.lang,
        start=args.start,
        weeks=args.weeks,
        previous=args.previous,
        csv_flavour=args.csv_flavour or "plain",
        stdin=read_stdin([*args.answers, args.previous]),
        name_files=several,
        benchmark=args.benchmark,
    )
    if args.benchmark is not None:  # read once, here: forked workers inherit it
        from smcheck.files.portfolio_input import load_peers

        given = find_assessment(args.assessment) if args.assessment else None
        load_peers(
            args.benchmark,
            given,
            lambda x: print(f"smcheck: note: {printable(x)}", file=sys.stderr),
        )
    outcomes = batch.score_files(args.answers, options, args.jobs)
    if options.lines:
        return batch.stream_lines(outcomes, args.keep_going)
    if several:
        return batch.write_folder(
            outcomes, args.output, fmt, args.answers, args.force, args.keep_going
        )
    return batch.write_one(outcomes, args.output, args.answers, args.force)


def cmd_compare(args: argparse.Namespace) -> int:
    from smcheck.cli.batch import load
    from smcheck.core.compare import compare
    from smcheck.files.catalog import find_assessment

    fmt = output_format(args.output, args.format, COMPARE_FORMATS, "text")
    refuse_pdf_on_terminal(fmt, args.output)
    assessment = find_assessment(args.assessment) if args.assessment else None
    stdin = read_stdin(args.answers)
    problems: list[str] = []
    loaded = []
    for path in args.answers:
        try:
            stem = "stdin" if is_stdin(path) else path.stem
            loaded.append((stem, *load(path, assessment, stdin)))
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
    data = _render_comparison(c, fmt)
    if args.output is not None and not is_stdin(args.output):
        check_targets([args.output], args.answers, args.force)
    write(args.output, data)
    return EXIT_OK


def _render_comparison(c: Comparison, fmt: str) -> str | bytes:
    """The comparison in ``fmt``; the report's libraries are imported only for HTML and PDF."""
    if fmt in ("html", "pdf"):
        from smcheck.files.export import report

        return report.comparison_pdf(c) if fmt == "pdf" else report.comparison_html(c)
    from smcheck.files.export import comparison as export

    renderers = {
        "text": export.comparison_text,
        "toml": export.comparison_toml,
        "json": export.comparison_json,
        "md": export.comparison_markdown,
    }
    return renderers[fmt](c)


def cmd_validate(args: argparse.Namespace) -> int:
    from smcheck.files.catalog import find_assessment, validate_document, validate_file
    from smcheck.files.loading import document

    assessment = find_assessment(args.assessment) if args.assessment else None
    stdin = read_stdin(args.files)
    failed = False
    for path in args.files:
        try:
            if is_stdin(path):
                kind = validate_document(document(stdin or b"", STDIN_NAME), assessment)
            else:
                kind = validate_file(path, assessment)
        except InvalidFile as exc:
            failed = True
            _err("\n".join(str(p) for p in exc.problems))
            continue
        _out(f"{file_name(path)}: valid {kind}\n")
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
        lang_given=args.lang is not None,
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
