"""Add and remove co-instructors; share a bank. Only the owner or an admin, each change audited."""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from course import audit, ownership
from course.accounts import find_user
from course.db import get_session
from course.web.access import STAFF, allow
from course.web.ownership import bp
from course.web.ownership.forms import CoInstructorForm, SharedForm
from course.web.ownership.guard import readable_or_404

PAGES = {
    "cohort": ("cohorts.cohort", "cohort_id"),
    "questionbank": ("instructor.bank", "bank_id"),
    "quiz": ("instructor.quiz", "quiz_id"),
    "event": ("events.manage", "event_id"),
    "studytour": ("tours.manage", "tour_id"),
}


def _shareable(kind: str, object_id: int):
    """The object when the current user may change who manages it; 404 when they may not see it at all."""
    model = ownership.OWNED_TYPES.get(kind) or abort(404)
    obj = readable_or_404(get_session().get(model, object_id))
    if not ownership.may_share(current_user, obj):
        abort(403, _("Only the owner or an administrator can change who manages this."))
    return obj


def _back(obj):
    endpoint, arg = PAGES[ownership.kind_of(obj)]
    return redirect(url_for(endpoint, **{arg: obj.id}))


@bp.route("/<kind>/<int:object_id>/co-instructors", methods=["POST"])
@allow(*STAFF)
def add_co_instructor(kind, object_id):
    session, obj = get_session(), _shareable(kind, object_id)
    form = CoInstructorForm()
    if not form.validate_on_submit():
        flash(" ".join(map(str, form.email.errors)) or _("The form expired; try again."), "error")
        return _back(obj)
    user = find_user(session, email=form.email.data)
    if user is None or user.role != "instructor":
        flash(
            _("No instructor has this email address. Ask an administrator to give the account the instructor role."),
            "error",
        )
        return _back(obj)
    if ownership.add_co_instructor(session, obj, user, added_by=current_user.id):
        audit.record(
            session, current_user, "owner.co_instructor_add", obj, None, {"user_id": user.id, "email": user.email}
        )
        session.commit()
        flash(
            f"{user.name} now manages this {kind.replace('questionbank', 'bank').replace('studytour', 'study tour')} with you.",
            "success",
        )
    else:
        flash(_("%(name)s already manages it.", name=user.name), "info")
    return _back(obj)


@bp.route("/<kind>/<int:object_id>/co-instructors/<int:user_id>/remove", methods=["POST"])
@allow(*STAFF)
def remove_co_instructor(kind, object_id, user_id):
    session, obj = get_session(), _shareable(kind, object_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    if ownership.remove_co_instructor(session, obj, user_id):
        audit.record(session, current_user, "owner.co_instructor_remove", obj, {"user_id": user_id}, None)
        session.commit()
        flash(_("Co-instructor removed."), "success")
    return _back(obj)


@bp.route("/questionbank/<int:object_id>/shared", methods=["POST"])
@allow(*STAFF)
def share_bank(object_id):
    session, bank = get_session(), _shareable("questionbank", object_id)
    form = SharedForm()
    if not form.validate_on_submit():
        abort(400)
    shared = form.shared.data == "1"
    if bank.shared != shared:
        audit.record(session, current_user, "bank.shared", bank, {"shared": bank.shared}, {"shared": shared})
        bank.shared = shared
        session.commit()
    flash(
        _("Every instructor can now read this bank and draw from it.")
        if shared
        else _("The bank is no longer shared."),
        "success",
    )
    return _back(bank)
