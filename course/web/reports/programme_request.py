"""What a request for the programme report asks: the period and filters of its query string, read the same way
by the page, its CSV and PDF, and the JSON API."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import request

from course.reports.programme import period_of
from course.reports.programme_report import filters_from, programme_report
from course.web.reports.routes import GROUP_LABELS
from course.web.template_helpers import AUDIENCE_LABELS

ASKED = ("from", "to", "path", "audience", "country")


def asked_report(session, reader):
    """The report the query string asks for (from, to, path, audience, country); PeriodError or FilterError."""
    args = {name: request.args.get(name, "").replace("\x00", "")[:200] for name in ASKED}
    period = period_of(args["from"] or None, args["to"] or None, datetime.now(UTC).date())
    filters = filters_from(session, args["path"], args["audience"], args["country"])
    return programme_report(session, reader, period, filters, GROUP_LABELS)


def describe_filters(report) -> str:
    """What the report is narrowed to, in words."""
    parts = []
    if report.readership.limited:
        parts.append(f"Limited to the {report.readership.cohorts} cohort(s) you manage.")
    if report.filters.path:
        parts.append(f"Learning path: {report.filters.path.title}.")
    if report.filters.audience:
        parts.append(f"Audience: {AUDIENCE_LABELS.get(report.filters.audience, report.filters.audience)}.")
    if report.filters.country:
        parts.append(f"Country: {report.filters.country}.")
    return " ".join(parts) or "Every learner of the programme."
