"""Seats and waiting lists: enrol, withdraw, promotion, and the last seat taken twice at the same moment."""

import threading
import time
from datetime import timedelta

import pytest
from sqlmodel import Session, select

from course.accounts import create_user
from course.events import scheduling, seats
from course.models import ENROLLED, WAITLISTED, WITHDRAWN, EventEnrolment
from tests.web.events.helpers import SOON, make_event


@pytest.fixture
def told(monkeypatch):
    """Every announcement made, as (user id, kind)."""
    calls = []
    monkeypatch.setattr(
        "course.announcements.announce",
        lambda session, user, kind, **data: calls.append((user if isinstance(user, int) else user.id, kind)),
    )
    return calls


def _people(db, n):
    users = [create_user(db, email=f"p{i}@example.org", name=f"Person {i}", password=None) for i in range(n)]
    db.commit()
    return users


def _statuses(db, event):
    db.expire_all()
    rows = db.exec(select(EventEnrolment).where(EventEnrolment.event_id == event.id).order_by(EventEnrolment.user_id))
    return {row.user_id: row.status for row in rows}


def test_a_full_event_puts_people_on_the_waiting_list_and_a_freed_seat_goes_to_the_first(db, told):
    owner, a, b, c, d = _people(db, 5)
    event = make_event(db, owner, capacity=2)
    for person in (a, b, c, d):
        seats.enrol(db, event, person)
        db.commit()
    assert _statuses(db, event) == {a.id: ENROLLED, b.id: ENROLLED, c.id: WAITLISTED, d.id: WAITLISTED}
    assert told == [
        (a.id, "event_confirmed"),
        (b.id, "event_confirmed"),
        (c.id, "event_waitlisted"),
        (d.id, "event_waitlisted"),
    ]
    assert seats.waiting_position(db, seats.enrolment_of(db, event.id, d.id)) == 2
    told.clear()
    promoted = seats.withdraw(db, event, a)
    db.commit()
    assert [row.user_id for row in promoted] == [c.id]
    assert _statuses(db, event) == {a.id: WITHDRAWN, b.id: ENROLLED, c.id: ENROLLED, d.id: WAITLISTED}
    assert told == [(c.id, "event_promoted")]


def test_enrolling_twice_changes_nothing_and_coming_back_queues_again(db, told):
    owner, a, b = _people(db, 3)
    event = make_event(db, owner, capacity=1)
    seats.enrol(db, event, a)
    seats.enrol(db, event, a)
    db.commit()
    assert told == [(a.id, "event_confirmed")]
    seats.withdraw(db, event, a)
    seats.enrol(db, event, b)
    seats.enrol(db, event, a)
    db.commit()
    assert _statuses(db, event) == {a.id: WAITLISTED, b.id: ENROLLED}


def test_a_larger_capacity_promotes_from_the_waiting_list(db, told):
    owner, a, b, c = _people(db, 4)
    event = make_event(db, owner, capacity=1)
    for person in (a, b, c):
        seats.enrol(db, event, person)
    db.commit()
    told.clear()
    sessions = scheduling.sessions_of(db, event.id)
    details = {name: getattr(event, name) for name in scheduling.DETAIL_FIELDS} | {"capacity": 2}
    plan = scheduling.EventPlan(
        details, [scheduling.SessionPlan(n, s.starts_at, s.ends_at, s.id) for n, s in enumerate(sessions, start=1)]
    )
    scheduling.update_event(db, event, plan)
    db.commit()
    assert _statuses(db, event) == {a.id: ENROLLED, b.id: ENROLLED, c.id: WAITLISTED}
    assert told == [(b.id, "event_promoted")]


def test_enrolment_closes_once_every_session_has_started(db, told):
    owner, a = _people(db, 2)
    event = make_event(db, owner, starts=SOON - timedelta(days=30))
    with pytest.raises(seats.EnrolmentClosed):
        seats.enrol(db, event, a)
    db.rollback()
    assert _statuses(db, event) == {}


def test_two_people_taking_the_last_seat_at_once_never_overbook_it(app, db, told):
    """The first takes the last seat and has not committed yet; the second must wait for it, then find the
    event full. Without the lock on the event the second would read one free seat and take it too."""
    owner, first, second = _people(db, 3)
    event = make_event(db, owner, capacity=1)
    engine = app.extensions["db_engine"]
    outcome = {}

    with Session(engine, expire_on_commit=False) as one:
        seats.enrol(one, one.get(type(event), event.id), one.get(type(first), first.id))

        def rival():
            with Session(engine, expire_on_commit=False) as two:
                row = seats.enrol(two, two.get(type(event), event.id), two.get(type(second), second.id))
                two.commit()
                outcome["status"] = row.status

        thread = threading.Thread(target=rival)
        thread.start()
        time.sleep(1.0)
        assert thread.is_alive(), "the second enrolment did not wait for the first to commit"
        one.commit()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert outcome["status"] == WAITLISTED
    assert _statuses(db, event) == {first.id: ENROLLED, second.id: WAITLISTED}


def test_many_people_at_once_fill_exactly_the_seats(app, db, told):
    """Eight threads enrol at the same time in a three-seat event: three seats, five waiting."""
    owner, *people = _people(db, 9)
    event = make_event(db, owner, capacity=3)
    engine = app.extensions["db_engine"]
    start = threading.Barrier(len(people))
    errors = []

    def take(person_id):
        try:
            with Session(engine, expire_on_commit=False) as own:
                start.wait()
                seats.enrol(own, own.get(type(event), event.id), own.get(type(owner), person_id))
                own.commit()
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(p.id,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    statuses = list(_statuses(db, event).values())
    assert (statuses.count(ENROLLED), statuses.count(WAITLISTED)) == (3, 5)


def test_reminders_go_once_to_those_enrolled_for_sessions_starting_soon(app, db, told):
    from course.events import reminders

    owner, a, b = _people(db, 3)
    soon = make_event(db, owner, capacity=1, sessions=2, starts=SOON)
    seats.enrol(db, soon, a)
    seats.enrol(db, soon, b)  # waiting: not reminded
    db.commit()
    told.clear()
    now = SOON - timedelta(hours=20)
    assert reminders.send_due(db, within=timedelta(hours=24), now=now) == 1
    db.commit()
    assert told == [(a.id, "event_reminder")]
    assert reminders.send_due(db, within=timedelta(hours=24), now=now) == 0  # once per session
    result = app.test_cli_runner().invoke(args=["events", "remind", "--hours", "1"])
    assert result.exit_code == 0 and "Reminders announced: 0." in result.output
