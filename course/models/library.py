"""The case library: its search index (one row per lesson, glossary term and published practice case) and the
practice cases users submit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column, utcnow


class LibraryEntry(SQLModel, table=True):
    """What the library searches and filters, kept in step by `course sync` and by publishing a practice case
    (`course/library/entries.py`). SQLite indexes it in the FTS5 table `library_fts` (kept by triggers),
    PostgreSQL with a GIN index on its weighted text (both made by the migration)."""

    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)  # lesson | case | term
    key: str = Field(max_length=100)  # the lesson's or term's slug, the practice case's id
    title: str = Field(max_length=300)
    keywords: str = Field(default="", sa_column=Column(Text, nullable=False))  # organisation, place, themes
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))
    body: str = Field(default="", sa_column=Column(Text, nullable=False))  # plain text
    position: int = 0  # the order of the library without a query: course order, then cases as published
    chapter: int | None = None
    city: str = Field(default="", max_length=100)
    province: str = Field(default="", max_length=100)
    country: str = Field(default="", max_length=100)
    org_name: str = Field(default="", max_length=200)
    org_type: str = Field(default="", max_length=20)
    themes: list = Field(default_factory=list, sa_column=json_column())
    audiences: list = Field(default_factory=list, sa_column=json_column())


class PracticeCase(SQLModel, table=True):
    """A practice case a user submits through the guided form: a draft the author edits until submitting it,
    then reviewed by an administrator (`course/library/practice_cases.py`); only a published case is seen by
    anyone but its author and the administrators, and only then does it join the library."""

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="user.id", index=True)
    status: str = Field(default="draft", max_length=20, index=True)  # see course/library/practice_cases.py
    title: str = Field(default="", max_length=200)
    org_name: str = Field(default="", max_length=200)
    org_type: str = Field(default="", max_length=20)
    country: str = Field(default="", max_length=100)
    province: str = Field(default="", max_length=100)
    city: str = Field(default="", max_length=100)
    chapter: int | None = None
    themes: list = Field(default_factory=list, sa_column=json_column())
    audiences: list = Field(default_factory=list, sa_column=json_column())
    summary: str = Field(default="", sa_column=Column(Text, nullable=False))  # the problem, in a sentence or two
    what_was_done: str = Field(default="", sa_column=Column(Text, nullable=False))  # markdown, sanitised when shown
    tools: list = Field(default_factory=list, sa_column=json_column())  # one line each, plain text
    results: list = Field(default_factory=list, sa_column=json_column())
    results_source: str = Field(default="", sa_column=Column(Text, nullable=False))
    preconditions: list = Field(default_factory=list, sa_column=json_column())
    replicable: list = Field(default_factory=list, sa_column=json_column())  # what others can copy
    contact_name: str = Field(default="", max_length=200)
    contact_email: str = Field(default="", max_length=254)
    permission: bool = False  # the author allows publication
    review_comment: str = Field(
        default="", sa_column=Column(Text, nullable=False)
    )  # changes asked for, or why rejected
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_at: datetime | None = None
    reviewed_at: datetime | None = None
    reviewed_by: int | None = Field(default=None, foreign_key="user.id")
    published_at: datetime | None = None

    @property
    def model(self) -> dict:
        """The replicable-model card (read through course.library.model_card)."""
        return {
            "actor": self.org_name,
            "problem": self.summary,
            "tools": self.tools,
            "preconditions": self.preconditions,
            "results": self.results,
            "copy": self.replicable,
        }
