"""GET /api/v1/events: upcoming events with their sessions in UTC ISO 8601."""

from datetime import timedelta

from course.events import seats
from tests.web.events.helpers import SOON, make_event


def test_upcoming_events_as_json_with_sessions_in_utc(client, auth, db, synced):
    event = make_event(db, auth.make_user("instructor"), capacity=3, sessions=2, series="policy-seminar")
    make_event(db, auth.make_user("instructor"), title="Past", starts=SOON - timedelta(days=40))
    trainee = auth.as_role("trainee")
    seats.enrol(db, event, trainee)
    db.commit()
    body = client.get("/api/v1/events").get_json()
    (item,) = body["events"]
    assert item["id"] == event.id and item["title"] == "Pilot zones seminar" and item["kind"] == "seminar"
    assert item["sessions"][0] == {
        "starts_at": SOON.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "ends_at": (SOON + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cancelled": False,
    }
    assert (item["seats_left"], item["my_status"], item["series"], item["time_zone"]) == (
        2,
        "enrolled",
        "policy-seminar",
        "Africa/Nairobi",
    )
    assert "meet.example.org" not in str(body)  # online links stay on the event page, for those enrolled
    assert item["ics"].endswith(f"/events/{event.id}.ics")


def test_anonymous_callers_get_a_json_401(client):
    response = client.get("/api/v1/events")
    assert response.status_code == 401 and response.is_json
