"""One-time invitation links for accounts made without a password, and the emails that carry them. The caller
commits.

Only the SHA-256 of a token is stored, so a database leak does not leak working links.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select, update

from course import accounts
from course.mail import outbox
from course.mail.compose import recipient_language
from course.mail.links import external_url
from course.models import Invitation, User
from course.models.base import utcnow
from course.tokens import new_token, token_hash

LIFETIME = timedelta(days=14)


def invite(session: Session, *, user: User, now: datetime | None = None) -> str:
    """Make a fresh invitation for `user` and return its token (shown once, never stored)."""
    now = now or utcnow()
    token = new_token()
    session.add(Invitation(user_id=user.id, token_hash=token_hash(token), created_at=now, expires_at=now + LIFETIME))
    return token


def reinvite(session: Session, *, user: User, now: datetime | None = None) -> str:
    """A new invitation for `user`; links sent earlier stop working."""
    now = now or utcnow()
    _expire_open_invitations(session, user.id, now)
    return invite(session, user=user, now=now)


def send(session: Session, *, user: User, token: str, cohort: str) -> None:
    """Queue the invitation email with the link of `token` (sent after the caller commits)."""
    outbox.enqueue(
        session,
        kind="invitation",
        to=user.email,
        user_id=user.id,
        data={
            "name": user.name,
            "cohort": cohort,
            "url": external_url("invitations.accept", token=token),
            "days": LIFETIME.days,
        },
        language=recipient_language(user),  # not the inviting administrator's
    )


def find(session: Session, token: str) -> Invitation | None:
    return session.exec(select(Invitation).where(Invitation.token_hash == token_hash(token))).first()


def status(session: Session, invitation: Invitation | None, now: datetime | None = None) -> str:
    """'valid', 'used', 'expired' or 'unknown' for an invitation looked up by token."""
    now = now or utcnow()
    user = session.get(User, invitation.user_id) if invitation else None
    if invitation is None or user is None or not user.active:
        return "unknown"
    # An account that already has a password is never reset through an old link.
    if invitation.used_at is not None or user.password_hash:
        return "used"
    return "expired" if invitation.expires_at <= now else "valid"


def accept(session: Session, *, invitation: Invitation, password: str, now: datetime | None = None) -> User | None:
    """Set the invited user's password; None when the link was used in the meantime."""
    now = now or utcnow()
    # A conditional update, so two simultaneous submits cannot both use one link.
    claimed = session.exec(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.used_at.is_(None), Invitation.expires_at > now)
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        return None
    user = session.get(User, invitation.user_id)
    accounts.set_password(user, password)
    if user.email_verified_at is None:
        user.email_verified_at = now  # the link reached the owner of the address
    _expire_open_invitations(session, user.id, now)
    return user


def _expire_open_invitations(session: Session, user_id: int, now: datetime) -> None:
    session.exec(
        update(Invitation)
        .where(Invitation.user_id == user_id, Invitation.used_at.is_(None), Invitation.expires_at > now)
        .values(expires_at=now)
    )
