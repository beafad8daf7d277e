"""INSERT … ON CONFLICT on either engine: SQLite and PostgreSQL spell it the same way through their dialects."""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def insert_for(session: Session, table):
    """The dialect INSERT of the session's engine (with on_conflict_do_nothing / on_conflict_do_update)."""
    return _INSERT[session.get_bind().dialect.name](table)


def insert_ignoring_duplicates(session: Session, table):
    """An INSERT that does nothing when a unique constraint says the row exists already."""
    return insert_for(session, table).on_conflict_do_nothing()
