"""Settings of the whole site that an administrator changes from the web (one row)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class SiteSettings(SQLModel, table=True):
    """The site's one settings row (id 1); no row means every setting at its default."""

    id: int = Field(default=1, primary_key=True)
    # Off: lessons, modules, the glossary and the library are readable without an account.
    members_only: bool = False
