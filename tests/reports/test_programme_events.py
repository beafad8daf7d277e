"""The programme report's events and study tours, read from rows arranged directly (both engines)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event as sa_event
from sqlmodel import select

from course.accounts import create_user
from course.models import (
    Attendance,
    CoInstructor,
    Event,
    EventEnrolment,
    EventSession,
    Feedback,
    LearningPath,
    StudyTour,
    TourApplication,
    TourVisit,
)
from course.reports.programme import EventScope, Period
from course.reports.programme_events import programme_events

QUARTER = Period("2025-01", "2025-03")
EVERYONE = EventScope()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class Arrange:
    def __init__(self, db):
        self.db, self.n, self.sessions = db, 0, {}

    def person(self, country="", role="trainee"):
        self.n += 1
        return create_user(
            self.db, email=f"p{self.n}@example.org", name=f"Person {self.n}", password=None, role=role, country=country
        )

    def event(self, *starts, capacity=10, owner=None, cancelled=False, audience="", lessons=(), cancelled_first=False):
        event = Event(
            title=f"Event {len(starts)} {starts[0]}",
            kind="seminar",
            time_zone="UTC",
            capacity=capacity,
            owner_id=owner.id if owner else None,
            audience=audience,
            lessons=list(lessons),
            cancelled_at=at("2024-12-01T00:00") if cancelled else None,
        )
        self.db.add(event)
        self.db.flush()
        self.sessions[event.id] = []
        for n, start in enumerate(starts):
            moment = at(start)
            meeting = EventSession(
                event_id=event.id,
                starts_at=moment,
                ends_at=moment + timedelta(hours=2),
                cancelled_at=moment if cancelled_first and n == 0 else None,
            )
            self.db.add(meeting)
            self.db.flush()
            self.sessions[event.id].append(meeting)
        return event

    def enrol(self, event, person, status="enrolled"):
        self.db.add(EventEnrolment(event_id=event.id, user_id=person.id, status=status))

    def present(self, meeting, person, present=True):
        self.db.add(Attendance(session_id=meeting.id, user_id=person.id, present=present))

    def feedback(self, kind, obj, person, relevance, usefulness, will_apply):
        self.db.add(
            Feedback(
                object_type=kind,
                object_id=obj.id,
                user_id=person.id,
                relevance=relevance,
                usefulness=usefulness,
                will_apply=will_apply,
            )
        )

    def tour(self, starts_on: date, capacity=12, owner=None, cancelled=False, prereading=()):
        tour = StudyTour(
            title=f"Tour {starts_on}",
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=2),
            capacity=capacity,
            owner_id=owner.id if owner else None,
            prereading=list(prereading),
            cancelled_at=at("2024-12-01T00:00") if cancelled else None,
        )
        self.db.add(tour)
        self.db.flush()
        return tour

    def apply(self, tour, person, status):
        self.db.add(TourApplication(tour_id=tour.id, user_id=person.id, motivation="To learn.", status=status))

    def figures(self, scope=EVERYONE, period=QUARTER):
        self.db.commit()
        return programme_events(self.db, period, scope)


@pytest.fixture
def arrange(db):
    return Arrange(db)


def test_events_held_in_the_period_and_their_seats(arrange):
    arrange.event("2025-01-01T00:00", "2025-01-02T00:00", capacity=10)  # the first instant of the period
    arrange.event("2025-03-31T23:30", capacity=5)  # the last half hour
    arrange.event("2024-12-20T09:00", "2025-02-01T09:00", capacity=7, cancelled_first=True)  # first held: February
    arrange.event("2024-12-31T23:59", "2025-01-15T09:00", capacity=100)  # began before the period
    arrange.event("2025-04-01T00:00", capacity=100)  # after it
    arrange.event("2025-02-10T09:00", capacity=100, cancelled=True)
    figures = arrange.figures()
    assert figures.recorded is True
    assert (figures.events.held, figures.events.seats_offered) == (3, 22)
    assert (figures.tours.held, figures.events.enrolled, figures.events.relevance_mean) == (0, 0, None)
    assert arrange.figures(period=Period("2025-04", "2025-04")).events.held == 1


def test_enrolled_attended_and_feedback_of_the_events(arrange):
    event = arrange.event("2025-02-03T09:00", "2025-02-04T09:00")
    later = arrange.event("2025-05-03T09:00")
    first, second = arrange.sessions[event.id]
    one, two, waiting, withdrawn, elsewhere = (arrange.person() for _ in range(5))
    arrange.enrol(event, one)
    arrange.enrol(event, two)
    arrange.enrol(event, waiting, "waitlisted")
    arrange.enrol(event, withdrawn, "withdrawn")
    arrange.enrol(later, elsewhere)
    arrange.present(first, one)
    arrange.present(second, one)  # present twice: one person attended
    arrange.present(first, two, present=False)  # marked absent
    arrange.present(second, waiting)  # let in from the waiting list on the day
    arrange.present(arrange.sessions[later.id][0], elsewhere)
    arrange.feedback("event", event, one, 5, 4, True)
    arrange.feedback("event", event, waiting, 2, 3, False)
    arrange.feedback("event", later, elsewhere, 1, 1, True)  # another period
    arrange.feedback("studytour", event, two, 1, 1, True)  # a tour's answer whose id happens to be the event's
    figures = arrange.figures().events
    assert (figures.held, figures.enrolled, figures.attended) == (1, 2, 2)
    assert (figures.feedback_responses, figures.will_apply) == (2, 1)
    assert figures.relevance_mean == pytest.approx(3.5) and figures.usefulness_mean == pytest.approx(3.5)


def test_study_tours_count_accepted_applications(arrange):
    tour = arrange.tour(date(2025, 1, 1), capacity=12)
    arrange.tour(date(2025, 2, 1), capacity=8, cancelled=True)
    arrange.tour(date(2025, 4, 1), capacity=30)
    arrange.tour(date(2024, 12, 31), capacity=30)  # ends in January, began before
    people = [arrange.person() for _ in range(6)]
    for person, status in zip(
        people, ("accepted", "accepted", "pending", "waitlisted", "declined", "withdrawn"), strict=True
    ):
        arrange.apply(tour, person, status)
    arrange.feedback("studytour", tour, people[0], 4, 5, True)
    tours = arrange.figures().tours
    assert (tours.held, tours.seats_offered, tours.enrolled, tours.attended) == (1, 12, 2, 2)
    assert (tours.feedback_responses, tours.relevance_mean, tours.usefulness_mean, tours.will_apply) == (1, 4, 5, 1)


def test_an_instructor_sees_only_the_events_and_tours_they_run(arrange, db):
    mine, theirs = arrange.person(role="instructor"), arrange.person(role="instructor")
    owned = arrange.event("2025-01-10T09:00", capacity=10, owner=mine)
    co_run = arrange.event("2025-01-11T09:00", capacity=20, owner=theirs)
    arrange.event("2025-01-12T09:00", capacity=40, owner=theirs)
    arrange.event("2025-01-13T09:00", capacity=80)  # an admin's
    db.add(CoInstructor(object_type="event", object_id=co_run.id, user_id=mine.id))
    tour = arrange.tour(date(2025, 2, 1), capacity=6, owner=theirs)
    db.add(CoInstructor(object_type="cohort", object_id=tour.id, user_id=mine.id))  # another kind's co-instructor
    arrange.tour(date(2025, 2, 2), capacity=9, owner=mine)
    trainee = arrange.person()
    arrange.enrol(owned, trainee)
    arrange.enrol(arrange.event("2025-01-14T09:00", owner=theirs), trainee)
    figures = arrange.figures(EventScope(owner_id=mine.id))
    assert (figures.events.held, figures.events.seats_offered, figures.events.enrolled) == (2, 30, 1)
    assert (figures.tours.held, figures.tours.seats_offered) == (1, 9)
    everyone = arrange.figures()
    assert (everyone.events.held, everyone.events.enrolled, everyone.tours.held) == (5, 2, 2)


def test_a_country_counts_only_its_people(arrange):
    event = arrange.event("2025-02-03T09:00", capacity=30)
    ghana = [arrange.person("Ghana"), arrange.person(" Ghana "), arrange.person("Ghana")]
    peru = arrange.person("Peru")
    for person in [*ghana, peru]:
        arrange.enrol(event, person)
        arrange.present(arrange.sessions[event.id][0], person)
        arrange.feedback("event", event, person, 5 if person is peru else 3, 3, person is peru)
    tour = arrange.tour(date(2025, 3, 1))
    arrange.apply(tour, ghana[0], "accepted")
    arrange.apply(tour, peru, "accepted")
    figures = arrange.figures(EventScope(country="Ghana"))
    assert (figures.events.held, figures.events.seats_offered) == (1, 30)  # events stay as they are
    assert (figures.events.enrolled, figures.events.attended, figures.events.feedback_responses) == (3, 3, 3)
    assert (figures.events.relevance_mean, figures.events.will_apply) == (3, 0)
    assert (figures.tours.held, figures.tours.enrolled) == (1, 1)
    assert arrange.figures(EventScope(country="Kenya")).events.enrolled == 0
    assert arrange.figures().events.enrolled == 4


def test_a_path_and_an_audience_narrow_to_their_events(arrange, db, synced):
    officials = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    arrange.event("2025-01-10T09:00", capacity=1, lessons=["rail-freight"], audience="official")
    arrange.event("2025-01-10T09:00", capacity=2, lessons=["elsewhere", "harbour-city-pilot"])
    arrange.event("2025-01-10T09:00", capacity=4, lessons=["harbour-city-pilot-2"])  # a slug that merely begins alike
    arrange.event("2025-01-10T09:00", capacity=8)
    visited = arrange.tour(date(2025, 1, 5), capacity=16)
    db.add(TourVisit(tour_id=visited.id, day=date(2025, 1, 5), place="Harbour", lessons=["returns-hub"]))
    arrange.tour(date(2025, 1, 6), capacity=32, prereading=["harbour-city-pilot"])
    arrange.tour(date(2025, 1, 7), capacity=64)
    on_path = arrange.figures(EventScope(path_id=officials.id))
    assert (on_path.events.seats_offered, on_path.tours.seats_offered) == (3, 48)
    official = arrange.figures(EventScope(audience="official"))
    assert (official.events.seats_offered, official.tours.held) == (1, 0)  # a tour has no audience


def test_one_statement_whatever_the_number_of_events(arrange, db):
    statements = []

    def count(*_args):
        statements.append(1)

    engine = db.get_bind()
    for n in range(2):
        for _ in range(1 + 5 * n):
            event = arrange.event("2025-02-03T09:00")
            person = arrange.person()
            arrange.enrol(event, person)
            arrange.present(arrange.sessions[event.id][0], person)
        db.commit()
        sa_event.listen(engine, "before_cursor_execute", count)
        try:
            programme_events(db, QUARTER, EventScope(owner_id=None, country="Ghana"))
        finally:
            sa_event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 2  # one each time
