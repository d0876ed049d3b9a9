"""The languages smcheck speaks (kept apart from the models so the first screen loads fast)."""

from typing import Literal

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")
