"""Pages behind emailed links and forms that send them: forgot password, reset, confirm an email address."""

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import logout_user

from course import email_verification, password_reset
from course.db import get_session
from course.models import User
from course.web.access import allow
from course.web.auth import bp
from course.web.auth.forms import ConfirmEmailForm, ResetPasswordForm, ResetRequestForm

RESET_REQUESTED = _l(
    "If an account uses this email, we have sent it a link to choose a new password. The link works once, for "
    "one hour. If nothing arrives within a few minutes, look in your spam folder or ask again."
)
RESET_GONE = {
    "used": (
        _l("Reset link already used"),
        _l("This password-reset link has been used. Ask for a new one if you need to."),
    ),
    "expired": (
        _l("Reset link expired"),
        _l("This password-reset link has expired (they last one hour). Ask for a new one."),
    ),
}


def _private(body, status: int = 200):
    """Keep a link's token out of caches and out of the Referer header of links on the page."""
    response = make_response(body, status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/forgot-password", methods=["GET", "POST"])
@allow("public")
def reset_password():
    """Ask for a reset link: the same answer whether or not the email has an account."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        session = get_session()
        password_reset.request_reset(session, email=form.email.data)
        session.commit()
        flash(str(RESET_REQUESTED), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form), 422 if form.errors else 200


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@allow("public")
def reset_with_token(token):
    session = get_session()
    reset = password_reset.find(session, token)
    state = password_reset.status(session, reset)
    if state == "unknown":
        abort(
            404, _("This password-reset link is not valid. Check that you copied the whole link, or ask for a new one.")
        )
    if state != "valid":
        return _gone(state)
    user = session.get(User, reset.user_id)
    form = ResetPasswordForm()
    form.account_words = [user.email, user.name]
    if form.validate_on_submit():
        if password_reset.reset_password(session, reset=reset, password=form.password.data) is None:
            session.rollback()
            return _gone("used")
        session.commit()
        logout_user()  # whoever this browser was signed in as, every session of the account has just ended
        flash(_("Your password is changed and every device is signed out. Log in with the new password."), "success")
        return redirect(url_for("auth.login"))
    return _private(render_template("auth/reset_password.html", form=form, user=user), 422 if form.errors else 200)


def _gone(state: str):
    title, message = RESET_GONE[state]
    page = render_template("error.html", code=410, title=str(title), message=str(message))
    return _private(page, 410)


@bp.route("/confirm-email/<token>", methods=["GET", "POST"])
@allow("public")
def verify_email(token):
    """GET shows a button (a mail scanner that opens the link confirms nothing); the POST confirms."""
    session = get_session()
    user = email_verification.user_of(session, token)
    if user is None:
        abort(404, _("This confirmation link is not valid or has expired. Log in to get a new one by email."))
    form = ConfirmEmailForm()
    if form.validate_on_submit():
        email_verification.confirm(user)
        session.commit()
        flash(_("Thank you: your email address is confirmed. You can log in now."), "success")
        return redirect(url_for("auth.login"))
    return _private(render_template("auth/confirm_email.html", form=form, user=user))
