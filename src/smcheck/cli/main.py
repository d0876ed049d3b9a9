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
from smcheck.cli.commands import (
    COMMANDS,
    COMPARE_FORMATS,
    CSV_FLAVOURS,
    EXIT_ERROR,
    EXIT_OK,
    FORMATS,
)
from smcheck.cli.output import drop_stdout, err, out
from smcheck.core.errors import InvalidFile, SmcheckError

RUN_OPTIONS = ("--lang", "-a", "--assessment", "--resume", "--interview", "--plain")
RUN_VALUES = ("--lang", "-a", "--assessment", "--resume")
"""The options of ``run`` that take the next word as their value."""


def _as_run(argv: list[str]) -> list[str]:
    """``smcheck --lang de …`` as ``smcheck run --lang de …``; a ``run`` right after the
    options (``smcheck --lang de run …``) is the same command said again, not an option's value."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in RUN_VALUES else 1
    rest = argv[i:]
    return ["run", *argv[:i], *(rest[1:] if rest[:1] == ["run"] else rest)]


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


EXIT_CODES = """\
exit codes:
  0    done (validate: every file is valid)
  2    a usage error (argparse's message), invalid data (one line per problem:
       FILE:LINE: field: message) or a file that could not be written. Nothing
       is written then; but with --keep-going the good files' results are, and
       JSON lines already on stdout stay
  130  interrupted (ctrl+c)
"""


def parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    p = argparse.ArgumentParser(
        prog="smcheck",
        # the exit codes keep their lines; so the description is wrapped here
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="How ready is your organisation for social media? Scores the typical\n"
        "excuses and hands you starter goals and a first-iteration plan.",
        epilog="Without a command smcheck runs the interactive check, and takes run's options:\n"
        "smcheck [--lang de|en] [--interview] [--plain] [--resume ID] [-a ID|PATH]\n"
        "(see: smcheck run --help). Answers files may be - for standard input, and\n"
        "-o - writes to standard output.\n\n" + EXIT_CODES,
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
        "--session-only",
        action="store_true",
        help="with --resume: stay in that one session (no start list, no other respondents); "
        "what an invite link of `smcheck serve` opens",
    )
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

    ssp = sub.add_parser("sessions", help="list the saved interview sessions, or erase one")
    ssp.add_argument(
        "--delete",
        metavar="ID",
        help="erase this session for good: its file, journal, lock, backups and removed copy",
    )
    ssp.add_argument("--yes", action="store_true", help="erase without asking")

    wp = sub.add_parser(
        "serve",
        help="serve the interactive check in a web browser, behind links with a secret token",
    )
    wp.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: this machine only)"
    )
    wp.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    wp.add_argument("--lang", choices=["de", "en"], help="language of the check")
    wp.add_argument("--interview", action="store_true", help="interview mode")
    wp.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, behind a reverse proxy or an SSH tunnel "
        "(e.g. https://check.example.org): the links and the page use it, the origin check allows it",
    )
    wp.add_argument(
        "--max-sessions",
        type=int,
        default=4,
        metavar="N",
        help="sessions open at once through the main link (default 4); invite links don't count",
    )
    wp.add_argument(
        "--invite",
        action="append",
        default=[],
        metavar="NAME",
        help="print a link for this respondent into their own session of the engagement of "
        "--engagement, and nothing else (repeatable)",
    )
    wp.add_argument(
        "--engagement",
        metavar="ID",
        help="a saved session whose engagement the invited respondents join (see: smcheck sessions)",
    )

    tp = sub.add_parser("template", help="write a blank answers file to fill in with an editor")
    tp.add_argument("-a", "--assessment", metavar="ID|PATH", help="assessment id or file")
    tp.add_argument("--quick", action="store_true", help="only the quick check's questions")
    tp.add_argument("--lang", choices=["de", "en"], help="language (default: the system's)")
    tp.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here (a .toml name) instead of stdout; - is stdout",
    )
    tp.add_argument("--force", action="store_true", help="replace an existing output file")

    sp = sub.add_parser(
        "score",
        help="score answers and make starter goals and a first-iteration plan",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=EXIT_CODES,
    )
    sp.add_argument(
        "answers",
        nargs="+",
        type=Path,
        metavar="ANSWERS",
        help="answers file(s), folders of them, or - for standard input",
    )
    sp.add_argument(
        "-a",
        "--assessment",
        metavar="ID|PATH",
        help="assessment (default: the one named in the answers)",
    )
    sp.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="file (its suffix says the format), folder for several answers, or - for stdout",
    )
    sp.add_argument("--format", choices=FORMATS, help="default: from -o's suffix, else toml")
    sp.add_argument(
        "--csv-flavour",
        choices=CSV_FLAVOURS,
        help="plain (RFC 4180, the default), excel (a byte-order mark, ';' in German) or "
        "gitlab (the columns of GitLab's issue import)",
    )
    sp.add_argument(
        "--keep-going",
        action="store_true",
        help="with several files: score every good one, name each bad one on stderr, exit 2",
    )
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
    sp.add_argument(
        "--benchmark",
        type=Path,
        metavar="FOLDER",
        help="a portfolio of answers files: adds the percentiles among comparable organisations",
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
        "answers",
        nargs="+",
        type=Path,
        metavar="ANSWERS",
        help="two or more answers files (one may be - for standard input)",
    )
    cp.add_argument(
        "-a",
        "--assessment",
        metavar="ID|PATH",
        help="assessment (default: the one named in the answers)",
    )
    cp.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write here (its suffix says the format) instead of stdout; - is stdout",
    )
    cp.add_argument(
        "--format", choices=COMPARE_FORMATS, help="default: from -o's suffix, else text"
    )
    cp.add_argument("--lang", choices=["de", "en"], help="language (default: the first answers')")
    cp.add_argument("--force", action="store_true", help="replace an existing output file")

    from smcheck.cli.portfolio import add_parser as add_portfolio

    add_portfolio(sub)

    vp = sub.add_parser(
        "validate", help="check assessment or answers files (exit 0 valid, 2 invalid)"
    )
    vp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    vp.add_argument(
        "-a", "--assessment", metavar="ID|PATH", help="check answers against this assessment"
    )

    sc = sub.add_parser("schema", help="print the JSON Schema of a file format")
    # every kind of smcheck.files.schemas.KINDS (not imported here: it loads every model;
    # tests/test_cli_conventions.py checks that the two agree)
    sc.add_argument(
        "kind",
        choices=[
            "plan",
            "answers",
            "assessment",
            "config",
            "comparison",
            "journal",
            "portfolio",
            "session-index",
        ],
    )
    return p


class _Notices(logging.Handler):
    """Notices about files read (e.g. converted from an older questionnaire) go to stderr as
    "smcheck: note: …" lines; the stream is looked up on every line, so a redirected stderr works."""

    def emit(self, record: logging.LogRecord) -> None:
        from smcheck.core.text import one_line

        print(f"smcheck: note: {one_line(record.getMessage())}", file=sys.stderr)


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
        argv = _as_run(argv)
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.command is None:
        args = parser().parse_args(["run"])
    try:
        handler = getattr(args, "handler", None) or COMMANDS[args.command]
        code = handler(args)
        out("")  # flushed here, a failure is one error line; at exit it would be a traceback
        return code
    except InvalidFile as exc:
        err("\n".join(str(p) for p in exc.problems))
    except SmcheckError as exc:
        err(str(exc))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped early (`| head`): end quietly, as Unix tools do
        drop_stdout()
        return EXIT_OK
    except OSError as exc:  # from a write not made by _out (the plain prompts write their own)
        try:
            out("")  # if standard output is what failed, it fails again and says so
        except BrokenPipeError:
            return EXIT_OK
        except SmcheckError as failed:
            err(str(failed))
        else:
            err(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc.strerror or exc))
    return EXIT_ERROR
