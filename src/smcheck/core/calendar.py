"""Working weeks of an iteration: public holidays, and the weeks that do not count.

A calendar week (Mon-Fri) with three or more public holidays on working days does not count;
the iteration keeps its number of working weeks and so ends later. Holidays come from the
`holidays` package, which is slow to import: it is imported only when a lookup needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

SKIP_AT = 3
"""A calendar week with this many holidays on Mon-Fri does not count as a working week."""
MAX_EXTRA_WEEKS = 52
"""How many calendar weeks may not count before the input is taken as broken."""

_WEEK = timedelta(weeks=1)
_TO_FRIDAY = timedelta(days=4)
_DEFAULT_COUNTRY = {"de": "DE", "en": "GB"}
_EXAMPLES = "DE, AT, CH, GB"


@dataclass(frozen=True)
class Holiday:
    """A public holiday on a working day, named in the plan's language."""

    day: date
    name: str


@dataclass(frozen=True)
class Calendar:
    """The working weeks of one iteration and the holidays inside it."""

    start: date
    """Monday of working week 1."""
    weeks: tuple[date, ...]
    """The Monday of each working week."""
    skipped: tuple[date, ...]
    """Mondays of the calendar weeks inside the iteration that do not count."""
    holidays: tuple[Holiday, ...]
    """Public holidays on Mon-Fri from start to the end of the last working week, by date."""
    following: date = field(repr=False)
    """Monday of the first counting week after the iteration; read it as `next_start`."""

    def week_start(self, k: int) -> date:
        """Monday of working week k (1-based)."""
        if not 1 <= k <= len(self.weeks):
            raise ValueError(f"week {k} is outside 1-{len(self.weeks)}")
        return self.weeks[k - 1]

    def week_end(self, k: int) -> date:
        """Friday of working week k (1-based)."""
        return self.week_start(k) + _TO_FRIDAY

    @property
    def end(self) -> date:
        """Friday of the last working week."""
        return self.weeks[-1] + _TO_FRIDAY

    @property
    def next_start(self) -> date:
        """Monday of the first week after the iteration that counts."""
        return self.following


def default_country(lang: str) -> str:
    """The country whose holidays a plan in this language uses when none is given."""
    return _DEFAULT_COUNTRY.get(lang, "GB")


def monday_of(day: date) -> date:
    """The Monday of the day's ISO week (the day itself if it is a Monday)."""
    return day - timedelta(days=day.weekday())


def check_place(country: str, region: str) -> str | None:
    """None if the holiday data knows the country and region, else a one-line message.

    Case does not matter. An empty region means nationwide holidays only; an empty country is
    fine on its own (the plan's language picks one) but not together with a region.
    """
    code, area = country.strip().upper(), region.strip()
    if not code:
        return f"region {region!r} needs a country, e.g. DE" if area else None
    entity = _entity(code)
    if entity is None:
        return f"country {country!r} is not supported; use an ISO code such as {_EXAMPLES}"
    if not area or _subdivision(entity, area) is not None:
        return None
    if not entity.subdivisions:
        return f"country {code} has no regions in the holiday data; leave the region empty"
    known = ", ".join(sorted(entity.subdivisions))
    return f"region {region!r} is not a subdivision of {code}; known: {known}"


@lru_cache(maxsize=256)  # a batch of answers files plans from a few dozen Mondays
def working_calendar(start: date, weeks: int, country: str, region: str, lang: str) -> Calendar:
    """The first `weeks` working weeks from Monday `start`, with the holidays on Mon-Fri.

    Country "" means `default_country(lang)`; region "" means nationwide holidays only.
    Raises ValueError for a start that is not a Monday, an unknown place, or when the weeks
    do not fit: fewer than `weeks` count within `weeks` + 52 calendar weeks, or they would run
    past the last date Python can hold.
    """
    if start.weekday():
        raise ValueError(f"start {start} is not a Monday")
    if weeks < 1:
        raise ValueError(f"an iteration needs at least one working week, not {weeks}")
    code = (country.strip() or default_country(lang)).upper()
    if problem := check_place(code, region):
        raise ValueError(problem)
    entity = _entity(code)
    assert entity is not None  # check_place said so
    subdiv = _subdivision(entity, region.strip()) if region.strip() else None
    language = _language(entity, code, lang)

    def off(monday: date) -> list[Holiday]:
        friday = monday + _TO_FRIDAY
        years = dict.fromkeys((monday.year, friday.year))
        return [
            h
            for year in years
            for h in _year_holidays(code, subdiv, language, year)
            if monday <= h.day <= friday
        ]

    try:
        counting, skipped, found = _scan(start, weeks, off)
        following, _, _ = _scan(counting[-1] + _WEEK, 1, off)
    except OverflowError:
        raise ValueError(f"an iteration from {start} runs past the last date") from None
    return Calendar(
        start=start,
        weeks=tuple(counting),
        skipped=tuple(skipped),
        holidays=tuple(found),
        following=following[0],
    )


def _scan(
    monday: date, weeks: int, off: Callable[[date], list[Holiday]]
) -> tuple[list[date], list[date], list[Holiday]]:
    """Counting Mondays, skipped Mondays and holidays until `weeks` weeks count."""
    counting: list[date] = []
    skipped: list[date] = []
    found: list[Holiday] = []
    for _ in range(weeks + MAX_EXTRA_WEEKS):
        days = off(monday)
        found.extend(days)
        if len({h.day for h in days}) >= SKIP_AT:
            skipped.append(monday)
        else:
            counting.append(monday)
        if len(counting) == weeks:
            return counting, skipped, found
        monday += _WEEK
    raise ValueError(f"no {weeks} working weeks within {weeks + MAX_EXTRA_WEEKS} calendar weeks")


@cache
def _entity(code: str) -> type[HolidayBase] | None:
    """The holidays class for an upper-case country code, or None if there is none."""
    import holidays

    if code not in holidays.list_supported_countries():
        return None
    return type(holidays.country_holidays(code))


def _subdivision(entity: type[HolidayBase], region: str) -> str | None:
    """The subdivision code or alias as the holidays package spells it, ignoring case."""
    wanted = region.casefold()
    for known in (*entity.subdivisions, *entity.subdivisions_aliases):
        if known.casefold() == wanted:
            return known
    return None


def _language(entity: type[HolidayBase], code: str, lang: str) -> str | None:
    """The supported language code closest to the plan's language.

    The plan's language first (the country's own variant, e.g. en_GB for GB), then English,
    then the country's default. A supported code is always returned when there is one, since
    for anything else the package picks a translation from the system locale. Countries
    without translations have English names and no default (None).
    """
    supported = entity.supported_languages
    default = entity.default_language
    for base in dict.fromkeys((lang, "en")):
        wanted = [f"{base}_{code}", base]
        if default and default.split("_")[0] == base:
            wanted.insert(0, default)
        if base == "en":
            wanted += ["en_GB", "en_US"]
        wanted += sorted(s for s in supported if s.split("_")[0] == base)
        for choice in wanted:
            if choice in supported:
                return choice
    return default


@lru_cache(maxsize=64)
def _year_holidays(
    code: str, subdiv: str | None, language: str | None, year: int
) -> tuple[Holiday, ...]:
    """Public holidays on Mon-Fri in one year, by date."""
    import holidays

    found = holidays.country_holidays(code, subdiv=subdiv, years=year, language=language)
    return tuple(
        Holiday(day, name)
        for day in sorted(found)
        if day.weekday() < 5
        for name in found.get_list(day)
    )
