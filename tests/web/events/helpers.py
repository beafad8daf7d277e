"""Arranging events for the tests: an event's form data and an event made directly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from course.events import scheduling
from course.models import Event

SOON = datetime.now(UTC).replace(microsecond=0, second=0, minute=0) + timedelta(days=10)


def local(moment: datetime, zone: str = "UTC") -> str:
    """A datetime-local value as the form sends it."""
    from course import timezones

    return timezones.to_local(moment, zone).strftime("%Y-%m-%dT%H:%M")


def event_form(**changes) -> dict:
    """The form of a two-session seminar in Nairobi, ten days from now."""
    start = SOON.astimezone(UTC)
    form = {
        "title": "Pilot zones seminar",
        "kind": "seminar",
        "description": "Speakers from **two** pilot zones.<script>alert(1)</script>",
        "time_zone": "Africa/Nairobi",
        "sessions-0-starts": local(start, "Africa/Nairobi"),
        "sessions-0-ends": local(start + timedelta(hours=2), "Africa/Nairobi"),
        "sessions-1-starts": local(start + timedelta(days=1), "Africa/Nairobi"),
        "sessions-1-ends": local(start + timedelta(days=1, hours=2), "Africa/Nairobi"),
        "place": "Nairobi, KICC",
        "online_url": "",
        "capacity": "2",
        "audience": "",
        "language": "en",
        "cases": "",
        "series": "",
    }
    return form | changes


def make_event(db, owner, *, capacity=2, sessions=2, starts=None, series="", title="Pilot zones seminar") -> Event:
    """An event scheduled through the data functions, committed."""
    start = starts or SOON
    plan = scheduling.EventPlan(
        {
            "title": title,
            "kind": "seminar",
            "description": "About *pilot zones*.",
            "time_zone": "Africa/Nairobi",
            "place": "Nairobi",
            "online_url": "https://meet.example.org/pilot",
            "capacity": capacity,
            "audience": "",
            "language": "en",
            "lessons": [],
            "cases": [],
            "series": series,
        },
        [
            scheduling.SessionPlan(n + 1, start + timedelta(days=n), start + timedelta(days=n, hours=2))
            for n in range(sessions)
        ],
    )
    event = scheduling.create_event(db, plan, owner=owner)
    db.commit()
    return event
