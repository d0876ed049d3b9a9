"""Working weeks and public holidays of an iteration (smcheck.core.calendar).

The expected dates and names are facts of the real calendar, worked out by hand: weekdays from
the date arithmetic noted next to them, holidays from the public-holiday laws of the country.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from conftest import ROOT
from smcheck.core import calendar
from smcheck.core.calendar import (
    Calendar,
    Holiday,
    check_place,
    default_country,
    monday_of,
    working_calendar,
)

GERMAN_STATES = [
    "BB",
    "BE",
    "BW",
    "BY",
    "HB",
    "HE",
    "HH",
    "MV",
    "NI",
    "NW",
    "RP",
    "SH",
    "SL",
    "SN",
    "ST",
    "TH",
]


def run_python(code: str, **env: str) -> str:
    """Run code in a fresh interpreter (nothing imported or cached yet) and return its stdout."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    base["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), base.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=base | env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout


# --- German Christmas and New Year: no week with three holidays, nothing skipped ------------


def test_german_christmas_and_new_year_skip_no_week_as_none_has_three_holidays() -> None:
    # 2026-12-14 is a Monday. Fri 25 Dec 2026 is Christmas Day; the 26th is a Saturday and does
    # not count; Fri 1 Jan 2027 is New Year. One holiday per week: every week counts.
    cal = working_calendar(date(2026, 12, 14), 6, "DE", "", "de")

    assert cal.start == date(2026, 12, 14)
    assert cal.weeks == (
        date(2026, 12, 14),
        date(2026, 12, 21),
        date(2026, 12, 28),
        date(2027, 1, 4),
        date(2027, 1, 11),
        date(2027, 1, 18),
    )
    assert cal.skipped == ()
    assert cal.holidays == (
        Holiday(date(2026, 12, 25), "Erster Weihnachtstag"),
        Holiday(date(2027, 1, 1), "Neujahr"),
    )
    assert cal.end == date(2027, 1, 22)
    assert cal.next_start == date(2027, 1, 25)


def test_week_start_and_week_end_are_the_monday_and_friday_of_the_kth_working_week() -> None:
    cal = working_calendar(date(2026, 12, 14), 6, "DE", "", "de")

    assert cal.week_start(1) == date(2026, 12, 14)
    assert cal.week_end(1) == date(2026, 12, 18)
    assert cal.week_start(3) == date(2026, 12, 28)
    assert cal.week_end(3) == date(2027, 1, 1)
    assert cal.week_end(6) == cal.end == date(2027, 1, 22)


@pytest.mark.parametrize("k", [0, 7, -1])
def test_a_week_outside_the_iteration_is_refused(k: int) -> None:
    cal = working_calendar(date(2026, 12, 14), 6, "DE", "", "de")

    with pytest.raises(ValueError, match="outside 1-6"):
        cal.week_start(k)


def test_a_bavarian_plan_also_lists_epiphany_in_german() -> None:
    # Heilige Drei Könige (6 Jan) is a holiday in Bavaria only; 6 Jan 2027 is a Wednesday.
    cal = working_calendar(date(2026, 12, 14), 6, "DE", "BY", "de")

    assert cal.holidays == (
        Holiday(date(2026, 12, 25), "Erster Weihnachtstag"),
        Holiday(date(2027, 1, 1), "Neujahr"),
        Holiday(date(2027, 1, 6), "Heilige Drei Könige"),
    )
    assert cal.skipped == ()


def test_an_english_plan_for_germany_names_the_german_holidays_in_english() -> None:
    cal = working_calendar(date(2026, 12, 14), 6, "DE", "BY", "en")

    assert [h.name for h in cal.holidays] == ["Christmas Day", "New Year's Day", "Epiphany"]


def test_region_and_country_codes_ignore_case() -> None:
    lower = working_calendar(date(2026, 12, 14), 6, "de", "by", "de")

    assert lower == working_calendar(date(2026, 12, 14), 6, "DE", "BY", "de")


# --- Britain: English names, substitute days -------------------------------------------------


def test_an_english_plan_without_a_country_uses_british_holidays_and_substitute_days() -> None:
    # In 2026 Boxing Day falls on a Saturday, so England takes Monday 28 December off instead.
    cal = working_calendar(date(2026, 12, 14), 4, "", "", "en")

    assert [h.day for h in cal.holidays] == [
        date(2026, 12, 25),
        date(2026, 12, 28),
        date(2027, 1, 1),
    ]
    assert cal.holidays[0].name == "Christmas Day"
    assert cal.holidays[1].name.startswith("Boxing Day")  # the substitute label varies by release
    assert cal.holidays[2].name == "New Year's Day"
    # Two holidays in the week of 28 December: it still counts.
    assert cal.skipped == ()
    assert cal.end == date(2027, 1, 8)


# --- Weeks that do not count -----------------------------------------------------------------


def test_polish_christmas_week_does_not_count_so_the_plan_ends_a_week_after_germanys() -> None:
    # Since 2025 Christmas Eve is a public holiday in Poland. In 2029 the 24th is a Monday, so
    # Mon 24, Tue 25 and Wed 26 December are three holidays in one week. In Germany only the
    # 25th and 26th are: that week still counts.
    start = date(2029, 12, 3)
    poland = working_calendar(start, 4, "PL", "", "de")
    germany = working_calendar(start, 4, "DE", "", "de")

    assert germany.skipped == ()
    assert germany.weeks[-1] == date(2029, 12, 24)
    assert germany.end == date(2029, 12, 28)
    assert germany.next_start == date(2029, 12, 31)

    assert poland.skipped == (date(2029, 12, 24),)
    assert poland.weeks == (
        date(2029, 12, 3),
        date(2029, 12, 10),
        date(2029, 12, 17),
        date(2029, 12, 31),
    )
    assert poland.end == date(2030, 1, 4) == germany.end + timedelta(weeks=1)
    assert poland.next_start == date(2030, 1, 7) == germany.next_start + timedelta(weeks=1)


def test_after_a_week_that_does_not_count_week_start_jumps_over_it() -> None:
    cal = working_calendar(date(2029, 12, 3), 4, "PL", "", "de")

    assert cal.week_end(3) == date(2029, 12, 21)
    assert cal.week_start(4) == date(2029, 12, 31)


def test_holidays_in_a_skipped_week_and_in_the_next_year_are_listed_in_the_plans_language() -> None:
    # The iteration is pushed into 2030: New Year (Tue 1 Jan 2030) falls in its last week.
    german = working_calendar(date(2029, 12, 3), 4, "PL", "", "de")
    english = working_calendar(date(2029, 12, 3), 4, "PL", "", "en")

    assert german.holidays == (
        Holiday(date(2029, 12, 24), "Heiligabend"),
        Holiday(date(2029, 12, 25), "Erster Weihnachtstag"),
        Holiday(date(2029, 12, 26), "Zweiter Weihnachtstag"),
        Holiday(date(2030, 1, 1), "Neujahr"),
    )
    assert [h.name for h in english.holidays] == [
        "Christmas Eve",
        "Christmas Day",
        "Second Day of Christmas",
        "New Year's Day",
    ]


def test_next_start_passes_over_a_week_that_would_not_count() -> None:
    # Four weeks from 26 Nov 2029 end on Fri 21 Dec; the Christmas week after it would not count.
    cal = working_calendar(date(2029, 11, 26), 4, "PL", "", "en")

    assert cal.end == date(2029, 12, 21)
    assert cal.skipped == ()
    assert cal.holidays == ()
    assert cal.next_start == date(2029, 12, 31)


def test_japanese_golden_week_does_not_count() -> None:
    # 2026: Showa Day Wed 29 Apr; Greenery Day Mon 4 May, Children's Day Tue 5 May, and Wed 6 May
    # in lieu of Constitution Day, which falls on Sunday 3 May.
    cal = working_calendar(date(2026, 4, 20), 4, "JP", "", "en")

    assert cal.skipped == (date(2026, 5, 4),)
    assert cal.weeks == (date(2026, 4, 20), date(2026, 4, 27), date(2026, 5, 11), date(2026, 5, 18))
    assert [h.day for h in cal.holidays] == [
        date(2026, 4, 29),
        date(2026, 5, 4),
        date(2026, 5, 5),
        date(2026, 5, 6),
    ]
    assert [h.name for h in cal.holidays][:3] == ["Showa Day", "Greenery Day", "Children's Day"]
    assert cal.end == date(2026, 5, 22)


def test_a_country_with_holidays_everywhere_is_refused_instead_of_looping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def every_weekday(
        code: str, subdiv: str | None, lang: str | None, year: int
    ) -> tuple[Holiday, ...]:
        days = (date(year, 1, 1) + timedelta(days=i) for i in range(366))
        return tuple(Holiday(d, "Holiday") for d in days if d.year == year and d.weekday() < 5)

    monkeypatch.setattr(calendar, "_year_holidays", every_weekday)

    with pytest.raises(ValueError, match="no 4 working weeks within 56 calendar weeks"):
        working_calendar(date(2026, 1, 5), 4, "DE", "", "de")


# --- Input checks ----------------------------------------------------------------------------


def test_a_start_that_is_not_a_monday_is_refused() -> None:
    with pytest.raises(ValueError, match="not a Monday"):
        working_calendar(date(2026, 12, 15), 6, "DE", "", "de")


def test_an_unknown_country_or_region_is_refused_with_the_check_place_message() -> None:
    with pytest.raises(ValueError, match="country 'XX' is not supported"):
        working_calendar(date(2026, 12, 14), 6, "XX", "", "de")
    with pytest.raises(ValueError, match="region 'ZZ' is not a subdivision of DE"):
        working_calendar(date(2026, 12, 14), 6, "DE", "ZZ", "de")


def test_default_country_is_germany_for_german_and_britain_for_english() -> None:
    assert default_country("de") == "DE"
    assert default_country("en") == "GB"


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 12, 14), date(2026, 12, 14)),  # a Monday stays
        (date(2026, 12, 20), date(2026, 12, 14)),  # Sunday belongs to the week before
        (date(2027, 1, 1), date(2026, 12, 28)),  # a Friday across New Year
    ],
)
def test_monday_of_gives_the_monday_of_the_iso_week(day: date, monday: date) -> None:
    assert monday_of(day) == monday


def test_check_place_accepts_known_countries_and_regions() -> None:
    assert check_place("DE", "") is None
    assert check_place("DE", "BY") is None
    assert check_place("at", "") is None
    assert check_place("GB", "SCT") is None
    assert check_place("", "") is None


def test_check_place_names_example_codes_for_an_unknown_country() -> None:
    assert check_place("XX", "") == (
        "country 'XX' is not supported; use an ISO code such as DE, AT, CH, GB"
    )


def test_check_place_lists_the_german_states_for_an_unknown_region() -> None:
    message = check_place("DE", "ZZ")

    assert message is not None
    assert message.startswith("region 'ZZ' is not a subdivision of DE; known: ")
    known = message.split("known: ")[1].split(", ")
    assert set(GERMAN_STATES) <= set(known)
    assert "\n" not in message


def test_check_place_says_when_a_country_has_no_regions_or_a_region_has_no_country() -> None:
    assert check_place("LI", "X") == (
        "country LI has no regions in the holiday data; leave the region empty"
    )
    assert check_place("", "BY") == "region 'BY' needs a country, e.g. DE"


# --- Names independent of the system locale; lazy import -------------------------------------


def test_holiday_names_do_not_depend_on_the_system_locale() -> None:
    # The holidays package would translate into uk or fr from these settings if it were asked
    # for a language the country does not offer.
    code = """
import json
from datetime import date
from smcheck.core.calendar import working_calendar
print(json.dumps([
    [h.name for h in working_calendar(date(2026, 12, 14), 6, "DE", "BY", "de").holidays],
    [h.name for h in working_calendar(date(2026, 12, 14), 6, "DE", "BY", "en").holidays],
    [h.name for h in working_calendar(date(2026, 12, 14), 4, "GB", "", "en").holidays][:1],
]))
"""
    expected = [
        ["Erster Weihnachtstag", "Neujahr", "Heilige Drei Könige"],
        ["Christmas Day", "New Year's Day", "Epiphany"],
        ["Christmas Day"],
    ]
    for env in (
        {"LANGUAGE": "uk", "LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"},
        {"LANGUAGE": "fr:th", "LC_MESSAGES": "th_TH.UTF-8", "LANG": "de_DE.UTF-8"},
        {"LANG": "C"},
    ):
        assert json.loads(run_python(code, **env)) == expected, env


def test_importing_the_module_loads_neither_holidays_nor_pydantic_nor_textual() -> None:
    code = """
import sys
import smcheck.core.calendar
print(sorted(m for m in ("holidays", "pydantic", "textual") if m in sys.modules))
"""
    assert run_python(code).strip() == "[]"


def test_a_calendar_is_frozen() -> None:
    cal = working_calendar(date(2026, 12, 14), 6, "DE", "", "de")

    assert isinstance(cal, Calendar)
    with pytest.raises(AttributeError):
        cal.start = date(2027, 1, 4)  # type: ignore[misc]
