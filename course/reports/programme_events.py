"""The programme report's events and study tours of one period (the shapes it returns, `ProgrammeEvents`,
`EventFigures` and `EventScope`, are in `course.reports.programme`).

What is counted:

- events (seminars, workshops, forums, webinars) whose first session not cancelled starts in the period (whole
  UTC months, `period.first` to `period.last` included), and study tours whose first day falls in it; cancelled
  events and tours are left out;
- `held`: how many; `seats_offered`: the sum of their capacities; `enrolled`: enrolments (not waiting, not
  withdrawn), for tours accepted applications; `attended`: people present at one session or more of an event
  (a person at two events counts at each), for tours the accepted participants; `feedback_responses`,
  `relevance_mean` and `usefulness_mean` (1-5, None without answers) and `will_apply` from the feedback forms.

How `scope` narrows them:

- `owner_id`: None for everyone's (admins, the public page), else the events and tours that instructor owns or
  co-runs (`course.ownership.run_by`);
- `path_id`: None for any, else events that name one of the path's lessons (the lessons of its modules and its
  optional ones) and tours whose pre-reading or visits do;
- `audience`: "" for any, else events for that audience; tours have no audience, so none is counted then;
- `country`: "" for any, else only people who gave that country are counted (enrolled, attended, feedback);
  events held and seats offered stay as they are.

Whatever the number of events, this runs one statement: each kind's events are chosen once (a common table
expression over the first session of each event, found with GROUP BY) and every figure is an aggregate over it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, Text, cast, false, func, or_, true
from sqlmodel import Session, select

from course import ownership
from course.content import catalogue
from course.models import (
    ENROLLED,
    Attendance,
    Event,
    EventEnrolment,
    EventSession,
    Feedback,
    StudyTour,
    TourApplication,
    TourVisit,
    User,
)
from course.reports.cohort import group_value
from course.reports.programme import EventFigures, EventScope, Period, ProgrammeEvents, shift

ACCEPTED = "accepted"  # a tour application's status: the applicant takes part
FIGURES = (
    "held",
    "seats_offered",
    "enrolled",
    "attended",
    "feedback_responses",
    "relevance_mean",
    "usefulness_mean",
    "will_apply",
)


def programme_events(session: Session, period: Period, scope: EventScope) -> ProgrammeEvents:
    """Events and study tours of the period in the scope, in one statement."""
    first_day, after = _month_start(period.first), _month_start(shift(period.last, 1))
    lessons = _path_lessons(session, scope.path_id)
    columns = [
        *_event_columns(_at(first_day), _at(after), scope, lessons),
        *_tour_columns(first_day, after, scope, lessons),
    ]
    row = session.exec(select(*columns)).one()
    return ProgrammeEvents(_figures(row[: len(FIGURES)]), _figures(row[len(FIGURES) :]), recorded=True)


def _month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)


def _at(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), UTC)


def _path_lessons(session: Session, path_id: int | None) -> set[str] | None:
    """The slugs of the path's lessons (None: no path asked; an unknown or archived path has none)."""
    if path_id is None:
        return None
    path = next((p for p in catalogue.active_paths(session) if p.id == path_id), None)
    if path is None:
        return set()
    modules = {m.slug: m.id for m in catalogue.active_modules(session)}
    by_module = catalogue.lessons_by_module(session)
    slugs: set[str] = set()
    for step in path.steps:
        slugs.update(lesson.slug for lesson in by_module.get(modules.get(step.get("module")), []))
        slugs.update(step.get("lessons") or [])
    return slugs


def _names_a_lesson(column, slugs: set[str]) -> ColumnElement:
    """Whether a JSON list of lesson slugs names one of these: the slug in quotes in its text (slugs are letters,
    digits and hyphens, so they need no escaping in JSON; LIKE's own wildcards are escaped)."""
    if not slugs:
        return false()
    text = cast(column, Text)
    return or_(*(text.like(f'%"{_like_escaped(slug)}"%', escape="\\") for slug in sorted(slugs)))


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _of_country(user_id, country: str) -> ColumnElement:
    """People of that country ("" everyone), the country compared as the reach figures group it."""
    if not country:
        return true()
    return user_id.in_(select(User.id).where(func.trim(User.country) == group_value(country)))


def _event_columns(start: datetime, end: datetime, scope: EventScope, lessons: set[str] | None) -> list:
    first = (
        select(EventSession.event_id, func.min(EventSession.starts_at).label("starts_at"))
        .where(EventSession.cancelled_at.is_(None))
        .group_by(EventSession.event_id)
        .subquery("first_session")
    )
    chosen = (
        select(Event.id, Event.capacity)
        .join(first, first.c.event_id == Event.id)
        .where(
            Event.cancelled_at.is_(None),
            first.c.starts_at >= start,
            first.c.starts_at < end,
            ownership.run_by(scope.owner_id, Event) if scope.owner_id is not None else true(),
            Event.audience == scope.audience if scope.audience else true(),
            _names_a_lesson(Event.lessons, lessons) if lessons is not None else true(),
        )
        .cte("chosen_events")
    )
    ids = select(chosen.c.id)
    enrolled = select(func.count()).where(
        EventEnrolment.event_id.in_(ids),
        EventEnrolment.status == ENROLLED,
        _of_country(EventEnrolment.user_id, scope.country),
    )
    present = (
        select(EventSession.event_id, Attendance.user_id)
        .join(EventSession, EventSession.id == Attendance.session_id)
        .where(
            EventSession.event_id.in_(ids),
            Attendance.present == True,
            _of_country(Attendance.user_id, scope.country),
        )
        .group_by(EventSession.event_id, Attendance.user_id)
        .subquery("present")
    )
    return [
        select(func.count()).select_from(chosen).scalar_subquery(),
        select(func.coalesce(func.sum(chosen.c.capacity), 0)).scalar_subquery(),
        enrolled.scalar_subquery(),
        select(func.count()).select_from(present).scalar_subquery(),
        *_feedback_columns("event", ids, scope.country),
    ]


def _tour_columns(start: date, end: date, scope: EventScope, lessons: set[str] | None) -> list:
    if lessons is not None:
        visits = select(TourVisit.tour_id).where(_names_a_lesson(TourVisit.lessons, lessons))
        on_path = _names_a_lesson(StudyTour.prereading, lessons) | StudyTour.id.in_(visits)
    chosen = (
        select(StudyTour.id, StudyTour.capacity)
        .where(
            StudyTour.cancelled_at.is_(None),
            StudyTour.starts_on >= start,
            StudyTour.starts_on < end,
            ownership.run_by(scope.owner_id, StudyTour) if scope.owner_id is not None else true(),
            false() if scope.audience else true(),  # a tour has no audience
            on_path if lessons is not None else true(),
        )
        .cte("chosen_tours")
    )
    ids = select(chosen.c.id)
    accepted = select(func.count()).where(
        TourApplication.tour_id.in_(ids),
        TourApplication.status == ACCEPTED,
        _of_country(TourApplication.user_id, scope.country),
    )
    return [
        select(func.count()).select_from(chosen).scalar_subquery(),
        select(func.coalesce(func.sum(chosen.c.capacity), 0)).scalar_subquery(),
        accepted.scalar_subquery(),
        accepted.scalar_subquery(),  # a tour's participants are the accepted applicants
        *_feedback_columns("studytour", ids, scope.country),
    ]


def _feedback_columns(kind: str, ids, country: str) -> list:
    answers = (Feedback.object_type == kind, Feedback.object_id.in_(ids), _of_country(Feedback.user_id, country))
    return [
        select(func.count()).where(*answers).scalar_subquery(),
        select(func.avg(Feedback.relevance)).where(*answers).scalar_subquery(),
        select(func.avg(Feedback.usefulness)).where(*answers).scalar_subquery(),
        select(func.count()).where(*answers, Feedback.will_apply == True).scalar_subquery(),
    ]


def _figures(values) -> EventFigures:
    held, seats, enrolled, attended, responses, relevance, usefulness, will_apply = values
    return EventFigures(
        int(held),
        int(seats),
        int(enrolled),
        int(attended),
        int(responses),
        None if relevance is None else float(relevance),
        None if usefulness is None else float(usefulness),
        int(will_apply),
    )
