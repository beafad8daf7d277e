"""Certificates: the holder's list, PDF and Open Badges, public verification, revocation by administrators."""

from flask import Blueprint

bp = Blueprint("certificates", __name__, template_folder="templates")

from course.web.certificates import badge_routes, routes  # noqa: E402,F401
