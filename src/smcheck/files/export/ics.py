"""The plan's phase windows and the next assessment as an iCalendar file of all-day events."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

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


def _uid(plan: Plan, key: str) -> str:
    """The same event of the same plan keeps its UID, so a re-import updates instead of doubling."""
    seed = f"{plan.organisation.name}\n{plan.iteration.start.isoformat()}\n{key}"
    return f"{hashlib.sha256(seed.encode()).hexdigest()[:16]}-{key}@smcheck"


def _event(uid: str, stamp: datetime, summary: str, day: date, last: date) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", last + _DAY)  # the end of an all-day event is exclusive
    return event


def to_ics(plan: Plan) -> str:
    """A calendar with one all-day event per phase window and one for the next assessment.

    The output is deterministic, so the same plan always gives byte-identical exports (like
    the TOML, JSON and Markdown exports): UIDs are hashes of the organisation name, the
    iteration start and the phase, and DTSTAMP - which RFC 5545 wants as the time the object
    was created - is fixed to the iteration start at 00:00:00 UTC instead of the current time.
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
    cal.add("x-wr-calname", name)
    for phase in plan.iteration.phases:
        event = _event(
            _uid(plan, phase.id),
            stamp,
            f"{phase.name}: {org or 'smcheck'}",
            phase.start,
            phase.end,
        )
        titles = [one_line(x.title) for x in plan.tasks if x.phase == phase.id]
        if titles:
            event.add("description", "\n".join(titles))
        cal.add_component(event)
    nxt = plan.iteration.next_assessment
    cal.add_component(_event(_uid(plan, "next-assessment"), stamp, NEXT_ASSESSMENT[lang], nxt, nxt))
    ical: bytes = cal.to_ical()
    return ical.decode()
