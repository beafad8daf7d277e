"""Arranging study tours for the tests."""

from __future__ import annotations

from datetime import date, timedelta

from course.tours import itinerary

TODAY = date.today()


def tour_form(**changes) -> dict:
    """A three-day tour a month from now with two visits."""
    first = TODAY + timedelta(days=30)
    form = {
        "title": "Pilot zones of the coast",
        "destination": "Harbour City and River Town",
        "summary": "Three days **on site**.<img src=x onerror=alert(1)>",
        "starts_on": first.isoformat(),
        "ends_on": (first + timedelta(days=2)).isoformat(),
        "applications_close_on": "",
        "capacity": "1",
        "prereading": ["harbour-city-pilot"],
        "visits-0-day": first.isoformat(),
        "visits-0-place": "Harbour City pilot area",
        "visits-0-what": "The single window and the bonded warehouse.",
        "visits-0-lessons": "harbour-city-pilot",
        "visits-0-cases": "1",
        "visits-1-day": (first + timedelta(days=1)).isoformat(),
        "visits-1-place": "River Town bonded zone",
        "visits-1-what": "Returns handling.",
        "visits-1-lessons": "",
        "visits-1-cases": "",
    }
    return form | changes


def make_tour(db, owner, *, starts_on=None, days=3, capacity=2, prereading=("harbour-city-pilot",), title="Coast tour"):
    first = starts_on or TODAY + timedelta(days=30)
    plan = itinerary.TourPlan(
        {
            "title": title,
            "summary": "On site.",
            "destination": "Harbour City",
            "starts_on": first,
            "ends_on": first + timedelta(days=days - 1),
            "applications_close_on": None,
            "capacity": capacity,
            "prereading": list(prereading),
        },
        [itinerary.VisitPlan(1, first, "Harbour City pilot area", "The single window.", ["harbour-city-pilot"], [1])],
    )
    tour = itinerary.create_tour(db, plan, owner=owner)
    db.commit()
    return tour
