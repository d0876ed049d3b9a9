"""The plan with a task opened in full, and the goal dialog, at 80×24 in German: SVG snapshots,
reviewed by eye when they change (see tests/test_snapshots.py for what keeps them stable).

Update on purpose with: python -m pytest tests/test_snapshots_plan.py --snapshot-update
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_walk_plan_dialogs import SESSION, save_checked_session
from tui_helpers import make_app


def test_plan_with_a_task_opened_in_full_german(snap_compare: Any, tmp_path: Path) -> None:
    save_checked_session("de")
    # results, plan; Tab to the tasks, down to the campaign (7th task), open it
    keys = ["r", "enter", "tab", *["down"] * 6, "enter"]
    app = make_app(tmp_path, resume=SESSION)
    assert snap_compare(app, press=keys, terminal_size=(80, 24))


def test_goal_dialog_of_an_outcome_goal_german(snap_compare: Any, tmp_path: Path) -> None:
    save_checked_session("de")
    app = make_app(tmp_path, resume=SESSION)
    assert snap_compare(app, press=["r", "enter", "enter"], terminal_size=(80, 24))
