"""Account data functions: create users, check and change passwords. The caller commits."""

from __future__ import annotations

from sqlmodel import Session, select
from werkzeug.security import check_password_hash, generate_password_hash

from course.models import Role, User

MIN_PASSWORD_LENGTH = 10


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, *, email: str) -> User | None:
    return session.exec(select(User).where(User.email == normalise_email(email))).first()


def create_user(session: Session, *, email: str, name: str, password: str | None,
                role: str = Role.trainee.value, **profile) -> User:
    """Add a user (password hashed with scrypt); a None password makes an invited account."""
    user = User(email=normalise_email(email), name=name.strip(), role=role, **profile)
    user.password_hash = generate_password_hash(password) if password else ""
    session.add(user)
    session.flush()
    return user


def set_password(user: User, password: str) -> None:
    user.password_hash = generate_password_hash(password)


def password_matches(user: User, password: str) -> bool:
    return bool(user.password_hash) and check_password_hash(user.password_hash, password)


def authenticate(session: Session, *, email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = find_user(session, email=email)
    if user is None or not user.active or not password_matches(user, password):
        return None
    return user
