"""Reading events for pages, feeds and the API: upcoming ones with their sessions and seats, a person's own,
and those a staff member manages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, select

from course.models import ENROLLED, WAITLISTED, Event, EventEnrolment, EventSession, User
from course.models.base import utcnow


@dataclass
class EventListing:
    """An event with its sessions (time order), seats taken and the viewer's enrolment status ("" for none)."""

    event: Event
    sessions: list[EventSession] = field(default_factory=list)
    enrolled: int = 0
    waiting: int = 0
    status: str = ""

    @property
    def held_sessions(self) -> list[EventSession]:
        """The sessions not cancelled."""
        return [s for s in self.sessions if s.cancelled_at is None]

    @property
    def starts_at(self) -> datetime | None:
        held = self.held_sessions
        return held[0].starts_at if held else None

    @property
    def ends_at(self) -> datetime | None:
        held = self.held_sessions
        return max(s.ends_at for s in held) if held else None

    @property
    def seats_left(self) -> int:
        return max(0, self.event.capacity - self.enrolled)


def _listings(session: Session, events: list[Event], viewer_id: int | None) -> list[EventListing]:
    """Listings of these events: three queries whatever their number."""
    listings = {e.id: EventListing(e) for e in events}
    ids = list(listings) or [-1]
    for row in session.exec(
        select(EventSession).where(EventSession.event_id.in_(ids)).order_by(EventSession.starts_at, EventSession.id)
    ):
        listings[row.event_id].sessions.append(row)
    counts = session.exec(
        select(EventEnrolment.event_id, EventEnrolment.status, func.count())
        .where(EventEnrolment.event_id.in_(ids), EventEnrolment.status.in_((ENROLLED, WAITLISTED)))
        .group_by(EventEnrolment.event_id, EventEnrolment.status)
    )
    for event_id, status, n in counts:
        if status == ENROLLED:
            listings[event_id].enrolled = n
        else:
            listings[event_id].waiting = n
    if viewer_id is not None:
        for event_id, status in session.exec(
            select(EventEnrolment.event_id, EventEnrolment.status).where(
                EventEnrolment.event_id.in_(ids), EventEnrolment.user_id == viewer_id
            )
        ):
            listings[event_id].status = status
    return [listings[e.id] for e in events]


def _with_session_after(moment: datetime) -> ColumnElement:
    """Events with a session (not cancelled) that ends after `moment`."""
    return Event.id.in_(
        select(EventSession.event_id).where(EventSession.cancelled_at.is_(None), EventSession.ends_at > moment)
    )


def _by_first_session(events: list[EventListing]) -> list[EventListing]:
    far = datetime.max.replace(tzinfo=utcnow().tzinfo)
    return sorted(events, key=lambda e: (e.starts_at or far, e.event.id))


def upcoming(session: Session, viewer_id: int | None, *, now: datetime | None = None) -> list[EventListing]:
    """Events not cancelled that still have a session to come (or under way), soonest first."""
    events = session.exec(select(Event).where(Event.cancelled_at.is_(None), _with_session_after(now or utcnow())))
    return _by_first_session(_listings(session, list(events), viewer_id))


def in_period(session: Session, viewer_id: int | None, start: datetime, end: datetime) -> list[EventListing]:
    """Events not cancelled with a session between two instants (a month of the calendar)."""
    inside = select(EventSession.event_id).where(
        EventSession.cancelled_at.is_(None), EventSession.starts_at < end, EventSession.ends_at > start
    )
    events = session.exec(select(Event).where(Event.cancelled_at.is_(None), Event.id.in_(inside)))
    return _by_first_session(_listings(session, list(events), viewer_id))


def of_person(session: Session, user_id: int) -> list[EventListing]:
    """Every event the person holds a seat at or waits for, cancelled ones too (their calendar must drop them)."""
    mine = select(EventEnrolment.event_id).where(
        EventEnrolment.user_id == user_id, EventEnrolment.status.in_((ENROLLED, WAITLISTED))
    )
    events = session.exec(select(Event).where(Event.id.in_(mine)))
    return _by_first_session(_listings(session, list(events), user_id))


def listing(session: Session, event: Event, viewer_id: int | None) -> EventListing:
    return _listings(session, [event], viewer_id)[0]


def managed(session: Session, clause: ColumnElement) -> list[EventListing]:
    """Events a staff member manages (`clause`: course.ownership.managed), newest first session first."""
    events = list(session.exec(select(Event).where(clause)))
    return list(reversed(_by_first_session(_listings(session, events, None))))


def people(session: Session, event_id: int) -> dict[str, list]:
    """(enrolment, user) pairs of those enrolled (by name) and of the waiting list (in order)."""
    rows = session.exec(
        select(EventEnrolment, User)
        .join(User, User.id == EventEnrolment.user_id)
        .where(EventEnrolment.event_id == event_id, EventEnrolment.status.in_((ENROLLED, WAITLISTED)))
        .order_by(EventEnrolment.queued_at, EventEnrolment.id)
    ).all()
    grouped = defaultdict(list)
    for enrolment, user in rows:
        grouped[enrolment.status].append((enrolment, user))
    grouped[ENROLLED].sort(key=lambda pair: (pair[1].name.lower(), pair[1].id))
    return {ENROLLED: grouped[ENROLLED], WAITLISTED: grouped[WAITLISTED]}
