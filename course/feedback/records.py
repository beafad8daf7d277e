"""Storing and reading feedback on events ("event") and study tours ("studytour"). The caller commits.

Who may answer: for an event, anyone marked present at one of its sessions once the first session has
started; for a tour, its accepted participants from the first day on. One answer per person, which they
may change.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from course.feedback.figures import Answer
from course.models import Attendance, Event, EventSession, Feedback, StudyTour, TourApplication, User
from course.models.base import utcnow

KINDS = ("event", "studytour")


def _event_attendees(event: Event):
    return (
        select(Attendance.user_id)
        .join(EventSession, EventSession.id == Attendance.session_id)
        .where(EventSession.event_id == event.id, Attendance.present == True)
        .distinct()
    )


def _tour_participants(tour: StudyTour):
    return select(TourApplication.user_id).where(
        TourApplication.tour_id == tour.id, TourApplication.status == "accepted"
    )


def attendees(session: Session, obj: Event | StudyTour) -> set[int]:
    """Who may answer about this event or tour."""
    query = _event_attendees(obj) if isinstance(obj, Event) else _tour_participants(obj)
    return set(session.exec(query))


def has_begun(session: Session, obj: Event | StudyTour, now: datetime | None = None) -> bool:
    now = now or utcnow()
    if isinstance(obj, StudyTour):
        return obj.starts_on <= now.date()
    first = session.exec(
        select(EventSession.starts_at)
        .where(EventSession.event_id == obj.id, EventSession.cancelled_at.is_(None))
        .order_by(EventSession.starts_at)
    ).first()
    return first is not None and first <= now


def may_answer(session: Session, obj: Event | StudyTour, user: User, now: datetime | None = None) -> bool:
    return has_begun(session, obj, now) and user.id in attendees(session, obj)


def answer_of(session: Session, obj: Event | StudyTour, user_id: int) -> Feedback | None:
    return session.exec(
        select(Feedback).where(
            Feedback.object_type == obj.__tablename__, Feedback.object_id == obj.id, Feedback.user_id == user_id
        )
    ).first()


def save(
    session: Session,
    obj: Event | StudyTour,
    user: User,
    *,
    relevance: int,
    usefulness: int,
    will_apply: bool,
    apply_text: str,
) -> Feedback:
    """Record (or replace) the person's answer."""
    row = answer_of(session, obj, user.id)
    if row is None:
        row = Feedback(
            object_type=obj.__tablename__,
            object_id=obj.id,
            user_id=user.id,
            relevance=0,
            usefulness=0,
            will_apply=False,
        )
        session.add(row)
    row.relevance, row.usefulness, row.will_apply, row.apply_text = (
        relevance,
        usefulness,
        will_apply,
        apply_text.strip(),
    )
    row.created_at = utcnow()
    session.flush()
    return row


def answers(session: Session, obj: Event | StudyTour) -> list[Answer]:
    """Every answer about the event or tour, by name, with who answered and whether they attended."""
    present = attendees(session, obj)
    rows = session.exec(
        select(Feedback, User)
        .join(User, User.id == Feedback.user_id)
        .where(Feedback.object_type == obj.__tablename__, Feedback.object_id == obj.id)
        .order_by(User.name, User.id)
    ).all()
    return [
        Answer(
            user.id,
            user.name,
            user.email,
            user.organisation,
            user.org_type,
            user.country,
            user.id in present,
            f.relevance,
            f.usefulness,
            f.will_apply,
            f.apply_text,
            f.created_at,
        )
        for f, user in rows
    ]
