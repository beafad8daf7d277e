"""What the programme tells people, in one place: the hook the notification system (issue 13) plugs into.

Events and study tours call `announce` inside the action that causes the news, after its rows are
written and before the caller commits, so a delivery system hooked in here can queue its message in
the same transaction (an action rolled back then announces nothing). Until that system exists,
`announce` only checks its arguments: nothing is sent.
"""

from __future__ import annotations

from sqlmodel import Session

from course.models import User

KINDS = {
    "event_confirmed": "a seat at an event is yours (data: event)",
    "event_waitlisted": "the event is full: you are on its waiting list (data: event, position)",
    "event_promoted": "a seat was freed and given to you from the waiting list (data: event)",
    "event_reminder": "a session you enrolled in starts soon (data: event, event_session)",
    "event_cancelled": "an event you enrolled in, or wait for, is cancelled (data: event, reason)",
    "tour_decision": "the programme decided on your study-tour application, or cancelled the tour "
    "(data: tour, application; cancelled=True when the tour is cancelled)",
}


def announce(session: Session, user: User | int, kind: str, **data) -> None:
    """Tell `user` the news `kind` (a key of KINDS) with its data. No-op until notifications are wired in."""
    if kind not in KINDS:
        raise ValueError(f"unknown notice kind {kind!r}")
