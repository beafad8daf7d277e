"""Applying to a study tour, and the programme's decisions on applications. The caller commits.

Decisions on one tour take turns (the tour row is locked), so two staff members accepting the last
place at the same moment cannot accept more people than the tour has places.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from course import announcements, locking
from course.content import catalogue
from course.models import LessonProgress, StudyTour, TourApplication, User
from course.models.base import utcnow

OPEN = ("pending", "accepted", "waitlisted")
DECISIONS = ("accepted", "waitlisted", "declined")  # worded by course/web/events/wording.py


class ApplicationRefused(ValueError):
    """Applications are closed, or the decision cannot be taken (the tour is full). `code` says which ("closed",
    "already_applied", "withdrawn", "tour_full"), `values` what its wording needs (course/web/events/wording.py)."""

    def __init__(self, code: str, **values):
        super().__init__(code)
        self.code, self.values = code, values


def closes_on(tour: StudyTour) -> date:
    """The last day to apply: the one set, else the day before departure."""
    return tour.applications_close_on or (tour.starts_on - timedelta(days=1))


def accepting(tour: StudyTour, today: date) -> bool:
    return tour.cancelled_at is None and today <= closes_on(tour)


def application_of(session: Session, tour_id: int, user_id: int) -> TourApplication | None:
    return session.exec(
        select(TourApplication).where(TourApplication.tour_id == tour_id, TourApplication.user_id == user_id)
    ).first()


def count_with_status(session: Session, tour_id: int, status: str) -> int:
    return session.exec(
        select(func.count()).where(TourApplication.tour_id == tour_id, TourApplication.status == status)
    ).one()


def apply(
    session: Session,
    tour: StudyTour,
    user: User,
    *,
    motivation: str,
    organisation: str,
    nominated_by: str,
    today: date | None = None,
) -> TourApplication:
    """Apply (or apply again after withdrawing). Raises ApplicationRefused when applications are closed or the
    person was declined or already applied."""
    if not accepting(tour, today or utcnow().date()):
        raise ApplicationRefused("closed")
    row = application_of(session, tour.id, user.id)
    if row is not None and row.status != "withdrawn":
        raise ApplicationRefused("already_applied")
    values = dict(motivation=motivation.strip(), organisation=organisation.strip(), nominated_by=nominated_by.strip())
    if row is None:
        row = TourApplication(tour_id=tour.id, user_id=user.id, **values)
        session.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.status, row.reason, row.decided_by, row.decided_at, row.applied_at = "pending", "", None, None, utcnow()
    session.flush()
    return row


def withdraw(session: Session, application: TourApplication) -> bool:
    """The applicant withdraws; False when there was nothing open to withdraw."""
    if application.status not in OPEN:
        return False
    application.status = "withdrawn"
    session.flush()
    return True


def decide(
    session: Session,
    tour: StudyTour,
    application: TourApplication,
    *,
    status: str,
    reason: str,
    by: User,
    now: datetime | None = None,
) -> TourApplication:
    """Accept, waitlist or decline (with a reason, which the applicant reads) and tell the applicant.
    Raises ApplicationRefused when accepting would pass the tour's capacity or the application is withdrawn."""
    if status not in DECISIONS:
        raise ValueError(status)
    locking.hold(session, tour)
    session.refresh(application)
    if application.status == "withdrawn":
        raise ApplicationRefused("withdrawn")
    if status == "accepted" and application.status != "accepted":
        if count_with_status(session, tour.id, "accepted") >= tour.capacity:
            raise ApplicationRefused("tour_full", capacity=tour.capacity)
    application.status, application.reason = status, reason.strip()
    application.decided_by, application.decided_at = by.id, now or utcnow()
    session.flush()
    announcements.announce(
        session, session.get(User, application.user_id), "tour_decision", tour=tour, application=application
    )
    return application


def applications(session: Session, tour_id: int) -> list[tuple[TourApplication, User]]:
    """Every application with its applicant, oldest first."""
    return list(
        session.exec(
            select(TourApplication, User)
            .join(User, User.id == TourApplication.user_id)
            .where(TourApplication.tour_id == tour_id)
            .order_by(TourApplication.applied_at, TourApplication.id)
        ).all()
    )


def prereading_done(session: Session, tour: StudyTour, user_ids: list[int]) -> dict[int, set[str]]:
    """Applicant id -> the slugs of the tour's pre-reading lessons they completed."""
    lessons = {
        lesson.id: lesson.slug for slug in tour.prereading if (lesson := catalogue.lesson_by_slug(session, slug))
    }
    if not lessons or not user_ids:
        return {}
    done: dict[int, set[str]] = {}
    for user_id, lesson_id in session.exec(
        select(LessonProgress.user_id, LessonProgress.lesson_id).where(
            LessonProgress.user_id.in_(user_ids),
            LessonProgress.lesson_id.in_(list(lessons)),
            LessonProgress.completed_at.is_not(None),
        )
    ):
        done.setdefault(user_id, set()).add(lessons[lesson_id])
    return done
