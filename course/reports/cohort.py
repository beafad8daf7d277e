"""Cohort summary: who enrolled, started and completed, where trainees stop, what they gained.

Pure: it reads the cohort's tally rows (`course.models.CohortTally`, `StopTally`), sums kept up to
date at write time, for the whole cohort or per group of members (organisation type, country, firm
size, sex).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Protocol

NOT_GIVEN = "Prefer not to say / not given"
GROUPINGS = {"org_type": "Organisation type", "country": "Country", "firm_size": "Firm size", "sex": "Sex"}


@dataclass(frozen=True)
class QuizInfo:
    id: int
    slug: str
    title: str
    kind: str = "module"  # module | pretest | posttest
    pass_mark: float = 70.0
    grading_method: str = "highest"


@dataclass(frozen=True)
class LessonInfo:
    id: int
    slug: str
    title: str


@dataclass(frozen=True)
class ModuleInfo:
    """A module of the cohort's path with its active lessons and quizzes."""

    id: int
    slug: str
    title: str
    lessons: tuple[LessonInfo, ...] = ()
    quizzes: tuple[QuizInfo, ...] = ()  # end-of-module quizzes (kind "module")
    pretest: QuizInfo | None = None
    posttest: QuizInfo | None = None


@dataclass(frozen=True)
class Member:
    """A cohort member's profile as the reports show and group it."""

    user_id: int
    name: str = ""
    email: str = ""
    organisation: str = ""
    org_type: str = ""
    country: str = ""
    firm_size: str = ""
    sex: str = ""
    enrolled_at: datetime | None = None


class GainRow(NamedTuple):
    """Pre- and post-test score sums on one module over the members who took both (scores 0..1)."""

    group: str  # the members' value of the grouping attribute; "" for the whole cohort
    module_id: int
    n: int
    pre_sum: float
    post_sum: float


@dataclass(frozen=True)
class FunnelStep:
    module_slug: str
    module_title: str
    completed: int


@dataclass(frozen=True)
class StopPoint:
    lesson_slug: str
    lesson_title: str
    module_title: str
    members: int


@dataclass(frozen=True)
class Gain:
    """Knowledge gain on one module over the members who took both its pre- and post-test."""

    module_slug: str
    module_title: str
    n: int
    pre_mean: float | None  # percent
    post_mean: float | None

    @property
    def gain(self) -> float | None:
        return None if self.n == 0 else self.post_mean - self.pre_mean


@dataclass(frozen=True)
class CohortSummary:
    enrolled: int
    started: int
    completed: int
    funnel: tuple[FunnelStep, ...]
    stop_points: tuple[StopPoint, ...]
    gains: tuple[Gain, ...]

    @property
    def completion_percent(self) -> int:
        return round(100 * self.completed / self.enrolled) if self.enrolled else 0


class TallyRow(Protocol):
    """A row of `CohortTally` (sums over the members of a cohort or of one group of them)."""

    value: str
    module_id: int
    members: int
    started: int
    completed: int
    gain_n: int
    pre_sum: float
    post_sum: float


class StopRow(Protocol):
    value: str
    lesson_id: int
    members: int


def summary_of(modules: list[ModuleInfo], rows: Iterable[TallyRow], stops: Iterable[StopRow]) -> CohortSummary:
    """Every cohort figure from the tally rows of one set of members (module_id 0: the whole path)."""
    rows = list(rows)
    level = next((r for r in rows if r.module_id == 0), None)
    per_module = {r.module_id: r for r in rows if r.module_id}
    funnel = tuple(
        FunnelStep(m.slug, m.title, per_module[m.id].completed if m.id in per_module else 0) for m in modules
    )
    gains = [GainRow("", r.module_id, r.gain_n, r.pre_sum, r.post_sum) for r in per_module.values()]
    return CohortSummary(
        level.members if level else 0,
        level.started if level else 0,
        level.completed if level and modules else 0,
        funnel,
        stop_points(modules, Counter({s.lesson_id: s.members for s in stops})),
        tuple(knowledge_gain(modules, gains)),
    )


def stop_points(modules: list[ModuleInfo], stopped: Mapping[int, int]) -> tuple[StopPoint, ...]:
    """Lessons where members stopped (lesson id -> members), most members first, then path order."""
    order = [(lesson, module) for module in modules for lesson in module.lessons]
    rows = [
        (stopped[lesson.id], i, StopPoint(lesson.slug, lesson.title, module.title, stopped[lesson.id]))
        for i, (lesson, module) in enumerate(order)
        if stopped.get(lesson.id)
    ]
    return tuple(row for _, _, row in sorted(rows, key=lambda r: (-r[0], r[1])))


def knowledge_gain(modules: list[ModuleInfo], rows: Iterable[GainRow]) -> list[Gain]:
    """Mean post-test minus mean pre-test score per module (in points), over members who took both."""
    count, pre, post = Counter(), Counter(), Counter()
    for row in rows:
        count[row.module_id] += row.n
        pre[row.module_id] += row.pre_sum
        post[row.module_id] += row.post_sum
    return [
        Gain(
            m.slug,
            m.title,
            count[m.id],
            100 * pre[m.id] / count[m.id] if count[m.id] else None,
            100 * post[m.id] / count[m.id] if count[m.id] else None,
        )
        for m in modules
        if m.pretest is not None and m.posttest is not None
    ]


@dataclass(frozen=True)
class GroupSummary:
    value: str
    label: str
    summary: CohortSummary


def group_value(raw: str | None) -> str:
    """A profile value as grouped: surrounding spaces ignored, blank meaning not given."""
    return (raw or "").strip()


def breakdown_of(
    modules: list[ModuleInfo],
    rows: Iterable[TallyRow],
    stops: Iterable[StopRow],
    labels: Mapping[str, str] | None = None,
) -> list[GroupSummary]:
    """The cohort summary per value of a grouping, from that grouping's tally rows; blank values are shown
    as not given, last."""
    labels = labels or {}
    by_value: dict[str, list[TallyRow]] = defaultdict(list)
    stops_by_value: dict[str, list[StopRow]] = defaultdict(list)
    for row in rows:
        by_value[row.value].append(row)
    for stop in stops:
        stops_by_value[stop.value].append(stop)
    result = [
        GroupSummary(
            value,
            labels.get(value, value) if value else labels.get("", NOT_GIVEN),
            summary_of(modules, group, stops_by_value[value]),
        )
        for value, group in by_value.items()
    ]
    result = [g for g in result if g.summary.enrolled]
    return sorted(result, key=lambda g: (not g.value, -g.summary.enrolled, g.label.casefold()))
