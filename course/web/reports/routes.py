"""Cohort dashboard and CSV export. The figures come from `course.reports`; views only choose and render."""

from flask import Response, abort, render_template, request, stream_with_context
from flask_login import current_user

from course import ownership
from course.cohorts.membership import list_cohorts
from course.db import get_session
from course.models import Cohort
from course.reports import exports, queries
from course.reports.cohort_report import (
    breakdown,
    cohort_report,
    every_trainee,
    item_analysis,
    path_quizzes,
    trainee_progress,
)
from course.web.access import STAFF, allow
from course.web.ownership.guard import managed_or_404
from course.web.pagination import requested_page
from course.web.reports import bp
from course.web.reports import charts as svg
from course.web.wording import FIRM_SIZES, GROUPINGS, NOT_GIVEN, ORG_TYPES, SEXES

PER_PAGE = 50
GROUP_LABELS = {"org_type": ORG_TYPES, "firm_size": FIRM_SIZES, "sex": SEXES}


def _cohort(cohort_id: int) -> Cohort:
    return managed_or_404(get_session().get(Cohort, cohort_id) or abort(404))


@bp.route("/cohorts")
@allow(*STAFF)
def cohorts():
    return render_template(
        "reports/cohorts.html", cohorts=list_cohorts(get_session(), ownership.managed(current_user, Cohort))
    )


@bp.route("/cohorts/<int:cohort_id>")
@allow(*STAFF)
def cohort_dashboard(cohort_id):
    session = get_session()
    report = cohort_report(session, _cohort(cohort_id))
    by = request.args.get("by", "")
    by = by if by in GROUPINGS else ""
    labels = {code: str(words) for code, words in (GROUP_LABELS.get(by, {}) | {"": NOT_GIVEN}).items()}
    groups = breakdown(session, report, by, labels) if by else []
    page = requested_page(PER_PAGE, report.summary.enrolled)
    trainees = queries.cohort_members(session, cohort_id, offset=page.start, limit=page.size)
    charts = {
        "funnel": svg.funnel_chart(report.summary.funnel, report.summary.enrolled),
        "gain": svg.gain_chart(report.summary.gains),
        "breakdown": svg.breakdown_chart(groups, str(GROUPINGS[by])) if by else None,
    }
    quiz_id = request.args.get("quiz", type=int)
    items = item_analysis(session, cohort_id, report.modules, quiz_id) if quiz_id else None
    return render_template(
        "reports/cohort.html",
        report=report,
        summary=report.summary,
        by=by,
        groups=groups,
        groupings=GROUPINGS,
        page=page,
        trainees=trainees,
        progress=trainee_progress(session, report, [t.user_id for t in trainees]),
        items=items,
        quizzes=path_quizzes(report.modules),
        charts=charts,
        org_labels=ORG_TYPES,
    )


@bp.route("/cohorts/<int:cohort_id>/progress.csv")
@allow(*STAFF)
def progress_csv(cohort_id):
    """Streams: the header goes out at once, then rows a chunk at a time, however large the cohort."""
    report = cohort_report(get_session(), _cohort(cohort_id))

    def rows():
        # The view's session closes when the view returns; the stream reads through the session of its own
        # context, which closes when the last row is sent.
        yield from exports.progress_csv([m.slug for m in report.modules], every_trainee(get_session(), report))

    return Response(
        stream_with_context(rows()),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="cohort-{cohort_id}-progress.csv"'},
    )
