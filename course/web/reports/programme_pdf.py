"""The programme report as an A4 PDF in the reader's language: the same figures as the page, in tables, laid out by
`course.reports.programme_pdf`."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _

from course.certificates.pdf import Fonts
from course.reports.programme import REACH_MEASURES, change_percent
from course.reports.programme_display import shown_exactly
from course.reports.programme_pdf import Blocks
from course.web.formatting import date_long, number
from course.web.reports.wording import REACH_LABELS, period_text, signed_number, signed_percent, worded
from course.web.wording import GROUPINGS


def _change(current: int, previous: int) -> str:
    return signed_number(current - previous) + signed_percent(change_percent(current, previous))


def programme_pdf(report, fonts: Fonts | None, *, title: str, filters: str, today: date) -> bytes:
    """The report (a `ProgrammeReport`) as PDF bytes; `filters` describes what it is narrowed to."""
    pdf = Blocks()
    pdf.heading(title, 18)
    pdf.note(
        _(
            "%(period)s (previous period: %(previous)s). %(filters)s",
            period=period_text(report.period),
            previous=period_text(report.period.previous),
            filters=filters,
        )
    )
    pdf.note(
        _(
            "Made on %(date)s. Months are UTC; each person counts once per figure, in the month it happened.",
            date=date_long(today),
        )
    )
    current, previous = report.current, report.previous
    labels = [str(REACH_LABELS[m]) for m in REACH_MEASURES]
    pdf.heading(_("Reach"), 13)
    pdf.grid(
        ["", _("This period"), _("Previous period"), _("Difference")],
        [
            [
                str(REACH_LABELS[m]),
                number(current.reach.get(m), 0),
                number(previous.reach.get(m), 0),
                _change(current.reach.get(m), previous.reach.get(m)),
            ]
            for m in REACH_MEASURES
        ],
        (70, 35, 35, 40),
    )
    shown = worded(shown_exactly(current))
    widths = (60, 30, 30, 30, 30)
    for by, groups in shown.groups.items():
        if groups:
            pdf.heading(_("By %(grouping)s", grouping=str(GROUPINGS[by]).lower()), 13)
            pdf.grid(["", *labels], [[g.label, *(g.reach.get(m).text for m in REACH_MEASURES)] for g in groups], widths)
    pdf.heading(_("By month"), 13)
    pdf.grid(
        [_("Month"), *labels],
        [[m.label, *(m.reach.get(r).text for r in REACH_MEASURES)] for m in shown.months],
        widths,
    )
    pdf.heading(_("Results per module"), 13)
    pdf.grid(
        [_("Module"), _("Completed"), _("Took the quiz"), _("Passed"), _("Pass rate"), _("Gain (n)")],
        [
            [
                m.title,
                m.completed.text,
                m.taken.text,
                m.passed.text,
                m.pass_percent.text,
                _("%(gain)s (n = %(n)s)", gain=m.gain.text, n=m.gain_n.text),
            ]
            for m in shown.modules
        ],
        (60, 22, 24, 20, 20, 34),
    )
    pdf.heading(_("Events and study tours"), 13)
    if not report.events.recorded:
        pdf.note(_("No events or study tours are recorded on the platform yet."))
    else:
        pdf.grid(
            ["", _("Held"), _("Seats"), _("Enrolled"), _("Attended"), _("Feedback"), _("Will apply")],
            [
                [
                    name,
                    *(
                        number(value, 0)
                        for value in (
                            f.held,
                            f.seats_offered,
                            f.enrolled,
                            f.attended,
                            f.feedback_responses,
                            f.will_apply,
                        )
                    ),
                ]
                for name, f in ((_("Events"), report.events.events), (_("Study tours"), report.events.tours))
            ],
            (40, 20, 20, 25, 25, 25, 25),
        )
    return pdf.render(fonts, title)
