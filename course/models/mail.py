"""Email and notifications: the outbox, in-app notifications, each user's email choices, password resets."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from course.models.base import json_column, utcnow


class OutboxMessage(SQLModel, table=True):
    """One email, written in the transaction of the action that causes it and sent afterwards by a sender
    (course/mail/sender.py). Its text is made from `kind`'s templates and `data` when it is sent or read."""

    __table_args__ = (Index("ix_outboxmessage_due", "state", "next_attempt_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    user_id: int | None = Field(default=None, foreign_key="user.id", index=True)
    to_address: str = Field(max_length=254)
    data: dict = Field(default_factory=dict, sa_column=json_column())
    message_id: str = Field(max_length=200)  # the same Message-ID on every try, so a receiver can tell repeats
    # pending: waiting for its next try; sending: claimed by a sender until next_attempt_at; sent; failed: given up.
    state: str = Field(default="pending", max_length=10)
    attempts: int = 0
    created_at: datetime = Field(default_factory=utcnow, index=True)
    queued_at: datetime = Field(default_factory=utcnow)  # the retry window starts here ("retry now" restarts it)
    next_attempt_at: datetime = Field(default_factory=utcnow)
    claim: str = Field(default="", max_length=32)  # the batch of the sender that holds it
    sent_at: datetime | None = None
    last_error: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class Notification(SQLModel, table=True):
    """What happened, for the user's notification list; `once_key` makes a notice idempotent (a reminder run twice)."""

    __table_args__ = (UniqueConstraint("user_id", "once_key"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    kind: str = Field(max_length=40)
    title: str = Field(max_length=300)
    url: str = Field(default="", max_length=1000)
    data: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = None
    once_key: str | None = Field(default=None, max_length=200)


class NotificationPreference(SQLModel, table=True):
    """A user's choice for one kind of notice; no row: the kind's default (by email)."""

    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    kind: str = Field(max_length=40)
    by_email: bool = True
    changed_at: datetime = Field(default_factory=utcnow)


class PasswordReset(SQLModel, table=True):
    """A one-time password-reset link; only the SHA-256 of its token is stored."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
