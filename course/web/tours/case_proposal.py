"""A post-tour report proposed as a new practice case: the library's guided form, pre-filled from the author's
submitted report; the case it becomes is recorded on the report in the same transaction. Only the report's
author reaches it (the URL names the tour: the report is the signed-in user's own), and only once."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course.db import get_session
from course.tours import reports
from course.web.access import ALL_ROLES, allow
from course.web.formatting import date_long
from course.web.library.case_routes import case_form, save_or_submit
from course.web.tours import bp
from course.web.tours.routes import tour_or_404


def draft_values(draft: reports.CaseDraft) -> dict:
    """The case's first fields, with the summary and the source worded in the author's language."""
    where = (
        _("Seen on the study tour “%(tour)s” (%(destination)s).", tour=draft.tour_title, destination=draft.destination)
        if draft.destination
        else _("Seen on the study tour “%(tour)s”.", tour=draft.tour_title)
    )
    source = _("Post-tour report by %(name)s, %(day)s", name=draft.author_name, day=date_long(draft.written_on))
    return draft.values | {"summary": where, "results_source": source}


@bp.route("/<int:tour_id>/report/case", methods=["GET", "POST"])
@allow(*ALL_ROLES)
def propose_case(tour_id):
    session, tour = get_session(), tour_or_404(tour_id)
    report = reports.report_of(session, tour.id, current_user.id)
    if report is None or report.submitted_at is None:
        abort(404)
    if report.case_submission_id is not None:  # proposed already: its submission, where it stands
        flash(_("This report is already proposed as a practice case."), "info")
        return redirect(url_for("library.practice_case", case_id=report.case_submission_id))
    form = case_form(draft=draft_values(reports.case_draft(report, tour, current_user)))
    if form.validate_on_submit():
        try:
            answer = save_or_submit(
                form,
                None,
                also=lambda case: reports.link_case(session, report, case.id),
                submitted_to=url_for("tours.report", tour_id=tour.id),
            )
        except reports.AlreadyProposed as proposed:  # another tab was first: keep nothing of this one
            session.rollback()
            flash(_("This report is already proposed as a practice case."), "info")
            return redirect(url_for("library.practice_case", case_id=proposed.case_id))
        if answer is not None:
            return answer
    status = 422 if form.errors or form.form_errors else 200
    return render_template("library/case_form.html", form=form, case=None, from_report=report, tour=tour), status
