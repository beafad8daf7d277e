"""The library's entries as every page reads them: kept per process until the catalogue revision moves (a sync,
a publication), so listing, filtering and relating cases runs no query on a repeat view."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from course.library.related import Related, related_cases
from course.models import LibraryEntry
from course.progress.learner_cache import kept_for_learner


@dataclass(frozen=True)
class Shelf:
    entries: tuple[LibraryEntry, ...]  # in library order; detached rows: read them, never change them
    by_id: dict[int, LibraryEntry]
    by_key: dict[tuple[str, str], LibraryEntry]


def shelf(session: Session) -> Shelf:
    """Every entry of the library (lessons, practice cases, glossary terms)."""
    return kept_for_learner(session, None, "library-shelf", lambda: _load(session), lambda kept: kept.entries)


def _load(session: Session) -> Shelf:
    rows = tuple(session.exec(select(LibraryEntry).order_by(LibraryEntry.position, LibraryEntry.id)))
    return Shelf(rows, {r.id: r for r in rows}, {(r.kind, r.key): r for r in rows})


def related_to(session: Session, kind: str, key: str) -> list[Related]:
    """The cases related to one lesson or practice case (none when it is not in the library)."""
    kept = shelf(session)
    entry = kept.by_key.get((kind, key))
    return [] if entry is None else related_cases(entry, kept.entries)
