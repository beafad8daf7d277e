"""Between the event form and course.events.scheduling: the form's rows as a plan, an event as the form's data,
and the scheduler's refusals as errors on the fields they concern."""

from __future__ import annotations

from flask_babel import gettext as _

from course import timezones
from course.events.scheduling import EventPlan, ScheduleRefused, SessionPlan
from course.models import Event, EventSession
from course.web.events.forms import BLANK_SESSION_ROWS, EventForm, case_numbers
from course.web.events.wording import no_such_time_text, problem_text

FORM_DETAILS = ("title", "kind", "description", "time_zone", "place", "online_url", "capacity", "audience", "language")


def plan_from(form: EventForm) -> EventPlan | None:
    """The plan the form describes (times read in its time zone, in UTC); None after marking what is wrong."""
    zone, sessions, ok = form.time_zone.data, [], True
    for number, entry in enumerate(form.sessions.entries, start=1):
        row = entry.form
        if row.blank:
            continue  # an unused row; an existing session left blank is removed
        if row.starts.data is None or row.ends.data is None:
            missing = row.starts if row.starts.data is None else row.ends
            if not missing.errors:
                missing.errors.append(
                    _("Session %(number)s: give both its start and its end (date and time).", number=number)
                )
            ok = False
            continue
        try:
            starts, ends = timezones.to_utc(row.starts.data, zone), timezones.to_utc(row.ends.data, zone)
        except timezones.NoSuchLocalTime as exc:
            row.starts.errors.append(no_such_time_text(number, exc))
            ok = False
            continue
        known = row.id.data if (row.id.data or "").isdigit() else None
        sessions.append(SessionPlan(number, starts, ends, int(known) if known else None, bool(row.cancelled.data)))
    if not ok:
        return None
    details = {name: getattr(form, name).data for name in FORM_DETAILS}
    details |= {
        "description": (form.description.data or "").strip(),
        "lessons": list(form.lessons.data or []),
        "cases": case_numbers(form.cases.data),
        "series": form.series.data or "",
    }
    return EventPlan(details, sessions)


def show_refusal(form: EventForm, refused: ScheduleRefused) -> None:
    """Put each problem on the field it concerns (the sessions' problems on their rows)."""
    for key, problem in refused.problems.items():
        message = problem_text(problem)
        if key.startswith("sessions-"):
            form.sessions.entries[int(key.split("-")[1]) - 1].form.starts.errors.append(message)
        elif key == "sessions":
            form.form_errors.append(message)
        else:
            getattr(form, key).errors.append(message)


def form_data(event: Event | None, sessions: list[EventSession]) -> dict:
    """What the form shows for an event (a new one: blank rows), sessions as wall-clock times in its zone."""
    rows = [
        {
            "id": str(s.id),
            "starts": timezones.to_local(s.starts_at, event.time_zone).replace(tzinfo=None),
            "ends": timezones.to_local(s.ends_at, event.time_zone).replace(tzinfo=None),
            "cancelled": s.cancelled_at is not None,
        }
        for s in sessions
    ] + [{}] * (BLANK_SESSION_ROWS + (0 if sessions else 1))
    if event is None:
        return {"sessions": rows}
    return {name: getattr(event, name) for name in FORM_DETAILS} | {
        "lessons": list(event.lessons),
        "cases": ", ".join(str(n) for n in event.cases),
        "series": event.series,
        "sessions": rows,
    }
