"""The report a participant writes after a study tour: drafts, submission, and the hook through which the
case-submission feature takes a submitted report as the draft of a new practice case (`case_draft`) and records
the submission it became (`link_case`, in the same transaction). The caller commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import update
from sqlmodel import Session, select

from course.content.render import render_markdown
from course.models import StudyTour, TourReport, User
from course.models.base import utcnow
from course.tours.applications import application_of


def may_write(session: Session, tour: StudyTour, user: User, today: date) -> bool:
    """Accepted participants write their report from the tour's first day on."""
    application = application_of(session, tour.id, user.id)
    return application is not None and application.status == "accepted" and today >= tour.starts_on


def report_of(session: Session, tour_id: int, user_id: int) -> TourReport | None:
    return session.exec(select(TourReport).where(TourReport.tour_id == tour_id, TourReport.user_id == user_id)).first()


def save(
    session: Session, tour: StudyTour, user: User, *, title: str, body: str, submit: bool, now: datetime | None = None
) -> TourReport:
    """Write or rewrite the participant's report; `submit` shows it to the tour's staff (it stays editable)."""
    now = now or utcnow()
    report = report_of(session, tour.id, user.id)
    if report is None:
        report = TourReport(tour_id=tour.id, user_id=user.id, title=title, created_at=now)
        session.add(report)
    report.title, report.body, report.body_html, report.updated_at = title.strip(), body, render_markdown(body), now
    if submit and report.submitted_at is None:
        report.submitted_at = now
    session.flush()
    return report


def submitted(session: Session, tour_id: int) -> list[tuple[TourReport, User]]:
    return list(
        session.exec(
            select(TourReport, User)
            .join(User, User.id == TourReport.user_id)
            .where(TourReport.tour_id == tour_id, TourReport.submitted_at.is_not(None))
            .order_by(TourReport.submitted_at, TourReport.id)
        ).all()
    )


@dataclass(frozen=True)
class CaseDraft:
    """A submitted report as the first draft of a practice case: `values` are the case's fields taken as they are
    (keys of `course.library.practice_cases.FIELDS`); the web layer words the summary and the source (in the
    author's language) from the rest."""

    values: dict
    tour_title: str
    destination: str
    author_name: str
    written_on: date


def case_draft(report: TourReport, tour: StudyTour, author: User) -> CaseDraft:
    """The hook for new practice cases: what the guided case-submission form starts from."""
    return CaseDraft(
        values={
            "title": report.title,
            "org_name": author.organisation,
            "country": author.country,
            "what_was_done": report.body,  # markdown, sanitised again wherever it is shown
            "contact_name": author.name,
            "contact_email": author.email,
        },
        tour_title=tour.title,
        destination=tour.destination,
        author_name=author.name,
        written_on=(report.submitted_at or report.updated_at).date(),
    )


def may_propose(report: TourReport | None) -> bool:
    """Whether the report may become a new practice case: submitted, and not proposed yet."""
    return report is not None and report.submitted_at is not None and report.case_submission_id is None


class AlreadyProposed(ValueError):
    """The report became a practice case before (`case_id`: that submission)."""

    def __init__(self, case_id: int | None):
        super().__init__("already_proposed")
        self.case_id = case_id


def link_case(session: Session, report: TourReport, case_id: int) -> None:
    """Record that the report was proposed as this practice case (the author's submission), once: a conditional
    write, so that of two proposals racing only one is recorded (the other raises AlreadyProposed)."""
    done = session.exec(
        update(TourReport)
        .where(TourReport.id == report.id, TourReport.case_submission_id.is_(None))
        .values(case_submission_id=case_id)
    )
    session.refresh(report)
    if done.rowcount != 1:
        raise AlreadyProposed(report.case_submission_id)
