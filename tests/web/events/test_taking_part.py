"""Trainees see upcoming events in their time zone, enrol, wait, withdraw, and take the events to their calendar."""

from datetime import UTC, datetime, timedelta

import icalendar
from sqlmodel import select

from course.events import seats
from course.models import ENROLLED, WAITLISTED, WITHDRAWN, CalendarFeed, EventEnrolment, User
from tests.web.events.helpers import SOON, make_event


def test_the_list_and_the_month_calendar_show_upcoming_events_in_the_viewers_zone(client, auth, db, synced):
    event = make_event(db, auth.make_user("instructor"), sessions=1, starts=datetime(2031, 5, 31, 22, 30, tzinfo=UTC))
    past = make_event(db, auth.make_user("instructor"), title="Old forum", starts=SOON - timedelta(days=60))
    trainee = auth.as_role("trainee")
    trainee.time_zone = "Asia/Shanghai"  # 06:30 on 1 June there
    db.commit()
    listing = client.get("/events/").get_data(as_text=True)
    assert "Pilot zones seminar" in listing and past.title not in listing
    assert '<time datetime="2031-05-31T22:30:00Z">Sun 1 Jun 2031, 06:30 CST</time>' in listing
    june = client.get("/events/calendar?month=2031-06").get_data(as_text=True)
    assert f'href="/events/{event.id}"' in june and "06:30 CST</time> Pilot zones seminar" in june
    may = client.get("/events/calendar?month=2031-05").get_data(as_text=True)
    assert "Pilot zones seminar" in may  # 1 June fills the last week shown for May
    assert "Events in May 2031" in may
    trainee.time_zone = ""
    db.commit()
    utc = client.get("/events/calendar?month=2031-05").get_data(as_text=True)
    assert 'data-browser-zone="time">22:30 UTC</time> Pilot zones seminar' in utc


def test_nonsense_months_show_this_month(client, auth, db):
    auth.as_role("trainee")
    for month in ("2031-13", "x", "99999-01", "2031-1"):
        assert client.get(f"/events/calendar?month={month}").status_code == 200


def test_a_trainee_enrols_then_withdraws_and_the_seat_goes_to_the_first_waiting(client, auth, db, synced, monkeypatch):
    told = []
    monkeypatch.setattr("course.announcements.announce", lambda s, user, kind, **data: told.append((user.email, kind)))
    event = make_event(db, auth.make_user("instructor"), capacity=1)
    seats.enrol(db, event, auth.make_user("official"))
    db.commit()
    trainee = auth.as_role("trainee")
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "Join the waiting list" in page and "https://meet.example.org/pilot" not in page
    response = auth.post(f"/events/{event.id}/enrol")
    assert response.status_code == 302
    follow = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "is full: you are number 1 on the waiting list" in follow
    auth.logout()
    auth.login("official@example.org")
    assert auth.post(f"/events/{event.id}/withdraw").status_code == 302
    rows = {r.user_id: r.status for r in db.exec(select(EventEnrolment)).all()}
    db.expire_all()
    rows = {r.user_id: r.status for r in db.exec(select(EventEnrolment)).all()}
    official = db.exec(select(User).where(User.email == "official@example.org")).one()
    assert rows == {official.id: WITHDRAWN, trainee.id: ENROLLED}
    assert told[-1] == ("trainee@example.org", "event_promoted")
    auth.logout()
    auth.login()
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert "You have a seat" in page and "https://meet.example.org/pilot" in page


def test_enrolling_in_a_cancelled_event_is_refused_and_changes_nothing(client, auth, db, synced):
    from course.events import scheduling

    event = make_event(db, auth.make_user("instructor"))
    scheduling.cancel_event(db, event, reason="Storm")
    db.commit()
    auth.as_role("trainee")
    response = auth.post(f"/events/{event.id}/enrol")
    assert response.status_code == 302
    assert "Enrolment is closed" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert db.exec(select(EventEnrolment)).all() == []


def _calendar(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def test_an_event_ics_has_one_vevent_per_session_with_its_zone(client, auth, db, synced):
    event = make_event(db, auth.make_user("instructor"), sessions=2)
    auth.as_role("trainee")
    response = client.get(f"/events/{event.id}.ics")
    assert response.status_code == 200 and response.content_type == "text/calendar; charset=utf-8"
    cal = _calendar(response.data)
    vevents = cal.walk("VEVENT")
    assert [str(v["UID"]) for v in vevents] == [f"{event.uid}-{s}@cbec-academy" for s in _session_ids(db, event)]
    first = vevents[0]
    assert first["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert first.decoded("DTSTART") == SOON and first.decoded("DTEND") == SOON + timedelta(hours=2)
    assert (first["SEQUENCE"], str(first["STATUS"])) == (0, "CONFIRMED")
    assert "DTSTAMP" in first and "(session 1 of 2)" in str(first["SUMMARY"])
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Africa/Nairobi"]
    assert "meet.example.org" not in response.get_data(as_text=True)  # the online link is for those enrolled


def _session_ids(db, event):
    from course.events.scheduling import sessions_of

    return [s.id for s in sessions_of(db, event.id)]


def test_the_personal_feed_follows_enrolments_and_marks_cancelled_sessions(client, auth, db, synced):
    from course.events import scheduling

    kept = make_event(db, auth.make_user("instructor"), title="Kept workshop")
    dropped = make_event(db, auth.make_user("instructor"), title="Dropped forum", starts=SOON + timedelta(days=5))
    trainee = auth.as_role("trainee")
    for event in (kept, dropped):
        seats.enrol(db, event, trainee)
    db.commit()
    response = auth.post("/events/feed")
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    url = page.split("<code>")[1].split("</code>")[0]
    path = url.split("localhost", 1)[1]
    auth.logout()
    scheduling.cancel_event(db, db.merge(dropped), reason="No speakers")
    db.commit()
    feed = client.get(path)  # calendar applications fetch it without a session
    assert feed.status_code == 200
    statuses = {
        str(v["SUMMARY"]).split(" (")[0]: (str(v["STATUS"]), v["SEQUENCE"]) for v in _calendar(feed.data).walk("VEVENT")
    }
    assert statuses == {"Kept workshop": ("CONFIRMED", 0), "Dropped forum": ("CANCELLED", 1)}
    assert "meet.example.org" in feed.get_data(as_text=True)
    auth.login()
    assert auth.post("/events/feed/revoke").status_code == 302
    assert db.exec(select(CalendarFeed)).all() == []
    assert client.get(path).status_code == 404


def test_a_new_feed_link_stops_the_old_one(client, auth, db, synced):
    auth.as_role("trainee")
    first = auth.post("/events/feed").get_data(as_text=True).split("<code>")[1].split("</code>")[0]
    second = auth.post("/events/feed").get_data(as_text=True).split("<code>")[1].split("</code>")[0]
    assert first != second
    assert client.get(first.split("localhost", 1)[1]).status_code == 404
    assert client.get(second.split("localhost", 1)[1]).status_code == 200
    assert client.get("/events/feed/not-a-token.ics").status_code == 404


def test_my_events_download_lists_waiting_events_as_tentative(client, auth, db, synced):
    event = make_event(db, auth.make_user("instructor"), capacity=1, sessions=1)
    seats.enrol(db, event, auth.make_user("official"))
    trainee = auth.as_role("trainee")
    seats.enrol(db, db.merge(event), db.merge(trainee))
    db.commit()
    (vevent,) = _calendar(client.get("/events/mine.ics").data).walk("VEVENT")
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert seats.enrolment_of(db, event.id, trainee.id).status == WAITLISTED
