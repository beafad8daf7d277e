"""Keep the library's entries in step with what they index: the curriculum (at each `course sync`) and the
published practice cases (at publication: `file_case`). Data functions: the caller commits.

SQLite's FTS5 table follows the entries through triggers and PostgreSQL's GIN index through the table itself,
so writing the entries is all there is to do; the write also moves the catalogue revision (`course.upkeep`),
so every server's cached copy of the library is renewed.
"""

from __future__ import annotations

import html

import nh3
from sqlmodel import Session, select

from course.content.case_metadata import THEMES
from course.content.render import render_markdown
from course.library.query import plain
from course.models import GlossaryTerm, Lesson, LibraryEntry, Module, PracticeCase

CASE_POSITION = 1_000_000  # practice cases come after the course's lessons, in order of publication
TERM_POSITION = 2_000_000


def text_of(markup: str) -> str:
    """The plain text of sanitised HTML, as the index holds it."""
    return plain(html.unescape(nh3.clean(markup, tags=set())))


def keywords(org_name: str, city: str, province: str, country: str, themes: list[str]) -> str:
    """What a case is also found by: its organisation, place and themes (in words)."""
    return plain(" ".join([org_name, city, province, country, *(THEMES.get(t, t) for t in themes)]))


def refresh_curriculum(session: Session) -> int:
    """Bring the entries of lessons and glossary terms in line with the active curriculum; returns how many
    entries changed (0 when the library was up to date, so a sync that changes nothing writes nothing)."""
    wanted = {**_lesson_entries(session), **_term_entries(session)}
    existing = {
        (row.kind, row.key): row
        for row in session.exec(select(LibraryEntry).where(LibraryEntry.kind.in_(("lesson", "term"))))
    }
    return _apply(session, wanted, existing)


def file_case(session: Session, case: PracticeCase) -> LibraryEntry:
    """Put a published practice case in the library (or bring its entry up to date)."""
    existing = session.exec(select(LibraryEntry).where(LibraryEntry.kind == "case", LibraryEntry.key == str(case.id)))
    row = existing.first()
    values = _case_values(case)
    if row is None:
        row = LibraryEntry(kind="case", key=str(case.id), **values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
    return row


def _case_values(case: PracticeCase) -> dict:
    lines = [*case.tools, *case.results, case.results_source, *case.preconditions, *case.replicable]
    return {
        "title": case.title,
        "keywords": keywords(case.org_name, case.city, case.province, case.country, case.themes),
        "summary": plain(case.summary),
        "body": plain(text_of(render_markdown(case.what_was_done)) + " " + " ".join(lines)),
        "position": CASE_POSITION + case.id,
        "chapter": case.chapter,
        "city": case.city,
        "province": case.province,
        "country": case.country,
        "org_name": case.org_name,
        "org_type": case.org_type,
        "themes": list(case.themes),
        "audiences": list(case.audiences),
    }


def _lesson_entries(session: Session) -> dict[tuple[str, str], dict]:
    modules = {m.id: m for m in session.exec(select(Module).where(Module.archived == False))}
    wanted = {}
    for lesson in session.exec(select(Lesson).where(Lesson.archived == False)):
        module = modules.get(lesson.module_id)
        if module is None:
            continue
        wanted[("lesson", lesson.slug)] = {
            "title": lesson.title,
            "keywords": keywords(lesson.org_name, lesson.city, lesson.province, lesson.country, lesson.themes),
            "summary": plain(lesson.summary),
            "body": text_of(
                " ".join((lesson.facts_html, lesson.reading_html, lesson.body_html, lesson.reflection_html))
            ),
            "position": module.position * 1000 + lesson.position,
            "chapter": module.chapter,
            "city": lesson.city,
            "province": lesson.province,
            "country": lesson.country,
            "org_name": lesson.org_name,
            "org_type": lesson.org_type,
            "themes": list(lesson.themes),
            "audiences": list(lesson.audiences),
        }
    return wanted


def _term_entries(session: Session) -> dict[tuple[str, str], dict]:
    terms = session.exec(select(GlossaryTerm).where(GlossaryTerm.archived == False).order_by(GlossaryTerm.term))
    return {
        ("term", term.slug): {
            "title": term.term,
            "keywords": "",
            "summary": "",
            "body": plain(term.definition),
            "position": TERM_POSITION + index,
            "chapter": None,
            "city": "",
            "province": "",
            "country": "",
            "org_name": "",
            "org_type": "",
            "themes": [],
            "audiences": [],
        }
        for index, term in enumerate(terms)
    }


def _apply(session: Session, wanted: dict, existing: dict) -> int:
    changed = 0
    for (kind, key), values in wanted.items():
        row = existing.get((kind, key))
        if row is None:
            session.add(LibraryEntry(kind=kind, key=key, **values))
            changed += 1
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed += 1
    for identity, row in existing.items():
        if identity not in wanted:
            session.delete(row)
            changed += 1
    return changed
