"""Signed-in users' rows kept per process on PostgreSQL, so that a repeat page view asks the database nothing.

A kept row is dropped as soon as it changes anywhere: a trigger on the user table (migration 5b1e0c7d9a24)
sends `NOTIFY cbec_user_changed` with the row's id when a transaction that updated or deleted it commits, and
each process listens on a connection of its own and reads what has arrived, without waiting, before every
use. A log-out, a password change, a new role, a deactivation, a new unread notice or a learner's new
progress (all updates of the row) therefore reach every process and server before their next page. When the
listening connection fails, everything kept is dropped and rows are read again until it is back.

Only reading requests (GET, HEAD) use kept rows, and each gets its own copy in its own session; a request
that writes loads the row afresh. A request that changed a user's row (a log-out, a new password) answers only
once its own process has heard the change (at most WAIT_SECONDS): by then the database has told every listening
process, which drop the row at their next request. SQLite has no NOTIFY, and reads the row in-process cheaply: nothing is
kept there. `KEEP_SIGNED_IN_USERS` (on by default) switches it off.
"""

from __future__ import annotations

import logging
import os
import select
import threading
import time

import psycopg
from flask import current_app, has_app_context, has_request_context, request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, make_transient_to_detached

from course.models import User
from course.upkeep import USERS_CHANGED, note_users_changed

log = logging.getLogger("course.kept_users")
CHANNEL = "cbec_user_changed"
KEPT = 10_000  # rows per process at most; beyond, the oldest go
WAIT_SECONDS = 0.2  # how long a request that changed users waits to hear its own change
WAIT_FOR_AT_MOST = 100  # users changed by one transaction; a bulk change (a curriculum sync) does not wait
COLUMNS = tuple(column.key for column in User.__table__.columns)


class KeptUsers:
    """One process's kept rows for one database, and the connection that hears when they change."""

    def __init__(self, engine: Engine):
        self.conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.rows: dict[int, dict] = {}
        self.lock = threading.Lock()
        self.listener: psycopg.Connection | None = None
        self.pid = 0

    def _listening(self) -> bool:
        """Whether changes are heard now: (re)connects and LISTENs when needed, dropping what was kept."""
        if self.listener is not None and self.pid == os.getpid():
            return True
        self.rows.clear()  # nothing heard before now is known: start empty
        try:
            self.listener = psycopg.connect(self.conninfo, autocommit=True)
            self.listener.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            log.warning("cannot listen for user changes; users are read from the database", exc_info=True)
            self.listener = None
            return False
        self.pid = os.getpid()
        return True

    def _drain(self, heard_ids: set[int] | None = None) -> bool:
        """Drop the rows changed since the last look (no waiting: only what has arrived)."""
        try:
            pgconn = self.listener.pgconn
            pgconn.consume_input()
            while (heard := pgconn.notifies()) is not None:
                user_id = int(heard.extra)
                self.rows.pop(user_id, None)
                if heard_ids is not None:
                    heard_ids.add(user_id)
            return True
        except (psycopg.Error, ValueError):
            log.warning("lost the connection that hears user changes; dropping kept users", exc_info=True)
            self.close()
            return False

    def get(self, user_id: int) -> dict | None:
        with self.lock:
            if not self._listening() or not self._drain():
                return None
            return self.rows.get(user_id)

    def keep(self, user_id: int, values: dict) -> None:
        """Keep a row read in this request. Heard changes are drained first, and a change committed after the
        row was read arrives later and drops it before its next use."""
        with self.lock:
            if not self._listening() or not self._drain():
                return
            if len(self.rows) >= KEPT:
                self.rows.pop(next(iter(self.rows)))
            self.rows[user_id] = values

    def wait_heard(self, user_ids: set[int], seconds: float = WAIT_SECONDS) -> bool:
        """Wait until this process has heard that these rows changed (True), or `seconds` passed (False)."""
        heard: set[int] = set()
        deadline = time.monotonic() + seconds
        with self.lock:
            if not self._listening():
                return False
            while self._drain(heard) and not user_ids <= heard:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                select.select([self.listener.pgconn.socket], [], [], left)
            return user_ids <= heard

    def close(self) -> None:
        listener, self.listener = self.listener, None
        self.rows.clear()
        if listener is not None and self.pid == os.getpid():
            try:
                listener.close()
            except psycopg.Error:
                pass


def for_request() -> KeptUsers | None:
    """The kept users of this app when this request may use them (PostgreSQL, reading, switched on)."""
    if not has_request_context() or request.method not in ("GET", "HEAD"):
        return None
    return current_app.extensions.get("kept_users")


def values_of(user: User) -> dict:
    return {name: getattr(user, name) for name in COLUMNS}


def copy_for(session, values: dict) -> User:
    """A user instance of this request's session made from kept values, without a query (as a loaded row)."""
    present = session.identity_map.get(User.__mapper__.identity_key_from_primary_key((values["id"],)))
    if present is not None:  # the request read the row already
        return present
    user = User.__mapper__.class_manager.new_instance()
    user.__dict__.update(values)
    make_transient_to_detached(user)
    session.add(user)
    return user


def _note_changed_users(session: Session, _context, _instances) -> None:
    changed = {obj.id for obj in session.dirty if isinstance(obj, User) and session.is_modified(obj)}
    changed |= {obj.id for obj in session.deleted if isinstance(obj, User)}
    changed.discard(None)
    if changed:
        note_users_changed(session, changed)


def _hear_own_changes(session: Session) -> None:
    changed = session.info.pop(USERS_CHANGED, None)
    if (
        changed
        and len(changed) <= WAIT_FOR_AT_MOST
        and has_app_context()
        and (kept := current_app.extensions.get("kept_users")) is not None
    ):
        if not kept.wait_heard(changed):
            log.warning("did not hear the change of users %s within %s s", sorted(changed), WAIT_SECONDS)


def _forget_changes(session: Session) -> None:
    session.info.pop(USERS_CHANGED, None)


def init_app(app, engine: Engine) -> None:
    if engine.dialect.name == "postgresql" and app.config.get("KEEP_SIGNED_IN_USERS", True):
        app.extensions["kept_users"] = KeptUsers(engine)
        if not event.contains(Session, "before_flush", _note_changed_users):
            event.listen(Session, "before_flush", _note_changed_users)
            event.listen(Session, "after_commit", _hear_own_changes)
            event.listen(Session, "after_rollback", _forget_changes)
