"""Throttling of the routes that take a password or make an account: so many POSTs per account and per address.

The limits are settings (THROTTLE_PER_ACCOUNT, THROTTLE_PER_ADDRESS); the counts live in Redis when REDIS_URL is
set (shared by every worker), in memory otherwise. Past a limit every POST is refused, the right password too,
until the window ends.
"""

from __future__ import annotations

import math
import time

from flask import Flask, current_app, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from course.accounts import normalise_email

# The views that take a password, make an account or send a password-reset link.
THROTTLED_ENDPOINTS = (
    "auth.login",
    "auth.register",
    "invitations.accept",
    "auth.reset_password",
    "auth.reset_with_token",
)


def account_key() -> str:
    """Whose account a POST is about: its email, or the token of an invitation or password-reset link."""
    email = request.form.get("email", "")
    if email:
        return "email:" + normalise_email(email)
    return "link:" + str((request.view_args or {}).get("token", ""))


def register(app: Flask) -> None:
    """Throttle the POSTs of every throttled endpoint the app has and answer a breach with a styled 429."""
    limiter = Limiter(get_remote_address, app=app)
    app.extensions["throttling"] = limiter
    _check_only_throttled_endpoints(app, limiter)
    per_account = limiter.shared_limit(
        lambda: current_app.config["THROTTLE_PER_ACCOUNT"], scope="account", key_func=account_key, methods=["POST"]
    )
    per_address = limiter.shared_limit(
        lambda: current_app.config["THROTTLE_PER_ADDRESS"], scope="address", methods=["POST"]
    )
    for endpoint in THROTTLED_ENDPOINTS:
        if endpoint in app.view_functions:
            app.view_functions[endpoint] = per_address(per_account(app.view_functions[endpoint]))
    app.register_error_handler(429, too_many_attempts)


def _check_only_throttled_endpoints(app: Flask, limiter: Limiter) -> None:
    """Flask-Limiter checks limits before every request of the app; only the throttled views have any, so the
    other requests (every page view) skip the check instead of paying for finding nothing."""
    hooks = app.before_request_funcs[None]
    check = limiter._check_request_limit
    position = hooks.index(check)  # registered by Limiter.init_app

    def check_throttled():
        if request.endpoint in THROTTLED_ENDPOINTS:
            return check()
        return None

    hooks[position] = check_throttled


def too_many_attempts(error):
    """'Too many attempts, try again in N minutes', with Retry-After in seconds."""
    breached = current_app.extensions["throttling"].current_limit
    seconds = max(1, math.ceil(breached.window[0] - time.time())) if breached is not None else 60
    minutes = math.ceil(seconds / 60)
    message = f"Too many attempts, try again in {minutes} minute{'s' if minutes != 1 else ''}."
    page = render_template("error.html", code=429, title="Too many attempts", message=message)
    return page, 429, {"Retry-After": str(seconds)}
