"""The notification list, marking as read, email choices and the one-click unsubscribe of RFC 8058."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course.db import get_session
from course.extensions import csrf
from course.mail.kinds import KINDS, NOTICES
from course.models import User
from course.notifications import inbox, preferences
from course.web.access import ALL_ROLES, allow
from course.web.notifications import bp
from course.web.notifications.forms import MarkAllReadForm, MarkReadForm, email_choices_form
from course.web.pagination import requested_page

PAGE_SIZE = 50


@bp.route("/notifications")
@allow(*ALL_ROLES)
def list_notifications():
    session = get_session()
    page = requested_page(PAGE_SIZE, inbox.notification_count(session, current_user.id))
    return render_template(
        "notifications/list.html",
        notifications=inbox.notifications_of(session, current_user.id, offset=page.start, limit=page.size),
        page=page,
        read_form=MarkReadForm(),
        all_form=MarkAllReadForm(),
    )


@bp.route("/notifications/<int:notification_id>/read", methods=["POST"])
@allow(*ALL_ROLES)
def mark_read(notification_id):
    session = get_session()
    notification = inbox.find(session, current_user.id, notification_id) or abort(404)
    if not MarkReadForm().validate_on_submit():
        abort(400)
    inbox.mark_read(session, current_user._get_current_object(), notification)
    session.commit()
    return redirect(url_for("notifications.list_notifications"))


@bp.route("/notifications/read", methods=["POST"])
@allow(*ALL_ROLES)
def mark_all_read():
    if not MarkAllReadForm().validate_on_submit():
        abort(400)
    session = get_session()
    inbox.mark_all_read(session, current_user._get_current_object())
    session.commit()
    flash(_("Every notification is marked as read."), "info")
    return redirect(url_for("notifications.list_notifications"))


@bp.route("/account/email-choices", methods=["POST"])
@allow(*ALL_ROLES)
def email_choices():
    form = email_choices_form()
    if not form.validate_on_submit():
        abort(400)
    session = get_session()
    for kind in NOTICES:
        preferences.choose(session, current_user.id, kind.name, bool(getattr(form, kind.name).data))
    session.commit()
    flash(_("Email choices saved. Every notice still shows under Notifications."), "success")
    return redirect(url_for("auth.profile") + "#email")


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@allow("public")
@csrf.exempt  # RFC 8058: the mail client POSTs without a form token; the signed token in the URL is the proof
def unsubscribe(token):
    """GET asks (a link scanner unsubscribes no one); a POST, from the page's button or the mail client's
    one-click unsubscribe, turns this kind of email off for the account the token names."""
    session = get_session()
    target = preferences.unsubscribe_target(token)
    user = session.get(User, target[0]) if target else None
    if user is None:
        abort(404, _("This unsubscribe link is not valid. Choose which emails you get on your profile page."))
    kind = KINDS[target[1]]
    if request.method == "POST":
        preferences.choose(session, user.id, kind.name, False)
        session.commit()
        return render_template("notifications/unsubscribed.html", kind=kind, user=user, done=True)
    return render_template("notifications/unsubscribed.html", kind=kind, user=user, done=False)
