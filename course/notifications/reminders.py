"""The daily reminder of learning paths due within a few days (`flask mail due-reminders`). The caller commits.

Idempotent: each reminder is a notice with a `once` key of the path and its due date, so a second run on
the same day (or on the next days before the due date) tells no one again; a new due date is reminded anew.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from course.mail.links import external_url
from course.models import LearningPath, PathEnrolment, User
from course.models.base import utcnow
from course.notifications.notify import notify
from course.progress.standing import learner_state


def send_due_reminders(session: Session, *, days: int, now: datetime | None = None) -> int:
    """Tell every active learner whose path is due within `days` days and not complete; returns how many
    were told now (those told before are not counted)."""
    now = now or utcnow()
    due_soon = session.exec(
        select(PathEnrolment, LearningPath, User)
        .join(LearningPath, PathEnrolment.path_id == LearningPath.id)
        .join(User, PathEnrolment.user_id == User.id)
        .where(
            PathEnrolment.due_date > now,
            PathEnrolment.due_date <= now + timedelta(days=days),
            LearningPath.archived == False,
            User.active == True,
        )
        .order_by(PathEnrolment.id)
    ).all()
    told = 0
    for enrolment, path, user in due_soon:
        if _complete(session, user.id, path.id):
            continue
        due = enrolment.due_date
        if notify(
            session,
            user,
            "due_reminder",
            once=f"due:{path.id}:{due.date().isoformat()}",
            title=path.title,
            due=due,
            days=(due.date() - now.date()).days,
            url=external_url("learn.my_learning"),
        ):
            told += 1
    return told


def _complete(session: Session, user_id: int, path_id: int) -> bool:
    return any(p.complete for p in learner_state(session, user_id).paths if p.path.id == path_id)
