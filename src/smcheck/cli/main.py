"""The command line: the parser and `main`; what each command does is in :mod:`smcheck.cli.commands`.

Nothing here imports Textual; headless commands stay fast and work without a terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from smcheck import __version__
from smcheck.cli.commands import COMMANDS, COMPARE_FORMATS, EXIT_ERROR, EXIT_OK, FORMATS, _err
from smcheck.core.errors import InvalidFile, SmcheckError

RUN_OPTIONS = ("--lang", "-a", "--assessment", "--resume", "--interview", "--plain")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if not 0 <= n <= 64:
        raise argparse.ArgumentTypeError(f"{value!r}: give a number of processes, 1-64 (0: auto)")
    return n


def _weeks(value: str) -> int:
    from smcheck.core.planning import MAX_WEEKS, MIN_WEEKS

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
    rp.add_argument(
        "--plain",
        action="store_true",
        help="numbered line-by-line prompts instead of the full screen (for screen readers and "
        "pipes; also chosen when there is no terminal or TERM=dumb)",
    )

    sub.add_parser("sessions", help="list the saved interview sessions")

    wp = sub.add_parser("serve", help="serve the interactive check in a web browser")
    wp.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: this machine only)"
    )
    wp.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    wp.add_argument("--lang", choices=["de", "en"], help="language of the check")
    wp.add_argument("--interview", action="store_true", help="interview mode")

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
    sp.add_argument(
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="processes for many files (default: one per processor, at most 8; 1: no others)",
    )

    cp = sub.add_parser("compare", help="compare the answers of several respondents side by side")
    cp.add_argument(
        "answers", nargs="+", type=Path, metavar="ANSWERS", help="two or more answers files"
    )
    cp.add_argument(
        "-a",
        "--assessment",
        metavar="ID|PATH",
        help="assessment (default: the one named in the answers)",
    )
    cp.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    cp.add_argument(
        "--format", choices=COMPARE_FORMATS, help="default: from -o's suffix, else text"
    )
    cp.add_argument("--lang", choices=["de", "en"], help="language (default: the first answers')")
    cp.add_argument("--force", action="store_true", help="replace an existing output file")

    vp = sub.add_parser(
        "validate", help="check assessment or answers files (exit 0 valid, 2 invalid)"
    )
    vp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    vp.add_argument(
        "-a", "--assessment", metavar="ID|PATH", help="check answers against this assessment"
    )

    sc = sub.add_parser("schema", help="print the JSON Schema of a file format")
    sc.add_argument("kind", choices=["plan", "answers", "assessment", "config", "comparison"])
    return p


class _Notices(logging.Handler):
    """Notices about files read (e.g. converted from an older questionnaire) go to stderr as
    "smcheck: note: …" lines; the stream is looked up on every line, so a redirected stderr works."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"smcheck: note: {record.getMessage()}", file=sys.stderr)


def _listen() -> None:
    log = logging.getLogger("smcheck")
    if not any(isinstance(h, _Notices) for h in log.handlers):
        log.addHandler(_Notices(logging.WARNING))
        log.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    """Run smcheck; returns the exit code."""
    _listen()
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
