"""Confirming an email address: a signed link, and the notice to an account's owner that someone tried to
register with their address. The caller commits.

The link carries the account's id and email signed with SECRET_KEY (itsdangerous), so nothing is stored: it
works for LIFETIME, and only while the account still has that email. Following it twice does no harm.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlmodel import Session

from course.mail import outbox
from course.mail.compose import recipient_language
from course.mail.links import external_url
from course.models import User
from course.models.base import utcnow

LIFETIME = timedelta(days=3)
_SALT = "cbec-verify-email"


def _signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def send_link(session: Session, user: User) -> None:
    """Queue a link that confirms `user`'s email address."""
    token = _signer().dumps({"user": user.id, "email": user.email})
    outbox.enqueue(
        session,
        kind="verify_email",
        to=user.email,
        user_id=user.id,
        data={"name": user.name, "url": external_url("auth.verify_email", token=token), "days": LIFETIME.days},
        language=recipient_language(user, asked_here=True),  # a new account: the language it registered in
    )


def user_of(session: Session, token: str) -> User | None:
    """The active account a confirmation link is for, while it is fresh and the account has that email."""
    try:
        claim = _signer().loads(token, max_age=int(LIFETIME.total_seconds()))
        user = session.get(User, int(claim["user"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    if user is None or not user.active or user.email != claim.get("email"):
        return None
    return user


def confirm(user: User, now: datetime | None = None) -> None:
    if user.email_verified_at is None:
        user.email_verified_at = now or utcnow()


def must_confirm(user: User) -> bool:
    """Whether this account may not log in yet: REQUIRE_EMAIL_VERIFICATION is on and its address unconfirmed."""
    return bool(current_app.config["REQUIRE_EMAIL_VERIFICATION"]) and user.email_verified_at is None


def tell_of_registration_attempt(session: Session, user: User) -> None:
    """Someone registered with the email of an existing (or invited) account: tell its owner, who may have
    forgotten they have one. The registration page answers as for a new email."""
    outbox.enqueue(
        session,
        kind="registration_attempt",
        to=user.email,
        user_id=user.id,
        data={
            "name": user.name,
            "login_url": external_url("auth.login"),
            "reset_url": external_url("auth.reset_password"),
        },
        language=recipient_language(user),  # the owner's, not the language of whoever tried
    )
