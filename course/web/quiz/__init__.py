"""Taking quizzes: start, answer (saved as you go), submit, review."""

from flask import Blueprint

bp = Blueprint("quiz", __name__, template_folder="templates")

from course.web.quiz import routes  # noqa: E402,F401
