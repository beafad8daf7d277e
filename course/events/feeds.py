"""Each person's subscribable calendar: a secret link, of which only a hash is kept. The caller commits.

Making a new link replaces the old one (the old URL stops working); revoking deletes it.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, select

from course.models import CalendarFeed, User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(session: Session, user: User) -> str:
    """A new secret token for the user's feed (shown once; the previous one stops working)."""
    token = secrets.token_urlsafe(32)
    feed = session.exec(select(CalendarFeed).where(CalendarFeed.user_id == user.id)).first()
    if feed is None:
        session.add(CalendarFeed(user_id=user.id, token_hash=_hash(token)))
    else:
        feed.token_hash = _hash(token)
    session.flush()
    return token


def revoke(session: Session, user: User) -> bool:
    """Stop the user's feed; False when they had none."""
    feed = session.exec(select(CalendarFeed).where(CalendarFeed.user_id == user.id)).first()
    if feed is None:
        return False
    session.delete(feed)
    session.flush()
    return True


def has_link(session: Session, user: User) -> bool:
    return session.exec(select(CalendarFeed.id).where(CalendarFeed.user_id == user.id)).first() is not None


def owner_of(session: Session, token: str) -> User | None:
    """The active account whose feed this token opens; None for an unknown, revoked or malformed token."""
    if not token or len(token) > 100:
        return None
    user = session.exec(
        select(User).join(CalendarFeed, CalendarFeed.user_id == User.id).where(CalendarFeed.token_hash == _hash(token))
    ).first()
    return user if user is not None and user.active else None
