"""The one place that shows a stored UTC instant to the person reading the page.

`{{ moment|local_time }}` renders `<time datetime="…Z">` with the text in the viewer's time zone (their
profile setting). When they have set none, the text is in UTC and carries `data-browser-zone`, so that
`static/local-time.js` rewrites it in the browser's own zone; without JavaScript UTC stays, labelled.
"""

from __future__ import annotations

from datetime import datetime

from flask import Flask
from flask_login import current_user
from markupsafe import Markup, escape

from course import timezones
from course.web import formatting

FORMATS = {  # day of the month without a leading zero, on every platform
    "datetime": lambda t: f"{t:%a} {t.day} {t:%b %Y, %H:%M}",
    "date": lambda t: f"{t:%a} {t.day} {t:%b %Y}",
    "time": lambda t: f"{t:%H:%M}",
}


def viewer_zone() -> str:
    """The signed-in viewer's time zone name, or "" when they have none (or nobody is signed in)."""
    if current_user and current_user.is_authenticated:
        return current_user.time_zone or ""
    return ""


def local_text(moment: datetime, zone_name: str, style: str = "datetime") -> str:
    """The instant as text in the zone ("" for UTC), written the reader's way (English: Sun 29 Nov 2026, 09:30;
    other languages by Babel's patterns), with the zone's short name after a time."""
    local = timezones.to_local(moment, zone_name)
    text = FORMATS[style](local) if formatting.is_english() else formatting.wall_clock(local, style)
    return text if style == "date" else f"{text} {timezones.abbreviation(local)}"


def local_time(moment: datetime | None, style: str = "datetime") -> Markup:
    """A <time> element for the instant, in the viewer's zone (see the module's docstring)."""
    if moment is None:
        return Markup("")
    zone_name = viewer_zone()
    attributes = f'datetime="{timezones.iso_utc(moment)}"'
    if not zone_name:
        attributes += f' data-browser-zone="{escape(style)}"'
    return Markup(f"<time {attributes}>{escape(local_text(moment, zone_name, style))}</time>")


def register(app: Flask) -> None:
    app.add_template_filter(local_time, "local_time")
    app.add_template_global(viewer_zone)
