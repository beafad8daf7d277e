"""Owners and co-instructors of cohorts, question banks and quizzes: the object pages' sharing panel."""

from flask import Blueprint

bp = Blueprint("ownership", __name__, url_prefix="/staff", template_folder="templates")

from course.web.ownership import routes  # noqa: E402,F401
