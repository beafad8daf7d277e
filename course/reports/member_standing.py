"""Each member's detail for the trainee table and the export, from their stored module summaries. Pure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from course.progress import rules
from course.reports.cohort import ModuleInfo


@dataclass(frozen=True)
class MemberProgress:
    """One member's detail for the trainee table and the export; tuples follow the path's modules."""

    user_id: int
    lessons_done: int
    lessons_total: int
    percent: int  # as rules.path_percent: the mean of the modules' percentages and the attendance parts
    modules_complete: tuple[bool, ...]
    quiz_best: tuple[float | None, ...]  # best end-of-module quiz score per module, 0..1
    quiz_in_progress: tuple[bool, ...]
    started: bool
    stopped_at: int | None = None
    attendance: tuple[int, int] = (0, 0)  # required events attended, of how many

    @property
    def path_complete(self) -> bool:
        met, required = self.attendance
        return bool(self.modules_complete) and all(self.modules_complete) and met >= required


def member_progress(
    modules: list[ModuleInfo],
    summaries: Mapping[int, Mapping[int, object]],
    counted: Mapping[int, Mapping | None],
    user_ids: Iterable[int],
) -> dict[int, MemberProgress]:
    """The detail of these members from their summaries (member -> module id -> ModuleSummary) and the
    contribution last counted for them (started, stopped at)."""
    total = sum(len(m.lessons) for m in modules)
    result = {}
    for uid in user_ids:
        mine = [summaries.get(uid, {}).get(m.id) for m in modules]
        counts = counted.get(uid) or {}
        met, required = counts.get("attendance") or (0, 0)
        parts = [s.percent if s is not None else 0 for s in mine]
        result[uid] = MemberProgress(
            uid,
            sum(s.lessons_done for s in mine if s is not None),
            total,
            rules.mean_percent(parts + rules.attendance_parts(met, required)) if modules else 0,
            tuple(bool(s and s.complete) for s in mine),
            tuple(s.quiz_best if s is not None else None for s in mine),
            tuple(bool(s and s.quiz_open) for s in mine),
            bool(counts.get("started")),
            counts.get("stopped_at"),
            (met, required),
        )
    return result
