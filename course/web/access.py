"""One decorator decides who may use each route; every route must declare it."""

from __future__ import annotations

from functools import wraps

from flask import Flask, abort
from flask_login import current_user

ALL_ROLES = ("trainee", "official", "instructor", "admin")
STAFF = ("instructor", "admin")


def allow(*roles: str):
    """Let only users holding one of `roles` through; `allow("public")` lets anyone through; `allow("reader")`
    lets anyone read while the site is open, and only signed-in users once an admin made it members-only."""

    def decorator(view):
        if roles == ("public",):
            view.access = "public"
            return view
        if roles == ("reader",):
            return _reading(view)

        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from course.extensions import login_manager

                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        wrapped.access = roles
        return wrapped

    return decorator


def _reading(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            from course.db import get_session
            from course.extensions import login_manager
            from course.site import members_only

            if members_only(get_session()):
                return login_manager.unauthorized()
        return view(*args, **kwargs)

    wrapped.access = "reader"
    return wrapped


def assert_every_view_checks_access(app: Flask) -> None:
    """Refuse to start if a route was registered without an access rule."""
    unchecked = [name for name, view in app.view_functions.items() if name != "static" and not hasattr(view, "access")]
    if unchecked:
        raise RuntimeError(f"routes without an access rule: {', '.join(sorted(unchecked))}")
