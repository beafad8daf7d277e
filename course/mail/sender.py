"""Send what the outbox holds: claim due messages, send them, mark each one, retry the rest with backoff.

Runs in each app process's background thread (course/mail/background.py) or as `flask mail send-pending`.
A message is marked sent right after the server took it, in its own commit, and a sender never starts a
message after its claim's lease has run short: so with any number of senders a message goes out once. (A
sender that dies between the server's "250 OK" and that commit leaves a message that is sent again when
its lease ends: the one gap no outbox can close without the server's help.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Flask, current_app
from sqlmodel import Session

from course.mail import outbox
from course.mail.compose import email_message, render
from course.mail.retry import RetryRule
from course.mail.transport import SEND_ERRORS, connection_lost, transport_for
from course.models import OutboxMessage
from course.models.base import utcnow

log = logging.getLogger("course.mail")

BATCH = 20  # messages claimed at a time, and sent over one connection
LEASE = timedelta(minutes=10)  # how long a claim keeps other senders off a batch
BATCHES_PER_CALL = 50  # then the caller's loop gets its turn again


@dataclass
class Delivery:
    """What one run of the sender did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def __iadd__(self, other: Delivery) -> Delivery:
        self.sent, self.retrying, self.failed = (
            self.sent + other.sent,
            self.retrying + other.retrying,
            self.failed + other.failed,
        )
        return self

    def __str__(self) -> str:
        return f"{self.sent} sent, {self.retrying} to try again later, {self.failed} given up"


def retry_rule(config) -> RetryRule:
    return RetryRule(
        first_wait=timedelta(seconds=config["MAIL_RETRY_SECONDS"]),
        give_up_after=timedelta(hours=config["MAIL_GIVE_UP_AFTER"]),
    )


def send_due(
    session: Session,
    transport,
    *,
    rule: RetryRule,
    sender: str,
    batch: int = BATCH,
    lease: timedelta = LEASE,
    clock: Callable[[], datetime] = utcnow,
) -> Delivery:
    """Send every message that is due, a batch at a time, until none is (or BATCHES_PER_CALL batches)."""
    total = Delivery()
    for _ in range(BATCHES_PER_CALL):
        now = clock()
        token, claimed = outbox.claim(session, now=now, lease_until=now + lease, limit=batch)
        if not claimed:
            break
        total += _send_batch(session, transport, claimed, token, rule, sender, now + lease, clock)
    return total


def _send_batch(session, transport, claimed, token, rule, sender, lease_until, clock) -> Delivery:
    done = Delivery()
    # Never start a message that might still be in flight when the lease ends and another sender takes it.
    margin = timedelta(seconds=2 * getattr(getattr(transport, "server", None), "timeout", 0) + 5)
    try:
        transport.__enter__()
    except SEND_ERRORS as error:
        for message in claimed:
            _unsent(session, message, token, error, rule, clock(), done)
        return done
    try:
        for index, message in enumerate(claimed):
            if clock() + margin >= lease_until:
                outbox.release(session, claimed[index:], token, now=clock())
                session.commit()
                break
            try:
                transport.send(_email(message, sender))
            except SEND_ERRORS as error:
                if not connection_lost(error):  # this message was refused; the server takes the next one
                    _unsent(session, message, token, error, rule, clock(), done)
                    continue
                for rest in claimed[index:]:  # the connection is gone: the rest wait for the next try
                    _unsent(session, rest, token, error, rule, clock(), done)
                break
            except Exception as error:  # a template or address that cannot be made into a message
                log.exception("outbox message %s could not be made into an email", message.id)
                _unsent(session, message, token, error, rule, clock(), done)
            else:
                outbox.mark_sent(session, message, token, now=clock(), blank_secrets=transport.blanks_secrets)
                session.commit()
                done.sent += 1
    finally:
        transport.__exit__(None, None, None)
    return done


def _email(message: OutboxMessage, sender: str):
    return email_message(
        render(message.kind, message.data),
        sender=sender,
        to=message.to_address,
        message_id=message.message_id,
        unsubscribe_url=message.data.get("unsubscribe_url", ""),
    )


def _unsent(session, message, token, error, rule: RetryRule, now: datetime, done: Delivery) -> None:
    retry_at = rule.next_try(attempts=message.attempts, queued_at=message.queued_at, now=now)
    text = f"{type(error).__name__}: {error}"
    outbox.mark_unsent(session, message, token, error=text, retry_at=retry_at)
    session.commit()
    if retry_at is None:
        log.error(
            "gave up on outbox message %s to %s after %s tries: %s",
            message.id,
            message.to_address,
            message.attempts,
            text,
        )
        done.failed += 1
    else:
        log.warning(
            "outbox message %s not sent (try %s), next try at %s: %s",
            message.id,
            message.attempts,
            retry_at.isoformat(timespec="seconds"),
            text,
        )
        done.retrying += 1


def send_for_app(app: Flask | None = None) -> Delivery:
    """One run of the sender with the app's settings, in a session of its own (needs the app's context)."""
    app = app or current_app._get_current_object()
    with Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        return send_due(session, transport_for(app.config), rule=retry_rule(app.config), sender=app.config["MAIL_FROM"])
