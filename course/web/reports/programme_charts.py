"""The programme report's SVG charts (drawn by `charts.bar_chart`), from figures as a page shows them: exact for
staff, protected on the public page (a withheld figure draws no bar, only its text)."""

from __future__ import annotations

from flask_babel import gettext as _
from markupsafe import Markup

from course.reports.disclosure import Shown
from course.reports.programme_display import ShownFigures, ShownGroup, ShownModule
from course.web.reports.charts import Bar, BarGroup, bar_chart
from course.web.reports.wording import REACH_LABELS, period_text


def _bar(figure: Shown, text: str | None = None) -> Bar:
    return Bar(figure.value, text or figure.text)


def funnel_chart(current: ShownFigures, previous: ShownFigures | None = None, chart_id: str = "funnel") -> Markup:
    """People at each step from registering to a certificate, beside the previous period's when given (the figures
    as `wording.worded` writes them)."""
    groups = [
        BarGroup(
            str(label),
            (_bar(current.reach.get(m)),) + ((_bar(previous.reach.get(m)),) if previous else ()),
        )
        for m, label in REACH_LABELS.items()
    ]
    return bar_chart(
        _("From registering to a certificate"),
        _(
            "People who registered, became active, completed a learning path and were certified in the period, "
            "beside the previous period."
        )
        if previous
        else _("People who registered, became active, completed a learning path and were certified in the period."),
        groups,
        series=(period_text(current.period), period_text(previous.period)) if previous else (),
        chart_id=chart_id,
    )


def months_chart(figures: ShownFigures, chart_id: str = "months") -> Markup:
    """Registered, active and completed, month by month."""
    measures = ("registered", "active", "completed")
    groups = [BarGroup(m.label, tuple(_bar(m.reach.get(r)) for r in measures)) for m in figures.months]
    return bar_chart(
        _("Reach month by month"),
        _("People who registered, became active and completed a learning path in each month (UTC)."),
        groups,
        series=tuple(str(REACH_LABELS[r]) for r in measures),
        chart_id=chart_id,
    )


def groups_chart(groups: list[ShownGroup], grouping: str, chart_id: str) -> Markup:
    """Registered and completed per value of a profile grouping."""
    bars = [BarGroup(g.label, (_bar(g.reach.registered), _bar(g.reach.completed))) for g in groups]
    return bar_chart(
        _("Reach by %(grouping)s", grouping=str(grouping).lower()),
        _(
            "People who registered and who completed a learning path in the period, by %(grouping)s.",
            grouping=str(grouping).lower(),
        ),
        bars,
        series=(str(REACH_LABELS["registered"]), str(REACH_LABELS["completed"])),
        chart_id=chart_id,
    )


def pass_chart(modules: list[ShownModule], chart_id: str = "pass-rates") -> Markup:
    """Share of each module's quiz takers who passed."""
    bars = [
        BarGroup(
            m.title, (_bar(m.pass_percent, _("%(part)s of %(whole)s", part=m.pass_percent.text, whole=m.taken.text)),)
        )
        for m in modules
        if m.taken.value != 0
    ]
    return bar_chart(
        _("Pass rate per module"),
        _("Of the people who first finished a module's end-of-module quiz in the period, the share who passed it."),
        bars,
        max_value=100,
        chart_id=chart_id,
    )


def gain_chart(modules: list[ShownModule], chart_id: str = "gain") -> Markup:
    """Mean pre-test and post-test score per module, over the people who took both."""
    bars = [
        BarGroup(_("%(module)s (n = %(n)s)", module=m.title, n=m.gain_n.text), (_bar(m.pre_mean), _bar(m.post_mean)))
        for m in modules
        if m.gain_n.value != 0
    ]
    return bar_chart(
        _("Knowledge gain: pre-test and post-test means"),
        _("Mean scores in percent over the people who first held both a pre- and a post-test grade in the period."),
        bars,
        series=(_("Pre-test"), _("Post-test")),
        max_value=100,
        chart_id=chart_id,
    )
