"""Cohort reports for instructors and administrators: dashboard and progress export."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/reports", template_folder="templates")

from course.web.reports import routes  # noqa: E402,F401
