"""Reports for instructors and administrators: cohort dashboards and their export, the programme report."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports", template_folder="templates")

from course.web.reports import programme_routes, routes  # noqa: E402,F401
