"""Training programmes: cohorts, their members, invitations and certificates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import utcnow


class Cohort(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    path_id: int | None = Field(default=None, foreign_key="learningpath.id")
    due_date: datetime | None = None
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    archived: bool = False
    # Who may manage it: course/ownership.py. None: admin-managed (rows made before owners existed).
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)


class CohortMember(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("cohort_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    enrolled_at: datetime = Field(default_factory=utcnow)
    # What this member adds to the cohort's tallies (course.reports.contribution), as last counted; None: not yet.
    counted: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Invitation(SQLModel, table=True):
    """A one-time link that lets an enrolled person without a password set one."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None


class Certificate(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("user_id", "path_id"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=32)
    user_id: int = Field(foreign_key="user.id", index=True)
    path_id: int = Field(foreign_key="learningpath.id")
    holder_name: str = Field(max_length=120)
    path_title: str = Field(max_length=200)
    issued_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    revoked_reason: str = ""
