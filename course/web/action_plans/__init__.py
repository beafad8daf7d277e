"""Action plans: a trainee writes the capstone plan; instructors and cohort peers review it with the rubric."""

from flask import Blueprint

bp = Blueprint("action_plans", __name__, template_folder="templates", url_prefix="/action-plans")

from course.web.action_plans import routes  # noqa: E402,F401
