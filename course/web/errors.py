"""Friendly error pages."""

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError


def register(app: Flask) -> None:
    """Render 400/403/404/413/CSRF errors with the site layout."""

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_template(
            "error.html",
            code=400,
            title="Form expired",
            message="The form was missing its security token or it expired. Go back, reload the page and try again.",
        ), 400

    for code, title in ((400, "Bad request"), (403, "Not allowed"), (404, "Not found"), (413, "File too large")):
        app.register_error_handler(code, _handler(code, title))


def _handler(code: int, title: str):
    def handle(error):
        message = getattr(error, "description", "") or title
        return render_template("error.html", code=code, title=title, message=message), code

    return handle
