"""Events as iCalendar (RFC 5545), written with the `icalendar` library.

Each session is one VEVENT whose UID stays the same for as long as the session exists; SEQUENCE is the
event's revision, so a calendar that imported or subscribed to it replaces its copy after a change.
Times carry the event's TZID, with the matching VTIMEZONE (UTC times end in Z). A cancelled event or
session keeps its VEVENT with STATUS:CANCELLED, so subscribed calendars drop it.

The words a person reads (the summary's "session N of M", the kind, the description's sentences) come from the
caller's `CalendarWords`, in the calendar reader's language (course/web/events/wording.py `calendar_words`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar

from course import timezones
from course.events.queries import EventListing
from course.models import WAITLISTED, Event, EventSession

PRODID = "-//CBEC Academy//Training programme//EN"
UID_DOMAIN = "cbec-academy"


@dataclass(frozen=True)
class CalendarWords:
    """What a calendar file says in words, in its reader's language."""

    kind: Callable[[str], str]  # an event kind's code: its name ("Workshop")
    session_of: Callable[[str, int, int], str]  # title, number, count: "Title (session 1 of 3)"
    about: Callable[[str], str]  # kind code: "Workshop of the CBEC Academy training programme."
    cancelled: Callable[[str], str]  # the reason ("" for none): "CANCELLED: reason" / "CANCELLED."
    join_online: Callable[[str], str]  # url: "Join online: url"


def session_uid(event: Event, session: EventSession) -> str:
    return f"{event.uid}-{session.id}@{UID_DOMAIN}"


def calendar_document(
    listings: list[EventListing],
    *,
    name: str,
    link: Callable[[Event], str],
    with_online_links: bool,
    words: CalendarWords,
) -> bytes:
    """A VCALENDAR of every session of these events; online links only in a person's own calendar."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    days: list[date] = []
    for item in listings:
        for number, s in enumerate(item.sessions, start=1):
            cal.add_component(_vevent(item, s, number, link(item.event), with_online_links, words))
            days += [s.starts_at.date(), s.ends_at.date()]
    if days:  # VTIMEZONE definitions covering the sessions' dates only, not decades of rules
        cal.add_missing_timezones(first_date=min(days) - timedelta(days=1), last_date=max(days) + timedelta(days=2))
    return cal.to_ical()


def _vevent(
    item: EventListing, s: EventSession, number: int, url: str, with_online_links: bool, words: CalendarWords
) -> icalendar.Event:
    event = item.event
    vevent = icalendar.Event()
    vevent.add("uid", session_uid(event, s))
    vevent.add("dtstamp", _utc(event.updated_at))
    vevent.add("last-modified", _utc(event.updated_at))
    vevent.add("dtstart", timezones.to_local(s.starts_at, event.time_zone))
    vevent.add("dtend", timezones.to_local(s.ends_at, event.time_zone))
    vevent.add("sequence", event.sequence)
    count = len(item.sessions)
    vevent.add("summary", words.session_of(event.title, number, count) if count > 1 else event.title)
    vevent.add("status", _status(item, s))
    vevent.add("categories", [words.kind(event.kind)])
    vevent.add("url", url)
    where = [event.place] if event.place else []
    if with_online_links and event.online_url:
        where.append(event.online_url)
    if where:
        vevent.add("location", " · ".join(where))
    vevent.add("description", _description(event, url, with_online_links, words))
    return vevent


def _status(item: EventListing, s: EventSession) -> str:
    if item.event.cancelled_at is not None or s.cancelled_at is not None:
        return "CANCELLED"
    return "TENTATIVE" if item.status == WAITLISTED else "CONFIRMED"


def _description(event: Event, url: str, with_online_links: bool, words: CalendarWords) -> str:
    parts = [words.about(event.kind), url]
    if event.cancelled_at is not None:
        parts.insert(0, words.cancelled(event.cancel_reason or ""))
    if with_online_links and event.online_url:
        parts.append(words.join_online(event.online_url))
    if event.description:
        parts.append(event.description)
    return "\n\n".join(parts)


def _utc(moment: datetime) -> datetime:
    return timezones.to_local(moment, timezones.UTC_NAME)
