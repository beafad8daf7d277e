"""Cohort summary: who enrolled, started and completed, where trainees stop, what they gained.

Pure: it works on each member's compact facts (`course.reports.member_standing`), which come from a
handful of aggregate queries, never from one query per trainee. Figures can be computed for the
whole cohort or per group of members (organisation type, country, firm size, sex).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from course.reports.member_standing import MemberFacts

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


def summarise(
    modules: list[ModuleInfo], facts: Iterable[MemberFacts], enrolled: int, gains: Iterable[GainRow] = ()
) -> CohortSummary:
    """Every cohort figure over a set of members; `facts` may leave out members who did nothing."""
    facts = list(facts)
    patterns = Counter(f.modules_complete for f in facts)
    funnel = tuple(
        FunnelStep(m.slug, m.title, sum(n for complete, n in patterns.items() if complete[i]))
        for i, m in enumerate(modules)
    )
    completed = sum(n for complete, n in patterns.items() if all(complete)) if modules else 0
    return CohortSummary(
        enrolled,
        sum(1 for f in facts if f.started),
        completed,
        funnel,
        stop_points(modules, facts),
        tuple(knowledge_gain(modules, gains)),
    )


def stop_points(modules: list[ModuleInfo], facts: Iterable[MemberFacts]) -> tuple[StopPoint, ...]:
    """Lessons where members stopped (last opened, not completed), most members first, then path order."""
    stopped = Counter(f.stopped_at for f in facts if f.stopped_at is not None)
    order = [(lesson, module) for module in modules for lesson in module.lessons]
    rows = [
        (stopped[lesson.id], i, StopPoint(lesson.slug, lesson.title, module.title, stopped[lesson.id]))
        for i, (lesson, module) in enumerate(order)
        if stopped[lesson.id]
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


def breakdown(
    by: str,
    member_groups: Mapping[int, str | None],
    modules: list[ModuleInfo],
    facts: Mapping[int, MemberFacts],
    gains: Iterable[GainRow] = (),
    labels: Mapping[str, str] | None = None,
) -> list[GroupSummary]:
    """The cohort summary per value of `by` (member id -> value); blank values are shown as not given, last."""
    if by not in GROUPINGS:
        raise ValueError(f"cannot break down by {by!r}; use one of {', '.join(GROUPINGS)}")
    labels = labels or {}
    members: Counter[str] = Counter()
    grouped: dict[str, list[MemberFacts]] = defaultdict(list)
    for user_id, raw in member_groups.items():
        value = group_value(raw)
        members[value] += 1
        if user_id in facts:
            grouped[value].append(facts[user_id])
    gain_rows: dict[str, list[GainRow]] = defaultdict(list)
    for row in gains:
        gain_rows[group_value(row.group)].append(row)
    result = [
        GroupSummary(
            value,
            labels.get(value, value) if value else NOT_GIVEN,
            summarise(modules, grouped[value], count, gain_rows[value]),
        )
        for value, count in members.items()
    ]
    return sorted(result, key=lambda g: (not g.value, -g.summary.enrolled, g.label.casefold()))
