"""Who attended which session: the register staff read and mark (form, sign-in sheet, CSV), and which
event series each learner has attended (a learning path may require one). The caller commits.

Marking attendance changes learners' standing: course/upkeep.py sees the Attendance rows and moves the
learners' progress version and their cohorts' figures in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, select

from course.events.attendance_csv import AttendanceLine
from course.events.checks import Problem
from course.events.queries import EventListing
from course.models import ENROLLED, ActivityEvent, Attendance, Event, EventEnrolment, EventSession, User
from course.models.base import utcnow
from course.progress import rules


@dataclass
class Register:
    """The enrolled people (by name) and each one's marks by session id (True present, False absent)."""

    people: list[User]
    sessions: list[EventSession]
    marks: dict[int, dict[int, bool]] = field(default_factory=dict)  # user id -> session id -> present

    def present_count(self, session_id: int) -> int:
        return sum(1 for by_session in self.marks.values() if by_session.get(session_id))

    def attended(self, user_id: int) -> bool:
        """Whether the person attended the event, by the rule of course/progress/rules.py."""
        held = [s.id for s in self.sessions if s.cancelled_at is None]
        present = sum(1 for sid in held if self.marks.get(user_id, {}).get(sid))
        return rules.event_attended(len(held), present)

    @property
    def attended_count(self) -> int:
        return sum(1 for person in self.people if self.attended(person.id))


def register(session: Session, item: EventListing) -> Register:
    """The event's register: its enrolled people and every mark made."""
    people = list(
        session.exec(
            select(User)
            .join(EventEnrolment, EventEnrolment.user_id == User.id)
            .where(EventEnrolment.event_id == item.event.id, EventEnrolment.status == ENROLLED)
            .order_by(func.lower(User.name), User.id)
        )
    )
    result = Register(people, item.sessions)
    for row in session.exec(select(Attendance).where(Attendance.session_id.in_([s.id for s in item.sessions] or [-1]))):
        result.marks.setdefault(row.user_id, {})[row.session_id] = row.present
    return result


def mark(session: Session, event_session: EventSession, marks: dict[int, bool], *, by: User) -> set[int]:
    """Record present or absent for these enrolled people at one session; returns whose mark changed."""
    existing = {
        row.user_id: row
        for row in session.exec(
            select(Attendance).where(
                Attendance.session_id == event_session.id, Attendance.user_id.in_(list(marks) or [-1])
            )
        )
    }
    changed = set()
    for user_id, present in sorted(marks.items()):
        row = existing.get(user_id)
        if row is None:
            session.add(Attendance(session_id=event_session.id, user_id=user_id, present=present, marked_by=by.id))
        elif row.present != present:
            row.present, row.marked_by, row.marked_at = present, by.id, utcnow()
        else:
            continue
        changed.add(user_id)
    _record_attended(session, event_session, [u for u in changed if marks[u]])
    session.flush()
    return changed


def _record_attended(session: Session, event_session: EventSession, user_ids: list[int]) -> None:
    """An "attended" activity event for each person now marked present at the session, in the caller's transaction:
    the learning record store feed (course/progress/lrs.py) sends it as an xAPI statement. Once per person and
    session: marking them absent and present again records nothing more (and the statement's id is the attendance
    row's, xapi.attendance_statement_id)."""
    if not user_ids:
        return
    already = set(
        session.exec(
            select(ActivityEvent.user_id).where(
                ActivityEvent.verb == "attended",
                ActivityEvent.object_type == "session",
                ActivityEvent.object_id == event_session.id,
                ActivityEvent.user_id.in_(user_ids),
            )
        )
    )
    event = session.get(Event, event_session.event_id)
    label = event.title[:300] if event else ""
    for user_id in sorted(set(user_ids) - already):
        session.add(
            ActivityEvent(
                user_id=user_id, verb="attended", object_type="session", object_id=event_session.id, label=label
            )
        )


def upload_problems(session: Session, event: Event, lines: list[AttendanceLine]) -> tuple[dict, list[Problem]]:
    """The people of the lines by email, and the lines' problems: an email with no account, or not enrolled."""
    emails = sorted({line.email for line in lines})
    enrolled = {
        user.email.lower(): user
        for user in session.exec(
            select(User)
            .join(EventEnrolment, EventEnrolment.user_id == User.id)
            .where(EventEnrolment.event_id == event.id, EventEnrolment.status == ENROLLED)
        )
    }
    known = {
        email.lower() for email in session.exec(select(User.email).where(func.lower(User.email).in_(emails or [""])))
    }
    problems = []
    for line in lines:
        if line.email not in known:
            problems.append(Problem("no_account", {"line": line.line, "email": line.email}))
        elif line.email not in enrolled:
            problems.append(Problem("not_enrolled", {"line": line.line, "email": line.email}))
    return enrolled, problems


def apply_upload(
    session: Session, sessions: list[EventSession], lines: list[AttendanceLine], people: dict, *, by: User
) -> set[int]:
    """Mark every line (checked beforehand); returns whose marks changed."""
    by_session: dict[int, dict[int, bool]] = defaultdict(dict)
    for line in lines:
        by_session[line.session][people[line.email].id] = line.present
    changed = set()
    for number, marks in sorted(by_session.items()):
        changed |= mark(session, sessions[number - 1], marks, by=by)
    return changed


def attended_series(session: Session, user_ids: Iterable[int]) -> dict[int, set[str]]:
    """Learner id -> the event series they attended (events not cancelled, by the rule of rules.event_attended)."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    present = session.exec(
        select(Attendance.user_id, EventSession.event_id, Event.series, func.count())
        .join(EventSession, EventSession.id == Attendance.session_id)
        .join(Event, Event.id == EventSession.event_id)
        .where(
            Attendance.user_id.in_(ids),
            Attendance.present == True,
            EventSession.cancelled_at.is_(None),
            Event.cancelled_at.is_(None),
            Event.series != "",
        )
        .group_by(Attendance.user_id, EventSession.event_id, Event.series)
    ).all()
    if not present:
        return {}
    held = dict(
        session.exec(
            select(EventSession.event_id, func.count())
            .where(EventSession.event_id.in_(sorted({row[1] for row in present})), EventSession.cancelled_at.is_(None))
            .group_by(EventSession.event_id)
        ).all()
    )
    result: dict[int, set[str]] = {}
    for user_id, event_id, series, n in present:
        if rules.event_attended(held.get(event_id, 0), n):
            result.setdefault(user_id, set()).add(series)
    return result


def attendees(session: Session, event_ids: Iterable[int]) -> set[int]:
    """Everyone with an attendance mark at these events."""
    return set(
        session.exec(
            select(Attendance.user_id)
            .join(EventSession, EventSession.id == Attendance.session_id)
            .where(EventSession.event_id.in_(sorted(event_ids)))
            .distinct()
        )
    )
