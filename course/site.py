"""The site's settings that an administrator changes from the web: read from the cached catalogue, written here."""

from __future__ import annotations

from sqlmodel import Session

from course.content import catalogue
from course.models import SiteSettings


def members_only(session: Session) -> bool:
    """Whether reading lessons, modules, the glossary and the library needs an account (no query on a repeat view)."""
    return catalogue.site_settings(session).members_only


def set_members_only(session: Session, value: bool) -> bool:
    """Switch members-only reading on or off; True when that changed something. The caller commits (which moves
    the catalogue revision, so every server sees the change within seconds)."""
    row = session.get(SiteSettings, 1)
    if row is None:
        row = SiteSettings(id=1)
        session.add(row)
    if row.members_only == value:
        return False
    row.members_only = value
    return True
