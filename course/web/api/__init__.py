"""Read-only JSON API, version 1."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from course.web.api import routes  # noqa: E402,F401
