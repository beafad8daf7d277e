"""Seats and waiting lists: enrol, withdraw, and give freed seats to the first in line. The caller commits.

Every change of who holds a seat first locks the event (`hold_event`, with `course.locking.hold`), so two
people taking the last seat at the same moment take turns: the second sees the first's seat and joins the
waiting list. On PostgreSQL that is a row lock (`SELECT … FOR UPDATE` on the event); on SQLite, a write to
the event row that takes the database's write lock for the rest of the transaction (SQLite has one writer
at a time, and a transaction that starts with a write reads what the previous writer committed).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from course import announcements, locking
from course.models import ENROLLED, WAITLISTED, WITHDRAWN, Event, EventEnrolment, EventSession, User
from course.models.base import utcnow


class EnrolmentClosed(ValueError):
    """The event is cancelled, or every session of it has started."""


def hold_event(session: Session, event: Event) -> Event:
    """Lock the event's seats until the transaction ends, then read the event as committed."""
    return locking.hold(session, event)


def enrolled_count(session: Session, event_id: int) -> int:
    return session.exec(
        select(func.count()).where(EventEnrolment.event_id == event_id, EventEnrolment.status == ENROLLED)
    ).one()


def is_open(session: Session, event: Event, now: datetime | None = None) -> bool:
    """Whether people may still enrol or withdraw: not cancelled, and a session is still to start."""
    if event.cancelled_at is not None:
        return False
    return (
        session.exec(
            select(EventSession.id).where(
                EventSession.event_id == event.id,
                EventSession.cancelled_at.is_(None),
                EventSession.starts_at > (now or utcnow()),
            )
        ).first()
        is not None
    )


def enrolment_of(session: Session, event_id: int, user_id: int) -> EventEnrolment | None:
    return session.exec(
        select(EventEnrolment).where(EventEnrolment.event_id == event_id, EventEnrolment.user_id == user_id)
    ).first()


def waiting_position(session: Session, enrolment: EventEnrolment) -> int:
    """1 for the first on the waiting list."""
    ahead = session.exec(
        select(func.count()).where(
            EventEnrolment.event_id == enrolment.event_id,
            EventEnrolment.status == WAITLISTED,
            (EventEnrolment.queued_at < enrolment.queued_at)
            | ((EventEnrolment.queued_at == enrolment.queued_at) & (EventEnrolment.id < enrolment.id)),
        )
    ).one()
    return ahead + 1


def enrol(session: Session, event: Event, user: User, now: datetime | None = None) -> EventEnrolment:
    """A seat for the user if one is free, else a place at the end of the waiting list (asking twice changes
    nothing). Raises EnrolmentClosed."""
    now = now or utcnow()
    hold_event(session, event)
    if not is_open(session, event, now):
        raise EnrolmentClosed(event.title)
    row = enrolment_of(session, event.id, user.id)
    if row is not None and row.status in (ENROLLED, WAITLISTED):
        return row
    status = ENROLLED if enrolled_count(session, event.id) < event.capacity else WAITLISTED
    if row is None:
        row = EventEnrolment(event_id=event.id, user_id=user.id, status=status, queued_at=now, changed_at=now)
        session.add(row)
    else:
        row.status, row.queued_at, row.changed_at = status, now, now
    session.flush()
    if status == ENROLLED:
        announcements.announce(session, user, "event_confirmed", event=event)
    else:
        announcements.announce(session, user, "event_waitlisted", event=event, position=waiting_position(session, row))
    return row


def withdraw(session: Session, event: Event, user: User, now: datetime | None = None) -> list[EventEnrolment]:
    """Give up a seat or a place in line; a freed seat goes to the first on the waiting list.
    Returns the enrolments promoted. Raises EnrolmentClosed."""
    now = now or utcnow()
    hold_event(session, event)
    if not is_open(session, event, now):
        raise EnrolmentClosed(event.title)
    row = enrolment_of(session, event.id, user.id)
    if row is None or row.status == WITHDRAWN:
        return []
    row.status, row.changed_at = WITHDRAWN, now
    session.flush()
    return fill_free_seats(session, event, now)


def fill_free_seats(session: Session, event: Event, now: datetime | None = None) -> list[EventEnrolment]:
    """Promote from the waiting list, first queued first, while seats are free (call with the event held)."""
    free = event.capacity - enrolled_count(session, event.id)
    if free <= 0:
        return []
    promoted = list(
        session.exec(
            select(EventEnrolment)
            .where(EventEnrolment.event_id == event.id, EventEnrolment.status == WAITLISTED)
            .order_by(EventEnrolment.queued_at, EventEnrolment.id)
            .limit(free)
        )
    )
    for row in promoted:
        row.status, row.changed_at = ENROLLED, now or utcnow()
    session.flush()
    for row in promoted:
        announcements.announce(session, session.get(User, row.user_id), "event_promoted", event=event)
    return promoted
