"""Database engine per app and one SQLModel session per request, closed on teardown."""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from course import upkeep

SQLITE_BUSY_SECONDS = 30  # how long a writer waits for another writer's lock before "database is locked"

# Set on every new SQLite connection, in this order: the busy timeout first, so that switching a new file to WAL
# waits for a lock instead of failing. WAL lets readers and the writer work at once; NORMAL is durable in WAL mode
# except for the last transactions before a power cut; SQLite enforces foreign keys only when asked, per connection.
SQLITE_PRAGMAS = (
    ("busy_timeout", SQLITE_BUSY_SECONDS * 1000),
    ("journal_mode", "WAL"),
    ("synchronous", "NORMAL"),
    ("foreign_keys", "ON"),
)


def make_engine(url: str) -> Engine:
    """An engine for a SQLAlchemy URL; SQLite connections get WAL, a busy timeout, NORMAL sync and foreign keys."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No ping before each checkout (a round trip on every request): connections are renewed every half hour, and
    # after a database restart the first request of each worker that meets a dead connection fails and empties the
    # pool (SQLAlchemy invalidates it), so the next ones reconnect.
    return create_engine(url, pool_recycle=1800)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Runs on the fresh DBAPI connection before SQLAlchemy uses it, so outside any transaction: SQLite ignores
    # foreign_keys and refuses journal_mode inside one. pysqlite opens its implicit transactions only before
    # INSERT/UPDATE/DELETE, never before a PRAGMA.
    cursor = dbapi_connection.cursor()
    for name, value in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {name}={value}").fetchall()
    cursor.close()


READING_METHODS = ("GET", "HEAD", "OPTIONS")


def init_app(app: Flask) -> None:
    """Bind an engine to the app and close the request session on teardown."""
    engine = app.extensions["db_engine"] = make_engine(app.config["DATABASE_URL"])
    # On PostgreSQL, the same pool with every statement in its own transaction for requests that only read: no
    # BEGIN and no ROLLBACK round trips around each page's one or two queries. (SQLite has none to save: it would
    # only pay for switching the connection's mode.)
    postgres = engine.dialect.name == "postgresql"
    app.extensions["db_reading_engine"] = engine.execution_options(isolation_level="AUTOCOMMIT") if postgres else engine
    upkeep.install()
    app.teardown_appcontext(close_session)


def engine() -> Engine:
    """The current app's engine."""
    return current_app.extensions["db_engine"]


def get_session() -> Session:
    """The request's session, opened on first use: reading requests (a GET never writes) read without a
    transaction around them, the others get one that the view commits."""
    if "db_session" not in g:
        reading = has_request_context() and request.method in READING_METHODS
        bind = current_app.extensions["db_reading_engine" if reading else "db_engine"]
        g.db_session = Session(bind, expire_on_commit=False)
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    """Roll back anything uncommitted and close the request's session."""
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
