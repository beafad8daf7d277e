"""The audit trail of staff actions: one function writes an entry in the action's own transaction.

The caller commits, once, after the action: an action rolled back leaves no entry.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

from sqlmodel import Session, func, select

from course.models import AuditEntry, User
from course.reports.exports import safe_cell

# Action codes, as the audit page filters them and docs/security.md lists them.
ACTIONS = (
    "user.role",
    "essay.grade",
    "question.regrade",
    "question.archive",
    "question.restore",
    "certificate.revoke",
    "cohort.enrol",
    "cohort.roster",
    "cohort.reinvite",
    "quiz.create",
    "quiz.settings",
    "quiz.slot_add",
    "quiz.slot_remove",
    "quiz.extension",
    "bank.shared",
    "owner.co_instructor_add",
    "owner.co_instructor_remove",
    "review.hide",
    "review.show",
    "reply.hide",
    "reply.show",
    "site.settings",
    "case.review",
    "event.create",
    "event.update",
    "event.cancel",
    "event.attendance",
    "tour.create",
    "tour.update",
    "tour.cancel",
    "tour.decision",
    "impact.settings",
)


def _plain(value):
    """A JSON-ready copy: datetimes as ISO text, containers walked."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def snapshot(obj, fields) -> dict:
    """The named fields of a row, JSON-ready, for `before` and `after`."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def record(session: Session, actor: User | int | None, action: str, obj, before: dict | None, after: dict | None):
    """Add one audit entry for `action` done by `actor` on `obj` (a table row); the caller commits."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    actor_id = actor if isinstance(actor, int) or actor is None else actor.id
    entry = AuditEntry(
        actor_id=actor_id,
        action=action,
        object_type=obj.__tablename__,
        object_id=obj.id,
        before=_plain(before),
        after=_plain(after),
    )
    session.add(entry)
    return entry


def _filtered(query, *, action: str = "", actor: str = "", object_type: str = "", object_id: int | None = None):
    if action:
        query = query.where(AuditEntry.action == action)
    if actor:
        query = query.where(func.lower(User.email).contains(actor.lower()))
    if object_type:
        query = query.where(AuditEntry.object_type == object_type)
    if object_id is not None:
        query = query.where(AuditEntry.object_id == object_id)
    return query


def entry_count(session: Session, **filters) -> int:
    query = select(func.count(AuditEntry.id)).select_from(AuditEntry).outerjoin(User, AuditEntry.actor_id == User.id)
    return session.exec(_filtered(query, **filters)).one()


def entries(
    session: Session, *, offset: int = 0, limit: int | None = None, **filters
) -> list[tuple[AuditEntry, User | None]]:
    """Entries with their actors, newest first."""
    query = select(AuditEntry, User).outerjoin(User, AuditEntry.actor_id == User.id)
    query = _filtered(query, **filters).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).offset(offset)
    return list(session.exec(query.limit(limit) if limit else query))


CSV_COLUMNS = ("id", "at", "actor_email", "action", "object_type", "object_id", "before", "after")


def entries_csv(rows: list[tuple[AuditEntry, User | None]]) -> str:
    """Entries as CSV text, every cell safe from spreadsheet formulas (as the cohort export)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry, actor in rows:
        cells = (
            entry.id,
            entry.at.isoformat(timespec="seconds"),
            actor.email if actor else "",
            entry.action,
            entry.object_type,
            entry.object_id,
            "" if entry.before is None else json.dumps(entry.before, sort_keys=True),
            "" if entry.after is None else json.dumps(entry.after, sort_keys=True),
        )
        writer.writerow([safe_cell(cell) for cell in cells])
    return out.getvalue()
