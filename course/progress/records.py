"""A learner's own records: lessons opened and completed, paths followed. The caller commits."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, select

from course import upkeep
from course.models import ActivityEvent, Lesson, LessonProgress, PathEnrolment
from course.models.base import utcnow
from course.progress import rules
from course.upserts import insert_ignoring_duplicates


def lesson_records(session: Session, user_id: int) -> dict[int, LessonProgress]:
    """Lesson id -> the learner's record of it, for every lesson they opened (one query)."""
    return {row.lesson_id: row for row in session.exec(select(LessonProgress).where(LessonProgress.user_id == user_id))}


def progress_for(session: Session, user_id: int, lesson_id: int) -> LessonProgress | None:
    query = select(LessonProgress).where(LessonProgress.user_id == user_id, LessonProgress.lesson_id == lesson_id)
    return session.exec(query).first()


def last_opened(session: Session, user_id: int) -> LessonProgress | None:
    """The learner's record of the lesson they opened most recently."""
    return session.exec(
        select(LessonProgress).where(LessonProgress.user_id == user_id).order_by(LessonProgress.last_opened_at.desc())
    ).first()


def record_visit(session: Session, *, user_id: int, lesson: Lesson) -> bool:
    """Note that a learner opened a lesson (this never completes it); False when nothing changed because it
    is already the lesson they opened last. Safe when two requests make the first visit at once."""
    now = utcnow()
    row = progress_for(session, user_id, lesson.id)
    if row is None:
        inserted = session.execute(
            insert_ignoring_duplicates(session, LessonProgress)
            .values(user_id=user_id, lesson_id=lesson.id, first_opened_at=now, last_opened_at=now, seconds_spent=0)
            .returning(LessonProgress.id)
        ).first()  # None when another request made the first visit a moment before: it counts, this one not
        if inserted is not None:
            session.add(_event(user_id, "experienced", lesson, now))
            upkeep.note_learner(session, user_id)
        return inserted is not None
    last = last_opened(session, user_id)
    if last is not None and last.lesson_id == lesson.id:
        return False
    if not row.completed_at:
        row.seconds_spent += rules.visit_seconds((now - row.last_opened_at).total_seconds())
    row.last_opened_at = now
    return True


def mark_complete(session: Session, *, user_id: int, lesson: Lesson) -> bool:
    """Record that a learner completed a lesson; False when it was already complete (also when another
    request completed it at the same moment: only one of them counts)."""
    record_visit(session, user_id=user_id, lesson=lesson)
    row = progress_for(session, user_id, lesson.id)
    now = utcnow()
    claimed = session.execute(
        update(LessonProgress)
        .where(LessonProgress.id == row.id, LessonProgress.completed_at.is_(None))
        .values(
            completed_at=now,
            last_opened_at=now,
            seconds_spent=LessonProgress.seconds_spent
            + rules.visit_seconds((now - row.last_opened_at).total_seconds()),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    session.expire(row)
    if not claimed:
        return False
    session.add(_event(user_id, "completed", lesson, now))
    upkeep.note_learner(session, user_id)
    return True


def _event(user_id: int, verb: str, lesson: Lesson, at) -> ActivityEvent:
    return ActivityEvent(
        user_id=user_id, verb=verb, object_type="lesson", object_id=lesson.id, label=lesson.title, at=at
    )


def enrolments(session: Session, user_id: int) -> list[PathEnrolment]:
    return list(session.exec(select(PathEnrolment).where(PathEnrolment.user_id == user_id)))


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
