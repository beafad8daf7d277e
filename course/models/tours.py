"""Study tours (Next Steps IV): a multi-day itinerary of site visits, applications reviewed by the programme's
staff, and the report each participant writes afterwards. Feedback on events and tours is kept here too."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column, utcnow

APPLICATION_STATUSES = ("pending", "accepted", "waitlisted", "declined", "withdrawn")


class StudyTour(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    summary: str = ""  # markdown
    summary_html: str = ""  # rendered and sanitised when saved
    destination: str = Field(default="", max_length=200)  # region or cities visited
    starts_on: date
    ends_on: date
    applications_close_on: date | None = None  # the last day to apply (None: the day before departure)
    capacity: int
    prereading: list = Field(default_factory=list, sa_column=json_column())  # lesson slugs to read before departure
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)  # course/ownership.py
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    sequence: int = 0  # moves with every change
    cancelled_at: datetime | None = None
    cancel_reason: str = ""


class TourVisit(SQLModel, table=True):
    """One site visit of the itinerary: where, on which day, what is seen, and the cases it shows."""

    id: int | None = Field(default=None, primary_key=True)
    tour_id: int = Field(foreign_key="studytour.id", index=True)
    day: date
    position: int = 0
    place: str = Field(max_length=200)
    what: str = ""  # what participants see there
    lessons: list = Field(default_factory=list, sa_column=json_column())  # lesson slugs
    cases: list = Field(default_factory=list, sa_column=json_column())  # case numbers


class TourApplication(SQLModel, table=True):
    """A person's application to a tour, and the programme's decision on it."""

    __table_args__ = (UniqueConstraint("tour_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tour_id: int = Field(foreign_key="studytour.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    motivation: str
    organisation: str = Field(default="", max_length=200)
    nominated_by: str = Field(default="", max_length=200)
    status: str = Field(default="pending", max_length=20)  # one of APPLICATION_STATUSES
    reason: str = ""  # the decision's reason, shown to the applicant
    decided_by: int | None = Field(default=None, foreign_key="user.id")
    decided_at: datetime | None = None
    applied_at: datetime = Field(default_factory=utcnow)


class TourReport(SQLModel, table=True):
    """What a participant learnt on the tour, in their words: its own record, which the case-submission
    feature may take as the draft of a new practice case (`course/tours/reports.py`, `case_draft`)."""

    __table_args__ = (UniqueConstraint("tour_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    tour_id: int = Field(foreign_key="studytour.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    title: str = Field(max_length=200)
    body: str = ""  # markdown
    body_html: str = ""  # rendered and sanitised when saved
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_at: datetime | None = None  # None: a draft only its author sees
    # Set by the case-submission feature when the report became a submitted practice case.
    case_submission_id: int | None = None


class Feedback(SQLModel, table=True):
    """An attendee's short feedback on an event or a study tour ("event" or "studytour")."""

    __table_args__ = (UniqueConstraint("object_type", "object_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    object_type: str = Field(max_length=20)
    object_id: int = Field(index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    relevance: int  # 1-5
    usefulness: int  # 1-5
    will_apply: bool
    apply_text: str = ""  # what they will apply
    created_at: datetime = Field(default_factory=utcnow)
