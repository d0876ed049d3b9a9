"""The command line: headless commands for scripts, and the entry to the interactive screen.

Nothing here imports Textual; headless commands stay fast and work without a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from smcheck import __version__
from smcheck.errors import InvalidFile, SmcheckError
from smcheck.models.common import Lang

EXIT_OK, EXIT_ERROR = 0, 2
RUN_OPTIONS = ("--lang", "-a", "--assessment", "--resume", "--interview")
FORMATS = ("toml", "json", "md", "csv", "ics")
COMPARE_FORMATS = ("text", "toml", "json", "md")


def _lang(value: str | None) -> Lang:
    from smcheck.i18n import system_lang

    if value in ("de", "en"):
        return value  # type: ignore[return-value]
    return system_lang()


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _weeks(value: str) -> int:
    from smcheck.planning import MAX_WEEKS, MIN_WEEKS

    try:
        n = int(value)
    except ValueError:
        n = 0
    if not MIN_WEEKS <= n <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(
            f"{value!r}: an iteration lasts {MIN_WEEKS}-{MAX_WEEKS} weeks"
        )
    return n


def parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    p = argparse.ArgumentParser(
        prog="smcheck",
        description="How ready is your organisation for social media? Scores the typical excuses "
        "and hands you starter goals and a first-iteration plan.",
    )
    p.add_argument("--version", action="version", version=f"smcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("assessments", help="list the bundled and user assessments")

    rp = sub.add_parser("run", help="the interactive check (the default when no command is given)")
    rp.add_argument("-a", "--assessment", metavar="ID|PATH", help="only this assessment")
    rp.add_argument(
        "--lang", choices=["de", "en"], help="language (default: remembered, else the system's)"
    )
    rp.add_argument("--resume", metavar="ID", help="reopen a saved session (see: smcheck sessions)")
    rp.add_argument(
        "--interview",
        action="store_true",
        help="interview mode: hints to probe, private notes, confidence, several respondents",
    )

    sub.add_parser("sessions", help="list the saved interview sessions")

    tp = sub.add_parser("template", help="write a blank answers file to fill in with an editor")
    tp.add_argument("-a", "--assessment", metavar="ID|PATH", help="assessment id or file")
    tp.add_argument("--quick", action="store_true", help="only the quick check's questions")
    tp.add_argument("--lang", choices=["de", "en"], help="language (default: the system's)")
    tp.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    tp.add_argument("--force", action="store_true", help="replace an existing output file")

    sp = sub.add_parser(
        "score", help="score answers and make starter goals and a first-iteration plan"
    )
    sp.add_argument("answers", nargs="+", type=Path, metavar="ANSWERS", help="answers file(s)")
    sp.add_argument(
        "-a",
        "--assessment",
        metavar="ID|PATH",
        help="assessment (default: the one named in the answers)",
    )
    sp.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="file, or folder for several answers"
    )
    sp.add_argument("--format", choices=FORMATS, help="default: from -o's suffix, else toml")
    sp.add_argument(
        "--previous",
        type=Path,
        metavar="ANSWERS",
        help="answers of the previous iteration: adds the start point (progress) to the plan",
    )
    sp.add_argument(
        "--start",
        type=_date,
        metavar="DATE",
        help="first day (default: the Monday after the answers)",
    )
    sp.add_argument(
        "--weeks", type=_weeks, default=6, metavar="N", help="iteration length, 4-12 (default 6)"
    )
    sp.add_argument("--lang", choices=["de", "en"], help="language (default: the answers')")
    sp.add_argument("--force", action="store_true", help="replace existing output files")

    vp = sub.add_parser(
        "validate", help="check assessment or answers files (exit 0 valid, 2 invalid)"
    )
    vp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    vp.add_argument(
        "-a", "--assessment", metavar="ID|PATH", help="check answers against this assessment"
    )

    sc = sub.add_parser("schema", help="print the JSON Schema of a file format")
    sc.add_argument("kind", choices=["plan", "answers", "assessment", "config"])
    return p


def _out(text: str) -> None:
    sys.stdout.write(text)


def _err(message: str) -> None:
    for line in message.splitlines() or [""]:
        print(f"smcheck: error: {line}", file=sys.stderr)


def cmd_assessments(args: argparse.Namespace) -> int:
    from smcheck.catalog import entries, load_assessment

    lang = _lang(None)
    rows = []
    for entry in entries():
        try:
            a = load_assessment(entry.path)
        except InvalidFile as exc:
            rows.append(f"{entry.path.stem:<28} INVALID  {exc.problems[0]}")
            continue
        full, quick = len(a.questions("full")), len(a.questions("quick"))
        size = f"{len(a.dimensions)} dimensions, {full} questions" + (
            f", quick {quick}" if quick else ""
        )
        rows.append(f"{a.id:<28} {a.version:<6} {entry.origin:<8} {size}  {a.title.get(lang)}")
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
    from smcheck.storage import write_atomic

    if path is None:
        _out(text)
    else:
        write_atomic(path, text)


def cmd_template(args: argparse.Namespace) -> int:
    from smcheck.catalog import find_assessment
    from smcheck.template import make_template

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


def cmd_score(args: argparse.Namespace) -> int:
    from smcheck.catalog import find_assessment, load_answers
    from smcheck.export import render, to_json
    from smcheck.planning import make_plan
    from smcheck.progress import progress
    from smcheck.scoring import score

    fmt = args.format
    if fmt is None:
        suffix = args.output.suffix.lstrip(".").lower() if args.output else ""
        fmt = suffix if suffix in FORMATS else "toml"
    several = len(args.answers) > 1
    if several and args.output is None and fmt != "json":
        raise SmcheckError("several answers files: give -o FOLDER, or --format json for JSON lines")
    if several and args.output is not None and not args.output.is_dir():
        raise SmcheckError(
            f"{args.output}: several answers files need -o to name an existing folder"
        )
    assessment = find_assessment(args.assessment) if args.assessment else None
    problems: list[str] = []
    outputs: dict[Path | None, str] = {}
    lines: list[str] = []
    for path in args.answers:
        try:
            answers, a = load_answers(path, assessment)
        except InvalidFile as exc:
            problems += [str(p) for p in exc.problems]
            continue
        lang = args.lang or answers.lang
        today = None
        if args.start is None and answers.completed is None:
            today = date.today()
            print(
                f"smcheck: note: {path} has no completed date; the plan starts the Monday "
                "after today (set completed or --start for a fixed plan)",
                file=sys.stderr,
            )
        if not any(isinstance(x.value, int) for x in answers.answers.values()):
            print(
                f"smcheck: note: {path} has no answered question yet; "
                'set each value to 1-5, "dont-know" or "n/a"',
                file=sys.stderr,
            )
        start_point = None
        if args.previous is not None:
            try:
                previous, _ = load_answers(args.previous, a)
                start_point = progress(a, previous, answers, lang, today=args.start or date.today())
            except InvalidFile as exc:
                problems += [str(p) for p in exc.problems]
                continue
            except SmcheckError as exc:
                problems.append(f"{args.previous}: {exc}")
                continue
        try:
            plan = make_plan(
                a,
                answers,
                score(a, answers, lang),
                lang=lang,
                start=args.start,
                weeks=args.weeks,
                today=today,
                start_point=start_point,
            )
        except ValueError as exc:
            problems.append(f"{path}: {exc}")
            continue
        if several and args.output is None:
            lines.append(to_json(plan, compact=True))
            continue
        target = args.output / f"{path.stem}.plan.{fmt}" if several else args.output
        if target in outputs:
            problems.append(f"{path}: would write {target} a second time; rename one answers file")
            continue
        outputs[target] = render(plan, fmt)
    if problems:
        raise SmcheckError("\n".join(problems))
    if lines:
        _out("".join(lines))
    _check_targets([t for t in outputs if t is not None], args.answers, args.force)
    for target, text in outputs.items():
        _write(target, text)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from smcheck.catalog import find_assessment, load_answers
    from smcheck.compare import compare
    from smcheck.export import to_markdown
    from smcheck.export.comparison import (
        comparison_json,
        comparison_markdown,
        comparison_text,
        comparison_toml,
    )
    from smcheck.planning import make_plan
    from smcheck.scoring import score

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
        a, [(label, answers) for label, (_, answers, _) in zip(labels, loaded, strict=True)], lang
    )
    if fmt == "md":
        # the client report: the comparison, then the plan from the first (lead) respondent's answers
        lead = loaded[0][1]
        plan = make_plan(a, lead, score(a, lead, lang), lang=lang, today=date.today())
        text = comparison_markdown(c) + "\n" + to_markdown(plan)
    else:
        text = {"text": comparison_text, "toml": comparison_toml, "json": comparison_json}[fmt](c)
    if args.output is not None:
        _check_targets([args.output], args.answers, args.force)
    _write(args.output, text)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from smcheck.catalog import find_assessment, validate_file

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
    from smcheck.schemas import schema_text

    _out(schema_text(args.kind))
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from smcheck.catalog import find_assessment
    from smcheck.config import load_config
    from smcheck.session import session_path

    config = load_config()
    lang: Lang = args.lang or config.lang or _lang(None)
    assessment = find_assessment(args.assessment) if args.assessment else None
    if args.resume:
        session_path(args.resume)  # refuses what is not a session id
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        raise SmcheckError(
            "the interactive check needs a terminal; for scripts use template and score"
        )
    from smcheck.app import SmcheckApp

    app = SmcheckApp(
        lang=lang,
        config=config,
        assessment=assessment,
        resume=args.resume,
        interview=args.interview,
    )
    app.run()
    return app.return_code or EXIT_OK


def cmd_sessions(args: argparse.Namespace) -> int:
    from smcheck.session import list_sessions

    rows = []
    for s in list_sessions():
        if s.problem:
            rows.append(f"{s.id:<18} INVALID  {s.problem}")
            continue
        when = s.updated.astimezone().strftime("%Y-%m-%d %H:%M") if s.updated else ""
        state = "done" if s.given == s.total and s.completed else f"{s.given}/{s.total}"
        rows.append(f"{s.id:<18} {when:<16} {state:>7}  {s.scope:<5}  {s.organisation or '-'}")
    _out("\n".join(rows) + "\n" if rows else "no saved sessions\n")
    return EXIT_OK


COMMANDS = {
    "run": cmd_run,
    "sessions": cmd_sessions,
    "assessments": cmd_assessments,
    "template": cmd_template,
    "score": cmd_score,
    "compare": cmd_compare,
    "validate": cmd_validate,
    "schema": cmd_schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run smcheck; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].split("=")[0] in RUN_OPTIONS:
        argv.insert(0, "run")  # `smcheck --lang de` means `smcheck run --lang de`
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.command is None:
        args = parser().parse_args(["run"])
    try:
        return COMMANDS[args.command](args)
    except InvalidFile as exc:
        _err("\n".join(str(p) for p in exc.problems))
    except SmcheckError as exc:
        _err(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_ERROR
