"""The curriculum as plain data, as read from the content folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from course.content.case_metadata import Organisation, Place

if TYPE_CHECKING:
    from course.content.assignment import AssignmentDoc
    from course.content.figures import FigureDoc


@dataclass
class ModelCard:
    """The replicable-model card of a case lesson: short phrases, facts from the case only."""

    actor: str
    problem: str
    tools: list[str]
    preconditions: list[str]
    results: list[str]
    copy: list[str]

    def as_dict(self) -> dict:
        return {
            "actor": self.actor,
            "problem": self.problem,
            "tools": self.tools,
            "preconditions": self.preconditions,
            "results": self.results,
            "copy": self.copy,
        }


@dataclass
class RelatedLink:
    slug: str
    why: str
    line: int


@dataclass
class LessonDoc:
    slug: str
    title: str
    position: int
    cases: list[int]
    audiences: list[str]
    summary: str
    minutes: int
    body: str  # the whole markdown body
    path: str
    body_line: int
    glossary_links: list[tuple[str, int]] = field(default_factory=list)  # (slug, file line)
    objectives: list[str] = field(default_factory=list)
    takeaway: str = ""
    snapshot: bool = False
    related: list[RelatedLink] = field(default_factory=list)
    model: ModelCard | None = None
    data_note: str = ""
    # The body cut at its `##` headings: (title, markdown) in order. A case lesson has exactly
    # "What the case reports", "Our reading" and "Reflection"; an opening or capstone lesson any.
    sections: list[tuple[str, str]] = field(default_factory=list)
    preamble: str = ""  # markdown before the first `##` heading
    place: Place | None = None
    organisation: Organisation | None = None
    themes: list[str] = field(default_factory=list)
    translations: dict = field(default_factory=dict)  # language code -> translations.TranslatedDocument

    def section(self, title: str) -> str:
        return next((text for name, text in self.sections if name == title), "")


@dataclass
class SynthesisDoc:
    """`synthesis.md`: the page that closes a module."""

    title: str
    across: str  # "Across the cases" markdown
    questions: str  # "Questions to compare" markdown
    path: str
    glossary_links: list[tuple[str, int]] = field(default_factory=list)
    translations: dict = field(default_factory=dict)  # language code -> translations.TranslatedDocument


@dataclass
class ModuleDoc:
    slug: str
    title: str
    chapter: int
    position: int
    summary: str
    objectives: list[str]
    study_minutes: int
    glossary: list[str]
    overview: str
    path: str
    glossary_line: int = 1
    lessons: list[LessonDoc] = field(default_factory=list)
    glossary_links: list[tuple[str, int]] = field(default_factory=list)
    synthesis: SynthesisDoc | None = None
    assignment: AssignmentDoc | None = None
    translations: dict = field(default_factory=dict)  # language code -> translations.TranslatedDocument


@dataclass
class GlossaryEntry:
    slug: str
    term: str
    definition: str
    path: str
    line: int
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)  # language code -> (term, definition)


@dataclass
class PathStep:
    module: str
    requires: list[str]
    lessons: list[str]
    line: int


@dataclass
class PathDoc:
    slug: str
    title: str
    audience: str
    description: str
    steps: list[PathStep]
    path: str
    line: int
    attendance: list[dict] = field(default_factory=list)  # [{"series": slug, "title": text}]: events to attend
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)  # language code -> (title, description)


@dataclass
class CourseContent:
    modules: list[ModuleDoc]
    glossary: list[GlossaryEntry]
    paths: list[PathDoc]
    case_count: int | None = None  # when set, cases 1..case_count must each be covered once
    figures: list[FigureDoc] = field(default_factory=list)

    def lessons(self) -> list[LessonDoc]:
        """Every lesson, in course order."""
        return [lesson for module in self.modules for lesson in module.lessons]
