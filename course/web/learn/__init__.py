"""Learning pages: catalogue, modules, lessons, paths, glossary, my learning."""

from flask import Blueprint

bp = Blueprint("learn", __name__, template_folder="templates")

from course.web.learn import routes  # noqa: E402,F401
