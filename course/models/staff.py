"""Staff records: who co-teaches what, and the audit trail of staff actions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import utcnow


class CoInstructor(SQLModel, table=True):
    """An instructor who manages a cohort, question bank, quiz, event or study tour beside its owner
    (course/ownership.py)."""

    __table_args__ = (UniqueConstraint("object_type", "object_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    object_type: str = Field(max_length=20)  # cohort | questionbank | quiz | event | studytour
    object_id: int = Field(index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    added_by: int | None = Field(default=None, foreign_key="user.id")
    added_at: datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """One staff action: who did what to which object, when, and the object's state before and after."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    action: str = Field(max_length=40, index=True)
    object_type: str = Field(max_length=30, index=True)
    object_id: int | None = None
    before: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    after: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
