"""The open case library: its search index (one entry per lesson, glossary term and published practice case),
full-text search with filters on SQLite (FTS5) and PostgreSQL (a GIN index), related cases, model cards and
practice cases submitted by users."""
