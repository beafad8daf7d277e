"""A study tour as an iCalendar file: the whole tour and each day of site visits, all day, with stable UIDs."""

from __future__ import annotations

from datetime import date, timedelta

import icalendar

from course.models.base import utcnow
from course.tours import itinerary
from tests.web.tours.helpers import TODAY, make_tour


def _plan(tour, visits) -> itinerary.TourPlan:
    details = {name: getattr(tour, name) for name in itinerary.DETAIL_FIELDS}
    return itinerary.TourPlan(details, [itinerary.VisitPlan(n, *v) for n, v in enumerate(visits, start=1)])


def _events(client, tour_id) -> dict[str, icalendar.Event]:
    response = client.get(f"/tours/{tour_id}.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="study-tour-{tour_id}.ics"' in response.headers["Content-Disposition"]
    cal = icalendar.Calendar.from_ical(response.data)
    return {str(v["uid"]): v for v in cal.walk("VEVENT")}


def _day(vevent, name) -> date:
    value = vevent[name]
    assert value.params.get("VALUE") == "DATE", name  # all day
    return value.dt


def test_the_tour_and_each_visit_day_are_all_day_events(client, auth, db, synced):
    owner = auth.make_user("instructor")
    first = TODAY + timedelta(days=30)
    tour = make_tour(db, owner, starts_on=first, days=3)
    itinerary.update_tour(
        db,
        tour,
        _plan(
            tour,
            [
                (first, "Harbour City pilot area", "The single window.", [], []),
                (first, "Harbour City port", "", [], []),
                (first + timedelta(days=2), "River Town bonded zone", "Returns handling.", [], []),
            ],
        ),
    )
    db.commit()
    events = _events(client, tour.id)  # a visitor reads it, as the tour's page
    assert set(events) == {
        f"studytour-{tour.id}@cbec-academy",
        f"studytour-{tour.id}-{first:%Y%m%d}@cbec-academy",
        f"studytour-{tour.id}-{first + timedelta(days=2):%Y%m%d}@cbec-academy",
    }
    whole = events[f"studytour-{tour.id}@cbec-academy"]
    assert (_day(whole, "dtstart"), _day(whole, "dtend")) == (first, first + timedelta(days=3))  # end exclusive
    assert str(whole["summary"]) == tour.title and str(whole["location"]) == "Harbour City"
    assert (whole["sequence"], str(whole["status"])) == (1, "CONFIRMED")
    assert str(whole["url"]).endswith(f"/tours/{tour.id}")
    day_one = events[f"studytour-{tour.id}-{first:%Y%m%d}@cbec-academy"]
    assert (_day(day_one, "dtstart"), _day(day_one, "dtend")) == (first, first + timedelta(days=1))
    assert str(day_one["location"]) == "Harbour City pilot area · Harbour City port"
    assert "Harbour City pilot area: The single window." in str(day_one["description"])
    day_three = events[f"studytour-{tour.id}-{first + timedelta(days=2):%Y%m%d}@cbec-academy"]
    assert "River Town bonded zone: Returns handling." in str(day_three["description"])

    itinerary.update_tour(db, tour, _plan(tour, [(first, "Harbour City pilot area", "Again.", [], [])]))
    db.commit()
    again = _events(client, tour.id)  # the visits were rewritten: the day's UID stays, the sequence moves
    assert set(again) == {f"studytour-{tour.id}@cbec-academy", f"studytour-{tour.id}-{first:%Y%m%d}@cbec-academy"}
    assert again[f"studytour-{tour.id}@cbec-academy"]["sequence"] == 2

    page = client.get(f"/tours/{tour.id}").get_data(as_text=True)
    assert f'href="/tours/{tour.id}.ics"' in page and "Add to my calendar (.ics)" in page


def test_a_cancelled_tour_has_no_calendar_file(client, auth, db, synced):
    owner = auth.make_user("instructor")
    tour = make_tour(db, owner)
    itinerary.cancel_tour(db, tour, reason="The port is closed.", now=utcnow())
    db.commit()
    gone = client.get(f"/tours/{tour.id}.ics")
    assert gone.status_code == 410
    text = gone.get_data(as_text=True)
    assert "was cancelled, so it has no calendar file" in text and "The port is closed." in text
    assert f"/tours/{tour.id}.ics" not in client.get(f"/tours/{tour.id}").get_data(as_text=True)


def test_the_calendar_file_of_a_missing_tour_is_not_found(client, synced):
    assert client.get("/tours/999.ics").status_code == 404
