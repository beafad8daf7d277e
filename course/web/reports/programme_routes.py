"""The programme report for staff: the page (with a print layout), its CSV and its PDF. Figures come from
`course.reports.programme_report`; an instructor's report adds up the cohorts they manage."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Response, abort, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from course.certificates.pdf import installed_fonts
from course.content import catalogue
from course.content.paths import PATH_AUDIENCES
from course.db import get_session
from course.reports.programme import PeriodError, change_percent
from course.reports.programme_display import shown_exactly
from course.reports.programme_export import report_csv
from course.reports.programme_report import FilterError, filter_countries
from course.web.access import STAFF, allow
from course.web.reports import bp
from course.web.reports import programme_charts as svg
from course.web.reports.programme_pdf import programme_pdf
from course.web.reports.programme_request import ASKED, asked_report, describe_filters
from course.web.reports.wording import (
    REACH_LABELS,
    period_text,
    problem_text,
    scale_text,
    share_text,
    signed_number,
    signed_percent,
    worded,
)
from course.web.template_helpers import AUDIENCE_LABELS
from course.web.wording import GROUPINGS


def _report_or_400(session):
    try:
        return asked_report(session, current_user)
    except (PeriodError, FilterError) as problem:
        abort(400, description=problem_text(problem))


@bp.route("/programme")
@allow(*STAFF)
def programme():
    session = get_session()
    choices = {
        "paths": catalogue.active_paths(session),  # titles in the reader's language: |localized('title')
        "audiences": [(code, AUDIENCE_LABELS.get(code, code)) for code in sorted(PATH_AUDIENCES)],
        "countries": filter_countries(session, current_user),
        "asked": {name: request.args.get(name, "")[:200] for name in ASKED},
    }
    try:
        report = asked_report(session, current_user)
    except (PeriodError, FilterError) as problem:
        return render_template("reports/programme.html", report=None, error=problem_text(problem), **choices), 400
    current, previous = worded(shown_exactly(report.current)), worded(shown_exactly(report.previous))
    charts = {
        "funnel": svg.funnel_chart(current, previous),
        "months": svg.months_chart(current),
        "groups": {by: svg.groups_chart(groups, GROUPINGS[by], f"by-{by}") for by, groups in current.groups.items()},
        "pass": svg.pass_chart(current.modules),
        "gain": svg.gain_chart(current.modules),
    }
    return render_template(
        "reports/programme.html",
        report=report,
        current=current,
        previous=previous,
        charts=charts,
        groupings=GROUPINGS,
        measures=REACH_LABELS,
        change_percent=change_percent,
        signed_number=signed_number,
        signed_percent=signed_percent,
        period_text=period_text,
        share_text=share_text,
        scale_text=scale_text,
        described=describe_filters(report),
        query={name: value for name, value in request.args.items() if name in ASKED and value},
        **choices,
    )


@bp.route("/programme.csv")
@allow(*STAFF)
def programme_csv():
    report = _report_or_400(get_session())
    name = f"programme-{report.period.first}-to-{report.period.last}.csv"
    return Response(
        report_csv(report), mimetype="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@bp.route("/programme.pdf")
@allow(*STAFF)
def programme_pdf_file():
    report = _report_or_400(get_session())
    document = programme_pdf(
        report,
        installed_fonts(),
        title=_("CBEC Academy — programme report"),
        filters=describe_filters(report),
        today=datetime.now(UTC).date(),
    )
    name = f"programme-{report.period.first}-to-{report.period.last}.pdf"
    return Response(
        document, mimetype="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
