"""Staff downloads of the course as Common Cartridge, SCORM 1.2 and offline packages."""

from flask import Blueprint

bp = Blueprint("interop", __name__, url_prefix="/exports", template_folder="templates")

from course.web.interop import routes  # noqa: E402,F401
