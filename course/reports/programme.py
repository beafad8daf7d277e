"""The programme report's figures from the programme tallies: reach, by group and by month, results per
module, and the previous period of the same length. Pure.

Every figure counts people once, in the month (UTC) of the milestone it counts (`course.reports.reach`):
the figures of a period are the sums of its months.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from course.reports.cohort import GROUPINGS

MAX_MONTHS = 120  # ten years: the longest period one report covers
DEFAULT_MONTHS = 12
NOT_STATED = "Not stated"  # the label of a blank value when no label is given (the web layer words it)
REACH_MEASURES = ("registered", "active", "completed", "certified")  # worded by course/web/reports/wording.py
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PeriodError(ValueError):
    """A period the report cannot cover: `code` says why, with its `params`; the web layer words it
    (course/web/reports/wording.py). Codes: "month" (`field`: from, to or since), "order", "length" (`months`),
    "not_ended" (`last`), "too_early" (`months`, `earliest`)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


def parse_month(text: str, field: str) -> str:
    """A month written YYYY-MM (what <input type="month"> sends), checked; `field` names it in the error."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2999:
        raise PeriodError("month", field=field)
    return match.group(0)


def shift(month: str, months: int) -> str:
    """The month `months` later (earlier when negative)."""
    year, number = int(month[:4]), int(month[5:])
    index = year * 12 + number - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_label(month: str) -> str:
    return f"{_NAMES[int(month[5:]) - 1]} {month[:4]}"


@dataclass(frozen=True)
class Period:
    """Whole months, `first` to `last` included."""

    first: str
    last: str

    @property
    def months(self) -> list[str]:
        count = (int(self.last[:4]) - int(self.first[:4])) * 12 + int(self.last[5:]) - int(self.first[5:]) + 1
        return [shift(self.first, n) for n in range(count)]

    @property
    def previous(self) -> Period:
        """The period of the same length just before this one."""
        length = len(self.months)
        return Period(shift(self.first, -length), shift(self.first, -1))

    @property
    def label(self) -> str:
        if self.first == self.last:
            return month_label(self.first)
        return f"{month_label(self.first)} – {month_label(self.last)}"


def period_of(first: str | None, last: str | None, today: date) -> Period:
    """The period asked for: by default the twelve months up to this one; one end alone keeps twelve months."""
    last = parse_month(last, "to") if last else None
    first = parse_month(first, "from") if first else None
    if last is None:
        last = shift(first, DEFAULT_MONTHS - 1) if first else f"{today.year:04d}-{today.month:02d}"
    if first is None:
        first = shift(last, -(DEFAULT_MONTHS - 1))
    if first > last:
        raise PeriodError("order")
    period = Period(first, last)
    if len(period.months) > MAX_MONTHS:
        raise PeriodError("length", months=MAX_MONTHS)
    return period


@dataclass(frozen=True)
class Reach:
    registered: int = 0
    active: int = 0
    completed: int = 0
    certified: int = 0

    def get(self, measure: str) -> int:
        return getattr(self, measure)


@dataclass(frozen=True)
class GroupReach:
    value: str  # "" not stated
    label: str
    reach: Reach


@dataclass(frozen=True)
class MonthReach:
    month: str
    label: str
    reach: Reach


@dataclass(frozen=True)
class ModuleLine:
    """A module the report lists (in path or catalogue order)."""

    id: int
    slug: str
    title: str


@dataclass(frozen=True)
class ModuleResult:
    slug: str
    title: str
    completed: int = 0  # completed the module in the period
    taken: int = 0  # first finished its end-of-module quiz in the period
    passed: int = 0  # of those, passed it since
    gain_n: int = 0  # first held both a pre- and a post-test grade in the period
    pre_sum: float = 0.0
    post_sum: float = 0.0

    @property
    def pass_percent(self) -> float | None:
        return 100 * self.passed / self.taken if self.taken else None

    @property
    def pre_mean(self) -> float | None:
        return 100 * self.pre_sum / self.gain_n if self.gain_n else None

    @property
    def post_mean(self) -> float | None:
        return 100 * self.post_sum / self.gain_n if self.gain_n else None

    @property
    def gain(self) -> float | None:
        """Mean post-test minus mean pre-test, in percentage points."""
        return self.post_mean - self.pre_mean if self.gain_n else None


@dataclass(frozen=True)
class ProgrammeFigures:
    period: Period
    reach: Reach
    groups: dict[str, list[GroupReach]]  # by grouping (org_type, country, firm_size, sex)
    months: list[MonthReach]
    modules: list[ModuleResult]

    @property
    def funnel(self) -> list[tuple[str, int]]:
        """(measure, people) from registering to a certificate."""
        return [(m, self.reach.get(m)) for m in REACH_MEASURES]


class TallySum(Protocol):
    month: str
    grouping: str
    value: str
    measure: str
    module_id: int
    n: int
    pre_sum: float
    post_sum: float


def figures_of(
    period: Period,
    modules: list[ModuleLine],
    rows: Iterable[TallySum],
    labels: Mapping[str, Mapping[str, str]] | None = None,
) -> ProgrammeFigures:
    """The figures of one period from the tally sums of its months (rows of other months are left out)."""
    labels = labels or {}
    reach: dict[str, int] = defaultdict(int)
    by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_group: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_module: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        if not period.first <= row.month <= period.last or not row.n and not row.pre_sum and not row.post_sum:
            continue
        if row.module_id:
            module = per_module[row.module_id]
            module[row.measure] += row.n
            if row.measure == "gain":
                module["pre_sum"] += row.pre_sum
                module["post_sum"] += row.post_sum
        elif row.grouping:
            by_group[(row.grouping, row.value)][row.measure] += row.n
        else:
            reach[row.measure] += row.n
            by_month[row.month][row.measure] += row.n
    groups: dict[str, list[GroupReach]] = {by: [] for by in GROUPINGS}
    for (by, value), counts in by_group.items():
        if by in groups and any(counts.values()):
            label = labels.get(by, {}).get(value, value) if value else NOT_STATED
            groups[by].append(GroupReach(value, label, _reach(counts)))
    for by in groups:
        groups[by].sort(key=lambda g: (not g.value, -g.reach.registered, -g.reach.active, g.label.casefold()))
    return ProgrammeFigures(
        period,
        _reach(reach),
        groups,
        [MonthReach(m, month_label(m), _reach(by_month.get(m, {}))) for m in period.months],
        [_module(m, per_module.get(m.id, {})) for m in modules],
    )


def _reach(counts: Mapping[str, int]) -> Reach:
    return Reach(*(int(counts.get(m, 0)) for m in REACH_MEASURES))


def _module(module: ModuleLine, sums: Mapping[str, float]) -> ModuleResult:
    return ModuleResult(
        module.slug,
        module.title,
        int(sums.get("module_completed", 0)),
        int(sums.get("quiz_taken", 0)),
        int(sums.get("quiz_passed", 0)),
        int(sums.get("gain", 0)),
        sums.get("pre_sum", 0.0),
        sums.get("post_sum", 0.0),
    )


@dataclass(frozen=True)
class EventScope:
    """Whose events the report covers (`course.reports.programme_events` says how each narrows)."""

    owner_id: int | None = None
    path_id: int | None = None
    audience: str = ""
    country: str = ""


@dataclass(frozen=True)
class EventFigures:
    """Events (or study tours) of one period."""

    held: int = 0
    seats_offered: int = 0
    enrolled: int = 0
    attended: int = 0
    feedback_responses: int = 0
    relevance_mean: float | None = None  # 1-5
    usefulness_mean: float | None = None  # 1-5
    will_apply: int = 0

    @property
    def attendance_percent(self) -> float | None:
        """Attended out of enrolled."""
        return 100 * self.attended / self.enrolled if self.enrolled else None

    @property
    def will_apply_percent(self) -> float | None:
        return 100 * self.will_apply / self.feedback_responses if self.feedback_responses else None


@dataclass(frozen=True)
class ProgrammeEvents:
    events: EventFigures = EventFigures()
    tours: EventFigures = EventFigures()
    recorded: bool = False  # False: the platform records no events yet (the report says so)


def change_percent(current: int, previous: int) -> float | None:
    """How much a figure moved against the previous period, in percent; None when there was nothing before."""
    return 100 * (current - previous) / previous if previous else None
