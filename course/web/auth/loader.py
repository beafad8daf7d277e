"""How flask-login finds the user behind a session or remember-me cookie, and answers when there is none."""

from __future__ import annotations

import hmac

from flask import flash, jsonify, redirect, request
from flask_babel import gettext as _
from flask_login.utils import login_url
from sqlalchemy import bindparam, select

from course.db import get_session
from course.extensions import login_manager
from course.models import User
from course.web.auth import kept_users

# Built once: Session.get builds its statement on every call, a tenth of a millisecond per signed-in request.
_USER_BY_ID = select(User).where(User.id == bindparam("user_id"))


@login_manager.user_loader
def load_user(cookie_id: str) -> User | None:
    """The active user whose id and current session token the cookie carries (one query; none for a reading
    request on PostgreSQL when the row is kept, course/web/auth/kept_users.py), or None for an unknown, malformed
    or ended one: a cookie from before a log-out or a password change carries an old token."""
    user_id, _sep, token = (cookie_id or "").partition(".")
    if not user_id.isdigit() or not token or len(user_id) > 18:
        return None
    session, kept = get_session(), kept_users.for_request()
    values = kept.get(int(user_id)) if kept else None
    if (
        values is not None
        and values["active"]
        and hmac.compare_digest(values["session_token"].encode(), token.encode())
    ):
        return kept_users.copy_for(session, values)  # a reading request on PostgreSQL: no query
    user = session.execute(_USER_BY_ID, {"user_id": int(user_id)}).scalar_one_or_none()
    if user is None or not user.active or not hmac.compare_digest(user.session_token.encode(), token.encode()):
        return None
    if kept:
        kept.keep(user.id, kept_users.values_of(user))
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """An anonymous JSON call gets a JSON 401; a page sends the browser to the log-in form and back."""
    if request.path.startswith("/api/"):
        return jsonify({"error": "unauthorized", "message": _("Log in to use this endpoint.")}), 401
    flash(str(login_manager.login_message), login_manager.login_message_category)
    return redirect(login_url(login_manager.login_view, next_url=request.url))
