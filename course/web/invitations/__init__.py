"""Invitation links: a person enrolled without a password chooses one and is logged in."""

from flask import Blueprint

bp = Blueprint("invitations", __name__, template_folder="templates")

from course.web.invitations import routes  # noqa: E402,F401
