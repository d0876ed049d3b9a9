"""Temporary alias for the app modules being rewritten; use :mod:`smcheck.core.texts`."""

from smcheck.core.texts import t as ui

__all__ = ["ui"]
