"""Friendly error pages: the site's layout for pages, JSON under /api/."""

from flask import Flask, current_app, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError

PAGES = (
    (400, "Bad request"),
    (401, "Log in first"),
    (403, "Not allowed"),
    (404, "Not found"),
    (405, "Not allowed this way"),
    (410, "Gone"),
    (413, "File too large"),
)


def register(app: Flask) -> None:
    """Render 4xx and CSRF errors with the site layout (JSON under /api/), and a 500 page that needs no database."""

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return error_response(
            400,
            "Form expired",
            "The form was missing its security token or it expired. Go back, reload the page and try again.",
        )

    for code, title in PAGES:
        app.register_error_handler(code, _handler(code, title))
    app.register_error_handler(500, server_error)


def error_response(code: int, title: str, message: str):
    if request.path.startswith("/api/"):
        return jsonify({"error": title, "message": message, "status": code}), code
    return render_template("error.html", code=code, title=title, message=message), code


def _handler(code: int, title: str):
    def handle(error):
        if code == 405:
            message = "This page cannot be used this way. Go back and use its links and buttons."
        else:
            message = getattr(error, "description", "") or title
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
