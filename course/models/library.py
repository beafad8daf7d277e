"""The case library's search index: one row per lesson, glossary term and published practice case."""

from __future__ import annotations

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column


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
