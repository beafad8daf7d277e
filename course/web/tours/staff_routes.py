"""Study tours for staff: plan, change, cancel, review applications, read reports and feedback."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from course import announcements, audit, ownership
from course.content import catalogue
from course.db import get_session
from course.events.scheduling import ScheduleRefused
from course.models import PracticeCase, StudyTour, TourApplication, TourReport, User
from course.tours import applications, itinerary, queries, reports
from course.web.access import STAFF, allow
from course.web.events.wording import refusal_text
from course.web.feedback import csv_download, staff_figures
from course.web.library.wording import STATUSES
from course.web.ownership.guard import managed_or_404, panel
from course.web.tours import bp
from course.web.tours.forms import CancelTourForm, DecisionForm, TourForm
from course.web.tours.plans import form_data, plan_from, show_refusal

AUDITED = ("title", "destination", "starts_on", "ends_on", "applications_close_on", "capacity", "prereading")


def managed_tour(tour_id: int) -> StudyTour:
    return managed_or_404(get_session().get(StudyTour, tour_id))


def _tour_form(**kwargs) -> TourForm:
    form = TourForm(**kwargs)
    form.prereading.choices = [
        (lesson.slug, lesson.title)
        for lessons in catalogue.lessons_by_module(get_session()).values()
        for lesson in lessons
    ]
    return form


@bp.route("/manage")
@allow(*STAFF)
def managed_list():
    listings = queries.managed(get_session(), ownership.managed(current_user, StudyTour))
    return render_template("tours/managed.html", listings=listings)


@bp.route("/new", methods=["GET", "POST"])
@allow(*STAFF)
def new_tour():
    session, form = get_session(), _tour_form(data=form_data(None, []))
    if form.validate_on_submit() and (plan := plan_from(form)) is not None:
        try:
            tour = itinerary.create_tour(session, plan, owner=current_user)
        except ScheduleRefused as refused:
            show_refusal(form, refused)
        else:
            audit.record(session, current_user, "tour.create", tour, None, audit.snapshot(tour, AUDITED))
            session.commit()
            flash(_("“%(title)s” is published: people can apply.", title=tour.title), "success")
            return redirect(url_for("tours.manage", tour_id=tour.id))
    return render_template("tours/form.html", form=form, tour=None), 422 if form.is_submitted() else 200


@bp.route("/<int:tour_id>/edit", methods=["GET", "POST"])
@allow(*STAFF)
def edit_tour(tour_id):
    session, tour = get_session(), managed_tour(tour_id)
    if tour.cancelled_at is not None:
        abort(410, _("This study tour is cancelled: it can no longer be changed."))
    form = _tour_form(data=form_data(tour, itinerary.visits_of(session, tour.id)))
    if form.validate_on_submit() and (plan := plan_from(form)) is not None:
        before = audit.snapshot(tour, AUDITED)
        try:
            itinerary.update_tour(session, tour, plan)
        except ScheduleRefused as refused:
            session.rollback()
            show_refusal(form, refused)
        else:
            audit.record(session, current_user, "tour.update", tour, before, audit.snapshot(tour, AUDITED))
            session.commit()
            flash(_("Study tour saved."), "success")
            return redirect(url_for("tours.manage", tour_id=tour.id))
    return render_template("tours/form.html", form=form, tour=tour), 422 if form.is_submitted() else 200


@bp.route("/<int:tour_id>/cancel", methods=["POST"])
@allow(*STAFF)
def cancel_tour(tour_id):
    session, tour = get_session(), managed_tour(tour_id)
    form = CancelTourForm()
    if not form.validate_on_submit():
        flash(" ".join(map(str, form.reason.errors)) or _("The form expired; try again."), "error")
        return redirect(url_for("tours.manage", tour_id=tour.id))
    open_applications = itinerary.cancel_tour(session, tour, reason=form.reason.data)
    for application in open_applications:
        announcements.announce(
            session,
            session.get(User, application.user_id),
            "tour_decision",
            tour=tour,
            application=application,
            cancelled=True,
        )
    audit.record(session, current_user, "tour.cancel", tour, None, {"reason": tour.cancel_reason})
    session.commit()
    message = ngettext(
        "“%(title)s” is cancelled; %(num)d applicants are told.",
        "“%(title)s” is cancelled; %(num)d applicants are told.",
        len(open_applications),
        title=tour.title,
    )
    flash(message, "success")
    return redirect(url_for("tours.manage", tour_id=tour.id))


@bp.route("/<int:tour_id>/manage")
@allow(*STAFF)
def manage(tour_id):
    session, tour = get_session(), managed_tour(tour_id)
    item = queries.listing(session, tour, None)
    rows = applications.applications(session, tour.id)
    figures, chart = staff_figures(tour)
    return render_template(
        "tours/manage.html",
        item=item,
        rows=rows,
        prereading_done=applications.prereading_done(session, tour, [user.id for _, user in rows]),
        reports=reports.submitted(session, tour.id),
        decision_form=DecisionForm(formdata=None),
        cancel_form=CancelTourForm(),
        ownership=panel(tour),
        feedback=figures,
        chart=chart,
        csv_url=url_for("tours.feedback_csv", tour_id=tour.id),
        attendees_word=_l("participants"),
    )


@bp.route("/<int:tour_id>/applications/<int:application_id>/decision", methods=["POST"])
@allow(*STAFF)
def decide(tour_id, application_id):
    session, tour = get_session(), managed_tour(tour_id)
    application = session.get(TourApplication, application_id)
    if application is None or application.tour_id != tour.id:
        abort(404)
    form = DecisionForm()
    if not form.validate_on_submit():
        flash(" ".join(map(str, form.status.errors + form.reason.errors)) or _("The form expired; try again."), "error")
        return redirect(url_for("tours.manage", tour_id=tour.id))
    before = {"status": application.status}
    try:
        applications.decide(
            session, tour, application, status=form.status.data, reason=form.reason.data or "", by=current_user
        )
    except applications.ApplicationRefused as refused:
        session.rollback()
        flash(refusal_text(refused), "error")
        return redirect(url_for("tours.manage", tour_id=tour.id))
    audit.record(
        session,
        current_user,
        "tour.decision",
        tour,
        before,
        {
            "application_id": application.id,
            "user_id": application.user_id,
            "status": application.status,
            "reason": application.reason,
        },
    )
    session.commit()
    flash(_("Decision recorded; the applicant is told."), "success")
    return redirect(url_for("tours.manage", tour_id=tour.id))


@bp.route("/<int:tour_id>/reports/<int:report_id>")
@allow(*STAFF)
def read_report(tour_id, report_id):
    session, tour = get_session(), managed_tour(tour_id)
    report = session.get(TourReport, report_id)
    if report is None or report.tour_id != tour.id or report.submitted_at is None:
        abort(404)
    case = session.get(PracticeCase, report.case_submission_id) if report.case_submission_id else None
    return render_template(
        "tours/read_report.html",
        tour=tour,
        report=report,
        author=session.get(User, report.user_id),
        case=case,
        may_read_case=case is not None and ownership.may_read_practice_case(current_user, case),
        statuses=STATUSES,
    )


@bp.route("/<int:tour_id>/feedback.csv")
@allow(*STAFF)
def feedback_csv(tour_id):
    tour = managed_tour(tour_id)
    return csv_download(tour, tour.title, f"study-tour-{tour.id}-feedback.csv")
