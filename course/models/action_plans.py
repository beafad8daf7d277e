"""The capstone's written assignments: what is asked (from content), trainees' plans and their reviews."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column, utcnow


class Assignment(SQLModel, table=True):
    """An assignment of a module (modules/NN-slug/assignment.yml), kept in step by `course sync`."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=100)
    module_id: int = Field(foreign_key="module.id", index=True)
    lesson_id: int | None = Field(default=None, foreign_key="lesson.id")  # the lesson that presents it
    title: str = Field(max_length=200)
    summary: str = ""
    required: bool = True  # its lesson is complete only once the plan is submitted
    briefs: dict = Field(default_factory=dict, sa_column=json_column())  # audience -> what to write
    outline: list = Field(default_factory=list, sa_column=json_column())
    rubric: dict = Field(default_factory=dict, sa_column=json_column())  # {"levels": [...], "criteria": [...]}
    archived: bool = False
    source_hash: str = Field(default="", max_length=64)


class ActionPlan(SQLModel, table=True):
    """One trainee's plan for one assignment: a draft until submitted, editable after."""

    __table_args__ = (UniqueConstraint("user_id", "assignment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    assignment_id: int = Field(foreign_key="assignment.id", index=True)
    audience: str = Field(default="sme", max_length=20)  # which brief it answers
    title: str = Field(default="", max_length=200)
    text: str = ""  # markdown, rendered through the sanitiser
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_at: datetime | None = None


class PlanReview(SQLModel, table=True):
    """A reviewer's scores (a level per rubric criterion) and comments on a submitted plan."""

    __table_args__ = (UniqueConstraint("plan_id", "reviewer_id"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="actionplan.id", index=True)
    reviewer_id: int = Field(foreign_key="user.id", index=True)
    scores: dict = Field(default_factory=dict, sa_column=json_column())  # criterion key -> level index
    comments: dict = Field(default_factory=dict, sa_column=json_column())  # criterion key -> text
    overall: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # Staff hide an abusive review: the trainee no longer sees it; staff still do.
    hidden_at: datetime | None = None
    hidden_by: int | None = Field(default=None, foreign_key="user.id")
