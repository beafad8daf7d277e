"""The learning record store feed: activity events become xAPI statements, sent in batches from a command.

Nothing here runs in a trainee's request. `flask xapi send` (cron) sends one batch at a time:

1. a short transaction takes the feed's lease (one run sends at a time; a lease left by a run that died
   lapses after `LEASE`);
2. it reads the next events after `LrsFeed.last_event_id` and posts their statements, holding no lock;
3. a short transaction moves the cursor (or records the failure and the retry time) if it still holds
   the lease.

An event is sent again only when a run died between the store's answer and step 3, and then under the same
statement id, which a store keeps once. Events are read only once they are `SETTLE` old, so an event whose
transaction commits late is not passed over by the cursor. The caller commits each step.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from course.models import ActivityEvent, LrsFeed
from course.progress.learner_record import UrlFor, statements_of_events

SETTLE = timedelta(seconds=30)
LEASE = timedelta(minutes=2)
BATCH_SIZE = 100
MAX_BACKOFF_MINUTES = 60


@dataclass(frozen=True)
class Batch:
    statements: list[dict]
    last_event_id: int
    events: int


def _locked_feed(session: Session) -> LrsFeed:
    """The feed's row, write-locked until the caller's (short) transaction ends."""
    moved = session.exec(update(LrsFeed).where(LrsFeed.id == 1).values(id=LrsFeed.id)).rowcount
    if not moved:
        session.add(LrsFeed(id=1))
        session.flush()
    return session.exec(select(LrsFeed).where(LrsFeed.id == 1)).one()


def read_feed(session: Session) -> LrsFeed | None:
    return session.get(LrsFeed, 1)


def take_lease(session: Session, now: datetime, *, ignore_backoff: bool = False) -> tuple[str | None, str]:
    """(a lease token, "") when this run may send now, else (None, why not)."""
    feed = _locked_feed(session)
    if feed.lease_until is not None and _aware(feed.lease_until) > now:
        return None, "another run is sending"
    if not ignore_backoff and feed.next_attempt_at is not None and _aware(feed.next_attempt_at) > now:
        return None, f"backing off after {feed.failures} failure(s) until {feed.next_attempt_at:%Y-%m-%d %H:%M} UTC"
    feed.lease_holder, feed.lease_until = secrets.token_hex(8), now + LEASE
    return feed.lease_holder, ""


def next_batch(session: Session, *, now: datetime, url_for: UrlFor, size: int = BATCH_SIZE) -> Batch | None:
    """The statements of the next settled events after the feed's cursor, or None when there are none."""
    feed = read_feed(session)
    after = feed.last_event_id if feed else 0
    events = list(
        session.exec(
            select(ActivityEvent)
            .where(ActivityEvent.id > after, ActivityEvent.at <= now - SETTLE)
            .order_by(ActivityEvent.id)
            .limit(size)
        )
    )
    if not events:
        return None
    return Batch(statements_of_events(session, events, url_for), events[-1].id, len(events))


def finish(session: Session, lease: str, now: datetime, *, batch: Batch | None = None, error: str = "") -> bool:
    """Record the outcome of a send and give the lease back; False when the lease was lost meanwhile."""
    feed = _locked_feed(session)
    if feed.lease_holder != lease:
        return False
    if error:
        feed.failures += 1
        feed.next_attempt_at = now + backoff(feed.failures)
        feed.last_error = error[:500]
    elif batch is not None:
        feed.last_event_id = batch.last_event_id
        feed.statements_sent += len(batch.statements)
        feed.failures, feed.next_attempt_at, feed.last_error, feed.last_sent_at = 0, None, "", now
    feed.lease_holder, feed.lease_until = "", None
    return True


def backoff(failures: int) -> timedelta:
    """1, 2, 4 … minutes after each failure in a row, at most an hour."""
    return timedelta(minutes=min(2 ** max(failures - 1, 0), MAX_BACKOFF_MINUTES))


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
