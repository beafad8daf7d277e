"""What each learner has done."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import utcnow


class LessonProgress(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("user_id", "lesson_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    lesson_id: int = Field(foreign_key="lesson.id", index=True)
    first_opened_at: datetime = Field(default_factory=utcnow)
    last_opened_at: datetime = Field(default_factory=utcnow)
    seconds_spent: int = 0
    completed_at: datetime | None = None


class PathEnrolment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("user_id", "path_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    path_id: int = Field(foreign_key="learningpath.id", index=True)
    chosen_at: datetime = Field(default_factory=utcnow)
    due_date: datetime | None = None


class ActivityEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    verb: str = Field(max_length=30)
    object_type: str = Field(max_length=30)
    object_id: int
    label: str = Field(default="", max_length=300)
    score: float | None = None
    at: datetime = Field(default_factory=utcnow, index=True)


class LrsFeed(SQLModel, table=True):
    """How far the learning record store (LRS_URL) has been sent the activity events: one row.

    Events are sent in id order; `last_event_id` moves only in the transaction that follows the store's
    answer, so an event is sent again only when a send was cut short, and then under the same statement
    id, which a store keeps once. A run holds a lease while it sends (no lock is held meanwhile)."""

    id: int = Field(default=1, primary_key=True)
    last_event_id: int = 0
    statements_sent: int = 0
    failures: int = 0  # in a row, since the last success
    next_attempt_at: datetime | None = None
    last_error: str = ""
    last_sent_at: datetime | None = None
    lease_holder: str = Field(default="", max_length=32)
    lease_until: datetime | None = None
