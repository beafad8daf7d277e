"""Everything about one learner's standing: module progress, paths, locks."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from course import learning
from course.models import LearningPath, PathEnrolment
from course.progress import rules
from course.quizzes.progress import module_quiz_states


@dataclass
class PathState:
    path: LearningPath
    enrolment: PathEnrolment | None
    steps: list[rules.StepStatus]
    percent: int
    complete: bool
    next: rules.StepStatus | None


@dataclass
class LearnerState:
    modules: dict[str, learning.ModuleProgress]
    paths: list[PathState] = field(default_factory=list)
    locked: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def is_locked(self, module_slug: str) -> bool:
        return module_slug in self.locked


def learner_state(session: Session, user_id: int | None) -> LearnerState:
    """Module progress for a learner plus the paths they follow and what those lock."""
    quiz_states = module_quiz_states(session, user_id)
    modules = {p.module.slug: p for p in learning.module_progress(
        session, user_id, lambda m: quiz_states.get(m.id, (False, False)))}
    state = LearnerState(modules)
    if user_id is None:
        return state
    followed = {e.path_id: e for e in learning.enrolments(session, user_id)}
    for path in learning.active_paths(session):
        if path.id in followed:
            state.paths.append(path_state(path, followed[path.id], modules))
    state.locked = rules.locked_modules([p.steps for p in state.paths])
    return state


def path_state(path: LearningPath, enrolment: PathEnrolment | None,
               modules: dict[str, learning.ModuleProgress]) -> PathState:
    """A path's steps, lock states and progress for the learner behind `modules`."""
    complete = {slug: p.status.complete for slug, p in modules.items()}
    percents = {slug: p.status.percent for slug, p in modules.items()}
    steps = rules.path_steps([s for s in path.steps if s["module"] in modules], complete)
    return PathState(path, enrolment, steps, rules.path_percent(steps, percents), rules.path_complete(steps),
                     rules.next_step(steps))
