"""What makes an event's schedule or capacity acceptable. Pure: plain values in, messages out.

Each message names the session by its number on the form (1, 2, …) so the organiser sees which row to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MAX_SESSIONS = 30
MAX_SESSION_HOURS = 24


@dataclass(frozen=True)
class PlannedSession:
    """A session as entered: its number on the form and its start and end as UTC instants."""

    number: int
    starts_at: datetime
    ends_at: datetime
    cancelled: bool = False


def session_problems(sessions: list[PlannedSession]) -> dict[int, str]:
    """Problems by session number ("0" for the whole schedule): none, or a message per session to fix."""
    problems: dict[int, str] = {}
    if not sessions:
        return {0: "Add at least one session: its start and its end."}
    if len(sessions) > MAX_SESSIONS:
        return {0: f"An event has at most {MAX_SESSIONS} sessions."}
    for s in sessions:
        if s.ends_at <= s.starts_at:
            problems[s.number] = f"Session {s.number} ends before it starts (or when it starts): check its end."
        elif (s.ends_at - s.starts_at).total_seconds() > MAX_SESSION_HOURS * 3600:
            problems[s.number] = f"Session {s.number} is longer than {MAX_SESSION_HOURS} hours: make one per day."
    held = sorted((s for s in sessions if not s.cancelled and s.number not in problems), key=lambda s: s.starts_at)
    for earlier, later in zip(held, held[1:], strict=False):
        if later.starts_at < earlier.ends_at:
            first, second = sorted((earlier.number, later.number))
            problems.setdefault(second, f"Sessions {first} and {second} overlap: one must end before the other starts.")
    return problems


def capacity_problem(capacity: int, enrolled: int) -> str | None:
    """Why a capacity cannot be set while `enrolled` people hold seats; None when it can."""
    if capacity < 1:
        return "The capacity must be at least 1."
    if capacity < enrolled:
        return (
            f"{enrolled} people are enrolled: the capacity cannot go below {enrolled}. "
            "Ask some to withdraw first, or cancel the event."
        )
    return None
