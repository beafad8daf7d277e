"""Changing the interface language: a visitor's choice is kept in a cookie, a signed-in user's in their profile."""

from __future__ import annotations

from flask import redirect, request, url_for
from flask_login import current_user

from course.db import get_session
from course.languages import known_locale
from course.web.access import allow
from course.web.language import bp
from course.web.language.forms import LanguageForm
from course.web.language.selection import COOKIE, COOKIE_DAYS
from course.web.safe_redirect import safe_next


@bp.route("/language", methods=["GET", "POST"])
@allow("public")
def choose():
    """GET (`?language=fr&next=/path`) keeps a visitor's choice in a cookie only; the POST, with its CSRF token,
    also saves a signed-in user's choice in their profile."""
    if request.method == "POST":
        form = LanguageForm()
        if not form.validate_on_submit():
            return redirect(safe_next(form.next.data, url_for("learn.home")))
        code, target = form.language.data, form.next.data
        if current_user.is_authenticated:
            current_user.language = code
            get_session().commit()
    else:
        code, target = known_locale(request.args.get("language")), request.args.get("next")
    response = redirect(safe_next(target, url_for("learn.home")))
    if code:
        response.set_cookie(
            COOKIE, code, max_age=COOKIE_DAYS * 86400, samesite="Lax", secure=request.is_secure, httponly=True
        )
    return response
