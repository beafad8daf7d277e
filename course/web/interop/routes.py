"""The package download page. The packages are built by `course.interop`, as `flask course export` builds them."""

from flask import current_app, make_response, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from course.db import get_session
from course.interop.formats import FORMATS, ExportRefused, export
from course.interop.material import UnknownModule, course_material, module_choices
from course.web.access import STAFF, allow
from course.web.interop import bp

FORMAT_LABELS = {
    "imscc": _l("IMS Common Cartridge 1.1 (Moodle, Canvas, Open edX)"),
    "scorm12": _l("SCORM 1.2 (one module: lessons and the graded quiz)"),
    "offline": _l("Offline edition (a static site that opens without a server)"),
}


@bp.route("/")
@allow(*STAFF)
def exports():
    return _page()


@bp.route("/download")
@allow(*STAFF)
def download():
    """Build the chosen package and send it as a file (reads only)."""
    format_name = request.args.get("format", "")
    module_slug = request.args.get("module") or None
    site_url = current_app.config["SITE_URL"] or request.url_root.rstrip("/")
    try:
        material = course_material(
            get_session(), module_slug=module_slug, site_url=site_url, translations=format_name == "offline"
        )
        package = export(format_name, material, module_chosen=module_slug is not None)
    except UnknownModule:
        return _page(_("No module has the slug “%(slug)s”: choose one from the list.", slug=module_slug)), 400
    except ExportRefused as exc:
        return _page(_refusal(format_name, str(exc))), 400
    response = make_response(package.data)
    response.headers["Content-Type"] = package.media_type
    response.headers["Content-Disposition"] = f'attachment; filename="{package.filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _refusal(format_name: str, reason: str) -> str:
    if format_name not in FORMATS:
        return _("Choose one of the package formats below.")
    if FORMATS[format_name].needs_module:
        return _("A %(format)s package holds one module: choose the module.", format=format_name.upper())
    return reason


def _page(error: str = ""):
    return render_template(
        "interop/exports.html",
        formats=FORMATS.values(),
        format_labels=FORMAT_LABELS,
        modules=module_choices(get_session()),
        error=error,
    )
