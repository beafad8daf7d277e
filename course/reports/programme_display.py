"""The programme figures as pages show them: every number with its text, exact for staff or protected for the
public (small cells "< 5", complementary cells withheld: `course.reports.disclosure`). Pure.

Both pages lay out the same shapes, so one set of tables and charts serves the staff report and the public
impact page. The public page lists groups in a fixed order (alphabetical, "Not stated" last) rather than by
size, so that the order says nothing about the cells it hides, and names no country that fewer than 5 people
gave (those are added up as "Other countries").
"""

from __future__ import annotations

from dataclasses import dataclass

from course.reports import disclosure
from course.reports.disclosure import BLANK, Shown
from course.reports.programme import (
    REACH_MEASURES,
    EventFigures,
    GroupReach,
    ModuleResult,
    Period,
    ProgrammeFigures,
    Reach,
)

FREE_TEXT = ("country",)  # groupings whose values learners type rather than choose
OTHERS, OTHERS_LABEL = "*others*", "Other countries (fewer than 5 people each)"  # the web layer words it


@dataclass(frozen=True)
class ShownReach:
    registered: Shown
    active: Shown
    completed: Shown
    certified: Shown

    def get(self, measure: str) -> Shown:
        return getattr(self, measure)


@dataclass(frozen=True)
class ShownGroup:
    value: str
    label: str
    reach: ShownReach


@dataclass(frozen=True)
class ShownModule:
    slug: str
    title: str
    completed: Shown
    taken: Shown
    passed: Shown
    pass_percent: Shown
    gain_n: Shown
    pre_mean: Shown
    post_mean: Shown
    gain: Shown


@dataclass(frozen=True)
class ShownFigures:
    period: Period
    reach: ShownReach
    groups: dict[str, list[ShownGroup]]
    months: list[ShownGroup]  # value: the month (YYYY-MM), label: "Jan 2026"
    modules: list[ShownModule]
    protected: bool


def exact(n: int) -> Shown:
    return Shown(n, f"{n:,}")


def _percent(value: float | None) -> Shown:
    return BLANK if value is None else Shown(round(value, 1), f"{value:.1f}%", "percent")


def _points(value: float | None) -> Shown:
    return BLANK if value is None else Shown(round(value, 1), f"{value:+.1f} points", "points")


def shown_exactly(figures: ProgrammeFigures) -> ShownFigures:
    """Every figure as it is: for staff."""

    def reach(r: Reach) -> ShownReach:
        return ShownReach(*(exact(r.get(m)) for m in REACH_MEASURES))

    return ShownFigures(
        figures.period,
        reach(figures.reach),
        {by: [ShownGroup(g.value, g.label, reach(g.reach)) for g in groups] for by, groups in figures.groups.items()},
        [ShownGroup(m.month, m.label, reach(m.reach)) for m in figures.months],
        [_module_exactly(m) for m in figures.modules],
        protected=False,
    )


def _module_exactly(m: ModuleResult) -> ShownModule:
    return ShownModule(
        m.slug,
        m.title,
        exact(m.completed),
        exact(m.taken),
        exact(m.passed),
        _percent(m.pass_percent),
        exact(m.gain_n),
        _percent(m.pre_mean),
        _percent(m.post_mean),
        _points(m.gain),
    )


def shown_protected(figures: ProgrammeFigures) -> ShownFigures:
    """Figures anyone may read: no group of fewer than 5 people can be read or worked out."""
    total = ShownReach(*(disclosure.count(figures.reach.get(m)) for m in REACH_MEASURES))
    groups = {
        by: _protected_groups(
            sorted(
                _named_groups(rows) if by in FREE_TEXT else rows,
                key=lambda g: (g.value in ("", OTHERS), g.label.casefold()),
            ),
            figures.reach,
        )
        for by, rows in figures.groups.items()
    }
    months = _protected_groups([GroupReach(m.month, m.label, m.reach) for m in figures.months], figures.reach)
    return ShownFigures(
        figures.period, total, groups, months, [_module_protected(m) for m in figures.modules], protected=True
    )


def _named_groups(rows: list[GroupReach]) -> list[GroupReach]:
    """Groups of a grouping learners type (their country), with those whose every figure is below 5 put together
    as "Other countries": a value only a few people typed could itself point at them."""
    named = [g for g in rows if not g.value or any(g.reach.get(m) >= disclosure.THRESHOLD for m in REACH_MEASURES)]
    few = [g for g in rows if g not in named]
    if not few:
        return named
    together = Reach(*(sum(g.reach.get(m) for g in few) for m in REACH_MEASURES))
    return [*named, GroupReach(OTHERS, OTHERS_LABEL, together)]


def _protected_groups(rows: list[GroupReach], totals: Reach) -> list[ShownGroup]:
    """Each measure's cells protected against its total (a breakdown adds up to the period's figure)."""
    columns = {
        measure: disclosure.breakdown({i: g.reach.get(measure) for i, g in enumerate(rows)}, totals.get(measure))
        for measure in REACH_MEASURES
    }
    return [
        ShownGroup(g.value, g.label, ShownReach(*(columns[m][i] for m in REACH_MEASURES))) for i, g in enumerate(rows)
    ]


def _module_protected(m: ModuleResult) -> ShownModule:
    passed, percent = disclosure.share(m.passed, m.taken)
    return ShownModule(
        m.slug,
        m.title,
        disclosure.count(m.completed),
        disclosure.count(m.taken),
        passed,
        percent,
        disclosure.count(m.gain_n),
        disclosure.mean(m.pre_mean, m.gain_n, _percent(m.pre_mean).text),
        disclosure.mean(m.post_mean, m.gain_n, _percent(m.post_mean).text),
        disclosure.mean(m.gain, m.gain_n, _points(m.gain).text, "points"),
    )


@dataclass(frozen=True)
class ShownEvents:
    """Events (or study tours) of a period as the public page shows them."""

    held: Shown
    seats_offered: Shown
    enrolled: Shown
    attended: Shown
    attendance_percent: Shown
    feedback_responses: Shown
    relevance_mean: Shown
    usefulness_mean: Shown
    will_apply: Shown
    will_apply_percent: Shown


def _scale(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def events_protected(figures: EventFigures) -> ShownEvents:
    """Events anyone may read: how many were held and their seats as they are (they count events, not people);
    the people enrolled, present and answering as counts, shares and means of 5 or more people only."""
    attended, attendance = disclosure.share(figures.attended, figures.enrolled)
    will_apply, will_apply_percent = disclosure.share(figures.will_apply, figures.feedback_responses)
    responses = figures.feedback_responses
    return ShownEvents(
        exact(figures.held),
        exact(figures.seats_offered),
        disclosure.count(figures.enrolled),
        attended,
        attendance,
        disclosure.count(responses),
        disclosure.mean(figures.relevance_mean, responses, _scale(figures.relevance_mean), "scale"),
        disclosure.mean(figures.usefulness_mean, responses, _scale(figures.usefulness_mean), "scale"),
        will_apply,
        will_apply_percent,
    )
