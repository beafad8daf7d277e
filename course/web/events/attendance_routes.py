"""Attendance for staff: mark a session (form), print its sign-in sheet, upload a CSV of every session."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from course import audit
from course.db import get_session
from course.events import attendance, queries
from course.events.attendance_csv import read_attendance
from course.models import EventSession
from course.web.access import STAFF, allow
from course.web.certificates.award import certify_trainee
from course.web.events import bp
from course.web.events.forms import AttendanceUploadForm, SessionAttendanceForm
from course.web.events.staff_routes import managed_event
from course.web.events.wording import problem_text


def _session_of(event, session_id: int) -> tuple[EventSession, int]:
    """The event's session and its number on the sheet (1 for the first)."""
    sessions = queries.listing(get_session(), event, None).sessions
    for number, row in enumerate(sessions, start=1):
        if row.id == session_id:
            return row, number
    abort(404)


def _changed(event, changed: set[int], how: str) -> None:
    """Audit the marks and issue certificates that attendance completed (same transaction)."""
    session = get_session()
    audit.record(session, current_user, "event.attendance", event, None, {"how": how, "changed": sorted(changed)})
    for user_id in sorted(changed):
        certify_trainee(session, user_id)


@bp.route("/<int:event_id>/sessions/<int:session_id>/attendance", methods=["GET", "POST"])
@allow(*STAFF)
def session_attendance(event_id, session_id):
    session, event = get_session(), managed_event(event_id)
    event_session, number = _session_of(event, session_id)
    item = queries.listing(session, event, None)
    register = attendance.register(session, item)
    form = SessionAttendanceForm()
    form.present.choices = [(person.id, person.name) for person in register.people]
    if form.validate_on_submit():
        ticked = set(form.present.data or [])
        marks = {person.id: person.id in ticked for person in register.people}
        changed = attendance.mark(session, event_session, marks, by=current_user)
        if changed:
            _changed(event, changed, f"session {number}")
        session.commit()
        flash(
            _("Attendance of session %(number)s saved: %(present)s present.", number=number, present=len(ticked)),
            "success",
        )
        return redirect(url_for("events.manage", event_id=event.id))
    if form.is_submitted():
        form.present.errors = [_("Tick only people enrolled in this event.")]
    return render_template(
        "events/attendance.html", item=item, event_session=event_session, number=number, register=register, form=form
    ), 422 if form.errors else 200


@bp.route("/<int:event_id>/sessions/<int:session_id>/sign-in-sheet")
@allow(*STAFF)
def sign_in_sheet(event_id, session_id):
    session, event = get_session(), managed_event(event_id)
    event_session, number = _session_of(event, session_id)
    item = queries.listing(session, event, None)
    return render_template(
        "events/sign_in_sheet.html",
        item=item,
        event_session=event_session,
        number=number,
        register=attendance.register(session, item),
    )


@bp.route("/<int:event_id>/attendance/upload", methods=["GET", "POST"])
@allow(*STAFF)
def upload_attendance(event_id):
    session, event = get_session(), managed_event(event_id)
    item = queries.listing(session, event, None)
    form, errors = AttendanceUploadForm(), []
    if form.validate_on_submit():
        parsed = read_attendance(form.attendance.data.read(), len(item.sessions))
        errors = parsed.errors
        if not errors:
            people, errors = attendance.upload_problems(session, event, parsed.lines)
        if not errors:
            changed = attendance.apply_upload(session, item.sessions, parsed.lines, people, by=current_user)
            if changed:
                _changed(event, changed, "upload")
            session.commit()
            message = ngettext(
                "Attendance uploaded: %(num)d lines, %(changed)d people's marks changed.",
                "Attendance uploaded: %(num)d lines, %(changed)d people's marks changed.",
                len(parsed.lines),
                changed=len(changed),
            )
            flash(message, "success")
            return redirect(url_for("events.manage", event_id=event.id))
    status = 422 if form.is_submitted() else 200
    return render_template("events/upload.html", item=item, form=form, errors=[problem_text(e) for e in errors]), status
