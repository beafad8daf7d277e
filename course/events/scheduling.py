"""Schedule, change and cancel events and their sessions. The caller commits.

An event's details and sessions are checked together (`course.events.checks`); nothing is written
while a problem remains, so a refused change leaves the event as it was. Each change that calendars
must see moves the event's `sequence` (the iCalendar SEQUENCE of its sessions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from course import announcements
from course.content import catalogue
from course.content.render import render_markdown
from course.events import checks, seats
from course.models import ENROLLED, WAITLISTED, Attendance, Event, EventEnrolment, EventSession, User
from course.models.base import utcnow

DETAIL_FIELDS = (
    "title",
    "kind",
    "description",
    "time_zone",
    "place",
    "online_url",
    "capacity",
    "audience",
    "language",
    "lessons",
    "cases",
    "series",
)


class ScheduleRefused(ValueError):
    """The change was refused: `problems` maps a form field (or "sessions-N") to what is wrong (a `checks.Problem`,
    worded by the web layer)."""

    def __init__(self, problems: dict[str, checks.Problem]):
        super().__init__("; ".join(map(str, problems.values())))
        self.problems = problems


@dataclass
class SessionPlan:
    """A session as the organiser left it on the form: an existing session keeps its id."""

    number: int
    starts_at: datetime
    ends_at: datetime
    id: int | None = None
    cancelled: bool = False


@dataclass
class EventPlan:
    """An event's details and sessions as entered (times already in UTC)."""

    details: dict
    sessions: list[SessionPlan] = field(default_factory=list)


def _problems(session: Session, plan: EventPlan, event: Event | None) -> dict[str, checks.Problem]:
    problems = {
        ("sessions" if n == 0 else f"sessions-{n}"): message
        for n, message in checks.session_problems(
            [checks.PlannedSession(s.number, s.starts_at, s.ends_at, s.cancelled) for s in plan.sessions]
        ).items()
    }
    enrolled = seats.enrolled_count(session, event.id) if event is not None and event.id else 0
    if (message := checks.capacity_problem(plan.details["capacity"], enrolled)) is not None:
        problems["capacity"] = message
    known = {lesson.slug for lessons in catalogue.lessons_by_module(session).values() for lesson in lessons}
    if unknown := [slug for slug in plan.details["lessons"] if slug not in known]:
        problems["lessons"] = checks.Problem("unknown_lessons", {"slugs": ", ".join(unknown)})
    cases = covered_cases(session)
    if unknown := [str(n) for n in plan.details["cases"] if n not in cases]:
        problems["cases"] = checks.Problem("uncovered_cases", {"cases": ", ".join(unknown)})
    if event is not None:
        problems |= _removal_problems(session, event, plan)
    return problems


def covered_cases(session: Session) -> set[int]:
    """Case numbers the active lessons cover."""
    return {n for lessons in catalogue.lessons_by_module(session).values() for lesson in lessons for n in lesson.cases}


def _removal_problems(session: Session, event: Event, plan: EventPlan) -> dict[str, checks.Problem]:
    kept = {s.id for s in plan.sessions if s.id is not None}
    removed = [s for s in sessions_of(session, event.id) if s.id not in kept]
    marked = set(
        session.exec(
            select(Attendance.session_id).where(Attendance.session_id.in_([s.id for s in removed] or [-1])).distinct()
        )
    )
    if marked:
        return {"sessions": checks.Problem("marked_session_removed")}
    return {}


def sessions_of(session: Session, event_id: int) -> list[EventSession]:
    """The event's sessions in time order."""
    return list(
        session.exec(
            select(EventSession)
            .where(EventSession.event_id == event_id)
            .order_by(EventSession.starts_at, EventSession.id)
        )
    )


def create_event(session: Session, plan: EventPlan, *, owner: User) -> Event:
    """A new event with its sessions. Raises ScheduleRefused."""
    if problems := _problems(session, plan, None):
        raise ScheduleRefused(problems)
    event = Event(owner_id=owner.id, **_stored(plan.details))
    session.add(event)
    session.flush()
    for s in plan.sessions:
        session.add(_new_session(event, s))
    session.flush()
    return event


def update_event(session: Session, event: Event, plan: EventPlan, now: datetime | None = None) -> list[EventEnrolment]:
    """Change the event's details and sessions; a larger capacity gives seats to the waiting list.
    Returns the enrolments promoted. Raises ScheduleRefused."""
    now = now or utcnow()
    seats.hold_event(session, event)  # the capacity check and the promotions see every seat taken
    if problems := _problems(session, plan, event):
        raise ScheduleRefused(problems)
    for name, value in _stored(plan.details).items():
        setattr(event, name, value)
    existing = {s.id: s for s in sessions_of(session, event.id)}
    kept = set()
    for s in plan.sessions:
        row = existing.get(s.id) if s.id is not None else None
        if row is None:
            session.add(_new_session(event, s))
            continue
        kept.add(row.id)
        if (row.starts_at, row.ends_at) != (s.starts_at, s.ends_at):
            row.reminded_at = None  # a moved session is announced again
        row.starts_at, row.ends_at = s.starts_at, s.ends_at
        row.cancelled_at = (row.cancelled_at or now) if s.cancelled else None
    for session_id, row in existing.items():
        if session_id not in kept:
            session.delete(row)
    event.sequence += 1
    event.updated_at = now
    session.flush()
    return seats.fill_free_seats(session, event, now)


def cancel_event(session: Session, event: Event, *, reason: str, now: datetime | None = None) -> int:
    """Cancel the whole event and tell everyone enrolled or waiting; returns how many were told.
    Enrolments stay, for the record. Cancelling twice changes nothing."""
    if event.cancelled_at is not None:
        return 0
    now = now or utcnow()
    seats.hold_event(session, event)
    event.cancelled_at, event.cancel_reason = now, reason.strip()
    event.sequence += 1
    event.updated_at = now
    session.flush()
    people = session.exec(
        select(User)
        .join(EventEnrolment, EventEnrolment.user_id == User.id)
        .where(EventEnrolment.event_id == event.id, EventEnrolment.status.in_((ENROLLED, WAITLISTED)))
        .order_by(User.id)
    ).all()
    for person in people:
        announcements.announce(session, person, "event_cancelled", event=event, reason=event.cancel_reason)
    return len(people)


def _stored(details: dict) -> dict:
    values = {name: details[name] for name in DETAIL_FIELDS}
    values["description_html"] = render_markdown(values["description"])
    return values


def _new_session(event: Event, s: SessionPlan) -> EventSession:
    return EventSession(
        event_id=event.id,
        starts_at=s.starts_at,
        ends_at=s.ends_at,
        cancelled_at=utcnow() if s.cancelled else None,
    )
