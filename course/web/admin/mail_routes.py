"""The outbox for administrators: every message, its state and last error, its text, and "retry now"."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from course.db import get_session
from course.mail import outbox
from course.mail.compose import render
from course.models import OutboxMessage
from course.web.access import allow
from course.web.admin import bp
from course.web.pagination import requested_page

PAGE_SIZE = 50
STATE_LABELS = {"pending": _l("pending"), "sending": _l("sending"), "sent": _l("sent"), "failed": _l("failed")}


def _filters() -> dict:
    state = request.args.get("state", "")
    return {
        "state": state if state in outbox.STATES else "",
        "address": request.args.get("q", "").replace("\x00", "").strip()[:254],
    }


@bp.route("/mail")
@allow("admin")
def mail_outbox():
    session, filters = get_session(), _filters()
    page = requested_page(PAGE_SIZE, outbox.message_count(session, **filters))
    rows = outbox.messages(session, offset=page.start, limit=page.size, **filters)
    query = {k: v for k, v in {"state": filters["state"], "q": filters["address"]}.items() if v}
    return render_template(
        "admin/mail.html",
        rows=rows,
        page=page,
        query=query,
        filters=filters,
        counts=outbox.counts(session),
        states=outbox.STATES,
        state_labels=STATE_LABELS,
        logged_only=not current_app.config["MAIL_URL"],
        retry_form=FlaskForm(),
    )


@bp.route("/mail/<int:message_id>")
@allow("admin")
def mail_message(message_id):
    message = get_session().get(OutboxMessage, message_id) or abort(404)
    try:
        rendered, problem = render(message.kind, message.data), ""
    except Exception as error:  # show the admin why a sender cannot make it, rather than a 500
        rendered, problem = None, f"{type(error).__name__}: {error}"
    return render_template(
        "admin/mail_message.html",
        message=message,
        rendered=rendered,
        problem=problem,
        state_labels=STATE_LABELS,
        logged_only=not current_app.config["MAIL_URL"],
        retry_form=FlaskForm(),
    )


@bp.route("/mail/<int:message_id>/retry", methods=["POST"])
@allow("admin")
def retry_message(message_id):
    session = get_session()
    message = session.get(OutboxMessage, message_id) or abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    if outbox.retry_now(session, message):
        session.commit()
        flash(
            _(
                "Message %(id)s to %(address)s will be sent again within seconds.",
                id=message.id,
                address=message.to_address,
            ),
            "success",
        )
    else:
        flash(
            _(
                "Message %(id)s has not failed: it is %(state)s.",
                id=message.id,
                state=STATE_LABELS.get(message.state, message.state),
            ),
            "info",
        )
    return redirect(url_for("admin.mail_message", message_id=message.id))
