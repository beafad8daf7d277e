"""Instructor authoring: question banks, questions, quizzes, extensions, regrading, essay grading."""

from flask import Blueprint

bp = Blueprint("instructor", __name__, url_prefix="/instructor", template_folder="templates")

from course.web.instructor import grading_routes, question_routes, quiz_routes, routes  # noqa: E402,F401
