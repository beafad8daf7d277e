"""Accounts: register, log in and out, profile, password."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from course.web.auth import routes  # noqa: E402,F401
