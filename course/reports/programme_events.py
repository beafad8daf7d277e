"""The programme report's events and study tours: the one seam the events feature fills (the shapes it returns,
`ProgrammeEvents`, `EventFigures` and `EventScope`, are in `course.reports.programme`).

Until events land this returns `ProgrammeEvents()` (nothing recorded, `recorded` False), and every page,
export and the API say "no events recorded" instead of showing zeros as if none had been held.

What the implementation must do (`programme_events(session, period, scope)`):

- count events (seminars, workshops, forums, webinars) and, separately, study tours whose first session /
  first day falls in `period` (whole UTC months, `period.first` to `period.last` included), left out when
  cancelled;
- `held`: how many; `seats_offered`: the sum of their capacities; `enrolled`: people enrolled (not waiting,
  not withdrawn; for tours: applications accepted); `attended`: people present at one session or more
  (for tours: accepted participants); `feedback_responses`, `relevance_mean` and `usefulness_mean` (1-5),
  `will_apply` (answers saying they will apply what they learnt) from the feedback forms;
- narrow them to `scope`: `scope.owner_id` is None for everyone's events (admins, the public page) or
  the instructor's id (events they own or co-run, `course.ownership`); `scope.audience` ("" any) the
  event's audience; `scope.path_id` (None any) events linked to the path's lessons; `scope.country` ("" any)
  people of that country only (enrolled, attended, feedback);
- answer from figures kept at write time or a few aggregate queries with indexes: the report must stay
  under 300 ms with 1 000 events (`benchmarks/programme_report.py` times it), and its query budget
  (`tests/web/test_query_budget.py`) must not grow with the number of events.
"""

from __future__ import annotations

from sqlmodel import Session

from course.reports.programme import EventScope, Period, ProgrammeEvents


def programme_events(session: Session, period: Period, scope: EventScope) -> ProgrammeEvents:
    """Events and study tours of the period in the scope. Nothing yet: events have not landed."""
    return ProgrammeEvents()
