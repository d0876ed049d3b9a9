"""``smcheck portfolio``: where the organisations of the assessments one holds stand.

The statistics are :mod:`smcheck.core.portfolio`; reading and folding the files is
:mod:`smcheck.files.portfolio_input`; the formats are :mod:`smcheck.files.export.portfolio`.
Only argparse is imported here: building the parser must stay cheap (``--version``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

FORMATS = ("text", "md", "html", "json", "csv")


def add_parser(subparsers: Any) -> None:
    """Add the ``portfolio`` command to ``smcheck``'s subcommands."""
    pp = subparsers.add_parser(
        "portfolio",
        help="statistics over the assessments you hold: per excuse the median and quartiles, "
        "stages, blockers, leadership vs team, change between iterations",
    )
    pp.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FILES|FOLDERS",
        help="answers files, or folders of them (e.g. the sessions folder)",
    )
    pp.add_argument("--by", choices=("industry", "size"), help="also one group per industry/size")
    pp.add_argument(
        "-a",
        "--assessment",
        metavar="ID|PATH",
        help="assessment (default: the one the first answers name)",
    )
    pp.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    pp.add_argument("--format", choices=FORMATS, help="default: from -o's suffix, else text")
    pp.add_argument("--lang", choices=["de", "en"], help="language (default: the system's)")
    pp.add_argument("--force", action="store_true", help="replace an existing output file")
    pp.set_defaults(handler=cmd_portfolio)


def cmd_portfolio(args: argparse.Namespace) -> int:
    """Read the files, fold every organisation to its latest iteration, write the statistics."""
    from smcheck.cli.commands import EXIT_OK, _lang
    from smcheck.cli.output import check_targets, output_format, write
    from smcheck.core.text import printable
    from smcheck.files.catalog import find_assessment
    from smcheck.files.export.portfolio import render_portfolio
    from smcheck.files.portfolio_input import portfolio_of

    def note(line: str) -> None:
        print(f"smcheck: note: {printable(line)}", file=sys.stderr)

    fmt = output_format(args.output, args.format, FORMATS, "text")
    if args.output is not None:
        check_targets([args.output], args.paths, args.force)
    assessment = find_assessment(args.assessment) if args.assessment else None
    portfolio = portfolio_of(
        args.paths, lang=_lang(args.lang), by=args.by, assessment=assessment, note=note
    )
    write(args.output, render_portfolio(portfolio, fmt))  # type: ignore[arg-type]
    return EXIT_OK
