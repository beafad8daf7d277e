"""Migrations build the whole schema from nothing, match the models, and go back down."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

import course.models  # noqa: F401
from course import migrate
from course.db import make_engine


def _context(conn) -> MigrationContext:
    """Comparison as `flask db` makes it: the unmodelled search structures (FTS5 table, GIN index) left out."""
    return MigrationContext.configure(conn, opts={"include_object": migrate.include_object})


def test_empty_database_upgrades_to_head_matching_models(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    migrate.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables and "alembic_version" in tables
    with engine.connect() as conn:
        diff = compare_metadata(_context(conn), SQLModel.metadata)
    assert diff == []
    migrate.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()


def test_postgres_schema_matches_models(database_url):
    engine = make_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(_context(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_the_search_structures_exist_only_where_they_belong(database_url):
    """SQLite has the FTS5 table and its triggers; PostgreSQL the GIN expression index on libraryentry."""
    engine = make_engine(database_url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            found = {
                r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'library_fts%'")
            }
            assert {"library_fts", "library_fts_insert", "library_fts_update", "library_fts_delete"} <= found
        else:
            index = conn.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_libraryentry_search' "
                "AND schemaname = current_schema()"
            ).scalar()
            assert "USING gin" in index and "to_tsvector" in index
    engine.dispose()
