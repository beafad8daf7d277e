"""Completion rules in one place: lessons, modules, learning paths, prerequisites.

Pure functions over plain data; the views and data functions call them.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_SECONDS_PER_VISIT = 2 * 60 * 60  # a tab left open overnight is not study time


@dataclass(frozen=True)
class ModuleStatus:
    lessons_done: int
    lessons_total: int
    quiz_required: bool
    quiz_passed: bool

    @property
    def percent(self) -> int:
        """Share of the module's work done: each lesson counts one, the quiz one more."""
        total = self.lessons_total + (1 if self.quiz_required else 0)
        done = self.lessons_done + (1 if self.quiz_required and self.quiz_passed else 0)
        return round(100 * done / total) if total else 0

    @property
    def complete(self) -> bool:
        """A module is complete when all its lessons are and its quiz (if any) is passed."""
        lessons_ok = self.lessons_total > 0 and self.lessons_done >= self.lessons_total
        return lessons_ok and (self.quiz_passed or not self.quiz_required)

    @property
    def started(self) -> bool:
        return self.lessons_done > 0 or self.quiz_passed


def module_status(
    lesson_ids: list[int], completed: set[int], quiz_required: bool = False, quiz_passed: bool = False
) -> ModuleStatus:
    """The status of one module for one learner."""
    done = sum(1 for lesson_id in lesson_ids if lesson_id in completed)
    return ModuleStatus(done, len(lesson_ids), quiz_required, quiz_passed)


@dataclass(frozen=True)
class StepStatus:
    module: str
    requires: tuple[str, ...]
    locked: bool
    complete: bool
    missing: tuple[str, ...]  # prerequisites not yet complete


def path_steps(steps: list[dict], module_complete: dict[str, bool]) -> list[StepStatus]:
    """Each step of a path with its lock state: locked until every prerequisite is complete."""
    result = []
    for step in steps:
        requires = tuple(step.get("requires", []))
        missing = tuple(r for r in requires if not module_complete.get(r, False))
        result.append(
            StepStatus(step["module"], requires, bool(missing), module_complete.get(step["module"], False), missing)
        )
    return result


@dataclass(frozen=True)
class AttendanceStatus:
    """A path's requirement to attend an event of a series, and whether the learner has."""

    series: str
    title: str
    attended: bool


def event_attended(sessions_held: int, sessions_present: int) -> bool:
    """An event counts as attended when its participant was marked present at every session held (not
    cancelled): what a path's attendance requirement asks for."""
    return sessions_held > 0 and sessions_present >= sessions_held


def attendance_statuses(requirements: list[dict], attended: set[str]) -> list[AttendanceStatus]:
    """Each attendance requirement of a path ({"series", "title"}) with whether the learner met it."""
    return [AttendanceStatus(r["series"], r.get("title") or r["series"], r["series"] in attended) for r in requirements]


def mean_percent(parts: list[int]) -> int:
    """A path's progress: the mean of its parts (each module's percentage; 100 or 0 for each attendance)."""
    return round(sum(parts) / len(parts)) if parts else 0


def attendance_parts(met: int, required: int) -> list[int]:
    """The parts attendance requirements add to a path's progress: 100 for each met, 0 for each not."""
    return [100] * met + [0] * max(0, required - met)


def path_percent(
    steps: list[StepStatus], module_percent: dict[str, int], attendance: list[AttendanceStatus] = ()
) -> int:
    """Average progress over a path's modules and its attendance requirements (one part each)."""
    if not steps:
        return 0
    met = sum(1 for a in attendance if a.attended)
    return mean_percent([module_percent.get(s.module, 0) for s in steps] + attendance_parts(met, len(attendance)))


def path_complete(steps: list[StepStatus], attendance: list[AttendanceStatus] = ()) -> bool:
    """A learning path is complete when every one of its modules is, and every event it requires was attended."""
    return bool(steps) and all(s.complete for s in steps) and all(a.attended for a in attendance)


def next_step(steps: list[StepStatus]) -> StepStatus | None:
    """The first unlocked, unfinished step: what the learner should do next."""
    return next((s for s in steps if not s.locked and not s.complete), None)


def locked_modules(paths: list[list[StepStatus]]) -> dict[str, tuple[str, ...]]:
    """Modules locked by any path the learner follows, with what they still need."""
    locked: dict[str, tuple[str, ...]] = {}
    for steps in paths:
        for step in steps:
            if step.locked and not step.complete:
                locked[step.module] = tuple(sorted(set(locked.get(step.module, ())) | set(step.missing)))
    return locked


def lesson_may_be_completed(needs_submission: bool, submitted: bool) -> bool:
    """A lesson that presents a required assignment (the capstone's action plan) is marked complete only once
    the learner has submitted it."""
    return submitted or not needs_submission


def visit_seconds(opened_seconds_ago: float) -> int:
    """Study time credited for one visit, capped so idle tabs do not inflate it."""
    return int(max(0, min(opened_seconds_ago, MAX_SECONDS_PER_VISIT)))
