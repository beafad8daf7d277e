"""The curriculum as stored: modules, lessons, glossary and learning paths."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from course.models.base import json_column


class Module(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=100)
    title: str = Field(max_length=200)
    chapter: int
    position: int
    summary: str = ""
    overview_html: str = ""
    objectives: list = Field(default_factory=list, sa_column=json_column())
    glossary: list = Field(default_factory=list, sa_column=json_column())
    study_minutes: int = 0
    # The synthesis page that closes a case module (modules/NN-slug/synthesis.md); empty for the opening and capstone.
    synthesis_title: str = Field(default="", max_length=200)
    synthesis_html: str = ""
    synthesis_questions_html: str = ""
    archived: bool = False
    source_hash: str = Field(default="", max_length=64)


class Lesson(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    module_id: int = Field(foreign_key="module.id", index=True)
    slug: str = Field(index=True, unique=True, max_length=100)
    title: str = Field(max_length=200)
    position: int
    cases: list = Field(default_factory=list, sa_column=json_column())
    audiences: list = Field(default_factory=list, sa_column=json_column())
    summary: str = ""
    minutes: int = 0
    # Format v2 (docs/content-format.md). A case lesson keeps its three sections apart; an opening or capstone
    # lesson keeps its free sections in body_html (its "Reflection" section, if any, in reflection_html).
    body_html: str = ""
    facts_html: str = ""  # "What the case reports"
    reading_html: str = ""  # "Our reading"
    reflection_html: str = ""
    reflection_text: str = ""  # the reflection question as plain text (portfolio exports)
    objectives: list = Field(default_factory=list, sa_column=json_column())
    takeaway: str = ""
    snapshot: bool = False
    data_note: str = ""
    model: dict = Field(default_factory=dict, sa_column=json_column())  # the replicable-model card; {} for none
    related: list = Field(default_factory=list, sa_column=json_column())  # [{"slug", "why"}] as the lesson names them
    linked_from: list = Field(default_factory=list, sa_column=json_column())  # [{"slug", "why"}] lessons naming it
    # Where the case happened, who carried it out, what it is about (course/content/case_metadata.py).
    city: str = Field(default="", max_length=100)
    province: str = Field(default="", max_length=100)
    country: str = Field(default="", max_length=100)
    org_name: str = Field(default="", max_length=200)
    org_type: str = Field(default="", max_length=20)
    themes: list = Field(default_factory=list, sa_column=json_column())
    source_path: str = Field(default="", max_length=300)
    source_hash: str = Field(default="", max_length=64)
    archived: bool = False


class GlossaryTerm(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=100)
    term: str = Field(max_length=200)
    definition: str = ""
    archived: bool = False


class LearningPath(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=100)
    title: str = Field(max_length=200)
    audience: str = Field(default="", max_length=20)
    description: str = ""
    position: int = 0
    # Ordered steps: [{"module": slug, "requires": [slug, ...], "lessons": [slug, ...]}]
    steps: list = Field(default_factory=list, sa_column=json_column())
    # Events to attend besides the modules: [{"series": slug, "title": text}] (course/progress/rules.py)
    attendance: list = Field(default_factory=list, sa_column=json_column())
    archived: bool = False


class CatalogueRevision(SQLModel, table=True):
    """One row counting curriculum changes: a server re-reads its cached catalogue when the number moves."""

    id: int = Field(default=1, primary_key=True)
    number: int = 0


class Figure(SQLModel, table=True):
    """An accessible figure (modules/figures.yml): inline SVG with its text equivalent, or a table."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=100)
    title: str = Field(max_length=200)
    position: int = 0
    svg: str = ""  # checked at sync (course/content/figures.py); "" for a table-only figure
    text_html: str = ""  # the text or table equivalent, rendered and sanitised
    lessons: list = Field(default_factory=list, sa_column=json_column())  # slugs of the lessons that show it
    archived: bool = False
    source_hash: str = Field(default="", max_length=64)
