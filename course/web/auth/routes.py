"""Account pages."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from course.accounts import authenticate, create_user, find_user, password_matches, set_password
from course.db import get_session
from course.web.access import ALL_ROLES, allow
from course.web.auth import bp
from course.web.auth.forms import LoginForm, LogoutForm, PasswordForm, ProfileForm, RegisterForm
from course.web.safe_redirect import safe_next

PROFILE_FIELDS = ("name", "organisation", "org_type", "country", "firm_size", "sex")
ACCOUNT_EXISTS = "An account with this email already exists. Log in instead."


@bp.route("/register", methods=["GET", "POST"])
@allow("public")
def register():
    if current_user.is_authenticated:
        return redirect(url_for("learn.home"))
    form = RegisterForm()
    if form.validate_on_submit():
        session = get_session()
        existing = find_user(session, email=form.email.data)
        if existing and not existing.password_hash:
            form.email.errors.append(
                "This email was invited by an instructor: open the invitation link you "
                "received, or ask your instructor for a new one."
            )
        elif existing:
            form.email.errors.append(ACCOUNT_EXISTS)
        else:
            profile = {
                f: getattr(form, f).data.strip() if f in ("organisation", "country") else getattr(form, f).data
                for f in PROFILE_FIELDS
                if f != "name"
            }
            try:
                user = create_user(
                    session, email=form.email.data, name=form.name.data, password=form.password.data, **profile
                )
                session.commit()
            except IntegrityError:  # the same form sent twice at once (double click, two servers): one account
                session.rollback()
                form.email.errors.append(ACCOUNT_EXISTS)
            else:
                login_user(user)
                flash("Welcome to CBEC Academy! Your account is ready.", "success")
                return redirect(url_for("learn.home"))
    return render_template("auth/register.html", form=form), 200 if not form.errors else 422


@bp.route("/login", methods=["GET", "POST"])
@allow("public")
def login():
    if current_user.is_authenticated:
        return redirect(url_for("learn.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(get_session(), email=form.email.data, password=form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next"), url_for("learn.home")))
        form.password.errors.append("Email or password is wrong.")
    return render_template("auth/login.html", form=form), 200 if not form.errors else 422


@bp.route("/logout", methods=["POST"])
@allow(*ALL_ROLES)
def logout():
    if LogoutForm().validate_on_submit():
        logout_user()
        flash("You are logged out.", "info")
    return redirect(url_for("learn.home"))


@bp.route("/account", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def profile():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        for field in PROFILE_FIELDS:
            value = getattr(form, field).data
            setattr(current_user, field, value.strip() if isinstance(value, str) else value)
        get_session().commit()
        flash("Profile saved.", "success")
        return redirect(url_for("auth.profile"))
    return render_template("auth/profile.html", form=form), 200 if not form.errors else 422


@bp.route("/account/password", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def change_password():
    form = PasswordForm()
    if form.validate_on_submit():
        if not password_matches(current_user, form.current.data):
            form.current.errors.append("This is not your current password.")
        else:
            set_password(current_user, form.password.data)
            get_session().commit()
            flash("Password changed.", "success")
            return redirect(url_for("auth.profile"))
    return render_template("auth/password.html", form=form), 200 if not form.errors else 422
