"""The training programme's events: seminars, workshops, forums and webinars, their sessions, who enrolled
(or waits for a seat), who attended each session, and each person's calendar feed."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column, utcnow

EVENT_KINDS = ("seminar", "workshop", "forum", "webinar")  # codes; their words: course/web/events/wording.py
ENROLLED, WAITLISTED, WITHDRAWN = "enrolled", "waitlisted", "withdrawn"


def new_uid() -> str:
    """A random, stable identifier: the base of the iCalendar UIDs of an event's sessions."""
    return uuid.uuid4().hex


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True, max_length=32)
    title: str = Field(max_length=200)
    kind: str = Field(max_length=20)  # a key of EVENT_KINDS
    description: str = ""  # markdown, as the organiser wrote it
    description_html: str = ""  # rendered and sanitised when saved
    time_zone: str = Field(max_length=64)  # the IANA zone its sessions were entered in
    place: str = Field(default="", max_length=300)
    online_url: str = Field(default="", max_length=500)
    capacity: int
    audience: str = Field(default="", max_length=20)  # "" everyone, or a learning-path audience
    language: str = Field(default="en", max_length=35)  # a BCP 47 tag
    lessons: list = Field(default_factory=list, sa_column=json_column())  # related lesson slugs
    cases: list = Field(default_factory=list, sa_column=json_column())  # related case numbers
    # Attending an event of a series meets a learning path's requirement to attend one (modules/paths.yml).
    series: str = Field(default="", max_length=100, index=True)
    # Who may manage it: course/ownership.py (the owner and co-instructors; admins).
    owner_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    sequence: int = 0  # iCalendar SEQUENCE: moves with every change calendars must pick up
    cancelled_at: datetime | None = None
    cancel_reason: str = ""


class EventSession(SQLModel, table=True):
    """One meeting of an event; start and end are instants (UTC)."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    starts_at: datetime = Field(index=True)
    ends_at: datetime
    cancelled_at: datetime | None = None
    reminded_at: datetime | None = None  # when the reminder of this session was announced


class EventEnrolment(SQLModel, table=True):
    """A person's seat at an event, or their place on its waiting list (first queued, first promoted)."""

    __table_args__ = (UniqueConstraint("event_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    status: str = Field(max_length=20)  # enrolled | waitlisted | withdrawn
    queued_at: datetime = Field(default_factory=utcnow)  # the waiting list's order
    changed_at: datetime = Field(default_factory=utcnow)


class Attendance(SQLModel, table=True):
    """Whether a person was at one session, as staff marked it."""

    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="eventsession.id", index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    present: bool
    marked_by: int | None = Field(default=None, foreign_key="user.id")
    marked_at: datetime = Field(default_factory=utcnow)


class CalendarFeed(SQLModel, table=True):
    """A person's subscribable calendar: the URL carries a secret token, only its hash is kept."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", unique=True)
    token_hash: str = Field(unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
