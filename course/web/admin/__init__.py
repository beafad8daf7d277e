"""Administration: users and roles, the audit trail, the outbox."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")

from course.web.admin import mail_routes, routes  # noqa: E402,F401
