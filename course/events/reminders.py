"""Reminders of sessions about to start: each session is announced once to everyone enrolled. The caller commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from course import announcements
from course.models import ENROLLED, Event, EventEnrolment, EventSession, User
from course.models.base import utcnow


def send_due(session: Session, *, within: timedelta, now: datetime | None = None) -> int:
    """Announce `event_reminder` for every session (not cancelled) starting in the next `within` and not yet
    reminded, to each person enrolled; returns how many reminders were announced."""
    now = now or utcnow()
    due = session.exec(
        select(EventSession, Event)
        .join(Event, Event.id == EventSession.event_id)
        .where(
            EventSession.starts_at > now,
            EventSession.starts_at <= now + within,
            EventSession.cancelled_at.is_(None),
            EventSession.reminded_at.is_(None),
            Event.cancelled_at.is_(None),
        )
        .order_by(EventSession.starts_at, EventSession.id)
    ).all()
    sent = 0
    for event_session, event in due:
        people = session.exec(
            select(User)
            .join(EventEnrolment, EventEnrolment.user_id == User.id)
            .where(EventEnrolment.event_id == event.id, EventEnrolment.status == ENROLLED)
            .order_by(User.id)
        ).all()
        for person in people:
            announcements.announce(session, person, "event_reminder", event=event, event_session=event_session)
        event_session.reminded_at = now
        sent += len(people)
    session.flush()
    return sent
