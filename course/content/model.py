"""The curriculum as plain data, as read from the content folder."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class LessonDoc:
    slug: str
    title: str
    position: int
    cases: list[int]
    audiences: list[str]
    summary: str
    minutes: int
    body: str
    path: str
    body_line: int
    glossary_links: list[tuple[str, int]] = field(default_factory=list)  # (slug, file line)


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


@dataclass
class GlossaryEntry:
    slug: str
    term: str
    definition: str
    path: str
    line: int


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


@dataclass
class CourseContent:
    modules: list[ModuleDoc]
    glossary: list[GlossaryEntry]
    paths: list[PathDoc]
    case_count: int | None = None  # when set, cases 1..case_count must each be covered once

    def lessons(self) -> list[LessonDoc]:
        """Every lesson, in course order."""
        return [lesson for module in self.modules for lesson in module.lessons]
