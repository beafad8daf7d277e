"""Account data functions: create users, check and change passwords. The caller commits."""

from __future__ import annotations

from flask import current_app, has_app_context
from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from course.models import Role, User

MIN_PASSWORD_LENGTH = 10


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, *, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def _hash(password: str) -> str:
    """A password hash by the app's PASSWORD_HASH_METHOD (werkzeug's scrypt when unset or outside an app)."""
    method = current_app.config.get("PASSWORD_HASH_METHOD") if has_app_context() else None
    return generate_password_hash(password, method=method) if method else generate_password_hash(password)


def create_user(
    session: Session, *, email: str, name: str, password: str | None, role: str = Role.trainee.value, **profile
) -> User:
    """Add a user (password hashed with scrypt by default); a None password makes an invited account."""
    user = User(email=normalise_email(email), name=name.strip(), role=role, **profile)
    user.password_hash = _hash(password) if password else ""
    session.add(user)
    session.flush()
    return user


def set_password(user: User, password: str) -> None:
    user.password_hash = _hash(password)


def password_matches(user: User, password: str) -> bool:
    return bool(user.password_hash) and check_password_hash(user.password_hash, password)


def authenticate(session: Session, *, email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_user(session, email=email)
    if user is None or not user.active or not password_matches(user, password):
        return None
    return user
