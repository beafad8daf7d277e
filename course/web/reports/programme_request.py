"""What a request for the programme report asks: the period and filters of its query string, read the same way
by the page, its CSV and PDF, and the JSON API."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import request
from flask_babel import gettext as _
from flask_babel import ngettext

from course.reports.programme import period_of
from course.reports.programme_report import filters_from, programme_report
from course.web.content_language import localized
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
        parts.append(
            ngettext(
                "Limited to the %(num)d cohort(s) you manage.",
                "Limited to the %(num)d cohort(s) you manage.",
                report.readership.cohorts,
            )
        )
    if report.filters.path:
        parts.append(_("Learning path: %(path)s.", path=localized(report.filters.path, "title")))
    if report.filters.audience:
        audience = AUDIENCE_LABELS.get(report.filters.audience, report.filters.audience)
        parts.append(_("Audience: %(audience)s.", audience=audience))
    if report.filters.country:
        parts.append(_("Country: %(country)s.", country=report.filters.country))
    return " ".join(parts) or _("Every learner of the programme.")
