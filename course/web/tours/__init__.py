"""Study tours: itineraries of site visits, applications and decisions, pre-reading, post-tour reports."""

from flask import Blueprint

bp = Blueprint("tours", __name__, url_prefix="/tours", template_folder="templates")

from course.web.tours import case_proposal, routes, staff_routes  # noqa: E402,F401
