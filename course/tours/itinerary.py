"""Plan, change and cancel study tours and their site visits. The caller commits.

Dates and visits are checked together (`course.tours.checks`); nothing is written while a problem remains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, select

from course import locking
from course.content import catalogue
from course.content.render import render_markdown
from course.events.scheduling import ScheduleRefused, covered_cases
from course.models import StudyTour, TourApplication, TourVisit, User
from course.models.base import utcnow
from course.tours import checks
from course.tours.applications import count_with_status

DETAIL_FIELDS = (
    "title",
    "summary",
    "destination",
    "starts_on",
    "ends_on",
    "applications_close_on",
    "capacity",
    "prereading",
)


@dataclass
class VisitPlan:
    number: int
    day: date
    place: str
    what: str
    lessons: list[str] = field(default_factory=list)
    cases: list[int] = field(default_factory=list)


@dataclass
class TourPlan:
    details: dict
    visits: list[VisitPlan] = field(default_factory=list)


def _problems(session: Session, plan: TourPlan, tour: StudyTour | None) -> dict[str, checks.Problem]:
    d = plan.details
    problems = checks.tour_problems(
        d["starts_on"],
        d["ends_on"],
        d["applications_close_on"],
        [checks.PlannedVisit(v.number, v.day) for v in plan.visits],
    )
    accepted = count_with_status(session, tour.id, "accepted") if tour is not None else 0
    if d["capacity"] < max(1, accepted):
        problems["capacity"] = checks.Problem("capacity_below_accepted", {"accepted": accepted})
    known = {lesson.slug for lessons in catalogue.lessons_by_module(session).values() for lesson in lessons}
    if unknown := [s for s in d["prereading"] if s not in known]:
        problems["prereading"] = checks.Problem("unknown_lessons", {"slugs": ", ".join(unknown)})
    cases = covered_cases(session)
    for visit in plan.visits:
        wrong = [s for s in visit.lessons if s not in known] + [str(n) for n in visit.cases if n not in cases]
        if wrong:
            problems.setdefault(
                f"visits-{visit.number}",
                checks.Problem("visit_unknown_references", {"number": visit.number, "references": ", ".join(wrong)}),
            )
    return problems


def visits_of(session: Session, tour_id: int) -> list[TourVisit]:
    """The itinerary in order: by day, then as entered."""
    return list(
        session.exec(
            select(TourVisit)
            .where(TourVisit.tour_id == tour_id)
            .order_by(TourVisit.day, TourVisit.position, TourVisit.id)
        )
    )


def create_tour(session: Session, plan: TourPlan, *, owner: User) -> StudyTour:
    """A new tour with its itinerary. Raises ScheduleRefused."""
    if problems := _problems(session, plan, None):
        raise ScheduleRefused(problems)
    tour = StudyTour(owner_id=owner.id, **_stored(plan.details))
    session.add(tour)
    session.flush()
    _write_visits(session, tour, plan.visits)
    return tour


def update_tour(session: Session, tour: StudyTour, plan: TourPlan, now: datetime | None = None) -> StudyTour:
    """Change the tour's details and replace its itinerary. Raises ScheduleRefused."""
    locking.hold(session, tour)  # the capacity check sees every decision made
    if problems := _problems(session, plan, tour):
        raise ScheduleRefused(problems)
    for name, value in _stored(plan.details).items():
        setattr(tour, name, value)
    for visit in visits_of(session, tour.id):
        session.delete(visit)
    session.flush()
    _write_visits(session, tour, plan.visits)
    tour.sequence += 1
    tour.updated_at = now or utcnow()
    return tour


def cancel_tour(
    session: Session, tour: StudyTour, *, reason: str, now: datetime | None = None
) -> list[TourApplication]:
    """Cancel the tour; returns the applications still open (the caller tells their applicants)."""
    if tour.cancelled_at is not None:
        return []
    tour.cancelled_at, tour.cancel_reason = now or utcnow(), reason.strip()
    tour.sequence += 1
    session.flush()
    return list(
        session.exec(
            select(TourApplication).where(
                TourApplication.tour_id == tour.id, TourApplication.status.in_(("pending", "accepted", "waitlisted"))
            )
        )
    )


def _stored(details: dict) -> dict:
    values = {name: details[name] for name in DETAIL_FIELDS}
    values["summary_html"] = render_markdown(values["summary"])
    return values


def _write_visits(session: Session, tour: StudyTour, visits: list[VisitPlan]) -> None:
    for position, v in enumerate(visits):
        session.add(
            TourVisit(
                tour_id=tour.id,
                day=v.day,
                position=position,
                place=v.place,
                what=v.what,
                lessons=v.lessons,
                cases=v.cases,
            )
        )
    session.flush()
