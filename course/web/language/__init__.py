"""The interface language: which one a request is served in, and the switcher that changes it."""

from flask import Blueprint

bp = Blueprint("language", __name__, template_folder="templates")

from course.web.language import routes  # noqa: E402,F401
