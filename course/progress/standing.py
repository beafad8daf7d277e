"""Everything about one learner's standing: module progress, end-of-module quizzes, paths, locks.

The rules themselves are pure (`course.progress.rules`, `course.quizzes.grades`); this module
gathers a learner's rows in a few queries and applies them. Every page, the progress API and
certificate issuing read a learner's standing from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from course.content import catalogue
from course.events.attendance import attended_series
from course.models import LearningPath, Lesson, LessonProgress, Module, PathEnrolment
from course.progress import records, rules
from course.progress.learner_cache import kept_for_learner
from course.quizzes.standing import QuizStanding, end_of_module_quizzes, quiz_standings


@dataclass
class ModuleProgress:
    module: Module
    lessons: list[Lesson]
    status: rules.ModuleStatus
    quizzes: list[QuizStanding] = field(default_factory=list)  # end-of-module quizzes, all needed for completion


@dataclass
class PathState:
    path: LearningPath
    enrolment: PathEnrolment | None
    steps: list[rules.StepStatus]
    percent: int
    complete: bool
    next: rules.StepStatus | None
    attendance: list[rules.AttendanceStatus] = field(default_factory=list)  # events the path asks to attend


@dataclass
class LearnerState:
    modules: dict[str, ModuleProgress]
    paths: list[PathState] = field(default_factory=list)
    locked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    records: dict[int, LessonProgress] = field(default_factory=dict)  # lesson id -> the learner's record

    @property
    def completed(self) -> set[int]:
        """Ids of the lessons the learner completed."""
        return {lesson_id for lesson_id, row in self.records.items() if row.completed_at is not None}

    @property
    def last_opened(self) -> LessonProgress | None:
        """The learner's record of the lesson they opened most recently."""
        return max(self.records.values(), key=lambda row: (row.last_opened_at, row.id), default=None)

    def is_locked(self, module_slug: str) -> bool:
        return module_slug in self.locked

    def module_of(self, module_id: int) -> ModuleProgress | None:
        return next((p for p in self.modules.values() if p.module.id == module_id), None)

    def lock_on(self, module_id: int | None) -> tuple[Module, list[Module]] | None:
        """(the module, the modules it waits for) when a followed path locks this module; else None."""
        progress = self.module_of(module_id) if module_id is not None else None
        if progress is None or not self.is_locked(progress.module.slug):
            return None
        return progress.module, [self.modules[slug].module for slug in self.locked[progress.module.slug]]


def learner_state(session: Session, user_id: int | None) -> LearnerState:
    """Module progress for a learner plus the paths they follow and what those lock (all zero for visitors).

    Kept per process until the learner's records or the curriculum change (`course.progress.learner_cache`).
    """
    return kept_for_learner(session, user_id, "state", lambda: _learner_state(session, user_id), _rows)


def _rows(state: LearnerState) -> list:
    rows = [*state.records.values()]
    rows += [a for p in state.modules.values() for s in p.quizzes for a in s.attempts]
    rows += [p.enrolment for p in state.paths if p.enrolment is not None]
    return rows


def _learner_state(session: Session, user_id: int | None) -> LearnerState:
    opened = records.lesson_records(session, user_id) if user_id else {}
    completed = {lesson_id for lesson_id, row in opened.items() if row.completed_at is not None}
    quizzes = end_of_module_quizzes(session)
    standings = quiz_standings(session, user_id, [q for qs in quizzes.values() for q in qs])
    grouped = catalogue.lessons_by_module(session)
    modules = {}
    for module in catalogue.active_modules(session):
        lessons = grouped.get(module.id, [])
        mine = [standings[q.id] for q in quizzes.get(module.id, [])]
        status = rules.module_status(
            [lesson.id for lesson in lessons], completed, bool(mine), all(s.passed for s in mine)
        )
        modules[module.slug] = ModuleProgress(module, lessons, status, mine)
    state = LearnerState(modules, records=opened)
    if user_id is None:
        return state
    followed = {e.path_id: e for e in records.enrolments(session, user_id)}
    paths = [p for p in catalogue.active_paths(session) if p.id in followed]
    attended = attended_series(session, [user_id]).get(user_id, set()) if any(p.attendance for p in paths) else set()
    for path in paths:
        state.paths.append(path_state(path, followed[path.id], modules, attended))
    state.locked = rules.locked_modules([p.steps for p in state.paths])
    return state


def path_state(
    path: LearningPath,
    enrolment: PathEnrolment | None,
    modules: dict[str, ModuleProgress],
    attended: set[str] = frozenset(),
) -> PathState:
    """A path's steps, lock states, attendance requirements and progress for the learner behind `modules`
    (who attended events of the series in `attended`)."""
    complete = {slug: p.status.complete for slug, p in modules.items()}
    percents = {slug: p.status.percent for slug, p in modules.items()}
    steps = rules.path_steps([s for s in path.steps if s["module"] in modules], complete)
    attendance = rules.attendance_statuses(path.attendance or [], attended)
    return PathState(
        path,
        enrolment,
        steps,
        rules.path_percent(steps, percents, attendance),
        rules.path_complete(steps, attendance),
        rules.next_step(steps),
        attendance,
    )
