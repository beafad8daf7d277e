"""What the trainee's "My learning" page shows."""

from __future__ import annotations

from sqlmodel import Session, select

from course import learning
from course.learner_state import learner_state
from course.models import ActivityEvent, Attempt, Lesson, LessonProgress, Quiz
from course.quizzes import attempts as quiz_attempts


def dashboard_context(session: Session, user) -> dict:
    """Module and path progress, where to continue, and recent activity."""
    state = learner_state(session, user.id)
    last = session.exec(select(LessonProgress).where(LessonProgress.user_id == user.id)
                        .order_by(LessonProgress.last_opened_at.desc())).first()
    resume = _resume_lesson(session, state, last)
    history = session.exec(select(ActivityEvent).where(ActivityEvent.user_id == user.id)
                           .order_by(ActivityEvent.at.desc(), ActivityEvent.id.desc()).limit(20)).all()
    done = session.exec(select(LessonProgress, Lesson).join(Lesson)
                        .where(LessonProgress.user_id == user.id, LessonProgress.completed_at.is_not(None))
                        .order_by(LessonProgress.completed_at.desc())).all()
    return {"state": state, "resume": resume, "history": history, "completed": done,
            "quiz_results": quiz_results(session, user.id, state)}


def quiz_results(session: Session, user_id: int, state) -> list[dict]:
    """Quizzes the trainee took or should take next: best score, grade, attempts left."""
    path_modules = {step.module for path in state.paths for step in path.steps}
    module_ids = {p.module.id for slug, p in state.modules.items() if slug in path_modules}
    taken = set(session.exec(select(Attempt.quiz_id).where(Attempt.user_id == user_id)))
    quizzes = session.exec(select(Quiz).where(Quiz.archived == False).order_by(Quiz.id)).all()  # noqa: E712
    results = []
    for quiz in quizzes:
        if quiz.id not in taken and not (quiz.kind == "module" and quiz.module_id in module_ids):
            continue
        counted = quiz_attempts.graded_attempts(session, quiz, user_id)
        scores = [a.score for a in counted if a.state == "submitted" and a.score is not None]
        grade = quiz_attempts.grade_of(quiz, counted)
        window = quiz_attempts.availability(session, quiz, user_id)
        results.append({"quiz": quiz, "best": max(scores) if scores else None, "grade": grade,
                        "passed": quiz_attempts.has_passed(quiz, grade), "window": window,
                        "pending": any(a.needs_grading for a in counted)})
    return results


def _resume_lesson(session: Session, state, last: LessonProgress | None) -> Lesson | None:
    """The lesson last opened if unfinished, else the next unfinished lesson of that module."""
    if last is None:
        return None
    lesson = session.get(Lesson, last.lesson_id)
    if lesson is None or lesson.archived:
        return None
    if last.completed_at is None:
        return lesson
    completed = learning.completed_lesson_ids(session, last.user_id)
    for progress in state.modules.values():
        if progress.module.id == lesson.module_id:
            return next((item for item in progress.lessons if item.id not in completed), None)
    return None
