"""A generated portfolio: answers files of many organisations, as a consultant would hold them.

Used by the ``portfolio`` budget of ``run.py``; also runnable on its own to make a folder for
trying ``smcheck portfolio`` by hand::

    python benchmarks/portfolio_data.py FOLDER [COUNT] [--seed N]

Seeded: the same count and seed give the same files. The mix (about):
- 70 % of the organisations have one respondent (no engagement, named by the organisation);
- 20 % have leadership and team answers in one engagement;
- 10 % have two iterations of one respondent, the second naming the first as ``previous``
  (these files are named like sessions, ``YYYYMMDD-HHMMSS.toml``);
- 2 % say ``benchmark = false``;
- sizes at random; industries from a short list, spelt in different cases and spacings;
- quick and full scope, English and German, options at random with some "dont-know", "n/a" and
  unanswered questions, a note on some answers: about 4 KB per file, like ``run.py``'s batch.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

ASSESSMENT = "social-media-readiness"
SEED = 20261125
INDUSTRIES = (
    "Retail",
    "retail",
    "Health",
    "Public sector",
    "public  Sector",
    "Software",
    "Manufacturing",
    "Tourism",
)
SIZES = ("1-9", "10-49", "50-249", "250-999", "1000+")


def _values(
    a: object, scope: str, rnd: random.Random, when: datetime
) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for _, q in a.questions(scope):  # type: ignore[attr-defined]
        roll = rnd.random()
        value: int | str
        if roll < 0.06:
            value = "dont-know"
        elif roll < 0.09:
            value = "n/a"
        elif roll < 0.12:
            value = ""
        else:
            value = rnd.randint(1, len(a.scale(q.scale).points))  # type: ignore[attr-defined]
        answer: dict[str, object] = {"value": value, "answered_at": when}
        if rnd.random() < 0.25:
            answer["note"] = "Asked the team; they agreed."
        out[q.id] = answer
    out[next(iter(out))]["value"] = 3  # at least one answered question
    return out


def make_portfolio(folder: Path, count: int, seed: int = SEED) -> int:
    """Write ``count`` answers files into ``folder``; returns the number of organisations."""
    from smcheck.files.catalog import find_assessment

    a = find_assessment(ASSESSMENT)
    rnd = random.Random(seed)
    objectives = [o.id for o in a.objectives]
    first = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    written = organisations = 0
    while written < count:
        organisations += 1
        i = organisations
        roll = rnd.random()
        kind = "one" if roll < 0.7 else "both" if roll < 0.9 else "iterations"
        scope = "quick" if rnd.random() < 0.4 else "full"
        org = {
            "name": f"Organisation {i:06d}",
            "size": rnd.choice(SIZES),
            "industry": rnd.choice(INDUSTRIES),
            "channels": rnd.sample(["LinkedIn", "Instagram", "YouTube", "Mastodon"], 2),
            "objectives": rnd.sample(objectives, rnd.randint(1, min(3, len(objectives)))),
            "company_goals": ["Grow in the region"],
        }
        opt_out = rnd.random() < 0.02
        when = first + timedelta(days=rnd.randrange(300), minutes=rnd.randrange(600))
        people = (
            [("leadership", None), ("team", None)]
            if kind == "both"
            else [("leadership", None), ("leadership", "previous")]
            if kind == "iterations"
            else [(rnd.choice(("leadership", "team", "consultant")), None)]
        )
        previous_id = None
        for n, (role, link) in enumerate(people):
            if written >= count:
                break
            at = when + timedelta(days=42 * n if link else 0, minutes=n)
            data: dict[str, object] = {
                "schema": "smcheck.answers/1",
                "assessment": a.id,
                "assessment_version": a.version,
                "scope": scope,
                "lang": rnd.choice(("en", "de")),
                "started": at,
                "updated": at + timedelta(minutes=25),
                "completed": (at + timedelta(minutes=25)).date(),
                "respondent": {"name": f"Respondent {i}-{n}", "role": role},
                "organisation": org,
                "answers": _values(a, scope, rnd, at),
                "benchmark": not opt_out,
            }
            if kind != "one":
                data["engagement"] = f"org-{i}"
            if link and previous_id:
                data["previous"] = previous_id
            stem = (
                at.strftime("%Y%m%d-%H%M%S") + f"-{i % 1000}"
                if kind == "iterations"
                else (f"answers-{i:06d}-{n}")
            )
            previous_id = stem
            (folder / f"{stem}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
            written += 1
    return organisations


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("folder", type=Path)
    p.add_argument("count", type=int, nargs="?", default=1000)
    p.add_argument("--seed", type=int, default=SEED)
    args = p.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    n = make_portfolio(args.folder, args.count, args.seed)
    print(f"{args.count} answers files of {n} organisations in {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
