"""What makes a study tour's dates, itinerary and capacity acceptable. Pure: plain values in, messages out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_DAYS = 60
MAX_VISITS = 60


@dataclass(frozen=True)
class PlannedVisit:
    number: int  # the visit's row on the form, 1 for the first
    day: date


def tour_problems(starts_on: date, ends_on: date, closes_on: date | None, visits: list[PlannedVisit]) -> dict[str, str]:
    """Problems by form field ("visits-N" for the Nth visit)."""
    problems: dict[str, str] = {}
    if ends_on < starts_on:
        problems["ends_on"] = "The tour ends before it starts: check the last day."
    elif (ends_on - starts_on).days + 1 > MAX_DAYS:
        problems["ends_on"] = f"A study tour lasts at most {MAX_DAYS} days."
    if closes_on is not None and closes_on >= starts_on:
        problems["applications_close_on"] = "Applications must close before the first day of the tour."
    if not visits:
        problems["visits"] = "Add at least one site visit: its day, place and what is seen."
    elif len(visits) > MAX_VISITS:
        problems["visits"] = f"An itinerary has at most {MAX_VISITS} visits."
    for visit in visits:
        if "ends_on" not in problems and not starts_on <= visit.day <= ends_on:
            problems[f"visits-{visit.number}"] = (
                f"Visit {visit.number} is on {visit.day:%d %b %Y}, outside the tour's days "
                f"({starts_on:%d %b} to {ends_on:%d %b %Y})."
            )
    return problems
