"""Cohort administration for instructors: create cohorts, enrol trainees one by one or from a CSV."""

from flask import Blueprint

bp = Blueprint("cohorts", __name__, url_prefix="/cohorts", template_folder="templates")

from course.web.cohorts import routes  # noqa: E402,F401
