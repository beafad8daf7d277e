"""A learner's own records: lessons opened and completed, paths followed. The caller commits."""

from __future__ import annotations

from sqlmodel import Session, select

from course.models import ActivityEvent, LearningPath, Lesson, LessonProgress, PathEnrolment
from course.models.base import utcnow
from course.progress import rules


def completed_lesson_ids(session: Session, user_id: int) -> set[int]:
    query = select(LessonProgress.lesson_id).where(
        LessonProgress.user_id == user_id, LessonProgress.completed_at.is_not(None)
    )
    return set(session.exec(query))


def progress_for(session: Session, user_id: int, lesson_id: int) -> LessonProgress | None:
    query = select(LessonProgress).where(LessonProgress.user_id == user_id, LessonProgress.lesson_id == lesson_id)
    return session.exec(query).first()


def last_opened(session: Session, user_id: int) -> LessonProgress | None:
    """The learner's record of the lesson they opened most recently."""
    return session.exec(
        select(LessonProgress).where(LessonProgress.user_id == user_id).order_by(LessonProgress.last_opened_at.desc())
    ).first()


def record_visit(session: Session, *, user_id: int, lesson: Lesson) -> LessonProgress:
    """Note that a learner opened a lesson (this never completes it)."""
    row = progress_for(session, user_id, lesson.id)
    now = utcnow()
    if row is None:
        row = LessonProgress(user_id=user_id, lesson_id=lesson.id, first_opened_at=now, last_opened_at=now)
        session.add(row)
        session.add(
            ActivityEvent(
                user_id=user_id,
                verb="experienced",
                object_type="lesson",
                object_id=lesson.id,
                label=lesson.title,
                at=now,
            )
        )
    else:
        row.seconds_spent += (
            rules.visit_seconds((now - row.last_opened_at).total_seconds()) if not row.completed_at else 0
        )
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
    session.add(
        ActivityEvent(
            user_id=user_id, verb="completed", object_type="lesson", object_id=lesson.id, label=lesson.title, at=now
        )
    )
    return True


def enrolments(session: Session, user_id: int) -> list[PathEnrolment]:
    return list(session.exec(select(PathEnrolment).where(PathEnrolment.user_id == user_id)))


def enrol(session: Session, *, user_id: int, path: LearningPath, due_date=None) -> PathEnrolment:
    """Put a learner on a path (once); returns the enrolment."""
    existing = session.exec(
        select(PathEnrolment).where(PathEnrolment.user_id == user_id, PathEnrolment.path_id == path.id)
    ).first()
    if existing:
        if due_date is not None:
            existing.due_date = due_date
        return existing
    enrolment = PathEnrolment(user_id=user_id, path_id=path.id, due_date=due_date)
    session.add(enrolment)
    return enrolment


def completed_lessons(session: Session, user_id: int) -> list[tuple[LessonProgress, Lesson]]:
    """The learner's completed lessons, most recent first."""
    return list(
        session.exec(
            select(LessonProgress, Lesson)
            .join(Lesson)
            .where(LessonProgress.user_id == user_id, LessonProgress.completed_at.is_not(None))
            .order_by(LessonProgress.completed_at.desc())
        )
    )


def recent_activity(session: Session, user_id: int, limit: int = 20) -> list[ActivityEvent]:
    """The learner's latest learning events, newest first."""
    return list(
        session.exec(
            select(ActivityEvent)
            .where(ActivityEvent.user_id == user_id)
            .order_by(ActivityEvent.at.desc(), ActivityEvent.id.desc())
            .limit(limit)
        )
    )
