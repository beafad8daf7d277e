"""What one learner adds to the programme figures, and the tally rows that sum it. Pure.

A learner's *facts* say, per scope they belong to, in which month (UTC, `YYYY-MM`) they joined it, became
active (first lesson opened or quiz started in its modules), completed it and were certified, and per
module when they completed it, first finished its end-of-module quiz (and whether they have passed it) and
first held both a pre- and a post-test grade. Each fact happens once, so the figures of a range of months
are the sums of its months. The scopes:

- `all`: every learner (trainees and officials);
- `path:<id>`: those who follow the path (chose it, or are in a cohort on it); completed: the path;
- `audience:<code>`: those who follow a path for that audience; completed: the first such path;
- `cohort:<id>`: the cohort's members (what an instructor's report adds up); completed: the cohort's path,
  or every active module for a cohort without one.

The tallies (`ProgrammeTally`) are sums of facts for every country and, again, for the learner's own
country, so that the report can be narrowed to one country; when a learner's records change, the
difference between their new facts and those last counted is added (`course.reports.reach_tallies`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from course.progress import rules
from course.reports.cohort import GROUPINGS, group_value

LEARNER_ROLES = ("trainee", "official")
REACH = ("registered", "active", "completed", "certified")
MODULE_MEASURES = ("module_completed", "quiz_taken", "quiz_passed", "gain")
TALLY_FIELDS = ("n", "pre_sum", "post_sum")
EVERYONE = "all"

TallyKey = tuple[str, str, str, str, str, str, int]  # scope, country, month, grouping, value, measure, module id


def month_of(moment: datetime | None) -> str | None:
    """The UTC month of a stored time (naive values are UTC), as YYYY-MM."""
    if moment is None:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return f"{moment.year:04d}-{moment.month:02d}"


def path_scope(path_id: int) -> str:
    return f"path:{path_id}"


def audience_scope(audience: str) -> str:
    return f"audience:{audience}"


def cohort_scope(cohort_id: int) -> str:
    return f"cohort:{cohort_id}"


@dataclass(frozen=True)
class PathPlan:
    """An active learning path: its audience and its active modules (slug, id) in path order."""

    id: int
    audience: str
    modules: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Programme:
    """What facts depend on besides a learner's rows: the active paths and modules."""

    paths: Mapping[int, PathPlan]
    modules: tuple[int, ...]  # active module ids in catalogue order


@dataclass(frozen=True)
class Learner:
    """One person's rows, as the facts need them. Summaries: anything with ModuleSummary's fields."""

    role: str
    registered_at: datetime
    profile: Mapping[str, str | None]
    paths: Mapping[int, datetime] = field(default_factory=dict)  # path id -> since when they follow it
    cohorts: Mapping[int, tuple[int | None, datetime]] = field(default_factory=dict)  # id -> (path id, enrolled)
    certificates: Mapping[int, datetime] = field(default_factory=dict)  # path id -> issued (valid ones)
    summaries: Mapping[int, object] = field(default_factory=dict)  # module id -> summary


def learner_facts(learner: Learner, programme: Programme) -> dict | None:
    """The learner's facts (JSON-ready); None for staff, who are not counted."""
    if learner.role not in LEARNER_ROLES:
        return None
    modules = {m: _module_facts(learner.summaries[m]) for m in programme.modules if m in learner.summaries}
    modules = {m: f for m, f in modules.items() if any(v is not None for v in f[:2]) or f[3] is not None}
    followed = _followed(learner, programme)
    scopes = {EVERYONE: _everyone(learner, programme, followed)}
    for path_id, since in followed.items():
        plan = programme.paths[path_id]
        scopes[path_scope(path_id)] = _scope(
            learner, since, [m for _, m in plan.modules], _completed(learner, plan), learner.certificates.get(path_id)
        )
    for audience in sorted({programme.paths[p].audience for p in followed} - {""}):
        mine = [p for p in followed if programme.paths[p].audience == audience]
        scopes[audience_scope(audience)] = _scope(
            learner,
            min(followed[p] for p in mine),
            _union(programme.paths[p] for p in mine),
            _earliest(_completed(learner, programme.paths[p]) for p in mine),
            _earliest(learner.certificates.get(p) for p in mine),
        )
    for cohort_id, (path_id, enrolled) in learner.cohorts.items():
        plan = programme.paths.get(path_id) if path_id is not None else None
        if path_id is not None and plan is None:
            continue  # the cohort's path is archived: nothing to count against
        scopes[cohort_scope(cohort_id)] = _scope(
            learner,
            enrolled,
            [m for _, m in plan.modules] if plan else list(programme.modules),
            _completed(learner, plan) if plan else _all_complete(learner, programme.modules),
            learner.certificates.get(path_id) if plan else None,
        )
    return {
        "groups": [group_value(learner.profile.get(by)) for by in GROUPINGS],
        "scopes": {name: [*dates, [m for m in mids if m in modules]] for name, (*dates, mids) in scopes.items()},
        "modules": {str(m): f for m, f in modules.items()},
    }


def _module_facts(summary) -> list:
    """[completed month, quiz first finished month, passed, gain month, pre, post]."""
    gain = summary.gain_at is not None and summary.pre_score is not None and summary.post_score is not None
    return [
        month_of(summary.completed_at) if summary.complete else None,
        month_of(summary.quiz_taken_at),
        bool(summary.passed),
        month_of(summary.gain_at) if gain else None,
        summary.pre_score if gain else None,
        summary.post_score if gain else None,
    ]


def _followed(learner: Learner, programme: Programme) -> dict[int, datetime]:
    """Active paths the learner follows (chosen, through a cohort, or certified), since when."""
    since: dict[int, datetime] = {}
    sources = [
        *learner.paths.items(),
        *((path_id, enrolled) for path_id, enrolled in learner.cohorts.values() if path_id is not None),
        *learner.certificates.items(),
    ]
    for path_id, moment in sources:
        if path_id in programme.paths:
            since[path_id] = min(moment, since.get(path_id, moment))
    return since


def _everyone(learner: Learner, programme: Programme, followed: Mapping[int, datetime]) -> list:
    finished = [_completed(learner, programme.paths[p]) for p in followed]
    if any(path_id is None for path_id, _ in learner.cohorts.values()):
        finished.append(_all_complete(learner, programme.modules))
    return _scope(
        learner,
        learner.registered_at,
        list(programme.modules),
        _earliest(finished),
        _earliest(learner.certificates.values()),
    )


def _scope(learner: Learner, joined, module_ids, completed, certified) -> list:
    active = _earliest(learner.summaries[m].first_active_at for m in module_ids if m in learner.summaries)
    return [month_of(joined), month_of(active), month_of(completed), month_of(certified), list(module_ids)]


def _completed(learner: Learner, plan: PathPlan) -> datetime | None:
    """When the learner completed the path (its last module), by the completion rule; None while not."""
    complete = {slug: _complete(learner, m) for slug, m in plan.modules}
    if not rules.path_complete(rules.path_steps([{"module": slug} for slug, _ in plan.modules], complete)):
        return None
    return _latest(learner.summaries[m].completed_at for _, m in plan.modules)


def _all_complete(learner: Learner, module_ids: Iterable[int]) -> datetime | None:
    module_ids = list(module_ids)
    if not module_ids or not all(_complete(learner, m) for m in module_ids):
        return None
    return _latest(learner.summaries[m].completed_at for m in module_ids)


def _complete(learner: Learner, module_id: int) -> bool:
    summary = learner.summaries.get(module_id)
    return summary is not None and bool(summary.complete)


def _union(plans: Iterable[PathPlan]) -> list[int]:
    seen: dict[int, None] = {}
    for plan in plans:
        seen.update((m, None) for _, m in plan.modules)
    return list(seen)


def _earliest(moments: Iterable[datetime | None]) -> datetime | None:
    return min((m for m in moments if m is not None), default=None)


def _latest(moments: Iterable[datetime | None]) -> datetime | None:
    return max((m for m in moments if m is not None), default=None)


def tally_amounts(counted: Mapping | None) -> dict[TallyKey, Counter]:
    """The tally amounts one learner's facts add (no facts add nothing)."""
    if not counted:
        return {}
    rows: dict[TallyKey, Counter] = {}

    def add(key: TallyKey, **amounts) -> None:
        rows.setdefault(key, Counter()).update(amounts)

    groups = list(zip(GROUPINGS, counted["groups"], strict=True))
    country = counted["groups"][list(GROUPINGS).index("country")]
    for scope, (*months, module_ids) in counted["scopes"].items():
        for place in ("", country) if country else ("",):
            by = [("", "")] + [(g, v) for g, v in groups if not (place and g == "country")]
            for measure, month in zip(REACH, months, strict=True):
                for grouping, value in by if month else ():
                    add((scope, place, month, grouping, value, measure, 0), n=1)
            for module_id in module_ids:
                done, taken, passed, gained, pre, post = counted["modules"][str(module_id)]
                if done:
                    add((scope, place, done, "", "", "module_completed", module_id), n=1)
                if taken:
                    add((scope, place, taken, "", "", "quiz_taken", module_id), n=1)
                    if passed:
                        add((scope, place, taken, "", "", "quiz_passed", module_id), n=1)
                if gained:
                    add((scope, place, gained, "", "", "gain", module_id), n=1, pre_sum=pre, post_sum=post)
    return rows


def difference(old: Mapping | None, new: Mapping | None) -> dict[TallyKey, dict]:
    """What to add to the tallies when a learner's counted facts go from `old` to `new`."""
    if old == new:
        return {}
    before, after = tally_amounts(old), tally_amounts(new)
    changes = {}
    for key in before.keys() | after.keys():
        was, now = before.get(key, Counter()), after.get(key, Counter())
        change = {f: now.get(f, 0) - was.get(f, 0) for f in TALLY_FIELDS}
        if any(change.values()):
            changes[key] = change
    return changes


def totals(facts: Iterable[Mapping | None]) -> dict[TallyKey, Counter]:
    """The tallies of many learners' facts (a rebuild)."""
    rows: dict[TallyKey, Counter] = {}
    for counted in facts:
        for key, amounts in tally_amounts(counted).items():
            rows.setdefault(key, Counter()).update(amounts)
    return rows
