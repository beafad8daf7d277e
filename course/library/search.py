"""The library's one results contract: the page `/library`, the JSON API `/api/v1/cases` and anything else
that searches the library read it from `search`.

Ranking, the same rules on both engines: with a query, entries the query matches, best score first
(`course.library.engines`: title weighs most, then organisation, place, themes and summary, then the body;
a glossary term's score counts half, as this is a library of cases first); equal scores go lessons and practice cases before glossary terms, then in library order (course order, then
practice cases as published), then by title. Without a query: every lesson and practice case in library order
(glossary terms only come up when searched for). Filters narrow the hits; facet counts are worked out over
the entries the query matches (`course.library.facets`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from course.library import engines
from course.library.facets import Filters, facet_counts, matches
from course.library.query import has_terms, highlighted
from course.library.shelf import shelf

PAGE_SIZE = 20
TERM_WEIGHT = 0.5  # a glossary term's score counts half: this is a library of cases first
_KIND_ORDER = {"lesson": 0, "case": 0, "term": 1}


@dataclass(frozen=True)
class Hit:
    kind: str  # lesson | case | term
    key: str  # the lesson's or term's slug, the practice case's id
    title: str
    title_html: str  # escaped, matched words in <mark>
    snippet_html: str  # a passage of the text around the matches (the summary without a query), escaped, <mark>ed
    summary: str
    score: float  # higher is better; 0 without a query
    chapter: int | None
    city: str
    province: str
    country: str
    org_name: str
    org_type: str
    themes: list[str]
    audiences: list[str]


@dataclass(frozen=True)
class Results:
    query: str
    filters: Filters
    total: int  # hits across all pages
    offset: int  # of the first hit of this page (an offset past the end gives the last page)
    hits: list[Hit]  # this page
    facets: dict[str, list[tuple[object, int]]] = field(default_factory=dict)


def search(
    session: Session, query: str = "", filters: Filters | None = None, offset: int = 0, limit: int = PAGE_SIZE
) -> Results:
    """Ranked, filtered, highlighted hits of the library, one page of them, with facet counts."""
    filters = filters or Filters()
    kept = shelf(session)
    if has_terms(query):
        scores = {
            i: score * (TERM_WEIGHT if i in kept.by_id and kept.by_id[i].kind == "term" else 1.0)
            for i, score in engines.text_matches(session, query).items()
        }
        candidates = [kept.by_id[i] for i in scores if i in kept.by_id]  # ids newer than the shelf are left out
        candidates.sort(key=lambda e: (-scores[e.id], _KIND_ORDER[e.kind], e.position, e.title))
    else:
        scores = {}
        candidates = [e for e in kept.entries if e.kind != "term"]
    chosen = [e for e in candidates if matches(e, filters)]
    offset, limit = max(offset, 0), max(limit, 0)
    if limit and offset >= len(chosen):  # past the end: the last page
        offset = max(0, (len(chosen) - 1) // limit * limit)
    page = chosen[offset : offset + limit]
    marked = engines.highlights(session, query, [e.id for e in page]) if scores else {}
    hits = [_hit(e, scores.get(e.id, 0.0), marked.get(e.id)) for e in page]
    return Results(query, filters, len(chosen), offset, hits, facet_counts(candidates, filters))


def _hit(entry, score: float, marked: tuple[str, str] | None) -> Hit:
    title, snippet = marked or (entry.title, entry.summary or entry.body[:300])
    return Hit(
        kind=entry.kind,
        key=entry.key,
        title=entry.title,
        title_html=highlighted(title),
        snippet_html=highlighted(snippet),
        summary=entry.summary,
        score=score,
        chapter=entry.chapter,
        city=entry.city,
        province=entry.province,
        country=entry.country,
        org_name=entry.org_name,
        org_type=entry.org_type,
        themes=list(entry.themes),
        audiences=list(entry.audiences),
    )
