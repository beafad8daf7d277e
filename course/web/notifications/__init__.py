"""Notifications: the list and its unread count, mark as read, email choices, one-click unsubscribe."""

from flask import Blueprint

bp = Blueprint("notifications", __name__, template_folder="templates")

from course.web.notifications import routes  # noqa: E402,F401
