"""Identifier patterns the core's models check and the file layer names files by."""

from __future__ import annotations

SESSION_ID = r"^\d{8}-\d{6}(-\d{1,3})?$"
"""A session's id and file stem: its start time, e.g. ``20261125-143012`` (``-2`` on a clash)."""
