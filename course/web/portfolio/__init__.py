"""The reflection portfolio: save answers from lesson pages, read and export them, exchange with the cohort."""

from flask import Blueprint

bp = Blueprint("portfolio", __name__, template_folder="templates", url_prefix="/portfolio")

from course.web.portfolio import routes  # noqa: E402,F401
