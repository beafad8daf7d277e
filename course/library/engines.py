"""Full-text matching on each engine: which entries match a query with what score, and their highlights.

SQLite: the FTS5 table `library_fts` (porter stemming), scored by bm25 with the columns weighted title 10,
keywords 4, summary 4, body 1. PostgreSQL: `websearch_to_tsquery('english', …)` against the weighted
document the GIN index holds, scored by ts_rank (weights A 1.0, B 0.4, D 0.1: the same proportions; divided
by 1 + the log of the length, as bm25 favours short texts: the closest of its normalisations to bm25). On
both a higher score is a better match; `course/library/search.py` breaks ties the same way.
"""

from __future__ import annotations

from sqlalchemy import bindparam, text
from sqlmodel import Session

from course.library.query import MARK_END, MARK_START, MAX_QUERY, fts5_query, has_terms

# The same text as the migration that indexes it (28dce17e8c9b), so that PostgreSQL uses the index.
PG_DOCUMENT = (
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, keywords), 'B') || "
    "setweight(to_tsvector('english'::regconfig, summary), 'B') || "
    "setweight(to_tsvector('english'::regconfig, body), 'D')"
)
_PG_QUERY = "websearch_to_tsquery('english'::regconfig, :query)"
_FTS_WEIGHTS = "10.0, 4.0, 4.0, 1.0"  # title, keywords, summary, body
SNIPPET_WORDS = 30
_PG_TITLE = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=TRUE"
_PG_SNIPPET = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=12, MaxFragments=2, "
    'FragmentDelimiter=" … "'
)


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def text_matches(session: Session, query: str) -> dict[int, float]:
    """Entry id -> score of every entry the query matches (empty when it asks for nothing)."""
    if not has_terms(query):
        return {}
    if _postgres(session):
        statement = text(
            f"SELECT id, ts_rank({PG_DOCUMENT}, q, 1) FROM libraryentry, {_PG_QUERY} AS q WHERE ({PG_DOCUMENT}) @@ q"
        )
        rows = session.connection().execute(statement, {"query": query[:MAX_QUERY]})
    else:
        statement = text(
            f"SELECT rowid, -bm25(library_fts, {_FTS_WEIGHTS}) FROM library_fts WHERE library_fts MATCH :query"
        )
        rows = session.connection().execute(statement, {"query": fts5_query(query)})
    return {entry_id: float(score) for entry_id, score in rows}


def highlights(session: Session, query: str, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Entry id -> (title, snippet of the body) with MARK_START/MARK_END around the matched words."""
    if not ids or not has_terms(query):
        return {}
    chosen = bindparam("ids", expanding=True)
    if _postgres(session):
        statement = text(
            "SELECT id, ts_headline('english'::regconfig, title, q, :title_options), "
            "ts_headline('english'::regconfig, body, q, :snippet_options) "
            f"FROM libraryentry, {_PG_QUERY} AS q WHERE id IN :ids"
        ).bindparams(chosen)
        values = {"query": query[:MAX_QUERY], "ids": ids, "title_options": _PG_TITLE, "snippet_options": _PG_SNIPPET}
    else:
        statement = text(
            f"SELECT rowid, highlight(library_fts, 0, :start, :end), "
            f"snippet(library_fts, 3, :start, :end, ' … ', {SNIPPET_WORDS}) "
            "FROM library_fts WHERE library_fts MATCH :query AND rowid IN :ids"
        ).bindparams(chosen)
        values = {"query": fts5_query(query), "ids": ids, "start": MARK_START, "end": MARK_END}
    return {entry_id: (title, snippet) for entry_id, title, snippet in session.connection().execute(statement, values)}
