"""Visitors (not signed in) read the programme: events, the month calendar, an event's page and .ics, the study
tours and a tour's page; no online link, no participant names, a log-in link instead of the buttons. Members-only
sends them to log in; their POSTs go to the log-in page and change nothing."""

from __future__ import annotations

import icalendar
import pytest
from sqlmodel import select

from course.events import seats
from course.models import EventEnrolment, TourApplication
from course.site import set_members_only
from tests.web.events.helpers import SOON, make_event
from tests.web.tours.helpers import make_tour


@pytest.fixture
def programme(auth, db, synced):
    """An event with an online link and a tour, each with a participant whose name must not show."""
    owner = auth.make_user("instructor")
    event = make_event(db, owner)
    tour = make_tour(db, owner)
    participant = auth.make_user("trainee", email="zawadi@example.org")
    participant.name = "Zawadi Participant"
    seats.enrol(db, event, participant)
    db.add(TourApplication(tour_id=tour.id, user_id=participant.id, motivation="To learn.", status="accepted"))
    db.commit()
    return event, tour


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_a_visitor_reads_the_events_without_private_details(client, programme):
    event, _tour = programme
    listing = _page(client, "/events/")
    assert event.title in listing and "Log in" in listing and "/register" in listing
    assert "/events/feed" not in listing and "/events/mine.ics" not in listing  # a signed-in person's calendars
    month = SOON.strftime("%Y-%m")
    assert event.title in _page(client, f"/events/calendar?month={month}")
    page = _page(client, f"/events/{event.id}")
    assert event.title in page and "About <em>pilot zones</em>" in page
    assert "meet.example.org" not in page and "The link is shown to those enrolled." in page
    assert "Zawadi" not in page
    assert "Log in to enrol" in page and f"/login?next=/events/{event.id}" in page and "/register" in page
    assert f'action="/events/{event.id}/enrol"' not in page
    ics = client.get(f"/events/{event.id}.ics")
    assert ics.status_code == 200 and ics.headers["Content-Type"].startswith("text/calendar")
    assert b"meet.example.org" not in ics.data
    assert [str(v["summary"]) for v in icalendar.Calendar.from_ical(ics.data).walk("VEVENT")][0].startswith(event.title)


def test_a_visitor_reads_the_study_tours(client, programme):
    _event, tour = programme
    listing = _page(client, "/tours/")
    assert tour.title in listing and "Log in" in listing and "/register" in listing
    page = _page(client, f"/tours/{tour.id}")
    assert tour.title in page and "Harbour City pilot area" in page and "The single window." in page
    assert "Zawadi" not in page and "Your application" not in page
    assert "Log in to apply" in page and f"/login?next=/tours/{tour.id}" in page and "/register" in page
    assert 'name="motivation"' not in page and "of 1 done" not in page


def test_signed_in_pages_keep_their_buttons(client, auth, programme):
    event, tour = programme
    auth.as_role("official")
    page = _page(client, f"/events/{event.id}")
    assert f'action="/events/{event.id}/enrol"' in page and "Log in to enrol" not in page
    assert "/events/feed" in _page(client, "/events/")
    tour_page = _page(client, f"/tours/{tour.id}")
    assert 'name="motivation"' in tour_page and "Log in to apply" not in tour_page


def test_members_only_sends_a_visitor_to_log_in(client, db, programme):
    event, tour = programme
    set_members_only(db, True)
    db.commit()
    for url in ("/events/", "/events/calendar", f"/events/{event.id}", f"/events/{event.id}.ics", "/tours/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url
    assert "/login" in client.get(f"/tours/{tour.id}").headers["Location"]


def test_a_visitors_post_to_enrol_or_apply_goes_to_log_in_and_changes_nothing(client, db, programme):
    from tests.conftest import csrf_token

    event, tour = programme
    before = (db.exec(select(EventEnrolment)).all(), db.exec(select(TourApplication)).all())
    token = csrf_token(client)
    enrol = client.post(f"/events/{event.id}/enrol", data={"csrf_token": token})
    apply = client.post(f"/tours/{tour.id}/apply", data={"csrf_token": token, "motivation": "Let me in."})
    for response in (enrol, apply):
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    db.expire_all()
    assert (db.exec(select(EventEnrolment)).all(), db.exec(select(TourApplication)).all()) == before
