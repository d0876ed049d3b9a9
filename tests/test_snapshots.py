"""How each screen looks at 80x24: SVG snapshots, reviewed by eye when they change.

Stable by construction: fixed session data and dates, no cursor blink, no animation, the
default dark theme, an empty SMCHECK_HOME per test, and no clock on screen.
Update on purpose with: python -m pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from smcheck.core.models.answers import Answer
from smcheck.files.catalog import find_assessment
from smcheck.files.session import new_answers, save_session
from tui_helpers import make_app

SESSION = "20261124-090000"
QUICK = [3, 2, 1, 4, 2, "dont-know", 3, 1, 2, 4]


def _session(
    lang: str = "en", answered: int = 10, completed: bool = True, named: bool = True
) -> None:
    a = find_assessment("social-media-readiness")
    quick = [q.id for _, q in a.questions("quick")]
    when = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    answers = new_answers(a, "quick", lang, when)  # type: ignore[arg-type]
    org = answers.organisation.model_copy(
        update={
            "name": "Bäckerei Korn" if named else "",
            "objectives": ["awareness"],
            "company_goals": ["Mehr Stammkunden"],
            "baselines": {"reach": 800},
        }
    )
    answers = answers.model_copy(
        update={
            "organisation": org,
            "completed": date(2026, 11, 25) if completed else None,
            "answers": {
                q: Answer(value=v) for q, v in list(zip(quick, QUICK, strict=True))[:answered]
            },
        }
    )
    save_session(SESSION, answers)


def test_start_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24))


def test_start_screen_german(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, lang="de"), terminal_size=(80, 24))


def test_profile_screen_german(snap_compare: Any, tmp_path: Path) -> None:
    _session("de", answered=0, completed=False, named=False)
    assert snap_compare(make_app(tmp_path, resume=SESSION), terminal_size=(80, 24))


def test_excuse_screen_with_counterpoint(snap_compare: Any, tmp_path: Path) -> None:
    _session("en", answered=4, completed=False)
    assert snap_compare(make_app(tmp_path, resume=SESSION), press=["c"], terminal_size=(80, 24))


def test_excuse_screen_answered_in_the_light_theme(snap_compare: Any, tmp_path: Path) -> None:
    # the chosen option in the theme's accent colour, the help muted; back on an answered excuse
    from smcheck.files.config import Config

    _session("en", answered=4, completed=False)
    app = make_app(tmp_path, config=Config(theme="textual-light"), resume=SESSION)
    assert snap_compare(app, press=["backspace"], terminal_size=(80, 24))


def test_review_screen(snap_compare: Any, tmp_path: Path) -> None:
    _session("en", answered=8, completed=False)
    # resumes at the first open excuse (9); go on twice to reach the review
    assert snap_compare(
        make_app(tmp_path, resume=SESSION), press=["enter", "enter"], terminal_size=(80, 24)
    )


def test_results_screen(snap_compare: Any, tmp_path: Path) -> None:
    _session("en")
    assert snap_compare(make_app(tmp_path, resume=SESSION), press=["r"], terminal_size=(80, 24))


def test_plan_screen(snap_compare: Any, tmp_path: Path) -> None:
    _session("en")
    assert snap_compare(
        make_app(tmp_path, resume=SESSION), press=["r", "enter"], terminal_size=(80, 24)
    )


def test_help_dialog_german(snap_compare: Any, tmp_path: Path) -> None:
    assert snap_compare(make_app(tmp_path, lang="de"), press=["f1"], terminal_size=(80, 24))
