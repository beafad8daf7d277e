"""The programme report as JSON (`/api/v1/reports/programme`) and as CSV, one document for both. Pure.

The CSV is long ("tidy"): one figure per row, so new figures are new rows and the columns never change
(docs/exports.md lists the columns, sections and measures).
"""

from __future__ import annotations

import csv
import io

from course.reports.exports import safe_cell
from course.reports.programme import REACH_MEASURES, EventFigures, ProgrammeEvents, ProgrammeFigures

CSV_COLUMNS = (
    "period",
    "from_month",
    "to_month",
    "path",
    "audience",
    "country",
    "section",
    "measure",
    "grouping",
    "group_value",
    "group_label",
    "module",
    "figure",
)
MODULE_MEASURES = (
    "module_completed",
    "quiz_taken",
    "quiz_passed",
    "pass_percent",
    "gain_n",
    "pre_mean_percent",
    "post_mean_percent",
    "gain_points",
)
EVENT_MEASURES = (
    "held",
    "seats_offered",
    "enrolled",
    "attended",
    "attendance_percent",
    "feedback_responses",
    "relevance_mean",
    "usefulness_mean",
    "will_apply",
    "will_apply_percent",
)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def figures_document(figures: ProgrammeFigures, events: ProgrammeEvents) -> dict:
    """One period's figures, JSON-ready."""
    return {
        "from": figures.period.first,
        "to": figures.period.last,
        "reach": {m: figures.reach.get(m) for m in REACH_MEASURES},
        "by_group": {
            by: [{"value": g.value, "label": g.label, **{m: g.reach.get(m) for m in REACH_MEASURES}} for g in groups]
            for by, groups in figures.groups.items()
        },
        "by_month": [{"month": m.month, **{r: m.reach.get(r) for r in REACH_MEASURES}} for m in figures.months],
        "modules": [
            {
                "slug": m.slug,
                "title": m.title,
                "module_completed": m.completed,
                "quiz_taken": m.taken,
                "quiz_passed": m.passed,
                "pass_percent": _round(m.pass_percent),
                "gain_n": m.gain_n,
                "pre_mean_percent": _round(m.pre_mean),
                "post_mean_percent": _round(m.post_mean),
                "gain_points": _round(m.gain),
            }
            for m in figures.modules
        ],
        "events": {
            "recorded": events.recorded,
            "events": _events(events.events),
            "study_tours": _events(events.tours),
        },
    }


def _events(figures: EventFigures) -> dict:
    return {
        "held": figures.held,
        "seats_offered": figures.seats_offered,
        "enrolled": figures.enrolled,
        "attended": figures.attended,
        "attendance_percent": _round(figures.attendance_percent),
        "feedback_responses": figures.feedback_responses,
        "relevance_mean": _round(figures.relevance_mean),
        "usefulness_mean": _round(figures.usefulness_mean),
        "will_apply": figures.will_apply,
        "will_apply_percent": _round(figures.will_apply_percent),
    }


def report_document(report) -> dict:
    """The whole report (a `ProgrammeReport`), JSON-ready: this period and the previous one."""
    filters = report.filters
    return {
        "period": {"from": report.period.first, "to": report.period.last, "months": report.period.months},
        "previous_period": {"from": report.period.previous.first, "to": report.period.previous.last},
        "filters": {
            "path": filters.path.slug if filters.path else None,
            "audience": filters.audience or None,
            "country": filters.country or None,
        },
        "limited_to_own_cohorts": report.readership.limited,
        "cohorts": report.readership.cohorts if report.readership.limited else None,
        "current": figures_document(report.current, report.events),
        "previous": figures_document(report.previous, report.previous_events),
    }


def report_csv(report) -> str:
    """The report as CSV text: the header, then this period's figures, then the previous period's."""
    document = report_document(report)
    filters = document["filters"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for period in ("current", "previous"):
        figures = document[period]
        start = [period, figures["from"], figures["to"], filters["path"], filters["audience"], filters["country"]]
        for row in _rows(figures):
            section, measure, grouping, value, label, module, figure = row
            writer.writerow(
                [safe_cell(cell) for cell in (*start, section, measure, grouping, value, label, module)]
                + ["" if figure is None else figure]
            )
    return out.getvalue()


def _rows(figures: dict):
    """(section, measure, grouping, group value, group label, module, figure) of one period."""
    for measure in REACH_MEASURES:
        yield "reach", measure, "", "", "", "", figures["reach"][measure]
    for by, groups in figures["by_group"].items():
        for group in groups:
            for measure in REACH_MEASURES:
                yield "reach_by_group", measure, by, group["value"], group["label"], "", group[measure]
    for month in figures["by_month"]:
        for measure in REACH_MEASURES:
            yield "reach_by_month", measure, "month", month["month"], "", "", month[measure]
    for module in figures["modules"]:
        for measure in MODULE_MEASURES:
            yield "module", measure, "", "", "", module["slug"], module[measure]
    if figures["events"]["recorded"]:
        for section in ("events", "study_tours"):
            for measure in EVENT_MEASURES:
                yield section, measure, "", "", "", "", figures["events"][section][measure]
