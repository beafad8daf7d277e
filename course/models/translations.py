"""Translations of the curriculum and of quiz questions, loaded by `course sync` from sibling files."""

from __future__ import annotations

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column


class ContentTranslation(SQLModel, table=True):
    """One translated module page, lesson, glossary term, learning path (or synthesis): its texts only.

    `kind` and `slug` name the English row; `fields` holds the translated texts by the English row's field names
    (title, summary, body_html, objectives...). Progress and results stay on the English rows: shared by every
    language of the same lesson.
    """

    __table_args__ = (UniqueConstraint("kind", "slug", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # module | lesson | term | path | synthesis
    slug: str = Field(max_length=100)
    language: str = Field(max_length=10)  # content code: zh, fr, es, ar, ru
    fields: dict = Field(default_factory=dict, sa_column=json_column())
    source_path: str = Field(default="", max_length=300)
    source_hash: str = Field(default="", max_length=64)


class QuestionTranslation(SQLModel, table=True):
    """The texts of one question version in another language: one question with several texts, so attempts,
    grades and item analysis stay one per question whatever the language it was read in."""

    __table_args__ = (UniqueConstraint("version_id", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="questionversion.id", index=True)
    language: str = Field(max_length=10)
    data: dict = Field(default_factory=dict, sa_column=json_column())
