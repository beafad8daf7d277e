"""Attendance for staff: mark a session (form), print its sign-in sheet, upload a CSV of every session."""

from flask import abort, flash, redirect, render_template, url_for
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
        flash(f"Attendance of session {number} saved: {len(ticked)} present.", "success")
        return redirect(url_for("events.manage", event_id=event.id))
    if form.is_submitted():
        form.present.errors = ["Tick only people enrolled in this event."]
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
            flash(f"Attendance uploaded: {len(parsed.lines)} lines, {len(changed)} people's marks changed.", "success")
            return redirect(url_for("events.manage", event_id=event.id))
    status = 422 if form.is_submitted() else 200
    return render_template("events/upload.html", item=item, form=form, errors=errors), status
