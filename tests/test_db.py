"""The engine's SQLite settings hold on every connection the pool hands out, and the request session uses them."""

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError

from course import migrate
from course.db import get_session, make_engine
from course.models import LessonProgress
from tests.conftest import make_app

# What each setting reads back as: synchronous NORMAL is 1, foreign_keys ON is 1.
EXPECTED = {"journal_mode": "wal", "busy_timeout": 30_000, "synchronous": 1, "foreign_keys": 1}


def _settings(connection) -> dict:
    return {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED}


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    yield engine
    engine.dispose()


def test_a_fresh_engines_first_connection_has_every_setting(sqlite_engine):
    with sqlite_engine.connect() as conn:
        assert _settings(conn) == EXPECTED


def test_a_second_pooled_connection_has_them_too(sqlite_engine):
    with sqlite_engine.connect() as first, sqlite_engine.connect() as second:
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        assert _settings(second) == EXPECTED
        assert _settings(first) == EXPECTED


def test_a_connection_returned_to_the_pool_keeps_them_after_a_write(sqlite_engine):
    with sqlite_engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE note (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("INSERT INTO note (id) VALUES (1)")
        assert _settings(conn) == EXPECTED  # inside pysqlite's implicit transaction
    with sqlite_engine.connect() as conn:
        assert _settings(conn) == EXPECTED


def test_the_file_itself_is_in_wal_mode(sqlite_engine, tmp_path):
    """WAL is a property of the database file: another program opening it (sqlite3 here) sees it too."""
    with sqlite_engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    plain = sqlite3.connect(tmp_path / "fresh.db")
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        plain.close()


def test_the_request_session_enforces_foreign_keys(sqlite_template, tmp_path):
    """Through the app's own session: a progress row for a user and lesson that do not exist is refused."""
    path = tmp_path / "app.db"
    path.write_bytes(sqlite_template.read_bytes())
    app = make_app(f"sqlite:///{path}", tmp_path / "modules", tmp_path / "quizzes")
    try:
        with app.test_request_context():
            session = get_session()
            assert _settings(session.connection()) == EXPECTED
            session.add(LessonProgress(user_id=404, lesson_id=404))
            with pytest.raises(IntegrityError):
                session.flush()
    finally:
        app.extensions["db_engine"].dispose()


def test_closing_the_engine_leaves_a_single_file_to_copy(tmp_path):
    """The test fixtures copy template files: once the engine is disposed, the WAL is checkpointed into the
    file and removed, so the one file holds everything."""
    engine = make_engine(f"sqlite:///{tmp_path / 'copied.db'}")
    migrate.upgrade(engine)
    engine.dispose()
    assert not (tmp_path / "copied.db-wal").exists()
    copy = tmp_path / "copy.db"
    copy.write_bytes((tmp_path / "copied.db").read_bytes())
    plain = sqlite3.connect(copy)
    try:
        assert plain.execute("SELECT COUNT(*) FROM alembic_version").fetchone() == (1,)
    finally:
        plain.close()
