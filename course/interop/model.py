"""What a package holds, as plain data: modules, lessons (rendered HTML), module quizzes, banks, glossary.

Built from the database by `course.interop.material`; every package format reads only this, so a change
in how lessons are written (the markdown format) does not reach the packages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from course.questions.types import Question

SITE_NAME = "CBEC Academy"


@dataclass(frozen=True)
class LessonPage:
    slug: str
    title: str
    summary: str
    minutes: int
    cases: tuple[int, ...]
    body_html: str  # sanitised when the sync rendered it
    # The same page by part: (field, html) with field body_html, facts_html, reading_html or reflection_html; the
    # offline edition writes each part's heading in the reader's language.
    sections: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class BankQuestion:
    """One stored question at its current version."""

    id: int
    name: str
    category: str
    data: Question


@dataclass(frozen=True)
class Draw:
    """A random slot: `count` questions drawn from `pool` in each attempt."""

    count: int
    mark: float
    pool: tuple[BankQuestion, ...]


@dataclass(frozen=True)
class QuizPack:
    slug: str
    title: str
    description: str
    pass_mark: float  # percent
    attempts_allowed: int | None
    allow_practice: bool = True
    fixed: tuple[tuple[BankQuestion, float], ...] = ()  # (question, mark) in slot order
    draws: tuple[Draw, ...] = ()

    def questions(self) -> list[BankQuestion]:
        """Every question the quiz may ask: the fixed ones and each draw's whole pool, without repeats."""
        seen: dict[int, BankQuestion] = {}
        for question, _ in self.fixed:
            seen.setdefault(question.id, question)
        for draw in self.draws:
            for question in draw.pool:
                seen.setdefault(question.id, question)
        return list(seen.values())


@dataclass(frozen=True)
class ModulePack:
    slug: str
    title: str
    chapter: int
    summary: str
    overview_html: str
    objectives: tuple[str, ...]
    lessons: tuple[LessonPage, ...]
    quiz: QuizPack | None = None
    bank: tuple[BankQuestion, ...] = ()  # every active question of the banks the quiz draws from


@dataclass(frozen=True)
class GlossaryEntry:
    slug: str
    term: str
    definition: str  # plain text


@dataclass(frozen=True)
class CourseMaterial:
    """The whole course, or one module of it (`modules` then holds one)."""

    title: str
    modules: tuple[ModulePack, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    site_url: str = ""  # where the live site is, for links a package cannot hold; "" when unknown
    language: str = "en"  # BCP 47 tag (`<html lang>`)
    identifier: str = field(default="cbec-academy")
    content: str = "en"  # the content-file code of the texts (en, zh, fr…)
    locale: str = "en"  # the interface's Babel locale for the same language
    direction: str = "ltr"
    language_name: str = "English"
    # The same course in the other languages its content has (texts translated, English where a text has none).
    translations: tuple[CourseMaterial, ...] = ()
