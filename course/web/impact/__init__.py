"""The public impact page, and the switch an administrator turns it on with."""

from flask import Blueprint

bp = Blueprint("impact", __name__, template_folder="templates")

from course.web.impact import routes  # noqa: E402,F401
