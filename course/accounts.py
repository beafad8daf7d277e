"""Account data functions: create users, check and change passwords, end sessions. The caller commits."""

from __future__ import annotations

from functools import cache

from flask import current_app, has_app_context
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from course.models import Role, User
from course.models.base import utcnow
from course.models.users import new_session_token


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, *, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def _hash_method() -> str | None:
    """The app's PASSWORD_HASH_METHOD (None: werkzeug's default, scrypt, also outside an app)."""
    return current_app.config.get("PASSWORD_HASH_METHOD") if has_app_context() else None


def _hash(password: str) -> str:
    method = _hash_method()
    return generate_password_hash(password, method=method) if method else generate_password_hash(password)


@cache
def _dummy_hash(method: str | None) -> str:
    """A hash of no one's password, checked when there is no account, so a miss costs as long as a hit."""
    return generate_password_hash("no account", **({"method": method} if method else {}))


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    password: str | None,
    role: str = Role.trainee.value,
    verified: bool = False,
    **profile,
) -> User:
    """Add a user (password hashed with scrypt by default); a None password makes an invited account.
    `verified`: the email is known to be the owner's (an administrator's command, the demo accounts)."""
    user = User(
        email=normalise_email(email),
        name=name.strip(),
        role=role,
        email_verified_at=utcnow() if verified else None,
        **profile,
    )
    user.password_hash = _hash(password) if password else ""
    session.add(user)
    session.flush()
    return user


def hash_and_discard(password: str) -> None:
    """Spend the time a new account's password hash takes, where answering faster would tell something."""
    _hash(password)


def set_password(user: User, password: str) -> None:
    """Change the password and end every session the account had (a stolen session dies with the old password)."""
    user.password_hash = _hash(password)
    end_all_sessions(user)


def end_all_sessions(user: User) -> None:
    """Every session and remember-me cookie of the account stops working: they carry the old session token."""
    user.session_token = new_session_token()


def password_matches(user: User, password: str) -> bool:
    return bool(user.password_hash) and check_password_hash(user.password_hash, password)


def authenticate(session: Session, *, email: str, password: str) -> User | None:
    """The active user with these credentials, or None. A password hash is checked in every case, so the
    answer takes as long for an unknown email (or an invited account without a password) as for a known one."""
    user = find_user(session, email=email)
    if user is None or not user.password_hash:
        check_password_hash(_dummy_hash(_hash_method()), password)
        return None
    if not password_matches(user, password) or not user.active:
        return None
    return user
