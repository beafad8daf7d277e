"""The reflection portfolio: a trainee's answers to lessons' reflection questions, and replies to shared ones."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import utcnow


class Reflection(SQLModel, table=True):
    """One trainee's answer to one lesson's reflection question (markdown), private unless shared."""

    __table_args__ = (UniqueConstraint("user_id", "lesson_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    lesson_id: int = Field(foreign_key="lesson.id", index=True)
    text: str = ""
    shared: bool = False  # readable by the trainee's cohorts and their instructors, who may reply
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ReflectionReply(SQLModel, table=True):
    """A peer's or instructor's reply to a shared reflection; staff may hide it."""

    id: int | None = Field(default=None, primary_key=True)
    reflection_id: int = Field(foreign_key="reflection.id", index=True)
    author_id: int = Field(foreign_key="user.id", index=True)
    text: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    hidden_at: datetime | None = None
    hidden_by: int | None = Field(default=None, foreign_key="user.id")
