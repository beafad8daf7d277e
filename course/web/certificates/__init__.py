"""Certificates: the holder's list and PDF, public verification, revocation by administrators."""

from flask import Blueprint

bp = Blueprint("certificates", __name__, template_folder="templates")

from course.web.certificates import routes  # noqa: E402,F401
