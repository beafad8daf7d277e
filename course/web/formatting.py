"""Dates, times, numbers and percentages written the way the reader's language writes them (Babel).

Stored times are UTC (naive values from SQLite are UTC too); they are shown in the user's time zone when their
profile has one, else in UTC. Calendar dates (a due date) have no time zone and are shown as they are.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from flask import Flask
from flask_babel import get_locale, get_timezone, to_user_timezone


def _locale():
    """The reader's locale for formats; English is written the British way, as the site's texts are."""
    locale = get_locale()
    return "en_GB" if locale is None or str(locale) == "en" else locale


def is_english() -> bool:
    locale = get_locale()
    return locale is None or locale.language == "en"


def wall_clock(local: datetime, style: str = "datetime") -> str:
    """A time already in its zone, without the zone: weekday, day, month and year, and the 24-hour time unless
    `style` is "date" (only the time when "time"), in the reader's language."""
    locale = _locale()
    day = babel_dates.format_skeleton("yMMMEd", local, locale=locale)
    clock = babel_dates.format_skeleton("Hm", local, locale=locale)
    if style == "date":
        return day
    if style == "time":
        return clock
    return babel_dates.get_datetime_format("medium", locale=locale).replace("{1}", day).replace("{0}", clock)


def calendar_day(value: date | datetime | None, english: str = "%d %b %Y", skeleton: str = "yMMMd") -> str:
    """A calendar day (or a month: `english="%B %Y"`, `skeleton="yMMMM"`) in the reader's language; in English with
    the strftime pattern the pages always used, so English pages read as before."""
    if value is None:
        return ""
    if is_english():
        return value.strftime(english)
    return babel_dates.format_skeleton(skeleton, value, locale=_locale())


def weekdays(width: str = "wide") -> list[str]:
    """Monday to Sunday in the reader's language ("wide" or "abbreviated")."""
    if is_english():
        names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return names if width == "wide" else [name[:3] for name in names]
    found = babel_dates.get_day_names(width, context="stand-alone", locale=_locale())
    return [found[n] for n in range(7)]


def _local(moment: datetime) -> datetime:
    return to_user_timezone(moment)


def date_long(value: date | datetime | None) -> str:
    """29 November 2026 / 29 novembre 2026 / 2026年11月29日."""
    if value is None:
        return ""
    day = _local(value) if isinstance(value, datetime) else value
    return babel_dates.format_date(day, "long", locale=_locale())


def date_short(value: date | datetime | None) -> str:
    """29 Nov 2026 / 29 nov. 2026 / 2026年11月29日."""
    if value is None:
        return ""
    day = _local(value) if isinstance(value, datetime) else value
    return babel_dates.format_date(day, "medium", locale=_locale())


def date_time(value: datetime | None, *, zone: bool = False) -> str:
    """A day and a time to the minute in the reader's time zone, and the zone (`UTC`, `Asia/Shanghai`) when `zone`."""
    if value is None:
        return ""
    locale = _locale()
    clock = babel_dates.format_time(_local(value), "short", locale=locale)
    text = babel_dates.get_datetime_format("medium", locale=locale).replace("{1}", date_short(value))
    text = text.replace("{0}", clock)
    return f"{text} {get_timezone().zone}" if zone else text


def percent(fraction: float | None, digits: int = 1) -> str:
    """A fraction (0.857) as a percentage with `digits` decimals, written per locale: 85.7% / 85,7 % / 85.7%."""
    if fraction is None:
        return "—"
    locale = _locale()
    pattern = Locale.parse(locale).percent_formats[None].pattern
    if digits:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
    return babel_numbers.format_percent(fraction, pattern, locale=locale)


def number(value: float | int | None, digits: int = 2, fixed: bool = False) -> str:
    """A number grouped per locale (1,234.5 / 1 234,5), with at most `digits` decimals (exactly, when `fixed`)."""
    if value is None:
        return "—"
    if fixed:
        return babel_numbers.format_decimal(value, "#,##0." + "0" * digits, locale=_locale())
    return babel_numbers.format_decimal(round(value, digits), locale=_locale(), decimal_quantization=False)


def register(app: Flask) -> None:
    """Make the formatters template filters (and the week's day names a global)."""
    app.add_template_filter(sort_by_name)
    app.add_template_filter(calendar_day, "day")
    app.add_template_global(weekdays)
    for name, formatter in {
        "date_long": date_long,
        "date_short": date_short,
        "date_time": date_time,
        "percent": percent,
        "number": number,
    }.items():
        app.add_template_filter(formatter, name)


def collation_key(text: str) -> tuple[str, str]:
    """A sort key that orders names as a reader of most languages expects without ICU: letters compared without
    accents and case first (é with e, Ä with a; Cyrillic and Arabic in alphabet order), then exactly.
    Chinese sorts by code point (roughly by radical), not by pinyin: ICU would be needed for that."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c)), text


def sort_by_name(items, attribute: str) -> list:
    """A list sorted by one attribute (or key) with `collation_key`: `rows|sort_by_name('name')` in a template."""

    def key(item):
        return collation_key(str(item[attribute] if isinstance(item, dict) else getattr(item, attribute)))

    return sorted(items, key=key)
