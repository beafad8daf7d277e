"""What one member adds to their cohort's tallies, and the tally rows that sum it. Pure.

A member's contribution is worked out from their module summaries on the cohort's path and their
profile. The tallies (`CohortTally`, `StopTally`) are sums of contributions; when a member's records
change, the difference between the new contribution and the one last counted is added, so the
dashboard reads a few small rows instead of folding every member's records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from course.reports.cohort import GROUPINGS, ModuleInfo, group_value

NOTHING: dict = {}  # the contribution of no one: adds nothing


def contribution(
    modules: list[ModuleInfo],
    summaries: Mapping[int, object],
    profile: Mapping[str, str | None],
    attendance: tuple[int, int] = (0, 0),
) -> dict:
    """A member's contribution (JSON-ready) from their summaries by module id, their profile and how many of
    the path's attendance requirements they met, of how many (`attendance`: met, required).

    Started: opened a path lesson or attempted a path quiz. Completed: every path module complete and every
    event the path requires attended.
    Stopped at: the path lesson opened last, while it is not complete. Gains: the pre- and post-test
    grades of each path module that has both tests, when the member has both grades.
    """
    mine = [summaries.get(m.id) for m in modules]
    present = [s for s in mine if s is not None]
    met, required = attendance
    last = max(
        (s for s in present if s.last_opened_at is not None),
        key=lambda s: (s.last_opened_at, s.module_id),
        default=None,
    )
    return {
        "groups": [group_value(profile.get(by)) for by in GROUPINGS],
        "started": any(s.lessons_opened or s.attempts for s in present),
        "complete": [m.id for m, s in zip(modules, mine, strict=True) if s is not None and s.complete],
        "completed": bool(modules) and all(s is not None and s.complete for s in mine) and met >= required,
        "stopped_at": last.last_lesson_id if last is not None and not last.last_lesson_done else None,
        "gains": {
            str(m.id): [s.pre_score, s.post_score]
            for m, s in zip(modules, mine, strict=True)
            if m.pretest is not None
            and m.posttest is not None
            and s is not None
            and s.pre_score is not None
            and s.post_score is not None
        },
        "attendance": [met, required],
    }


TallyKey = tuple[str, str, int]  # (grouping, value, module id; 0 for the path)
StopKey = tuple[str, str, int]  # (grouping, value, lesson id)
TALLY_FIELDS = ("members", "started", "completed", "gain_n", "pre_sum", "post_sum")


def tally_rows(counted: Mapping | None) -> tuple[dict[TallyKey, Counter], Counter]:
    """The tally and stop-tally amounts one contribution adds (a member not yet counted adds nothing)."""
    if not counted:
        return {}, Counter()
    rows: dict[TallyKey, Counter] = {}
    stops: Counter = Counter()
    for grouping, value in (("", ""), *zip(GROUPINGS, counted["groups"], strict=True)):
        rows[(grouping, value, 0)] = Counter(
            members=1, started=int(counted["started"]), completed=int(counted["completed"])
        )
        for module_id in counted["complete"]:
            rows.setdefault((grouping, value, module_id), Counter())["completed"] += 1
        for module_id, (pre, post) in counted["gains"].items():
            amounts = rows.setdefault((grouping, value, int(module_id)), Counter())
            amounts.update(gain_n=1, pre_sum=pre, post_sum=post)
        if counted["stopped_at"] is not None:
            stops[(grouping, value, counted["stopped_at"])] += 1
    return rows, stops


def difference(old: Mapping | None, new: Mapping | None) -> tuple[dict[TallyKey, dict], dict[StopKey, int]]:
    """What to add to the tallies when a member's counted contribution goes from `old` to `new`."""
    old_rows, old_stops = tally_rows(old)
    new_rows, new_stops = tally_rows(new)
    rows = {}
    for key in old_rows.keys() | new_rows.keys():
        before, after = old_rows.get(key, Counter()), new_rows.get(key, Counter())
        change = {f: after.get(f, 0) - before.get(f, 0) for f in TALLY_FIELDS}
        if any(change.values()):
            rows[key] = change
    stops = {key: new_stops[key] - old_stops[key] for key in old_stops.keys() | new_stops.keys()}
    return rows, {key: n for key, n in stops.items() if n}


def totals(contributions: Iterable[Mapping]) -> tuple[dict[TallyKey, Counter], Counter]:
    """The tallies of a set of contributions (a rebuild)."""
    rows: dict[TallyKey, Counter] = {}
    stops: Counter = Counter()
    for counted in contributions:
        member_rows, member_stops = tally_rows(counted)
        for key, amounts in member_rows.items():
            rows.setdefault(key, Counter()).update(amounts)
        stops.update(member_stops)
    return rows, stops
