"""What makes a study tour's dates, itinerary and capacity acceptable. Pure: plain values in, problems out (codes
and values, worded by the web layer: course/web/events/wording.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from course.events.checks import Problem

MAX_DAYS = 60
MAX_VISITS = 60


@dataclass(frozen=True)
class PlannedVisit:
    number: int  # the visit's row on the form, 1 for the first
    day: date


def tour_problems(
    starts_on: date, ends_on: date, closes_on: date | None, visits: list[PlannedVisit]
) -> dict[str, Problem]:
    """Problems by form field ("visits-N" for the Nth visit)."""
    problems: dict[str, Problem] = {}
    if ends_on < starts_on:
        problems["ends_on"] = Problem("tour_ends_before_start")
    elif (ends_on - starts_on).days + 1 > MAX_DAYS:
        problems["ends_on"] = Problem("tour_too_long", {"max": MAX_DAYS})
    if closes_on is not None and closes_on >= starts_on:
        problems["applications_close_on"] = Problem("closes_too_late")
    if not visits:
        problems["visits"] = Problem("no_visits")
    elif len(visits) > MAX_VISITS:
        problems["visits"] = Problem("too_many_visits", {"max": MAX_VISITS})
    for visit in visits:
        if "ends_on" not in problems and not starts_on <= visit.day <= ends_on:
            problems[f"visits-{visit.number}"] = Problem(
                "visit_outside", {"number": visit.number, "day": visit.day, "starts_on": starts_on, "ends_on": ends_on}
            )
    return problems
