"""Account pages."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from course import accounts, email_verification
from course.accounts import authenticate, create_user, find_user, password_matches, set_password
from course.db import get_session
from course.notifications import preferences
from course.web.access import ALL_ROLES, allow
from course.web.auth import bp
from course.web.auth.forms import EndAllSessionsForm, LoginForm, LogoutForm, PasswordForm, ProfileForm, RegisterForm
from course.web.notifications.forms import email_choices_form, kind_fields
from course.web.safe_redirect import safe_next

PROFILE_FIELDS = ("name", "organisation", "org_type", "country", "firm_size", "sex")


REGISTERED = _l(
    "Thank you. If this email is new to CBEC Academy, your account is ready: log in with it and your password. "
    "If it already had an account, log in with that account's password, or use the invitation link you received."
)
# With REQUIRE_EMAIL_VERIFICATION: the same answer for every email again; the message sent differs.
REGISTERED_CHECK_EMAIL = _l(
    "Thank you. We have sent a message to this address: follow its link to confirm it, then log in. "
    "If the address already had an account, the message says so and tells you how to log in."
)
UNCONFIRMED = _l("Confirm your email address first: we have sent a new confirmation link to it.")


@bp.route("/register", methods=["GET", "POST"])
@allow("public")
def register():
    if current_user.is_authenticated:
        return redirect(url_for("learn.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        session = get_session()
        existing = find_user(session, email=form.email.data)
        if existing is not None:
            # The same answer as for a new email (and a password hashed as long), so registration never
            # tells anyone which emails have accounts; the owner is told by email instead.
            accounts.hash_and_discard(form.password.data)
            if existing.active:
                email_verification.tell_of_registration_attempt(session, existing)
                session.commit()
        else:
            profile = {
                f: (getattr(form, f).data or "").strip() if f in ("organisation", "country") else getattr(form, f).data
                for f in PROFILE_FIELDS
                if f != "name"
            }
            try:
                user = create_user(
                    session, email=form.email.data, name=form.name.data, password=form.password.data, **profile
                )
                if current_app.config["REQUIRE_EMAIL_VERIFICATION"]:
                    email_verification.send_link(session, user)
                session.commit()
            except IntegrityError:  # the same form sent twice at once (double click, two servers): one account
                session.rollback()
        flash(
            str(REGISTERED_CHECK_EMAIL if current_app.config["REQUIRE_EMAIL_VERIFICATION"] else REGISTERED), "success"
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/register.html", form=form), 200 if not form.errors else 422


@bp.route("/login", methods=["GET", "POST"])
@allow("public")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("learn.home"))
    form = LoginForm()
    if form.validate_on_submit():
        session = get_session()
        user = authenticate(session, email=form.email.data, password=form.password.data)
        if user is not None and email_verification.must_confirm(user):
            # Only the right password gets here, so saying why tells a stranger nothing.
            email_verification.send_link(session, user)
            session.commit()
            form.email.errors.append(str(UNCONFIRMED))
        elif user is not None:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next"), url_for("learn.home")))
        else:
            form.password.errors.append(_("Email or password is wrong."))
    return render_template("auth/login.html", form=form), 200 if not form.errors else 422


@bp.route("/logout", methods=["GET", "POST"])
@allow("public")
def logout():
    """GET asks (a link or a prefetch never logs anyone out); the POST ends every session of the account."""
    form = LogoutForm()
    if not form.validate_on_submit():
        return render_template("auth/logout.html", form=form)
    _end_all_sessions()
    flash(_("You are logged out."), "info")
    return redirect(url_for("learn.home"))


@bp.route("/account/sessions", methods=["POST"])
@allow(*ALL_ROLES)
def end_all_sessions():
    if EndAllSessionsForm().validate_on_submit():
        _end_all_sessions()
        flash(_("You are signed out on every device, this one included."), "info")
    return redirect(url_for("auth.login"))


def _end_all_sessions() -> None:
    """Make every session and remember-me cookie of the account worthless, then forget this one's."""
    if current_user.is_authenticated:
        accounts.end_all_sessions(current_user)
        get_session().commit()
    logout_user()


@bp.route("/account", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        for field in (*PROFILE_FIELDS, "time_zone", "language"):
            value = getattr(form, field).data
            setattr(current_user, field, value.strip() if isinstance(value, str) else value)
        get_session().commit()
        flash(_("Profile saved."), "success")
        return redirect(url_for("auth.profile"))
    page = render_template(
        "auth/profile.html",
        form=form,
        end_all_sessions_form=EndAllSessionsForm(),
        email_form=email_choices_form(preferences.email_choices(get_session(), current_user.id)),
        kind_fields=kind_fields,
    )
    return page, 200 if not form.errors else 422


@bp.route("/account/password", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        if not password_matches(current_user, form.current.data):
            form.current.errors.append(_("This is not your current password."))
        else:
            user = current_user._get_current_object()
            remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
            set_password(user, form.password.data)  # ends every session of the account...
            get_session().commit()
            login_user(user, remember=remembered)  # ...but this one, which gets the new token
            flash(_("Password changed. You are signed out on your other devices."), "success")
            return redirect(url_for("auth.profile"))
    return render_template("auth/password.html", form=form), 200 if not form.errors else 422
