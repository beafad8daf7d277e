"""A person's part in the programme beyond lessons: events they hold a seat at, sessions attended, study tours
they were accepted on, and the feedback they gave (events and tours). For the cohort progress CSV. Pure: the
figures are read by `course.reports.queries.participation`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Participation:
    events_enrolled: int = 0  # events where they hold a seat (not the waiting list, not withdrawn)
    sessions_attended: int = 0  # event sessions staff marked them present at
    tours_accepted: int = 0  # study tours their application was accepted for
    feedback_answers: int = 0  # feedback forms sent, on events and tours
    relevance_mean: float | None = None  # 1-5, over their feedback answers
    usefulness_mean: float | None = None  # 1-5
    will_apply: int = 0  # feedback answers saying they will apply something


NONE = Participation()


def participation_of(found: dict) -> Participation:
    """A Participation from grouped figures by name (means may be absent or None: nobody answered)."""
    means = {name: float(found[name]) for name in ("relevance_mean", "usefulness_mean") if found.get(name) is not None}
    numbers = {name: int(value or 0) for name, value in found.items() if not name.endswith("_mean")}
    return Participation(**numbers, **means)
