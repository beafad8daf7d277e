"""Putting a learner on a learning path, once, even when two requests do it at the same moment. The caller commits."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, select

from course import upkeep
from course.models import LearningPath, PathEnrolment
from course.models.base import utcnow
from course.upserts import insert_ignoring_duplicates


def enrol(session: Session, *, user_id: int, path: LearningPath, due_date: datetime | None = None) -> PathEnrolment:
    """Put a learner on a path (once) and return the enrolment; a due date given replaces the one it had.

    INSERT … ON CONFLICT DO NOTHING on the (user, path) key: a simultaneous enrolment (a double click, a roster
    upload while the trainee picks the path) finds the row the other made instead of failing on the key."""
    session.exec(
        insert_ignoring_duplicates(session, PathEnrolment).values(
            user_id=user_id, path_id=path.id, chosen_at=utcnow(), due_date=due_date
        )
    )
    upkeep.note_learner(session, user_id)  # a Core INSERT: what is cached of the learner's state must be redone
    enrolment = session.exec(
        select(PathEnrolment).where(PathEnrolment.user_id == user_id, PathEnrolment.path_id == path.id)
    ).one()
    if due_date is not None:
        enrolment.due_date = due_date
    return enrolment
