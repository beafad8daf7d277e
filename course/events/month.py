"""A month of the events calendar: its weeks and its bounds in a time zone. Pure."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, time, timedelta

from course import timezones

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = timedelta(days=1)


def parse_month(text: str | None, today: date) -> date:
    """The first day of the month 'YYYY-MM' names (this month for anything else)."""
    match = _MONTH.match(text or "")
    if match and 1 <= int(match.group(2)) <= 12 and 1900 < int(match.group(1)) < 3000:
        return date(int(match.group(1)), int(match.group(2)), 1)
    return today.replace(day=1)


def weeks(first: date) -> list[list[date]]:
    """The month's weeks, Monday first, with the days of the neighbouring months that fill them."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)


def neighbours(first: date) -> tuple[date, date]:
    """The first days of the month before and the month after."""
    before = (first.replace(day=1) - _DAY).replace(day=1)
    after = (first.replace(day=28) + 4 * _DAY).replace(day=1)
    return before, after


def bounds(days: list[list[date]], zone_name: str) -> tuple[datetime, datetime]:
    """The instants (UTC) when the first shown day starts and the last shown day ends in the zone."""
    start = datetime.combine(days[0][0], time.min)
    end = datetime.combine(days[-1][-1], time.min) + _DAY
    zone = timezones.zone(zone_name)
    return start.replace(tzinfo=zone).astimezone(UTC), end.replace(tzinfo=zone).astimezone(UTC)
