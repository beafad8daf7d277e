"""Course content in the reader's language: translated texts when `course sync` loaded them, else the English.

Templates write `{{ lesson|localized('title') }}` where they wrote `{{ lesson.title }}` (modules, lessons, glossary
terms and learning paths; `localized_text` for other kinds, such as a module's synthesis), and
`content_notice(row)` where a page shows the content itself: "Not yet translated: shown in English", or which
language it is shown in, with links to the other versions.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from course.content import catalogue
from course.db import get_session
from course.languages import BY_CONTENT, SOURCE, Language
from course.models import GlossaryTerm, LearningPath, Lesson, Module
from course.web.language.selection import current_language

KINDS = {Module: "module", Lesson: "lesson", GlossaryTerm: "term", LearningPath: "path"}


def localized_text(kind: str, slug: str, field: str, english):
    """A field of any translated content in the reader's language, or `english` when it has no translation."""
    language = current_language().content
    if language == SOURCE.content:
        return english
    fields = catalogue.translation(get_session(), kind, slug, language)
    return fields[field] if fields and field in fields else english


def localized(row, field: str):
    """A module's, lesson's, term's or path's field in the reader's language, else the English."""
    kind = KINDS.get(type(row))
    english = getattr(row, field)
    return english if kind is None else localized_text(kind, row.slug, field, english)


@dataclass(frozen=True)
class ContentVersions:
    """Which language a piece of content is shown in, and the others it can be read in."""

    shown: Language
    wanted: Language
    others: tuple[Language, ...]

    @property
    def fallback(self) -> bool:
        """Shown in English because the reader's language has no translation yet."""
        return self.shown is not self.wanted


def content_versions(row, kind: str | None = None) -> ContentVersions:
    """The versions of a module, lesson, term or path (or, with `kind`, any translated content)."""
    kind = kind or KINDS[type(row)]
    wanted = current_language()
    translated = catalogue.translation_languages(get_session(), kind, row.slug)
    shown = wanted if wanted is SOURCE or wanted.content in translated else SOURCE
    available = [SOURCE, *(BY_CONTENT[code] for code in translated if code in BY_CONTENT)]
    return ContentVersions(shown, wanted, tuple(language for language in available if language is not shown))


def register(app: Flask) -> None:
    """Make the helpers available to every template."""
    app.add_template_filter(localized)
    app.add_template_global(localized_text)
    app.add_template_global(content_versions)
