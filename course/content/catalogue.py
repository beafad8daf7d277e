"""The curriculum as stored: active modules, lessons, learning paths, glossary terms and module quizzes,
and the site's settings (whether reading needs an account).

The curriculum changes rarely (`course sync`, an instructor editing a quiz), so each process keeps one
read-only snapshot of it per database and pages read it without a query. Every change moves a
revision number in the same transaction (`course sync` here, quiz edits through `course.upkeep`) and
drops the snapshot of its own process; other processes and servers compare the number at most every
`REVISION_CHECK_SECONDS` and reload when it moved. Snapshot rows are detached from any session: read
them, never change them.
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass, field

from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool
from sqlmodel import Session, select

from course.models import (
    Assignment,
    CatalogueRevision,
    ContentTranslation,
    Figure,
    GlossaryTerm,
    LearningPath,
    Lesson,
    Module,
    Quiz,
    SiteSettings,
)

REVISION_CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class _Snapshot:
    revision: int
    modules: tuple[Module, ...]
    lessons: dict[int, list[Lesson]]  # module id -> its active lessons in order
    lesson_slugs: dict[str, Lesson]
    paths: tuple[LearningPath, ...]
    terms: tuple[GlossaryTerm, ...]  # alphabetical
    quizzes: tuple[Quiz, ...]  # active quizzes attached to a module, oldest first
    assignments: tuple[Assignment, ...]  # active assignments
    figures: tuple[Figure, ...]  # active figures in their order
    settings: SiteSettings
    translations: dict[tuple[str, str, str], dict]  # (kind, slug, language) -> translated fields
    translated_into: dict[tuple[str, str], list[str]]  # (kind, slug) -> languages
    checked: list[float] = field(default_factory=lambda: [time.monotonic()])  # when the revision was last compared


# By the engine's pool: the app's engines for writing and for reading (course.db) share one, and one database.
_snapshots: weakref.WeakKeyDictionary[Pool, _Snapshot] = weakref.WeakKeyDictionary()
_loading = threading.Lock()


def active_modules(session: Session) -> list[Module]:
    return list(_snapshot(session).modules)


def module_by_slug(session: Session, slug: str) -> Module | None:
    return next((m for m in _snapshot(session).modules if m.slug == slug), None)


def module_by_chapter(session: Session, chapter: int | None) -> Module | None:
    return next((m for m in _snapshot(session).modules if m.chapter == chapter), None)


def lesson_by_slug(session: Session, slug: str) -> Lesson | None:
    return _snapshot(session).lesson_slugs.get(slug)


def module_by_id(session: Session, module_id: int) -> Module | None:
    return next((m for m in _snapshot(session).modules if m.id == module_id), None)


@dataclass(frozen=True)
class Link:
    """A lesson named beside another (related to it, or linking to it), with the reason given."""

    lesson: Lesson
    module: Module
    why: str


def links(session: Session, entries: list[dict]) -> list[Link]:
    """The active lessons that `entries` ([{"slug", "why"}], as a lesson's related or linked_from) name."""
    found = []
    for entry in entries:
        lesson = lesson_by_slug(session, entry.get("slug", ""))
        module = module_by_id(session, lesson.module_id) if lesson else None
        if lesson is not None and module is not None:
            found.append(Link(lesson, module, entry.get("why", "")))
    return found


def lessons_by_module(session: Session) -> dict[int, list[Lesson]]:
    """Active lessons grouped by module id, in order (lessons of archived modules included)."""
    return _snapshot(session).lessons


def active_paths(session: Session) -> list[LearningPath]:
    return list(_snapshot(session).paths)


def path_by_slug(session: Session, slug: str) -> LearningPath | None:
    return next((p for p in _snapshot(session).paths if p.slug == slug), None)


def glossary_terms(session: Session, slugs: list[str] | None = None) -> list[GlossaryTerm]:
    """Active glossary terms in alphabetical order: all of them, or those with these slugs."""
    terms = _snapshot(session).terms
    return list(terms) if slugs is None else [t for t in terms if t.slug in set(slugs)]


def module_quizzes(session: Session) -> list[Quiz]:
    """Active quizzes attached to a module, oldest first."""
    return list(_snapshot(session).quizzes)


def assignment_by_slug(session: Session, slug: str) -> Assignment | None:
    return next((a for a in _snapshot(session).assignments if a.slug == slug), None)


def assignment_of_lesson(session: Session, lesson_id: int) -> Assignment | None:
    """The assignment a lesson presents, if any."""
    return next((a for a in _snapshot(session).assignments if a.lesson_id == lesson_id), None)


def figures_of_lesson(session: Session, lesson_slug: str) -> list[Figure]:
    """The figures a lesson shows, in their order."""
    return [f for f in _snapshot(session).figures if lesson_slug in f.lessons]


def site_settings(session: Session) -> SiteSettings:
    """The site's settings (defaults when no row was ever saved); a change moves the revision (`course.upkeep`)."""
    return _snapshot(session).settings


def translation(session: Session, kind: str, slug: str, language: str) -> dict | None:
    """The translated texts of a module, lesson, term, path or synthesis (by the English row's field names), or
    None when that language has none."""
    return _snapshot(session).translations.get((kind, slug, language))


def translation_languages(session: Session, kind: str, slug: str) -> list[str]:
    """The content codes (`fr`, `zh`...) this module, lesson, term, path or synthesis is translated into."""
    return _snapshot(session).translated_into.get((kind, slug), [])


def revision(session: Session) -> int:
    """The revision of the catalogue the process holds (what it derives from the catalogue may be cached by it)."""
    return _snapshot(session).revision


def record_change(session: Session) -> None:
    """Move the revision (in the caller's transaction) and drop this process's snapshot."""
    moved = session.exec(update(CatalogueRevision).values(number=CatalogueRevision.number + 1)).rowcount
    if not moved:
        session.add(CatalogueRevision(id=1, number=1))
    session.flush()
    forget(session.get_bind())


def forget(engine: Engine) -> None:
    """Drop this process's snapshot of the database behind `engine`: the next read loads a new one."""
    _snapshots.pop(engine.pool, None)


def _revision(session: Session) -> int:
    return session.exec(select(CatalogueRevision.number)).first() or 0


def _snapshot(session: Session) -> _Snapshot:
    pool = session.get_bind().pool
    snapshot = _snapshots.get(pool)
    now = time.monotonic()
    if snapshot is not None and now - snapshot.checked[0] < REVISION_CHECK_SECONDS:
        return snapshot
    revision = _revision(session)
    if snapshot is not None and snapshot.revision == revision:
        snapshot.checked[0] = now
        return snapshot
    with _loading:
        snapshot = _load(session, revision)
        _snapshots[pool] = snapshot
    return snapshot


def _load(session: Session, revision: int) -> _Snapshot:
    """Read the curriculum through the caller's connection into rows that belong to no session."""
    with Session(bind=session.connection()) as loader:
        modules = tuple(loader.exec(select(Module).where(Module.archived == False).order_by(Module.position)))
        lessons: dict[int, list[Lesson]] = {}
        for lesson in loader.exec(
            select(Lesson).where(Lesson.archived == False).order_by(Lesson.module_id, Lesson.position)
        ):
            lessons.setdefault(lesson.module_id, []).append(lesson)
        paths = tuple(
            loader.exec(select(LearningPath).where(LearningPath.archived == False).order_by(LearningPath.position))
        )
        terms = tuple(
            loader.exec(select(GlossaryTerm).where(GlossaryTerm.archived == False).order_by(GlossaryTerm.term))
        )
        quizzes = tuple(
            loader.exec(select(Quiz).where(Quiz.module_id.is_not(None), Quiz.archived == False).order_by(Quiz.id))
        )
        assignments = tuple(loader.exec(select(Assignment).where(Assignment.archived == False).order_by(Assignment.id)))
        figures = tuple(loader.exec(select(Figure).where(Figure.archived == False).order_by(Figure.position)))
        settings = loader.get(SiteSettings, 1) or SiteSettings()
        translations = {
            (row.kind, row.slug, row.language): row.fields
            for row in loader.exec(select(ContentTranslation).order_by(ContentTranslation.id))
        }
        loader.expunge_all()
    slugs = {lesson.slug: lesson for group in lessons.values() for lesson in group}
    translated_into: dict[tuple[str, str], list[str]] = {}
    for kind, slug, language in translations:
        translated_into.setdefault((kind, slug), []).append(language)
    return _Snapshot(
        revision,
        modules,
        lessons,
        slugs,
        paths,
        terms,
        quizzes,
        assignments,
        figures,
        settings,
        translations,
        translated_into,
    )
