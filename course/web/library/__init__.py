"""The open case library: search with filters, model comparison, practice cases and their review."""

from flask import Blueprint

bp = Blueprint("library", __name__, url_prefix="/library", template_folder="templates")

from course.web.library import case_routes, routes  # noqa: E402,F401
