"""Data functions for the curriculum and a learner's progress. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from course.models import ActivityEvent, LearningPath, Lesson, LessonProgress, Module, PathEnrolment
from course.models.base import utcnow
from course.progress import rules


def active_modules(session: Session) -> list[Module]:
    return list(session.exec(select(Module).where(Module.archived == False).order_by(Module.position)))  # noqa: E712


def module_by_slug(session: Session, slug: str) -> Module | None:
    return session.exec(select(Module).where(Module.slug == slug, Module.archived == False)).first()  # noqa: E712


def lesson_by_slug(session: Session, slug: str) -> Lesson | None:
    return session.exec(select(Lesson).where(Lesson.slug == slug, Lesson.archived == False)).first()  # noqa: E712


def lessons_by_module(session: Session) -> dict[int, list[Lesson]]:
    """Active lessons grouped by module id, in order."""
    grouped: dict[int, list[Lesson]] = {}
    query = select(Lesson).where(Lesson.archived == False).order_by(Lesson.module_id, Lesson.position)  # noqa: E712
    for lesson in session.exec(query):
        grouped.setdefault(lesson.module_id, []).append(lesson)
    return grouped


def completed_lesson_ids(session: Session, user_id: int) -> set[int]:
    query = select(LessonProgress.lesson_id).where(LessonProgress.user_id == user_id,
                                                   LessonProgress.completed_at.is_not(None))
    return set(session.exec(query))


def progress_for(session: Session, user_id: int, lesson_id: int) -> LessonProgress | None:
    query = select(LessonProgress).where(LessonProgress.user_id == user_id, LessonProgress.lesson_id == lesson_id)
    return session.exec(query).first()


def record_visit(session: Session, *, user_id: int, lesson: Lesson) -> LessonProgress:
    """Note that a learner opened a lesson (this never completes it)."""
    row = progress_for(session, user_id, lesson.id)
    now = utcnow()
    if row is None:
        row = LessonProgress(user_id=user_id, lesson_id=lesson.id, first_opened_at=now, last_opened_at=now)
        session.add(row)
        session.add(ActivityEvent(user_id=user_id, verb="experienced", object_type="lesson",
                                  object_id=lesson.id, label=lesson.title, at=now))
    else:
        row.seconds_spent += rules.visit_seconds((now - row.last_opened_at).total_seconds()) if not row.completed_at else 0
        row.last_opened_at = now
    return row


def mark_complete(session: Session, *, user_id: int, lesson: Lesson) -> bool:
    """Record that a learner completed a lesson; False when it was already complete."""
    row = progress_for(session, user_id, lesson.id) or record_visit(session, user_id=user_id, lesson=lesson)
    if row.completed_at is not None:
        return False
    now = utcnow()
    row.seconds_spent += rules.visit_seconds((now - row.last_opened_at).total_seconds())
    row.completed_at = row.last_opened_at = now
    session.add(ActivityEvent(user_id=user_id, verb="completed", object_type="lesson",
                              object_id=lesson.id, label=lesson.title, at=now))
    return True


@dataclass
class ModuleProgress:
    module: Module
    lessons: list[Lesson]
    status: rules.ModuleStatus
    locked_by: tuple[str, ...] = ()


def module_progress(session: Session, user_id: int | None, quiz_state=None) -> list[ModuleProgress]:
    """Every active module with the learner's status (all zero for visitors)."""
    completed = completed_lesson_ids(session, user_id) if user_id else set()
    quiz_state = quiz_state or (lambda module: (False, False))
    grouped = lessons_by_module(session)
    result = []
    for module in active_modules(session):
        lessons = grouped.get(module.id, [])
        required, passed = quiz_state(module)
        status = rules.module_status([lesson.id for lesson in lessons], completed, required, passed)
        result.append(ModuleProgress(module, lessons, status))
    return result


def active_paths(session: Session) -> list[LearningPath]:
    query = select(LearningPath).where(LearningPath.archived == False).order_by(LearningPath.position)  # noqa: E712
    return list(session.exec(query))


def path_by_slug(session: Session, slug: str) -> LearningPath | None:
    return session.exec(select(LearningPath).where(LearningPath.slug == slug,
                                                   LearningPath.archived == False)).first()  # noqa: E712


def enrolments(session: Session, user_id: int) -> list[PathEnrolment]:
    return list(session.exec(select(PathEnrolment).where(PathEnrolment.user_id == user_id)))


def enrol(session: Session, *, user_id: int, path: LearningPath, due_date=None) -> PathEnrolment:
    """Put a learner on a path (once); returns the enrolment."""
    existing = session.exec(select(PathEnrolment).where(PathEnrolment.user_id == user_id,
                                                        PathEnrolment.path_id == path.id)).first()
    if existing:
        if due_date is not None:
            existing.due_date = due_date
        return existing
    enrolment = PathEnrolment(user_id=user_id, path_id=path.id, due_date=due_date)
    session.add(enrolment)
    return enrolment
