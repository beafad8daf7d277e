"""Events for staff: schedule, change, cancel, and the management page (people, waiting list, attendance)."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from course import audit, ownership
from course.content import catalogue
from course.db import get_session
from course.events import attendance, queries, scheduling
from course.models import Event
from course.web.access import STAFF, allow
from course.web.events import bp
from course.web.events.forms import CancelEventForm, EventForm
from course.web.events.plans import form_data, plan_from, show_refusal
from course.web.feedback import csv_download, staff_figures
from course.web.ownership.guard import managed_or_404, panel

AUDITED = ("title", "kind", "time_zone", "place", "online_url", "capacity", "audience", "language", "series")


def managed_event(event_id: int) -> Event:
    return managed_or_404(get_session().get(Event, event_id))


def _event_form(event: Event | None = None, **kwargs) -> EventForm:
    session = get_session()
    form = EventForm(**kwargs)
    form.lessons.choices = [
        (
            lesson.slug,
            _("%(lesson)s (case %(cases)s)", lesson=lesson.title, cases=", ".join(map(str, lesson.cases)))
            if lesson.cases
            else lesson.title,
        )
        for lessons in catalogue.lessons_by_module(session).values()
        for lesson in lessons
    ]
    series = sorted({need["series"] for p in catalogue.active_paths(session) for need in p.attendance})
    if event is not None and event.series and event.series not in series:
        series.append(event.series)
    form.series.choices = [("", _("No learning path"))] + [(s, s) for s in series]
    return form


@bp.route("/manage")
@allow(*STAFF)
def managed_list():
    listings = queries.managed(get_session(), ownership.managed(current_user, Event))
    return render_template("events/managed.html", listings=listings)


@bp.route("/new", methods=["GET", "POST"])
@allow(*STAFF)
def new_event():
    session = get_session()
    form = _event_form(data=form_data(None, []) | {"time_zone": current_user.time_zone or "UTC"})
    if form.validate_on_submit() and (plan := plan_from(form)) is not None:
        try:
            event = scheduling.create_event(session, plan, owner=current_user)
        except scheduling.ScheduleRefused as refused:
            show_refusal(form, refused)
        else:
            audit.record(session, current_user, "event.create", event, None, audit.snapshot(event, AUDITED))
            session.commit()
            flash(_("“%(title)s” is scheduled. Trainees can now enrol.", title=event.title), "success")
            return redirect(url_for("events.manage", event_id=event.id))
    return render_template("events/form.html", form=form, event=None), 422 if form.is_submitted() else 200


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@allow(*STAFF)
def edit_event(event_id):
    session, event = get_session(), managed_event(event_id)
    if event.cancelled_at is not None:
        abort(410, _("This event is cancelled: it can no longer be changed."))
    form = _event_form(event, data=form_data(event, scheduling.sessions_of(session, event.id)))
    if form.validate_on_submit() and (plan := plan_from(form)) is not None:
        before = audit.snapshot(event, AUDITED)
        try:
            promoted = scheduling.update_event(session, event, plan)
        except scheduling.ScheduleRefused as refused:
            session.rollback()
            show_refusal(form, refused)
        else:
            audit.record(session, current_user, "event.update", event, before, audit.snapshot(event, AUDITED))
            session.commit()
            moved = ngettext(
                "Event saved. %(num)d moved up from the waiting list.",
                "Event saved. %(num)d moved up from the waiting list.",
                len(promoted),
            )
            flash(moved if promoted else _("Event saved."), "success")
            return redirect(url_for("events.manage", event_id=event.id))
    return render_template("events/form.html", form=form, event=event), 422 if form.is_submitted() else 200


@bp.route("/<int:event_id>/cancel", methods=["POST"])
@allow(*STAFF)
def cancel_event(event_id):
    session, event = get_session(), managed_event(event_id)
    form = CancelEventForm()
    if not form.validate_on_submit():
        flash(" ".join(map(str, form.reason.errors)) or _("The form expired; try again."), "error")
        return redirect(url_for("events.manage", event_id=event.id))
    told = scheduling.cancel_event(session, event, reason=form.reason.data)
    audit.record(session, current_user, "event.cancel", event, None, {"reason": event.cancel_reason})
    session.commit()
    message = ngettext(
        "“%(title)s” is cancelled; %(num)d people enrolled or waiting are told.",
        "“%(title)s” is cancelled; %(num)d people enrolled or waiting are told.",
        told,
        title=event.title,
    )
    flash(message, "success")
    return redirect(url_for("events.manage", event_id=event.id))


@bp.route("/<int:event_id>/manage")
@allow(*STAFF)
def manage(event_id):
    session, event = get_session(), managed_event(event_id)
    item = queries.listing(session, event, None)
    figures, chart = staff_figures(event)
    return render_template(
        "events/manage.html",
        item=item,
        people=queries.people(session, event.id),
        register=attendance.register(session, item),
        cancel_form=CancelEventForm(),
        ownership=panel(event),
        feedback=figures,
        chart=chart,
        csv_url=url_for("events.feedback_csv", event_id=event.id),
        attendees_word=_l("who attended"),
    )


@bp.route("/<int:event_id>/feedback.csv")
@allow(*STAFF)
def feedback_csv(event_id):
    event = managed_event(event_id)
    return csv_download(event, event.title, f"event-{event.id}-feedback.csv")
