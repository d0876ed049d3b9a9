"""The results and review screens at 80x24 in German: SVG snapshots, reviewed by eye.

Stable as tests/test_snapshots.py is: fixed sessions and dates, no cursor blink, no animation,
the default dark theme, an empty SMCHECK_HOME per test.
Update on purpose with: python -m pytest tests/test_snapshots_results.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_walk_results_exports import LEAD, _one
from tui_helpers import make_app


def test_results_screen_german_with_the_course_since_the_previous_iteration(
    snap_compare: Any, tmp_path: Path
) -> None:
    # the overall score 13 -> 36 beside its sparkline, each dimension's change after its count
    _one("de", previous=True)
    app = make_app(tmp_path, lang="de", resume=LEAD)
    assert snap_compare(app, press=["r"], terminal_size=(80, 24))


def test_results_screen_german(snap_compare: Any, tmp_path: Path) -> None:
    _one("de")
    app = make_app(tmp_path, lang="de", resume=LEAD)
    assert snap_compare(app, press=["r"], terminal_size=(80, 24))


def test_review_screen_german(snap_compare: Any, tmp_path: Path) -> None:
    # two questions open: the cursor on the first of them, its question and answer in full below
    _one("de", answered=8)
    app = make_app(tmp_path, lang="de", resume=LEAD)
    assert snap_compare(app, press=["enter", "enter"], terminal_size=(80, 24))
