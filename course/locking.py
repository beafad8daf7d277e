"""One row at a time: lock a row for the rest of the transaction so that decisions about it take turns.

On PostgreSQL that is `SELECT … FOR UPDATE` on the row. SQLite has one writer at a time: a no-op write to
the row takes the database's write lock, and a transaction that starts with a write reads what the previous
writer committed. Either way the row is then read again as committed. The table needs a `sequence` column
(the no-op write sets it to itself).
"""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, select


def hold(session: Session, row):
    """Lock `row` until the transaction ends, then read it as committed."""
    model = type(row)
    if session.get_bind().dialect.name == "postgresql":
        session.exec(select(model.id).where(model.id == row.id).with_for_update())
    else:
        session.exec(update(model).where(model.id == row.id).values(sequence=model.sequence))
    session.refresh(row)
    return row
