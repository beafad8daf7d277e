"""The outbox: messages written in the transaction of the action that causes them, claimed and marked by
senders. The caller commits (the sender's own steps commit in course/mail/sender.py).

A sender claims due messages for a while (a lease): on PostgreSQL with SELECT … FOR UPDATE SKIP LOCKED,
so senders in several processes take different rows without waiting for each other; on SQLite with one
conditional UPDATE, which SQLite's single writer makes atomic. Every later step names the claim, so a
sender whose lease ran out can no longer mark a message that another sender has taken since.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, func, update
from sqlmodel import Session, select

from course.mail.compose import new_message_id
from course.mail.kinds import kind_of
from course.models import OutboxMessage
from course.models.base import utcnow

STATES = ("pending", "sending", "sent", "failed")
QUEUED = "mail_queued"  # in session.info: this transaction queued mail (course/mail/background.py wakes up)
REMOVED = "(link removed once the message was sent)"


def enqueue(
    session: Session, *, kind: str, to: str, data: dict, user_id: int | None = None, language: str = ""
) -> OutboxMessage:
    """Queue one message of `kind` to `to`, written in `language` (the recipient's: see
    `course.mail.compose.recipient_language`; none: the site's default); it is sent after the caller commits."""
    kind_of(kind)  # refuse an unknown kind now, not when a sender meets it
    if language:
        data = {**data, "language": language}
    now = utcnow()
    message = OutboxMessage(
        kind=kind,
        user_id=user_id,
        to_address=to,
        data=data,
        message_id=new_message_id(),
        created_at=now,
        queued_at=now,
        next_attempt_at=now,
    )
    session.add(message)
    session.info[QUEUED] = True
    return message


def _due(now: datetime):
    """Waiting for a try, or claimed by a sender whose lease has run out."""
    return and_(OutboxMessage.state.in_(("pending", "sending")), OutboxMessage.next_attempt_at <= now)


def claim(session: Session, *, now: datetime, lease_until: datetime, limit: int) -> tuple[str, list[OutboxMessage]]:
    """Take up to `limit` due messages for this sender until `lease_until`, and commit. Returns the claim's name
    and the messages, oldest first."""
    token = uuid.uuid4().hex
    oldest_due = select(OutboxMessage.id).where(_due(now)).order_by(OutboxMessage.id).limit(limit)
    taken = update(OutboxMessage).values(
        state="sending", claim=token, next_attempt_at=lease_until, attempts=OutboxMessage.attempts + 1
    )
    if session.get_bind().dialect.name == "postgresql":
        ids = list(session.exec(oldest_due.with_for_update(skip_locked=True)))
        if ids:
            session.exec(taken.where(OutboxMessage.id.in_(ids)))
    else:
        session.exec(taken.where(OutboxMessage.id.in_(oldest_due), _due(now)))
    session.commit()
    claimed = session.exec(select(OutboxMessage).where(OutboxMessage.claim == token).order_by(OutboxMessage.id))
    return token, list(claimed)


def _mine(message: OutboxMessage, token: str):
    return update(OutboxMessage).where(
        OutboxMessage.id == message.id, OutboxMessage.claim == token, OutboxMessage.state == "sending"
    )


def mark_sent(session: Session, message: OutboxMessage, token: str, *, now: datetime, blank_secrets: bool) -> bool:
    """Record that the message went out; with `blank_secrets`, its one-time links are removed from the row."""
    values = {"state": "sent", "sent_at": now, "claim": "", "last_error": ""}
    secret = kind_of(message.kind).secret
    if blank_secrets and secret:
        values["data"] = {**message.data, **dict.fromkeys(secret, REMOVED)}
    return session.exec(_mine(message, token).values(**values)).rowcount == 1


def mark_unsent(session: Session, message: OutboxMessage, token: str, *, error: str, retry_at: datetime | None) -> None:
    """Record a failed try: try again at `retry_at`, or give up (None)."""
    state = {"state": "pending", "next_attempt_at": retry_at} if retry_at else {"state": "failed"}
    session.exec(_mine(message, token).values(claim="", last_error=error[:2000], **state))


def release(session: Session, messages: Iterable[OutboxMessage], token: str, *, now: datetime) -> None:
    """Give back claimed messages that were not tried (the lease is running out), as they were."""
    for message in messages:
        session.exec(
            _mine(message, token).values(
                state="pending", claim="", next_attempt_at=now, attempts=OutboxMessage.attempts - 1
            )
        )


def retry_now(session: Session, message: OutboxMessage, *, now: datetime | None = None) -> bool:
    """An admin's "retry now" of a failed message: due at once, with a whole new retry window."""
    now = now or utcnow()
    done = session.exec(
        update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.state == "failed")
        .values(state="pending", next_attempt_at=now, queued_at=now, last_error="")
    )
    session.info[QUEUED] = True
    return done.rowcount == 1


def counts(session: Session) -> dict[str, int]:
    """How many messages are in each state."""
    found = dict(session.exec(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)).all())
    return {state: found.get(state, 0) for state in STATES}


def _filtered(query, state: str, address: str):
    if state in STATES:
        query = query.where(OutboxMessage.state == state)
    if address:
        query = query.where(OutboxMessage.to_address.contains(address.lower()))
    return query


def message_count(session: Session, *, state: str = "", address: str = "") -> int:
    return session.exec(_filtered(select(func.count()).select_from(OutboxMessage), state, address)).one()


def messages(session: Session, *, state: str = "", address: str = "", offset: int = 0, limit: int = 50):
    """A page of messages, newest first, narrowed to a state and an address."""
    query = _filtered(select(OutboxMessage), state, address)
    return list(session.exec(query.order_by(OutboxMessage.id.desc()).offset(offset).limit(limit)))
