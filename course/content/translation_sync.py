"""Store the translations `course/content/translations.py` read: texts only, keyed by the English rows' slugs.

Idempotent like the rest of `course sync`: a translation whose file did not change is left alone, one whose file
is gone is deleted (nothing refers to a translation row: progress and results belong to the English rows). The
caller commits.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from sqlmodel import Session, select

from course.content.model import CourseContent, LessonDoc
from course.content.render import plain_text, render_markdown
from course.content.sections import FACTS, READING, REFLECTION, split_sections
from course.content.translations import DATA_KEYS, TranslatedDocument
from course.models import ContentTranslation, Question, QuestionTranslation, QuestionVersion

# Translated front matter that is all data is not stored again with the texts: the English row has it.
_DATA_ONLY = {key for key in DATA_KEYS if "." not in key}

Wanted = dict[tuple[str, str, str], tuple[dict, str]]  # (kind, slug, language) -> (fields, source path)


def document_fields(document: TranslatedDocument, body_field: str, glossary_url: Callable[[str], str]) -> dict:
    """The texts of a translated markdown file as stored: its front matter's text keys, and the body rendered
    (sanitised) into `body_field` (`body_html` for lessons and syntheses, `overview_html` for module pages)."""
    fields = {key: value for key, value in document.meta.items() if key not in _DATA_ONLY}
    fields[body_field] = render_markdown(document.body, glossary_url)
    return fields


def wanted_translations(course: CourseContent, glossary_url: Callable[[str], str]) -> Wanted:
    """Every translation of the loaded course, as rows to store under the English rows' field names."""
    wanted: Wanted = {}
    for module in course.modules:
        for language, document in module.translations.items():
            fields = document_fields(document, "overview_html", glossary_url)
            wanted["module", module.slug, language] = fields, document.path
        synthesis = module.synthesis
        for language, document in synthesis.translations.items() if synthesis else ():
            wanted["synthesis", module.slug, language] = synthesis_fields(document, glossary_url), document.path
        for lesson in module.lessons:
            for language, document in lesson.translations.items():
                fields = lesson_fields(lesson, document, glossary_url)
                wanted["lesson", lesson.slug, language] = fields, document.path
    for entry in course.glossary:
        for language, (term, definition) in entry.translations.items():
            wanted["term", entry.slug, language] = {"term": term, "definition": definition}, entry.path
    for path in course.paths:
        for language, (title, description) in path.translations.items():
            wanted["path", path.slug, language] = {"title": title, "description": description}, path.path
    return wanted


def _html(markdown: str, glossary_url: Callable[[str], str]) -> str:
    return render_markdown(markdown, glossary_url) if markdown.strip() else ""


def lesson_fields(english: LessonDoc, document: TranslatedDocument, glossary_url: Callable[[str], str]) -> dict:
    """A translated lesson (format v2) as the Lesson row's text fields: its `##` sections are matched to the
    English ones by position (the headings are translated), so "What the case reports" is `facts_html` whatever
    the translated heading says; the case's place and organisation name are text in that language."""
    meta = document.meta
    preamble, sections = split_sections(document.body, document.body_line)
    by_english = {}
    free = []
    for (english_title, _), section in zip(english.sections, sections, strict=False):
        if english_title in (FACTS, READING, REFLECTION):
            by_english[english_title] = section.text
        else:
            free.append(f"## {section.title}\n\n{section.text}")
    reflection = _html(by_english.get(REFLECTION, ""), glossary_url)
    place = meta.get("place") if isinstance(meta.get("place"), dict) else {}
    organisation = meta.get("organisation") if isinstance(meta.get("organisation"), dict) else {}
    fields = {
        "title": meta.get("title", english.title),
        "summary": meta.get("summary", english.summary),
        "body_html": _html("\n\n".join([preamble, *free]), glossary_url),
        "facts_html": _html(by_english.get(FACTS, ""), glossary_url),
        "reading_html": _html(by_english.get(READING, ""), glossary_url),
        "reflection_html": reflection,
        "reflection_text": plain_text(reflection),
        "objectives": meta.get("objectives", english.objectives),
        "takeaway": meta.get("takeaway", english.takeaway),
        "data_note": meta.get("data_note", english.data_note),
    }
    if english.model is not None and isinstance(meta.get("model"), dict):
        fields["model"] = {key: meta["model"].get(key, value) for key, value in english.model.as_dict().items()}
    if english.related:
        whys = [item.get("why", "") for item in meta.get("related", []) if isinstance(item, dict)]
        fields["related"] = [
            {"slug": link.slug, "why": why or link.why}
            for link, why in zip(english.related, whys + [""] * len(english.related), strict=False)
        ]
    for key in ("city", "province", "country"):
        if place.get(key):
            fields[key] = str(place[key])
    if organisation.get("name"):
        fields["org_name"] = str(organisation["name"])
    return fields


def synthesis_fields(document: TranslatedDocument, glossary_url: Callable[[str], str]) -> dict:
    """A translated synthesis page as the Module row's synthesis fields (its two sections matched by position)."""
    _, sections = split_sections(document.body, document.body_line)
    texts = [section.text for section in sections] + ["", ""]
    return {
        "synthesis_title": document.meta.get("title", ""),
        "synthesis_html": _html(texts[0], glossary_url),
        "synthesis_questions_html": _html(texts[1], glossary_url),
    }


def sync_content_translations(session: Session, wanted: Wanted) -> list[str]:
    """Bring the stored translations in line with `wanted`; the labels of what changed. Does not commit."""
    existing = {(row.kind, row.slug, row.language): row for row in session.exec(select(ContentTranslation))}
    changed = []
    for (kind, slug, language), (fields, source_path) in wanted.items():
        digest = _digest(fields)
        row = existing.pop((kind, slug, language), None)
        if row is None:
            row = ContentTranslation(kind=kind, slug=slug, language=language)
            session.add(row)
        elif row.source_hash == digest and row.source_path == source_path:
            continue
        row.fields, row.source_hash, row.source_path = fields, digest, source_path
        changed.append(f"{kind} {slug} ({language})")
    for (kind, slug, language), row in existing.items():
        session.delete(row)
        changed.append(f"{kind} {slug} ({language}) removed")
    session.flush()
    return changed


def sync_question_translations(session: Session, bank_id: int, translations: dict[str, list]) -> int:
    """Store the texts of a bank's translated questions on the current version of each English question
    (matched by category and `::name::`); the number of question texts added or changed. Does not commit."""
    versions = {
        (category, name): version_id
        for category, name, version_id in session.exec(
            select(Question.category, Question.name, QuestionVersion.id)
            .join(
                QuestionVersion,
                (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
            )
            .where(Question.bank_id == bank_id, Question.archived == False)
        )
    }
    stored = {
        (row.version_id, row.language): row
        for row in session.exec(
            select(QuestionTranslation).where(QuestionTranslation.version_id.in_(versions.values()))
        )
    }
    changed = 0
    for language, questions in translations.items():
        for question in questions:
            version_id = versions.get((question.category, question.name))
            if version_id is None:
                continue
            data = question.to_dict()
            row = stored.pop((version_id, language), None)
            if row is None:
                session.add(QuestionTranslation(version_id=version_id, language=language, data=data))
                changed += 1
            elif row.data != data:
                row.data = data
                changed += 1
    for row in stored.values():  # translations of the current versions whose file is gone
        session.delete(row)
        changed += 1
    session.flush()
    return changed


def _digest(fields: dict) -> str:
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()
