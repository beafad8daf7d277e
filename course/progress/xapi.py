"""A trainee's learning record as xAPI (Experience API 1.0.3) statements.

Pure: activity events and attempts in, statement dicts out. Each statement's id is a UUID5 of a
fixed namespace and the event id, so exporting twice gives the same ids and a learning record
store can drop duplicates.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

VERBS = ("experienced", "completed", "passed", "failed", "answered", "attended")
VERB_IRI = "http://adlnet.gov/expapi/verbs/{}"
ACTIVITY_TYPES = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "module": "http://adlnet.gov/expapi/activities/module",
    "session": "http://adlnet.gov/expapi/activities/meeting",  # one session of an event
    "event": "http://adlnet.gov/expapi/activities/meeting",
}
# The context extension naming an event's kind (a key of EVENT_KINDS: workshop, webinar…).
EVENT_KIND = "https://cbec-academy.org/xapi/extensions/event-kind"
# Fixed for good: changing it would change every statement id already exported.
STATEMENT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://cbec-academy.org/xapi/statements")


@dataclass(frozen=True)
class Actor:
    name: str
    email: str


@dataclass(frozen=True)
class Event:
    """An ActivityEvent row."""

    id: int
    verb: str
    object_type: str  # lesson | quiz
    object_id: int
    label: str
    score: float | None
    at: datetime
    user_id: int = 0


@dataclass(frozen=True)
class AttemptRecord:
    """A submitted attempt, matched to its result event by quiz and submission time."""

    quiz_id: int
    submitted_at: datetime | None
    score: float | None
    marks: float
    max_marks: float
    practice: bool


@dataclass(frozen=True)
class Activity:
    """What a statement is about: an absolute URL of the site, a name, and the module page it belongs to."""

    url: str
    name: str
    object_type: str
    parent_url: str | None = None
    parent_name: str = ""
    event_kind: str = ""  # a session's event kind


def attendance_statement_id(session_id: int, user_id: int) -> str:
    """An "attended" statement's id: one per attendance row (session, person), however often it is marked."""
    return str(uuid.uuid5(STATEMENT_NAMESPACE, f"attendance:{session_id}:{user_id}"))


def statement_id(event_id: int) -> str:
    return str(uuid.uuid5(STATEMENT_NAMESPACE, f"activityevent:{event_id}"))


def timestamp(moment: datetime) -> str:
    """ISO 8601 with a timezone (stored times are UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def statements(
    actor: Actor,
    events: Iterable[Event],
    attempts: Iterable[AttemptRecord],
    activities: Mapping[tuple[str, int], Activity],
) -> list[dict]:
    """One statement per event whose verb and object are known, oldest first."""
    by_submission = {(a.quiz_id, _utc(a.submitted_at)): a for a in attempts if a.submitted_at is not None}
    result = []
    for event in sorted(events, key=lambda e: (_utc(e.at), e.id)):
        activity = activities.get((event.object_type, event.object_id))
        if event.verb not in VERBS or activity is None:
            continue  # an unknown verb, or a lesson or quiz that no longer exists
        attempt = by_submission.get((event.object_id, _utc(event.at))) if event.object_type == "quiz" else None
        result.append(statement(actor, event, activity, attempt))
    return result


def statement(actor: Actor, event: Event, activity: Activity, attempt: AttemptRecord | None = None) -> dict:
    """The xAPI statement for one event."""
    body: dict = {
        "id": attendance_statement_id(event.object_id, event.user_id)
        if event.object_type == "session"
        else statement_id(event.id),
        "actor": {"objectType": "Agent", "name": actor.name, "mbox": f"mailto:{actor.email}"},
        "verb": {"id": VERB_IRI.format(event.verb), "display": {"en-US": event.verb}},
        "object": _object(activity),
        "timestamp": timestamp(event.at),
        "context": {"platform": "CBEC Academy", "language": "en"},
    }
    if activity.parent_url:
        parent_type = "event" if activity.object_type == "session" else "module"
        body["context"]["contextActivities"] = {
            "parent": [_object(Activity(activity.parent_url, activity.parent_name, parent_type))]
        }
    if activity.event_kind:
        body["context"]["extensions"] = {EVENT_KIND: activity.event_kind}
    result = _result(event, attempt)
    if result:
        body["result"] = result
    return body


def _object(activity: Activity) -> dict:
    return {
        "objectType": "Activity",
        "id": activity.url,
        "definition": {"type": ACTIVITY_TYPES[activity.object_type], "name": {"en-US": activity.name}},
    }


def _result(event: Event, attempt: AttemptRecord | None) -> dict:
    if event.object_type == "lesson":
        return {"completion": True} if event.verb == "completed" else {}
    if event.object_type == "session":
        return {}
    score = event.score if event.score is not None else (attempt.score if attempt else None)
    result: dict = {"completion": True}
    if score is not None:
        result["score"] = {"scaled": round(max(0.0, min(1.0, score)), 4)}
        if attempt is not None and attempt.max_marks:
            result["score"] |= {"raw": round(attempt.marks, 4), "min": 0, "max": round(attempt.max_marks, 4)}
    if event.verb in ("passed", "failed"):
        result["success"] = event.verb == "passed"
    return result


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
