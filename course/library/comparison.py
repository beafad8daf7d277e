"""Two to four cases side by side: their replicable-model cards (`course.library.model_card`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from course.content import catalogue
from course.library.model_card import model_card
from course.library.shelf import shelf
from course.models import PracticeCase

FEWEST, MOST = 2, 4


@dataclass(frozen=True)
class Compared:
    kind: str
    key: str
    title: str
    entry: object  # the case's LibraryEntry: place, organisation, themes
    card: dict


def compare(session: Session, picks: list[str]) -> tuple[list[Compared], list[tuple]]:
    """The cards of the picked cases ("lesson:SLUG" or "case:ID", in the order picked, repeats once) and what is
    wrong with the pick, as codes the web layer words: ("count", picked, FEWEST, MOST) or ("unknown", pick);
    nothing is compared unless it names two to four cases of the library."""
    chosen = list(dict.fromkeys(p.strip() for p in picks if p.strip()))
    problems = []
    if not FEWEST <= len(chosen) <= MOST:
        problems.append(("count", len(chosen), FEWEST, MOST))
    kept = shelf(session)
    found = []
    for pick in chosen[: MOST + 1]:
        kind, _, key = pick.partition(":")
        entry = kept.by_key.get((kind, key)) if kind in ("lesson", "case") else None
        source = _source(session, kind, key) if entry is not None else None
        if source is None:
            problems.append(("unknown", pick[:60]))
            continue
        found.append(Compared(kind, key, entry.title, entry, model_card(source)))
    return ([] if problems else found), problems


def _source(session: Session, kind: str, key: str):
    """The lesson (or published practice case) that a library entry stands for."""
    if kind == "lesson":
        return catalogue.lesson_by_slug(session, key)
    case = session.get(PracticeCase, int(key)) if key.isdigit() else None
    return case if case is not None and case.status == "published" else None
