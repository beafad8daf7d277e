"""When a message that could not be sent is tried again, and when the sender gives up. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

LONGEST_WAIT = timedelta(hours=1)


@dataclass(frozen=True)
class RetryRule:
    first_wait: timedelta  # after the first failed try; doubled after each further one, up to LONGEST_WAIT
    give_up_after: timedelta  # from when the message was queued (or an admin's "retry now")

    def next_try(self, *, attempts: int, queued_at: datetime, now: datetime) -> datetime | None:
        """When to try again after `attempts` failed tries, or None: give up."""
        if now >= queued_at + self.give_up_after:
            return None
        doublings = min(max(attempts - 1, 0), 30)  # past 30 the wait is long capped anyway; no overflow
        wait = min(self.first_wait * 2**doublings, max(LONGEST_WAIT, self.first_wait))
        return min(now + wait, queued_at + self.give_up_after)
