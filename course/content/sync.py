"""Write loaded content into the database: idempotent, archive instead of delete.

The caller owns the transaction: it commits after a successful sync or rolls back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from course.content import catalogue
from course.content.model import CourseContent, LessonDoc, ModuleDoc
from course.content.render import plain_text, render_markdown
from course.content.sections import FACTS, READING, REFLECTION
from course.content.translation_sync import sync_content_translations, wanted_translations
from course.library import entries as library_entries
from course.models import Assignment, Figure, GlossaryTerm, LearningPath, Lesson, Module


@dataclass
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    archived: list[str] = field(default_factory=list)
    unchanged: int = 0
    translated: list[str] = field(default_factory=list)  # translations added, changed or removed

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.archived or self.translated)

    def summary(self) -> str:
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.archived)} archived, {self.unchanged} unchanged, "
            f"{len(self.translated)} translations added, changed or removed"
        )


def default_glossary_url(slug: str) -> str:
    return f"/glossary#{slug}"


def sync_course(
    session: Session, course: CourseContent, glossary_url: Callable[[str], str] = default_glossary_url
) -> SyncReport:
    """Bring the stored curriculum in line with `course`; does not commit."""
    report = SyncReport()
    modules = _sync_modules(session, course, glossary_url, report)
    _sync_lessons(session, course, modules, glossary_url, report)
    _sync_assignments(session, course, modules, report)
    _sync_figures(session, course, report)
    _sync_glossary(session, course, report)
    _sync_paths(session, course, report)
    report.translated = sync_content_translations(session, wanted_translations(course, glossary_url))
    session.flush()
    library_entries.refresh_curriculum(session)
    if report.changed:
        catalogue.record_change(session)
    return report


def _digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _apply(row, values: dict, digest: str, label: str, report: SyncReport) -> None:
    if row.source_hash == digest and not row.archived:
        report.unchanged += 1
        return
    for key, value in values.items():
        setattr(row, key, value)
    row.source_hash, row.archived = digest, False
    report.updated.append(label)


def _sync_modules(session, course, glossary_url, report) -> dict[str, Module]:
    existing = {m.slug: m for m in session.exec(select(Module)).all()}
    result = {}
    for doc in course.modules:
        values = _module_values(doc, glossary_url)
        digest = _digest(values)
        row = existing.get(doc.slug)
        if row is None:
            row = Module(slug=doc.slug, source_hash=digest, **values)
            session.add(row)
            report.created.append(f"module {doc.slug}")
        else:
            _apply(row, values, digest, f"module {doc.slug}", report)
        result[doc.slug] = row
    _archive(existing, set(result), "module", report)
    session.flush()
    return result


def _module_values(doc: ModuleDoc, glossary_url) -> dict:
    synthesis = doc.synthesis
    return {
        "title": doc.title,
        "chapter": doc.chapter,
        "position": doc.position,
        "summary": doc.summary,
        "overview_html": render_markdown(doc.overview, glossary_url),
        "objectives": doc.objectives,
        "glossary": doc.glossary,
        "study_minutes": doc.study_minutes,
        "synthesis_title": synthesis.title if synthesis else "",
        "synthesis_html": render_markdown(synthesis.across, glossary_url) if synthesis else "",
        "synthesis_questions_html": render_markdown(synthesis.questions, glossary_url) if synthesis else "",
    }


def _sync_lessons(session, course, modules, glossary_url, report) -> None:
    existing = {lesson.slug: lesson for lesson in session.exec(select(Lesson)).all()}
    linked_from = _linked_from(course)
    seen = set()
    for module_doc in course.modules:
        module = modules[module_doc.slug]
        for doc in module_doc.lessons:
            values = _lesson_values(doc, module.id, glossary_url) | {"linked_from": linked_from.get(doc.slug, [])}
            digest = _digest(values)
            row = existing.get(doc.slug)
            if row is None:
                session.add(Lesson(slug=doc.slug, source_hash=digest, **values))
                report.created.append(f"lesson {doc.slug}")
            else:
                _apply(row, values, digest, f"lesson {doc.slug}", report)
            seen.add(doc.slug)
    _archive(existing, seen, "lesson", report)


def _linked_from(course: CourseContent) -> dict[str, list[dict]]:
    """For each lesson, the lessons that name it as related (with their reason), in course order."""
    found: dict[str, list[dict]] = {}
    for lesson in course.lessons():
        for link in lesson.related:
            found.setdefault(link.slug, []).append({"slug": lesson.slug, "why": link.why})
    return found


def _lesson_values(doc: LessonDoc, module_id: int, glossary_url) -> dict:
    def html(markdown: str) -> str:
        return render_markdown(markdown, glossary_url) if markdown.strip() else ""

    free = [f"## {title}\n\n{text}" for title, text in doc.sections if title not in (FACTS, READING, REFLECTION)]
    reflection = doc.section(REFLECTION)
    return {
        "module_id": module_id,
        "title": doc.title,
        "position": doc.position,
        "cases": doc.cases,
        "audiences": doc.audiences,
        "summary": doc.summary,
        "minutes": doc.minutes,
        "body_html": html("\n\n".join([doc.preamble, *free])),
        "facts_html": html(doc.section(FACTS)),
        "reading_html": html(doc.section(READING)),
        "reflection_html": html(reflection),
        "reflection_text": plain_text(html(reflection)),
        "objectives": doc.objectives,
        "takeaway": doc.takeaway,
        "snapshot": doc.snapshot,
        "data_note": doc.data_note,
        "model": doc.model.as_dict() if doc.model else {},
        "related": [{"slug": link.slug, "why": link.why} for link in doc.related],
        "source_path": doc.path,
        "city": doc.place.city if doc.place else "",
        "province": doc.place.province if doc.place else "",
        "country": doc.place.country if doc.place else "",
        "org_name": doc.organisation.name if doc.organisation else "",
        "org_type": doc.organisation.type if doc.organisation else "",
        "themes": doc.themes,
    }


def _sync_assignments(session, course, modules, report) -> None:
    session.flush()
    lessons = {lesson.slug: lesson.id for lesson in session.exec(select(Lesson).where(Lesson.archived == False))}
    existing = {a.slug: a for a in session.exec(select(Assignment)).all()}
    seen = set()
    for module_doc in course.modules:
        doc = module_doc.assignment
        if doc is None:
            continue
        values = {
            "module_id": modules[module_doc.slug].id,
            "lesson_id": lessons.get(doc.lesson),
            "title": doc.title,
            "summary": doc.summary,
            "required": doc.required,
            "briefs": doc.briefs,
            "outline": doc.outline,
            "rubric": doc.rubric(),
        }
        digest = _digest(values)
        row = existing.get(doc.slug)
        if row is None:
            session.add(Assignment(slug=doc.slug, source_hash=digest, **values))
            report.created.append(f"assignment {doc.slug}")
        else:
            _apply(row, values, digest, f"assignment {doc.slug}", report)
        seen.add(doc.slug)
    _archive(existing, seen, "assignment", report)


def _sync_figures(session, course, report) -> None:
    existing = {f.slug: f for f in session.exec(select(Figure)).all()}
    for position, doc in enumerate(course.figures, start=1):
        values = {
            "title": doc.title,
            "position": position,
            "svg": doc.svg,
            "text_html": render_markdown(doc.text) if doc.text.strip() else "",
            "lessons": doc.lessons,
        }
        digest = _digest(values)
        row = existing.get(doc.slug)
        if row is None:
            session.add(Figure(slug=doc.slug, source_hash=digest, **values))
            report.created.append(f"figure {doc.slug}")
        else:
            _apply(row, values, digest, f"figure {doc.slug}", report)
    _archive(existing, {f.slug for f in course.figures}, "figure", report)


def _sync_glossary(session, course, report) -> None:
    existing = {t.slug: t for t in session.exec(select(GlossaryTerm)).all()}
    for entry in course.glossary:
        row = existing.get(entry.slug)
        values = {"term": entry.term, "definition": entry.definition}
        if row is None:
            session.add(GlossaryTerm(slug=entry.slug, **values))
            report.created.append(f"term {entry.slug}")
        elif row.archived or (row.term, row.definition) != (entry.term, entry.definition):
            row.term, row.definition, row.archived = entry.term, entry.definition, False
            report.updated.append(f"term {entry.slug}")
        else:
            report.unchanged += 1
    _archive(existing, {e.slug for e in course.glossary}, "term", report)


def _sync_paths(session, course, report) -> None:
    existing = {p.slug: p for p in session.exec(select(LearningPath)).all()}
    for position, doc in enumerate(course.paths, start=1):
        steps = [{"module": s.module, "requires": s.requires, "lessons": s.lessons} for s in doc.steps]
        values = {
            "title": doc.title,
            "audience": doc.audience,
            "description": doc.description,
            "position": position,
            "steps": steps,
            "attendance": doc.attendance,
        }
        row = existing.get(doc.slug)
        if row is None:
            session.add(LearningPath(slug=doc.slug, **values))
            report.created.append(f"path {doc.slug}")
        elif row.archived or any(getattr(row, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.archived = False
            report.updated.append(f"path {doc.slug}")
        else:
            report.unchanged += 1
    _archive(existing, {p.slug for p in course.paths}, "path", report)


def _archive(existing: dict, keep: set[str], kind: str, report: SyncReport) -> None:
    for slug, row in existing.items():
        if slug not in keep and not row.archived:
            row.archived = True
            report.archived.append(f"{kind} {slug}")
