"""A user's notification list and its unread count, which is kept on the user's row (`unread_notifications`)
so that the header of every page shows it without a query. The caller commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, func, select

from course.models import Notification, User
from course.models.base import utcnow


def notification_count(session: Session, user_id: int) -> int:
    return session.exec(select(func.count()).select_from(Notification).where(Notification.user_id == user_id)).one()


def notifications_of(session: Session, user_id: int, *, offset: int = 0, limit: int = 50) -> list[Notification]:
    """A page of the user's notifications, newest first."""
    return list(
        session.exec(
            select(Notification)
            .where(Notification.user_id == user_id)
            .order_by(Notification.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )


def find(session: Session, user_id: int, notification_id: int) -> Notification | None:
    """The user's own notification with this id (another user's is None, as if it did not exist)."""
    found = session.get(Notification, notification_id)
    return found if found is not None and found.user_id == user_id else None


def mark_read(session: Session, user: User, notification: Notification, now: datetime | None = None) -> None:
    session.exec(
        update(Notification)
        .where(Notification.id == notification.id, Notification.read_at.is_(None))
        .values(read_at=now or utcnow())
    )
    _recount(session, user)


def mark_all_read(session: Session, user: User, now: datetime | None = None) -> None:
    session.exec(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=now or utcnow())
    )
    _recount(session, user)


def _recount(session: Session, user: User) -> None:
    """Set the kept count from the rows, in one statement: a notice committed meanwhile is counted either here
    or by its own +1, which waits for this row's lock, never twice and never lost."""
    unread = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .scalar_subquery()
    )
    session.exec(update(User).where(User.id == user.id).values(unread_notifications=unread))
    session.expire(user, ["unread_notifications"])
