"""What pages derive from one learner's records, kept per process until those records or the curriculum change.

A learner's `progress_version` and the catalogue's revision move in the transaction of every change to
the records a page is made of (`course.upkeep`), so a value kept under both is right for as long as it
is found: a repeat view reads neither the learner's records nor the curriculum, on any server. Inside
a transaction that changed records the value is worked out afresh (the versions move only at commit).
Kept values are shared between requests: read them, never change them.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlalchemy.pool import Pool
from sqlmodel import Session

from course import upkeep
from course.content import catalogue
from course.models import User

T = TypeVar("T")
KEPT = 4096  # values per database, the most recently used stay

# By the engine's pool: the app's engines for writing and for reading (course.db) share one, and one database.
_kept: weakref.WeakKeyDictionary[Pool, OrderedDict[tuple, object]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def kept_for_learner(
    session: Session, user_id: int | None, kind: str, build: Callable[[], T], rows: Callable[[T], Iterable[object]]
) -> T:
    """The value `build()` makes for this learner, kept under `kind`; `rows` lists the database rows in it,
    which are taken out of the session so that nothing the request does later (a rollback, an expiry)
    reaches the copy other requests read."""
    if upkeep.changed_in_transaction(session):
        return build()
    user = session.get(User, user_id) if user_id is not None else None  # loaded already: the signed-in user
    key = (kind, user_id, user.progress_version if user else 0, catalogue.revision(session))
    with _lock:
        values = _kept.setdefault(session.get_bind().pool, OrderedDict())
        if key in values:
            values.move_to_end(key)
            return values[key]
    value = build()
    for row in rows(value):
        if row in session:
            session.expunge(row)
    with _lock:
        values[key] = value
        while len(values) > KEPT:
            values.popitem(last=False)
    return value
