"""/impact: the programme's figures for anyone, protected (no group of fewer than 5 people can be read or
worked out), once an administrator publishes it; /impact/settings: publishing it."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from course.db import get_session
from course.reports import impact
from course.reports.programme import PeriodError
from course.reports.programme_display import events_protected, shown_protected
from course.reports.programme_report import programme_report
from course.web.access import allow
from course.web.impact import bp
from course.web.impact.forms import ImpactForm
from course.web.reports import programme_charts as svg
from course.web.reports.routes import GROUP_LABELS
from course.web.reports.wording import REACH_LABELS, period_text, problem_text, worded, worded_events
from course.web.wording import GROUPINGS


def _today():
    return datetime.now(UTC).date()


@bp.route("/impact")
@allow("public")
def impact_page():
    """404 until published (an administrator sees a preview)."""
    session = get_session()
    settings = impact.settings(session, _today())
    preview = current_user.is_authenticated and current_user.role == "admin"
    if not settings.published and not preview:
        abort(404)
    period = impact.shown_period(settings, _today())
    if period is None:
        return render_template("impact/impact.html", settings=settings, figures=None, preview=preview)
    report = programme_report(session, None, period, labels=GROUP_LABELS)
    figures = worded(shown_protected(report.current))
    charts = {
        "funnel": svg.funnel_chart(figures),
        "months": svg.months_chart(figures),
        "groups": {by: svg.groups_chart(groups, GROUPINGS[by], f"by-{by}") for by, groups in figures.groups.items()},
        "pass": svg.pass_chart(figures.modules),
        "gain": svg.gain_chart(figures.modules),
    }
    return render_template(
        "impact/impact.html",
        settings=settings,
        figures=figures,
        events=report.events,
        shown_events={
            _("Events"): worded_events(events_protected(report.events.events)),
            _("Study tours"): worded_events(events_protected(report.events.tours)),
        },
        charts=charts,
        groupings=GROUPINGS,
        measures=REACH_LABELS,
        period_text=period_text,
        preview=preview,
    )


@bp.route("/impact/settings", methods=["GET", "POST"])
@allow("admin")
def impact_settings():
    session = get_session()
    settings = impact.settings(session, _today())
    form = ImpactForm(obj=settings)
    if form.validate_on_submit():
        try:
            since = impact.checked_since(form.since.data, _today())
        except PeriodError as problem:
            form.since.errors.append(problem_text(problem))
        else:
            impact.save_settings(session, current_user, published=form.published.data, since=since)
            session.commit()
            flash(
                _("The impact page is published.") if form.published.data else _("The impact page is not published."),
                "success",
            )
            return redirect(url_for("impact.impact_settings"))
    return render_template(
        "impact/settings.html", form=form, settings=settings, last=impact.last_complete_month(_today())
    )
