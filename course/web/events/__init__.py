"""Events: the programme's seminars, workshops, forums and webinars; seats, waiting lists, attendance, calendars."""

from flask import Blueprint

bp = Blueprint("events", __name__, url_prefix="/events", template_folder="templates")

from course.web.events import attendance_routes, routes, staff_routes  # noqa: E402,F401
