"""A person's part in the programme beyond lessons: events they hold a seat at, sessions attended, study tours
they were accepted on, and the feedback they gave (events and tours). For the cohort progress CSV."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func
from sqlmodel import Session, select

from course.models import Attendance, EventEnrolment, Feedback, TourApplication


@dataclass(frozen=True)
class Participation:
    events_enrolled: int = 0  # events where they hold a seat (not the waiting list, not withdrawn)
    sessions_attended: int = 0  # event sessions staff marked them present at
    tours_accepted: int = 0  # study tours their application was accepted for
    feedback_answers: int = 0  # feedback forms sent, on events and tours
    relevance_mean: float | None = None  # 1-5, over their feedback answers
    usefulness_mean: float | None = None  # 1-5
    will_apply: int = 0  # feedback answers saying they will apply something


NONE = Participation()


def participation(session: Session, user_ids: list[int]) -> dict[int, Participation]:
    """Member id -> their participation, for these members (four grouped queries, whatever their number)."""
    if not user_ids:
        return {}
    counts: dict[int, dict] = {uid: {} for uid in user_ids}

    def add(query, *names):
        for uid, *values in session.exec(query).all():
            counts[uid].update(zip(names, values, strict=True))

    add(
        select(EventEnrolment.user_id, func.count())
        .where(EventEnrolment.user_id.in_(user_ids), EventEnrolment.status == "enrolled")
        .group_by(EventEnrolment.user_id),
        "events_enrolled",
    )
    add(
        select(Attendance.user_id, func.count())
        .where(Attendance.user_id.in_(user_ids), Attendance.present.is_(True))
        .group_by(Attendance.user_id),
        "sessions_attended",
    )
    add(
        select(TourApplication.user_id, func.count())
        .where(TourApplication.user_id.in_(user_ids), TourApplication.status == "accepted")
        .group_by(TourApplication.user_id),
        "tours_accepted",
    )
    add(
        select(
            Feedback.user_id,
            func.count(),
            func.avg(Feedback.relevance),
            func.avg(Feedback.usefulness),
            func.sum(case((Feedback.will_apply.is_(True), 1), else_=0)),
        )
        .where(Feedback.user_id.in_(user_ids))
        .group_by(Feedback.user_id),
        "feedback_answers",
        "relevance_mean",
        "usefulness_mean",
        "will_apply",
    )
    return {uid: _participation(found) if found else NONE for uid, found in counts.items()}


def _participation(found: dict) -> Participation:
    means = {name: float(found[name]) for name in ("relevance_mean", "usefulness_mean") if found.get(name) is not None}
    numbers = {name: int(value or 0) for name, value in found.items() if not name.endswith("_mean")}
    return Participation(**numbers, **means)
