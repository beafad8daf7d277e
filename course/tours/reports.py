"""The report a participant writes after a study tour: drafts, submission, and the hook through which the
case-submission feature can take a report as the draft of a new practice case. The caller commits."""

from __future__ import annotations

from datetime import date, datetime

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


def case_draft(report: TourReport, tour: StudyTour, author: User) -> dict:
    """The hook for new practice cases: a submitted report as the first draft of a case submission.

    The case-submission feature calls this, lets the author complete the guided form, and records the
    submission's id in `report.case_submission_id`. Keys follow the submission form's fields.
    """
    return {
        "title": report.title,
        "organisation": author.organisation,
        "country": author.country,
        "summary": f"Seen on the study tour “{tour.title}” ({tour.destination}).",
        "what_was_done": report.body,  # markdown, sanitised again wherever it is shown
        "source": f"Post-tour report by {author.name}, {report.submitted_at or report.updated_at:%d %B %Y}",
        "contact": author.email,
    }
