"""Time zone names and wall-clock conversions (course/timezones.py)."""

from datetime import UTC, datetime

import pytest

from course import timezones


@pytest.mark.parametrize("name", ["Africa/Nairobi", "Asia/Shanghai", "America/Sao_Paulo", "UTC", "Asia/Kolkata"])
def test_known_zones_are_valid(name):
    assert timezones.is_zone(name)
    assert name in timezones.zone_names()


@pytest.mark.parametrize(
    "name", ["", "Mars/Olympus", "africa/nairobi ", " UTC", "../etc/passwd", "posix/UTC", "localtime"]
)
def test_unknown_zones_are_refused(name):
    assert not timezones.is_zone(name)


def test_wall_clock_time_in_a_zone_becomes_utc():
    assert timezones.to_utc(datetime(2026, 3, 1, 9, 0), "Africa/Nairobi") == datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
    assert timezones.to_utc(datetime(2026, 7, 1, 9, 0), "Europe/Berlin") == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)


def test_a_time_the_clocks_skip_is_refused_and_a_repeated_one_too():
    with pytest.raises(timezones.NoSuchLocalTime, match="does not exist"):
        timezones.to_utc(datetime(2026, 3, 29, 2, 30), "Europe/Berlin")
    with pytest.raises(timezones.NoSuchLocalTime, match="happens twice"):
        timezones.to_utc(datetime(2026, 10, 25, 2, 30), "Europe/Berlin")


def test_local_time_and_its_short_name():
    moment = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)
    nairobi = timezones.to_local(moment, "Africa/Nairobi")
    assert (nairobi.hour, timezones.abbreviation(nairobi)) == (9, "EAT")
    assert timezones.abbreviation(timezones.to_local(moment, "Asia/Dubai")) == "UTC+04:00"
    assert timezones.abbreviation(timezones.to_local(moment, "America/St_Johns")) in ("NST", "UTC-03:30")
    assert timezones.to_local(moment, "").hour == 6
    assert timezones.iso_utc(nairobi) == "2026-03-01T06:00:00Z"
