"""Password reset by email: a one-time link that expires within the hour. The caller commits.

Only the SHA-256 of a link's token is stored. Asking answers the same whether or not the email has an
account (the view says so); using a link sets the password, ends every session of the account and
counts as proof that the address is the owner's.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select, update

from course import accounts
from course.mail import outbox
from course.mail.compose import recipient_language
from course.mail.links import external_url
from course.models import PasswordReset, User
from course.models.base import utcnow
from course.tokens import new_token, token_hash

LIFETIME = timedelta(hours=1)


def request_reset(session: Session, *, email: str, now: datetime | None = None) -> bool:
    """Queue a reset link to the active account with this email; False (and nothing written) when there is none."""
    now = now or utcnow()
    user = accounts.find_user(session, email=email)
    if user is None or not user.active:
        return False
    token = new_token()
    session.add(PasswordReset(user_id=user.id, token_hash=token_hash(token), created_at=now, expires_at=now + LIFETIME))
    outbox.enqueue(
        session,
        kind="password_reset",
        to=user.email,
        user_id=user.id,
        data={
            "name": user.name,
            "url": external_url("auth.reset_with_token", token=token),
            "minutes": int(LIFETIME.total_seconds() // 60),
        },
        language=recipient_language(user, asked_here=True),
    )
    return True


def find(session: Session, token: str) -> PasswordReset | None:
    return session.exec(select(PasswordReset).where(PasswordReset.token_hash == token_hash(token))).first()


def status(session: Session, reset: PasswordReset | None, now: datetime | None = None) -> str:
    """'valid', 'used', 'expired' or 'unknown' for a reset link looked up by token."""
    now = now or utcnow()
    user = session.get(User, reset.user_id) if reset else None
    if reset is None or user is None or not user.active:
        return "unknown"
    if reset.used_at is not None:
        return "used"
    return "expired" if reset.expires_at <= now else "valid"


def reset_password(
    session: Session, *, reset: PasswordReset, password: str, now: datetime | None = None
) -> User | None:
    """Set the new password through this link, once; None when the link was used or expired meanwhile."""
    now = now or utcnow()
    claimed = session.exec(  # a conditional update: two submits of one link cannot both use it
        update(PasswordReset)
        .where(PasswordReset.id == reset.id, PasswordReset.used_at.is_(None), PasswordReset.expires_at > now)
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        return None
    user = session.get(User, reset.user_id)
    accounts.set_password(user, password)  # ends every session of the account
    if user.email_verified_at is None:
        user.email_verified_at = now  # the link reached the owner of the address
    session.exec(  # the account's other reset links stop working
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None), PasswordReset.expires_at > now)
        .values(expires_at=now)
    )
    return user
