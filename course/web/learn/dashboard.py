"""What the trainee's "My learning" page shows, gathered from the progress and quiz data functions.

The page is kept per learner (`course.web.kept_pages`): nothing on it depends on the time of day, only on the
learner's records (their quiz extensions included) and the curriculum.
"""

from __future__ import annotations

from sqlmodel import Session

from course.models import Lesson, LessonProgress
from course.progress import records
from course.progress.standing import LearnerState, learner_state
from course.quizzes.attempts import availability, extensions_of
from course.quizzes.standing import quiz_standings, quizzes_for_trainee


def dashboard_context(session: Session, user) -> dict:
    """Module and path progress, where to continue, quiz results and recent activity."""
    state = learner_state(session, user.id)
    path_modules = {step.module for path in state.paths for step in path.steps}
    module_ids = {p.module.id for slug, p in state.modules.items() if slug in path_modules}
    quizzes = quizzes_for_trainee(session, user.id, module_ids)
    standings = quiz_standings(session, user.id, quizzes)
    extensions = extensions_of(session, user.id)
    results = [
        (
            standings[q.id],
            availability(session, q, user.id, attempts_used=len(standings[q.id].attempts), extensions=extensions),
        )
        for q in quizzes
    ]
    return {
        "state": state,
        "resume": resume_lesson(state, state.last_opened),
        "history": records.recent_activity(session, user.id),
        "completed": records.completed_lessons(session, user.id),
        "quiz_results": results,
    }


def resume_lesson(state: LearnerState, last: LessonProgress | None) -> Lesson | None:
    """The lesson last opened if unfinished, else the next unfinished lesson of that module."""
    if last is None:
        return None
    for progress in state.modules.values():
        lesson = next((item for item in progress.lessons if item.id == last.lesson_id), None)
        if lesson is None:
            continue
        if last.completed_at is None:
            return lesson
        return next((item for item in progress.lessons if item.id not in state.completed), None)
    return None
