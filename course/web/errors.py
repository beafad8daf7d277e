"""Friendly error pages: the site's layout for pages, JSON under /api/."""

from flask import Flask, current_app, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

PAGES = (
    (400, _l("Bad request")),
    (401, _l("Log in first")),
    (403, _l("Not allowed")),
    (404, _l("Not found")),
    (405, _l("Not allowed this way")),
    (410, _l("Gone")),
    (413, _l("File too large")),
)


def register(app: Flask) -> None:
    """Render 4xx and CSRF errors with the site layout (JSON under /api/), and a 500 page that needs no database."""

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return error_response(
            400,
            _("Form expired"),
            _("The form was missing its security token or it expired. Go back, reload the page and try again."),
        )

    for code, title in PAGES:
        app.register_error_handler(code, _handler(code, title))
    app.register_error_handler(500, server_error)


def error_response(code: int, title: str, message: str):
    title, message = str(title), str(message)
    if request.path.startswith("/api/"):
        return jsonify({"error": title, "message": message, "status": code}), code
    return render_template("error.html", code=code, title=title, message=message), code


def _handler(code: int, title: str):
    def handle(error):
        if code == 405:
            message = _("This page cannot be used this way. Go back and use its links and buttons.")
        else:
            message = getattr(error, "description", "")
            if not message or message == getattr(type(error), "description", None):
                message = title  # werkzeug's own English description says no more than the title
        response = error_response(code, title, message)
        if code == 405 and getattr(error, "valid_methods", None):
            response += ({"Allow": ", ".join(error.valid_methods)},)
        return response

    return handle


def server_error(_error):
    """Something broke: a page drawn without the database or the signed-in user, which may be what broke."""
    if request.path.startswith("/api/"):
        return jsonify({"error": "Server error", "status": 500}), 500
    # Straight from Jinja: render_template's context processors would load the signed-in user from the database;
    # the language comes from the cookie or the browser, not from the user's profile, for the same reason.
    g.language_without_user = True
    return current_app.jinja_env.get_template("server_error.html").render(), 500
