"""IANA time zones: which names are valid, and moving between a zone's wall-clock time and UTC. Pure.

Instants are stored in UTC (timezone-aware); a zone name is kept beside them only where people
enter or read wall-clock times (a user's setting, the zone an event's sessions were entered in).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UTC_NAME = "UTC"
_NOT_ZONES = ("posix/", "right/", "SystemV/")  # copies of the database under other names, not places
_NOT_PLACES = {"Factory", "localtime", "posixrules"}


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name a person may choose, sorted (from the tzdata package or the system)."""
    return tuple(sorted(n for n in available_timezones() if not n.startswith(_NOT_ZONES) and n not in _NOT_PLACES))


def is_zone(name: str | None) -> bool:
    """Whether `name` is a known IANA time zone name (as spelled in the database, e.g. 'Africa/Nairobi')."""
    if not name or name != name.strip() or name in _NOT_PLACES or name.startswith(_NOT_ZONES):
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return name in available_timezones() or name == UTC_NAME


def zone(name: str | None) -> ZoneInfo:
    """The zone of this name; UTC for "" (not set) or None."""
    return ZoneInfo(name or UTC_NAME)


class NoSuchLocalTime(ValueError):
    """A wall-clock time the zone skips (clocks go forward) or is ambiguous about is refused, not guessed.
    `skipped` tells which; `local` and `zone_name` are the time and zone (the web layer words them)."""

    def __init__(self, message: str, *, local: datetime, zone_name: str, skipped: bool):
        super().__init__(message)
        self.local, self.zone_name, self.skipped = local, zone_name, skipped


def to_utc(local: datetime, zone_name: str) -> datetime:
    """The instant at which clocks in `zone_name` show `local` (a naive wall-clock time), in UTC.

    Raises NoSuchLocalTime when the zone skips that time (a daylight-saving gap) or shows it twice (the hour
    clocks go back), so a session never starts an hour away from what its organiser typed.
    """
    tz = zone(zone_name)
    first, second = local.replace(tzinfo=tz, fold=0), local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        round_trip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if round_trip != local:
            raise NoSuchLocalTime(
                f"{local:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks skip it",
                local=local,
                zone_name=zone_name,
                skipped=True,
            )
        raise NoSuchLocalTime(
            f"{local:%Y-%m-%d %H:%M} happens twice in {zone_name} (clocks go back): pick another",
            local=local,
            zone_name=zone_name,
            skipped=False,
        )
    return first.astimezone(UTC)


def to_local(moment: datetime, zone_name: str | None) -> datetime:
    """A stored instant as wall-clock time in the zone (UTC when no zone is set)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(zone_name))


def abbreviation(local: datetime) -> str:
    """A short name of the zone at that moment: 'EAT', 'CET'; 'UTC+05:30' where the zone has no letters."""
    name = local.tzname() or ""
    if name.isalpha():
        return name
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def iso_utc(moment: datetime) -> str:
    """An instant as ISO 8601 in UTC with a Z: '2026-03-01T06:00:00Z' (what <time datetime> and the API carry)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
