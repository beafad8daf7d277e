"""Study tours: the list, a tour's itinerary and pre-reading and its .ics, open to read (visitors too, unless the
site is members-only); for everyone signed in: applying, withdrawing, the post-tour report and feedback."""

from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course import ownership
from course.content import catalogue
from course.db import get_session
from course.feedback import records as feedback_records
from course.models import PracticeCase, StudyTour
from course.models.base import utcnow
from course.progress.standing import learner_state
from course.tours import applications, itinerary, queries, reports
from course.tours.ics import tour_document
from course.web.access import ALL_ROLES, allow
from course.web.events import wording
from course.web.events.routes import ICS_TYPE
from course.web.events.wording import refusal_text
from course.web.feedback import feedback_page
from course.web.library.wording import STATUSES
from course.web.tours import bp
from course.web.tours.forms import ApplicationForm, ReportForm, WithdrawForm


@bp.context_processor
def _labels():
    return {"application_standing": wording.APPLICATION_STANDING, "decisions": wording.DECISIONS}


bp.add_app_template_filter(wording.status_label, "application_status")


def tour_or_404(tour_id: int) -> StudyTour:
    return get_session().get(StudyTour, tour_id) or abort(404)


def _viewer_id() -> int | None:
    """The signed-in reader's id; None for a visitor."""
    return current_user.id if current_user.is_authenticated else None


@bp.route("/")
@allow("reader")
def upcoming():
    session, today, viewer = get_session(), utcnow().date(), _viewer_id()
    return render_template(
        "tours/list.html",
        listings=queries.upcoming(session, viewer, today),
        mine=queries.of_person(session, viewer) if viewer is not None else [],
    )


def lessons_named(session, slugs_list):
    return [found for slug in slugs_list if (found := catalogue.lesson_by_slug(session, slug))]


@bp.route("/<int:tour_id>")
@allow("reader")
def tour(tour_id):
    """The tour's page; a visitor reads the itinerary and pre-reading, and is offered to log in to apply."""
    session, today, viewer = get_session(), utcnow().date(), _viewer_id()
    item = queries.listing(session, tour_or_404(tour_id), viewer)
    signed_in = viewer is not None
    application = applications.application_of(session, tour_id, viewer) if signed_in else None
    completed = learner_state(session, viewer).completed if signed_in else set()
    return render_template(
        "tours/tour.html",
        item=item,
        application=application,
        prereading=[(lesson, lesson.id in completed) for lesson in lessons_named(session, item.tour.prereading)],
        visit_lessons={
            slug: found for v in item.visits for slug in v.lessons if (found := catalogue.lesson_by_slug(session, slug))
        },
        accepting=applications.accepting(item.tour, today),
        closes_on=applications.closes_on(item.tour),
        may_manage=ownership.may_manage(session, current_user, item.tour),
        may_report=signed_in and reports.may_write(session, item.tour, current_user, today),
        feedback_open=signed_in and feedback_records.may_answer(session, item.tour, current_user),
        form=ApplicationForm(data={"organisation": current_user.organisation}) if signed_in else None,
        withdraw_form=WithdrawForm(),
    )


@bp.route("/<int:tour_id>.ics")
@allow("reader")
def tour_ics(tour_id):
    """The tour and its days of site visits as an iCalendar file, for anyone who may read the tour's page."""
    session, tour = get_session(), tour_or_404(tour_id)
    if tour.cancelled_at is not None:
        words = _("“%(title)s” was cancelled, so it has no calendar file.", title=tour.title)
        abort(410, f"{words} {tour.cancel_reason}".strip())
    url = url_for("tours.tour", tour_id=tour.id, _external=True)
    body = tour_document(tour, itinerary.visits_of(session, tour.id), url=url)
    response = make_response(body)
    response.headers["Content-Type"] = ICS_TYPE
    response.headers["Content-Disposition"] = f'attachment; filename="study-tour-{tour.id}.ics"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@bp.route("/<int:tour_id>/apply", methods=["POST"])
@allow(*ALL_ROLES)
def apply(tour_id):
    session, tour = get_session(), tour_or_404(tour_id)
    form = ApplicationForm()
    if not form.validate_on_submit():
        errors = form.motivation.errors or form.organisation.errors or [_("The form expired; try again.")]
        flash(" ".join(map(str, errors)), "error")
        return redirect(url_for("tours.tour", tour_id=tour.id))
    try:
        applications.apply(
            session,
            tour,
            current_user,
            motivation=form.motivation.data,
            organisation=form.organisation.data or "",
            nominated_by=form.nominated_by.data or "",
        )
        session.commit()
    except applications.ApplicationRefused as refused:
        session.rollback()
        flash(refusal_text(refused), "error")
        return redirect(url_for("tours.tour", tour_id=tour.id))
    flash(_("Your application is sent. The programme will tell you its decision."), "success")
    return redirect(url_for("tours.tour", tour_id=tour.id))


@bp.route("/<int:tour_id>/withdraw", methods=["POST"])
@allow(*ALL_ROLES)
def withdraw(tour_id):
    session, tour = get_session(), tour_or_404(tour_id)
    application = applications.application_of(session, tour.id, current_user.id)
    if application is None:
        abort(404)
    if not WithdrawForm().validate_on_submit():
        abort(400)
    if applications.withdraw(session, application):
        session.commit()
        flash(_("Your application is withdrawn."), "success")
    return redirect(url_for("tours.tour", tour_id=tour.id))


@bp.route("/<int:tour_id>/report", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def report(tour_id):
    session, tour = get_session(), tour_or_404(tour_id)
    if not reports.may_write(session, tour, current_user, utcnow().date()):
        abort(404)
    mine = reports.report_of(session, tour.id, current_user.id)
    form = ReportForm(
        data={"title": mine.title, "body": mine.body}
        if mine
        else {"title": _("What I saw on %(tour)s", tour=tour.title)}
    )
    if form.validate_on_submit():
        saved = reports.save(
            session, tour, current_user, title=form.title.data, body=form.body.data, submit=bool(form.submit.data)
        )
        session.commit()
        flash(_("Report submitted to the programme.") if saved.submitted_at else _("Draft saved."), "success")
        return redirect(url_for("tours.report", tour_id=tour.id))
    case = session.get(PracticeCase, mine.case_submission_id) if mine and mine.case_submission_id else None
    page = render_template("tours/report.html", tour=tour, form=form, report=mine, case=case, statuses=STATUSES)
    return page, 422 if form.errors else 200


@bp.route("/<int:tour_id>/feedback", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def feedback(tour_id):
    tour = tour_or_404(tour_id)
    return feedback_page(tour, tour.title, url_for("tours.tour", tour_id=tour.id))
