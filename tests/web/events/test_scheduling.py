"""Staff schedule, change and cancel events through the forms; bad input changes nothing."""

from datetime import UTC, timedelta

import pytest
from sqlmodel import select

from course.models import AuditEntry, Event, EventSession
from tests.web.events.helpers import SOON, event_form, local, make_event


def _events(db):
    db.expire_all()
    return db.exec(select(Event)).all()


def test_an_instructor_schedules_a_seminar_with_two_sessions(client, auth, db, synced):
    instructor = auth.as_role("instructor")
    response = auth.post("/events/new", event_form(lessons=["harbour-city-pilot"], cases="1", series=""))
    assert response.status_code == 302, response.get_data(as_text=True)
    (event,) = _events(db)
    assert (event.title, event.owner_id, event.capacity, event.time_zone) == (
        "Pilot zones seminar",
        instructor.id,
        2,
        "Africa/Nairobi",
    )
    assert "<strong>two</strong>" in event.description_html and "<script" not in event.description_html
    assert (event.lessons, event.cases) == (["harbour-city-pilot"], [1])
    sessions = db.exec(select(EventSession).order_by(EventSession.starts_at)).all()
    assert [s.starts_at for s in sessions] == [SOON, SOON + timedelta(days=1)]  # Nairobi wall clock, stored in UTC
    assert db.exec(select(AuditEntry.action)).all() == ["event.create"]
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Pilot zones seminar" in page and "<strong>two</strong>" in page and "alert(1)" not in page


@pytest.mark.parametrize(
    "changes, message",
    [
        (
            {"sessions-1-ends": local(SOON + timedelta(days=1) - timedelta(hours=1), "Africa/Nairobi")},
            "Session 2 ends before it starts",
        ),
        (
            {
                "sessions-1-starts": local(SOON + timedelta(hours=1), "Africa/Nairobi"),
                "sessions-1-ends": local(SOON + timedelta(hours=3), "Africa/Nairobi"),
            },
            "Sessions 1 and 2 overlap",
        ),
        ({"time_zone": "Mars/Olympus"}, "Unknown time zone"),
        ({"time_zone": ""}, "Choose a time zone."),
        ({"capacity": "0"}, "The capacity must be between 1 and 100000 seats"),
        ({"sessions-0-ends": ""}, "Session 1: give both its start and its end"),
        (
            {"sessions-0-starts": "", "sessions-0-ends": "", "sessions-1-starts": "", "sessions-1-ends": ""},
            "Add at least one session",
        ),
        ({"online_url": "javascript:alert(1)"}, "starting with https://"),
        ({"cases": "1, x"}, "Give case numbers separated by commas"),
        ({"cases": "99"}, "No lesson covers case 99"),
        ({"language": "english!"}, "Give a language tag"),
        (
            {
                "time_zone": "Europe/Berlin",
                "sessions-0-starts": "2031-03-30T02:30",
                "sessions-0-ends": "2031-03-30T04:00",
            },
            "does not exist in Europe/Berlin",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_is_saved(client, auth, db, synced, changes, message):
    auth.as_role("instructor")
    response = auth.post("/events/new", event_form(**changes))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert _events(db) == []


def test_capacity_below_the_enrolments_is_refused_and_nothing_changes(client, auth, db, synced):
    instructor = auth.as_role("instructor")
    event = make_event(db, instructor, capacity=3)
    from course.events import seats

    for n in range(2):
        seats.enrol(db, event, auth.make_user("trainee", email=f"t{n}@example.org"))
    db.commit()
    form = _edit_form(db, event) | {"capacity": "1", "title": "Renamed"}
    response = auth.post(f"/events/{event.id}/edit", form)
    assert response.status_code == 422
    assert "2 people are enrolled: the capacity cannot go below 2" in response.get_data(as_text=True)
    (stored,) = _events(db)
    assert (stored.capacity, stored.title, stored.sequence) == (3, "Pilot zones seminar", 0)


def _edit_form(db, event) -> dict:
    sessions = db.exec(
        select(EventSession).where(EventSession.event_id == event.id).order_by(EventSession.starts_at)
    ).all()
    form = event_form(capacity=str(event.capacity))
    for n, s in enumerate(sessions):
        form |= {
            f"sessions-{n}-id": str(s.id),
            f"sessions-{n}-starts": local(s.starts_at, "Africa/Nairobi"),
            f"sessions-{n}-ends": local(s.ends_at, "Africa/Nairobi"),
        }
    return form


def test_an_edit_moves_a_session_adds_one_and_raises_the_sequence(client, auth, db, synced):
    instructor = auth.as_role("instructor")
    event = make_event(db, instructor)
    form = _edit_form(db, event) | {
        "sessions-1-starts": local(SOON + timedelta(days=2), "Africa/Nairobi"),
        "sessions-1-ends": local(SOON + timedelta(days=2, hours=3), "Africa/Nairobi"),
        "sessions-2-starts": local(SOON + timedelta(days=3), "Africa/Nairobi"),
        "sessions-2-ends": local(SOON + timedelta(days=3, hours=1), "Africa/Nairobi"),
    }
    assert auth.post(f"/events/{event.id}/edit", form).status_code == 302
    (stored,) = _events(db)
    assert stored.sequence == 1
    starts = db.exec(select(EventSession.starts_at).order_by(EventSession.starts_at)).all()
    assert starts == [SOON, SOON + timedelta(days=2), SOON + timedelta(days=3)]


def test_cancelling_tells_everyone_and_the_ics_answers_gone(client, auth, db, synced, monkeypatch):
    told = []
    monkeypatch.setattr("course.announcements.announce", lambda s, user, kind, **data: told.append((user.email, kind)))
    instructor = auth.as_role("instructor")
    event = make_event(db, instructor, capacity=1)
    from course.events import seats

    seats.enrol(db, event, auth.make_user("trainee"))
    seats.enrol(db, event, auth.make_user("official"))
    db.commit()
    told.clear()
    response = auth.post(f"/events/{event.id}/cancel", {"reason": "The venue is closed."})
    assert response.status_code == 302
    assert sorted(told) == [("official@example.org", "event_cancelled"), ("trainee@example.org", "event_cancelled")]
    (stored,) = _events(db)
    assert stored.cancelled_at is not None and stored.cancel_reason == "The venue is closed." and stored.sequence == 1
    gone = client.get(f"/events/{event.id}.ics")
    assert gone.status_code == 410
    assert "was cancelled, so it has no calendar file" in gone.get_data(as_text=True)
    assert "The venue is closed." in client.get(f"/events/{event.id}").get_data(as_text=True)


def test_a_cancel_without_a_reason_is_refused(client, auth, db, synced):
    event = make_event(db, auth.as_role("instructor"))
    auth.post(f"/events/{event.id}/cancel", {"reason": " "})
    assert _events(db)[0].cancelled_at is None


def test_times_are_stored_in_utc_whatever_the_zone_they_were_typed_in(client, auth, db, synced):
    auth.as_role("instructor")
    form = event_form(
        time_zone="Asia/Shanghai",
        **{
            "sessions-0-starts": "2031-05-04T09:00",
            "sessions-0-ends": "2031-05-04T11:00",
            "sessions-1-starts": "",
            "sessions-1-ends": "",
        },
    )
    assert auth.post("/events/new", form).status_code == 302
    (session,) = db.exec(select(EventSession)).all()
    assert session.starts_at.astimezone(UTC).hour == 1


def test_a_cancelled_session_stays_in_calendars_as_cancelled_and_one_with_attendance_cannot_be_removed(
    client, auth, db, synced
):
    import icalendar

    from course.events import attendance, seats

    instructor = auth.as_role("instructor")
    event = make_event(db, instructor)
    trainee = auth.make_user("trainee")
    seats.enrol(db, event, trainee)
    db.commit()
    first, second = db.exec(select(EventSession).order_by(EventSession.starts_at)).all()
    assert (
        auth.post(f"/events/{event.id}/edit", _edit_form(db, event) | {"sessions-1-cancelled": "y"}).status_code == 302
    )
    db.expire_all()
    assert db.get(EventSession, second.id).cancelled_at is not None
    cal = icalendar.Calendar.from_ical(client.get(f"/events/{event.id}.ics").data)
    assert [str(v["STATUS"]) for v in cal.walk("VEVENT")] == ["CONFIRMED", "CANCELLED"]
    assert all(v["SEQUENCE"] == 1 for v in cal.walk("VEVENT"))
    attendance.mark(db, db.get(EventSession, first.id), {trainee.id: True}, by=instructor)
    db.commit()
    removed = _edit_form(db, event) | {"sessions-0-starts": "", "sessions-0-ends": ""}
    response = auth.post(f"/events/{event.id}/edit", removed)
    assert response.status_code == 422
    assert "A session with attendance marked cannot be removed" in response.get_data(as_text=True)
    assert len(db.exec(select(EventSession)).all()) == 2


def test_a_series_no_path_names_is_refused(client, auth, db, synced):
    auth.as_role("instructor")
    response = auth.post("/events/new", event_form(series="x" * 300))
    assert response.status_code == 422 and "Not a valid choice" in response.get_data(as_text=True)
    assert _events(db) == []
