"""A study tour as iCalendar (RFC 5545), written with the `icalendar` library like `course.events.ics`.

One all-day VEVENT spans the whole tour (DTSTART;VALUE=DATE its first day, DTEND the day after its last, as
all-day ends are exclusive), and one all-day VEVENT per day with site visits, with the places and what is seen
there. UIDs come from the tour's id (and the visit's day), so they stay the same while the itinerary is edited
(visits are rewritten on every change); SEQUENCE is the tour's revision. A cancelled tour's VEVENTs carry
STATUS:CANCELLED. The texts are the tour's own (titles, places, what is seen): nothing here needs wording.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import groupby

import icalendar

from course import timezones
from course.events.ics import PRODID, UID_DOMAIN
from course.models import StudyTour, TourVisit


def tour_uid(tour: StudyTour) -> str:
    return f"studytour-{tour.id}@{UID_DOMAIN}"


def visit_day_uid(tour: StudyTour, day: date) -> str:
    return f"studytour-{tour.id}-{day:%Y%m%d}@{UID_DOMAIN}"


def tour_document(tour: StudyTour, visits: list[TourVisit], *, url: str) -> bytes:
    """A VCALENDAR of the tour and its days of site visits (`visits` in itinerary order)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", tour.title)
    whole = _vevent(tour, tour_uid(tour), tour.starts_on, tour.ends_on, tour.title, url)
    if tour.destination:
        whole.add("location", tour.destination)
    whole.add("description", _description(tour, url, [tour.summary] if tour.summary else []))
    cal.add_component(whole)
    for day, on_day in groupby(sorted(visits, key=lambda v: (v.day, v.position, v.id or 0)), key=lambda v: v.day):
        on_day = list(on_day)
        places = " · ".join(v.place for v in on_day)
        vevent = _vevent(tour, visit_day_uid(tour, day), day, day, f"{tour.title}: {places}", url)
        vevent.add("location", places)
        vevent.add(
            "description", _description(tour, url, [f"{v.place}: {v.what}" if v.what else v.place for v in on_day])
        )
        cal.add_component(vevent)
    return cal.to_ical()


def _vevent(tour: StudyTour, uid: str, first: date, last: date, summary: str, url: str) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid)
    vevent.add("dtstamp", _utc(tour.updated_at))
    vevent.add("last-modified", _utc(tour.updated_at))
    vevent.add("dtstart", first)  # a date: VALUE=DATE, all day
    vevent.add("dtend", last + timedelta(days=1))  # exclusive
    vevent.add("sequence", tour.sequence)
    vevent.add("summary", summary)
    vevent.add("status", "CANCELLED" if tour.cancelled_at is not None else "CONFIRMED")
    vevent.add("url", url)
    return vevent


def _description(tour: StudyTour, url: str, parts: list[str]) -> str:
    parts = [*parts, url]
    if tour.cancelled_at is not None:
        parts.insert(0, "CANCELLED" + (f": {tour.cancel_reason}" if tour.cancel_reason else "."))
    return "\n\n".join(parts)


def _utc(moment: datetime) -> datetime:
    return timezones.to_local(moment, timezones.UTC_NAME)
