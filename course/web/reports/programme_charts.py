"""The programme report's SVG charts (drawn by `charts.bar_chart`), from figures as a page shows them: exact for
staff, protected on the public page (a withheld figure draws no bar, only its text)."""

from __future__ import annotations

from markupsafe import Markup

from course.reports.disclosure import Shown
from course.reports.programme import REACH_LABELS
from course.reports.programme_display import ShownFigures, ShownGroup, ShownModule
from course.web.reports.charts import Bar, BarGroup, bar_chart


def _bar(figure: Shown, text: str | None = None) -> Bar:
    return Bar(figure.value, text or figure.text)


def funnel_chart(current: ShownFigures, previous: ShownFigures | None = None, chart_id: str = "funnel") -> Markup:
    """People at each step from registering to a certificate, beside the previous period's when given."""
    groups = [
        BarGroup(
            label,
            (_bar(current.reach.get(m)),) + ((_bar(previous.reach.get(m)),) if previous else ()),
        )
        for m, label in REACH_LABELS.items()
    ]
    return bar_chart(
        "From registering to a certificate",
        "People who registered, became active, completed a learning path and were certified in the period"
        + (", beside the previous period." if previous else "."),
        groups,
        series=(f"{current.period.label}", f"{previous.period.label}") if previous else (),
        chart_id=chart_id,
    )


def months_chart(figures: ShownFigures, chart_id: str = "months") -> Markup:
    """Registered, active and completed, month by month."""
    measures = ("registered", "active", "completed")
    groups = [BarGroup(m.label, tuple(_bar(m.reach.get(r)) for r in measures)) for m in figures.months]
    return bar_chart(
        "Reach month by month",
        "People who registered, became active and completed a learning path in each month (UTC).",
        groups,
        series=tuple(REACH_LABELS[r] for r in measures),
        chart_id=chart_id,
    )


def groups_chart(groups: list[ShownGroup], grouping: str, chart_id: str) -> Markup:
    """Registered and completed per value of a profile grouping."""
    bars = [BarGroup(g.label, (_bar(g.reach.registered), _bar(g.reach.completed))) for g in groups]
    return bar_chart(
        f"Reach by {grouping.lower()}",
        f"People who registered and who completed a learning path in the period, by {grouping.lower()}.",
        bars,
        series=("Registered", "Completed a learning path"),
        chart_id=chart_id,
    )


def pass_chart(modules: list[ShownModule], chart_id: str = "pass-rates") -> Markup:
    """Share of each module's quiz takers who passed."""
    bars = [
        BarGroup(m.title, (_bar(m.pass_percent, f"{m.pass_percent.text} of {m.taken.text}"),))
        for m in modules
        if m.taken.value != 0
    ]
    return bar_chart(
        "Pass rate per module",
        "Of the people who first finished a module's end-of-module quiz in the period, the share who passed it.",
        bars,
        max_value=100,
        chart_id=chart_id,
    )


def gain_chart(modules: list[ShownModule], chart_id: str = "gain") -> Markup:
    """Mean pre-test and post-test score per module, over the people who took both."""
    bars = [
        BarGroup(f"{m.title} (n = {m.gain_n.text})", (_bar(m.pre_mean), _bar(m.post_mean)))
        for m in modules
        if m.gain_n.value != 0
    ]
    return bar_chart(
        "Knowledge gain: pre-test and post-test means",
        "Mean scores in percent over the people who first held both a pre- and a post-test grade in the period.",
        bars,
        series=("Pre-test", "Post-test"),
        max_value=100,
        chart_id=chart_id,
    )
