"""The public impact page's settings: whether it is published and from which month, and the period it shows.

The page shows whole months up to the last complete one (UTC), so its figures change once a month rather than
with each registration. Saving the settings writes an audit entry; the caller commits.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from course import audit
from course.models import ImpactPage, User
from course.models.base import utcnow
from course.reports.programme import MAX_MONTHS, Period, PeriodError, parse_month, shift

DEFAULT_MONTHS = 12


def last_complete_month(today: date) -> str:
    return shift(f"{today.year:04d}-{today.month:02d}", -1)


def settings(session: Session, today: date) -> ImpactPage:
    """The stored settings, or unpublished ones starting twelve months before the last complete month."""
    page = session.get(ImpactPage, 1)
    return page or ImpactPage(id=1, published=False, since=shift(last_complete_month(today), 1 - DEFAULT_MONTHS))


def shown_period(page: ImpactPage, today: date) -> Period | None:
    """The months the page shows; None while no month since its first has ended."""
    last = last_complete_month(today)
    return Period(page.since, last) if page.since and page.since <= last else None


def checked_since(text: str, today: date) -> str:
    """The first month to show, checked: a month, ended already, within the longest period a report covers."""
    since = parse_month(text, "since")
    last = last_complete_month(today)
    if since > last:
        raise PeriodError("not_ended", last=last)
    if len(Period(since, last).months) > MAX_MONTHS:
        raise PeriodError("too_early", months=MAX_MONTHS, earliest=shift(last, 1 - MAX_MONTHS))
    return since


def save_settings(session: Session, actor: User, *, published: bool, since: str) -> ImpactPage:
    """Publish or withdraw the page and set its first month, with an audit entry when anything changed."""
    page = session.get(ImpactPage, 1)
    before = audit.snapshot(page, ("published", "since")) if page else None
    if page is None:
        page = ImpactPage(id=1)
        session.add(page)
    page.published, page.since = published, since
    after = audit.snapshot(page, ("published", "since"))
    if after != before:
        page.updated_at, page.updated_by = utcnow(), actor.id
        session.flush()
        audit.record(session, actor, "impact.settings", page, before, after)
    return page
