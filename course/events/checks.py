"""What makes an event's schedule or capacity acceptable. Pure: plain values in, problems out.

A problem is a code and its values (`Problem`); the web layer words it (course/web/events/wording.py). Each names
the session by its number on the form (1, 2, …) so the organiser sees which row to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

MAX_SESSIONS = 30
MAX_SESSION_HOURS = 24


@dataclass(frozen=True)
class Problem:
    """What is wrong, as a code ("overlap") and the values its wording needs ({"first": 1, "second": 2})."""

    code: str
    values: dict = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return self.code


@dataclass(frozen=True)
class PlannedSession:
    """A session as entered: its number on the form and its start and end as UTC instants."""

    number: int
    starts_at: datetime
    ends_at: datetime
    cancelled: bool = False


def session_problems(sessions: list[PlannedSession]) -> dict[int, Problem]:
    """Problems by session number ("0" for the whole schedule): none, or a problem per session to fix."""
    problems: dict[int, Problem] = {}
    if not sessions:
        return {0: Problem("no_sessions")}
    if len(sessions) > MAX_SESSIONS:
        return {0: Problem("too_many_sessions", {"max": MAX_SESSIONS})}
    for s in sessions:
        if s.ends_at <= s.starts_at:
            problems[s.number] = Problem("ends_before_start", {"number": s.number})
        elif (s.ends_at - s.starts_at).total_seconds() > MAX_SESSION_HOURS * 3600:
            problems[s.number] = Problem("too_long", {"number": s.number, "hours": MAX_SESSION_HOURS})
    held = sorted((s for s in sessions if not s.cancelled and s.number not in problems), key=lambda s: s.starts_at)
    for earlier, later in zip(held, held[1:], strict=False):
        if later.starts_at < earlier.ends_at:
            first, second = sorted((earlier.number, later.number))
            problems.setdefault(second, Problem("overlap", {"first": first, "second": second}))
    return problems


def capacity_problem(capacity: int, enrolled: int) -> Problem | None:
    """Why a capacity cannot be set while `enrolled` people hold seats; None when it can."""
    if capacity < 1:
        return Problem("capacity_too_small")
    if capacity < enrolled:
        return Problem("capacity_below_enrolled", {"enrolled": enrolled})
    return None
