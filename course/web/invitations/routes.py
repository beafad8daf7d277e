"""The public page behind an invitation link."""

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_user

from course.cohorts import invitations
from course.db import get_session
from course.models import User
from course.web.access import allow
from course.web.auth.forms import SetPasswordForm
from course.web.invitations import bp

GONE = {
    "used": (
        _l("Invitation already used"),
        _l(
            "This invitation link has already been used. Log in with your email "
            "and the password you chose, or ask your instructor for a new link."
        ),
    ),
    "expired": (_l("Invitation expired"), _l("This invitation link has expired. Ask your instructor for a new link.")),
}


@bp.route("/invite/<token>", methods=["GET", "POST"])
@allow("public")
def accept(token):
    session = get_session()
    invitation = invitations.find(session, token)
    state = invitations.status(session, invitation)
    if state == "unknown":
        abort(
            404,
            _(
                "This invitation link is not valid. Check that you copied the whole link, "
                "or ask your instructor for a new one."
            ),
        )
    if state != "valid":
        return _private(render_template("error.html", code=410, title=GONE[state][0], message=GONE[state][1]), 410)
    form = SetPasswordForm()
    if form.validate_on_submit():
        user = invitations.accept(session, invitation=invitation, password=form.password.data)
        if user is None:
            session.rollback()
            title, message = GONE["used"]
            return _private(render_template("error.html", code=410, title=title, message=message), 410)
        session.commit()
        login_user(user)
        flash(_("Welcome to CBEC Academy, %(name)s! Your password is set.", name=user.name), "success")
        return redirect(url_for("learn.my_learning"))
    user = session.get(User, invitation.user_id)
    page = render_template("invitations/accept.html", form=form, user=user)
    return _private(page, 422 if form.errors else 200)


def _private(body, status):
    """Keep the token out of caches and out of the Referer header of links on the page."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
