"""Every path smcheck uses, in one place.

``SMCHECK_HOME`` moves all user files (data and config) into one folder; tests and portable
installs use it. Otherwise the platform's folders from platformdirs are used.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from smcheck.core.ids import SESSION_ID as SESSION_PATTERN

APP = "smcheck"

SESSION_ID = SESSION_PATTERN
"""A session's id and file stem (the pattern lives in the core, whose models check it)."""


def home_override() -> Path | None:
    """The folder named by ``SMCHECK_HOME``, if set."""
    value = os.environ.get("SMCHECK_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Where sessions and user assessments live."""
    return home_override() or user_data_path(APP, appauthor=False)


def config_dir() -> Path:
    """Where the settings file lives."""
    return home_override() or user_config_path(APP, appauthor=False)


def user_assessments_dir() -> Path:
    """Custom assessments the user dropped in; listed beside the bundled ones."""
    return data_dir() / "assessments"


def sessions_dir() -> Path:
    """Autosaved interview sessions."""
    return data_dir() / "sessions"


def bundled_assessments_dir() -> Path:
    """The assessments shipped with smcheck: inside the wheel, or ``assessments/`` of a checkout."""
    packaged = Path(__file__).parent.parent / "assessments"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "assessments"
