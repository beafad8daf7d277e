"""Reading study tours for pages: open ones, a person's applications, those a staff member manages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, select

from course.models import StudyTour, TourApplication, TourVisit


@dataclass
class TourListing:
    tour: StudyTour
    visits: list[TourVisit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # applications by status
    status: str = ""  # the viewer's application status, "" for none


def _listings(session: Session, tours: list[StudyTour], viewer_id: int | None) -> list[TourListing]:
    listings = {t.id: TourListing(t) for t in tours}
    ids = list(listings) or [-1]
    for visit in session.exec(
        select(TourVisit).where(TourVisit.tour_id.in_(ids)).order_by(TourVisit.day, TourVisit.position, TourVisit.id)
    ):
        listings[visit.tour_id].visits.append(visit)
    for tour_id, status, n in session.exec(
        select(TourApplication.tour_id, TourApplication.status, func.count())
        .where(TourApplication.tour_id.in_(ids))
        .group_by(TourApplication.tour_id, TourApplication.status)
    ):
        listings[tour_id].counts[status] = n
    if viewer_id is not None:
        for tour_id, status in session.exec(
            select(TourApplication.tour_id, TourApplication.status).where(
                TourApplication.tour_id.in_(ids), TourApplication.user_id == viewer_id
            )
        ):
            listings[tour_id].status = status
    return [listings[t.id] for t in tours]


def upcoming(session: Session, viewer_id: int | None, today: date) -> list[TourListing]:
    """Tours not cancelled that have not ended, soonest first."""
    tours = session.exec(
        select(StudyTour)
        .where(StudyTour.cancelled_at.is_(None), StudyTour.ends_on >= today)
        .order_by(StudyTour.starts_on, StudyTour.id)
    )
    return _listings(session, list(tours), viewer_id)


def of_person(session: Session, user_id: int) -> list[TourListing]:
    """Every tour the person applied to, soonest first."""
    mine = select(TourApplication.tour_id).where(TourApplication.user_id == user_id)
    tours = session.exec(select(StudyTour).where(StudyTour.id.in_(mine)).order_by(StudyTour.starts_on, StudyTour.id))
    return _listings(session, list(tours), user_id)


def listing(session: Session, tour: StudyTour, viewer_id: int | None) -> TourListing:
    return _listings(session, [tour], viewer_id)[0]


def managed(session: Session, clause: ColumnElement) -> list[TourListing]:
    """Tours a staff member manages (`clause`: course.ownership.managed), latest first."""
    tours = session.exec(select(StudyTour).where(clause).order_by(StudyTour.starts_on.desc(), StudyTour.id.desc()))
    return _listings(session, list(tours), None)
