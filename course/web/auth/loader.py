"""How flask-login finds the user behind a session cookie."""

from __future__ import annotations

from course.db import get_session
from course.extensions import login_manager
from course.models import User


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The active user with this id, or None for an unknown or malformed id."""
    try:
        user = get_session().get(User, int(user_id))
    except (TypeError, ValueError):
        return None
    return user if user is not None and user.active else None
