"""Temporary aliases: the texts are in :mod:`smcheck.core.texts`, ``system_lang`` in langs.

Only :mod:`smcheck.plain.walk` still imports ``t`` from here; remove this module with it.
"""

from smcheck.core.langs import system_lang
from smcheck.core.texts import t

__all__ = ["system_lang", "t"]
