"""The curriculum as stored: active modules, lessons and learning paths, looked up for pages and reports."""

from __future__ import annotations

from sqlmodel import Session, select

from course.models import GlossaryTerm, LearningPath, Lesson, Module


def active_modules(session: Session) -> list[Module]:
    return list(session.exec(select(Module).where(Module.archived == False).order_by(Module.position)))


def module_by_slug(session: Session, slug: str) -> Module | None:
    return session.exec(select(Module).where(Module.slug == slug, Module.archived == False)).first()


def lesson_by_slug(session: Session, slug: str) -> Lesson | None:
    return session.exec(select(Lesson).where(Lesson.slug == slug, Lesson.archived == False)).first()


def lessons_by_module(session: Session) -> dict[int, list[Lesson]]:
    """Active lessons grouped by module id, in order."""
    grouped: dict[int, list[Lesson]] = {}
    query = select(Lesson).where(Lesson.archived == False).order_by(Lesson.module_id, Lesson.position)
    for lesson in session.exec(query):
        grouped.setdefault(lesson.module_id, []).append(lesson)
    return grouped


def active_paths(session: Session) -> list[LearningPath]:
    query = select(LearningPath).where(LearningPath.archived == False).order_by(LearningPath.position)
    return list(session.exec(query))


def path_by_slug(session: Session, slug: str) -> LearningPath | None:
    return session.exec(select(LearningPath).where(LearningPath.slug == slug, LearningPath.archived == False)).first()


def glossary_terms(session: Session, slugs: list[str] | None = None) -> list[GlossaryTerm]:
    """Active glossary terms in alphabetical order: all of them, or those with these slugs."""
    query = select(GlossaryTerm).where(GlossaryTerm.archived == False).order_by(GlossaryTerm.term)
    if slugs is not None:
        query = query.where(GlossaryTerm.slug.in_(slugs))
    return list(session.exec(query))
