"""Accounts and roles."""

from __future__ import annotations

import secrets
from datetime import datetime
from enum import Enum

from flask_login import UserMixin
from sqlmodel import Field, SQLModel

from course.models.base import utcnow


class Role(str, Enum):
    trainee = "trainee"
    official = "official"
    instructor = "instructor"
    admin = "admin"


class OrgType(str, Enum):
    sme = "sme"
    government = "government"
    social = "social"
    other = "other"


ORG_TYPE_LABELS = {
    "sme": "SME (small or medium enterprise)",
    "government": "Government",
    "social": "Social organisation",
    "other": "Other",
}


def new_session_token() -> str:
    """A fresh random secret that every session and remember-me cookie of an account carries."""
    return secrets.token_urlsafe(24)


class User(UserMixin, SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    name: str = Field(max_length=120)
    password_hash: str = Field(default="", max_length=256)
    role: str = Field(default=Role.trainee.value, max_length=20)
    organisation: str = Field(default="", max_length=200)
    org_type: str = Field(default=OrgType.other.value, max_length=20)
    country: str = Field(default="", max_length=80)
    firm_size: str = Field(default="", max_length=20)
    sex: str = Field(default="", max_length=20)
    # An IANA zone name (course/timezones.py) that pages show times in; "": not set (the browser's zone, else UTC).
    time_zone: str = Field(default="", max_length=64)
    # The interface language the user chose (a Babel locale of course/languages.py); "" follows the browser.
    language: str = Field(default="", max_length=10)
    active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)
    # Moves whenever the user's learning records change (course.upkeep): pages cache what they derive from them by it.
    progress_version: int = 0
    # Part of the id kept in session and remember-me cookies: changing it ends every session of the account.
    session_token: str = Field(default_factory=new_session_token, max_length=64)
    # When the owner proved the address is theirs (a verification, invitation or reset link); None: not yet.
    email_verified_at: datetime | None = None
    # Unread in-app notifications, kept at write time (course/notifications/inbox.py) so the header reads no table.
    unread_notifications: int = 0

    @property
    def is_active(self) -> bool:  # flask-login reads this
        return self.active

    def get_id(self) -> str:  # flask-login stores this in the session and the remember-me cookie
        return f"{self.id}.{self.session_token}"

    def has_role(self, *roles: str) -> bool:
        """True when the user holds one of the roles."""
        return self.role in roles
