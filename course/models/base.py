"""Shared column helpers for the tables."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Column


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def json_column() -> Column:
    """A JSON column that is never NULL."""
    return Column(JSON, nullable=False)
