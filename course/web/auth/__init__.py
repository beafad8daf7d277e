"""Accounts: register, log in and out, profile, password, password reset and email confirmation."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from course.web.auth import email_routes, routes  # noqa: E402,F401
