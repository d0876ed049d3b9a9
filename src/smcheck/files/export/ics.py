"""The plan's phase windows and the next assessment as an iCalendar file of all-day events."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event, vText

from smcheck import __version__
from smcheck.core.models.common import Lang
from smcheck.core.models.plan import Plan
from smcheck.core.text import one_line
from smcheck.core.texts import t

NEXT_ASSESSMENT: dict[Lang, str] = {
    "de": "Nächste Messung mit smcheck (neuer Startpunkt)",
    "en": "Next smcheck assessment (new start point)",
}
_DAY = timedelta(days=1)


def _uid(plan: Plan, key: str, first: date, last: date, text: str) -> str:
    """One version of one event: the organisation, the iteration's start, the event's key,
    its days and its text. An unchanged event keeps its UID, so importing the same calendar
    again adds nothing; a re-planned one (moved weeks, other tasks) gets a new UID, so a
    calendar shows it instead of keeping the old version (see :func:`to_ics`)."""
    seed = "\n".join(
        (
            plan.organisation.name,
            plan.iteration.start.isoformat(),
            key,
            first.isoformat(),
            last.isoformat(),
            text,
        )
    )
    digest = hashlib.sha256(seed.encode()).hexdigest()[:16]
    return f"{digest}-{key}-{first:%Y%m%d}-{last:%Y%m%d}@smcheck"


def _event(
    plan: Plan, key: str, stamp: datetime, summary: str, day: date, last: date, text: str = ""
) -> Event:
    event = Event()
    event.add("uid", _uid(plan, key, day, last, f"{summary}\n{text}"))
    event.add("dtstamp", stamp)
    event.add("sequence", 0)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", last + _DAY)  # the end of an all-day event is exclusive
    if text:
        event.add("description", text)
    return event


def to_ics(plan: Plan) -> str:
    """A calendar with one all-day event per phase window and one for the next assessment.

    The output is deterministic, so the same plan always gives byte-identical exports (like
    the TOML, JSON and Markdown exports): DTSTAMP - which RFC 5545 wants as the time the
    object was created - is fixed to the iteration start at 00:00:00 UTC instead of the
    current time.

    A re-planned calendar: a calendar keeps an event it already has when one with the same UID
    comes with an equal or lower SEQUENCE, and replaces it only for a higher one. smcheck keeps
    no record of what it exported before, so it cannot promise a higher SEQUENCE; an event
    that kept its UID would silently stay as first imported. Instead every changed event gets
    a new UID (the UID names the event's days and is made from its text), and SEQUENCE stays
    0: importing a re-planned calendar shows the new version at once, unchanged events are
    recognised and not doubled, and the old version of a changed event is left for the user to
    delete (or the plan is imported into a fresh calendar).
    """
    lang = plan.lang
    org = one_line(plan.organisation.name)
    stamp = datetime.combine(plan.iteration.start, time(0, 0), tzinfo=UTC)
    name = t("report.title", lang)
    if org:
        name += f" {t('report.for', lang)} {org}"

    cal = Calendar()
    cal.add("prodid", f"-//smcheck//smcheck {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # a TEXT value: "," and ";" escaped (icalendar passes an unknown X- property as it is)
    cal.add("x-wr-calname", vText(name))
    for phase in plan.iteration.phases:
        titles = [one_line(x.title) for x in plan.tasks if x.phase == phase.id]
        summary = f"{phase.name}: {org or 'smcheck'}"
        cal.add_component(
            _event(plan, phase.id, stamp, summary, phase.start, phase.end, "\n".join(titles))
        )
    nxt = plan.iteration.next_assessment
    cal.add_component(_event(plan, "next-assessment", stamp, NEXT_ASSESSMENT[lang], nxt, nxt))
    ical: bytes = cal.to_ical()
    return ical.decode()
