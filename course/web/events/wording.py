"""The words of events, study tours and feedback: kinds of events, statuses of applications, and the problems the
data layer returns as codes (course/events/checks.py `Problem`, the attendance CSV's lines, the study tours'
checks and refusals), translated through Flask-Babel when a page or a flash shows them."""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from course.events.checks import Problem
from course.events.ics import CalendarWords
from course.web.formatting import calendar_day
from course.web.wording import label

EVENT_KINDS = {
    "seminar": _l("Seminar"),
    "workshop": _l("Workshop"),
    "forum": _l("Forum"),
    "webinar": _l("Online webinar"),
}
# An application's status as a short word (the tour list; the staff's list of applications).
APPLICATION_STATUSES = {
    "pending": _l("pending"),
    "accepted": _l("accepted"),
    "waitlisted": _l("waitlisted"),
    "declined": _l("declined"),
    "withdrawn": _l("withdrawn"),
}
# An application's status as the applicant reads it on the tour's page.
APPLICATION_STANDING = {
    "pending": _l("waiting for a decision"),
    "accepted": _l("accepted"),
    "waitlisted": _l("on the waiting list"),
    "declined": _l("declined"),
}
DECISIONS = {"accepted": _l("Accept"), "waitlisted": _l("Put on the waiting list"), "declined": _l("Decline")}

_PROBLEMS = {
    # an event's sessions and details (course/events/checks.py, course/events/scheduling.py)
    "no_sessions": _l("Add at least one session: its start and its end."),
    "too_many_sessions": _l("An event has at most %(max)s sessions."),
    "ends_before_start": _l("Session %(number)s ends before it starts (or when it starts): check its end."),
    "too_long": _l("Session %(number)s is longer than %(hours)s hours: make one per day."),
    "overlap": _l("Sessions %(first)s and %(second)s overlap: one must end before the other starts."),
    "capacity_too_small": _l("The capacity must be at least 1."),
    "capacity_below_enrolled": _l(
        "%(enrolled)s people are enrolled: the capacity cannot go below %(enrolled)s. "
        "Ask some to withdraw first, or cancel the event."
    ),
    "unknown_lessons": _l("Unknown lesson: %(slugs)s."),
    "uncovered_cases": _l("No lesson covers case %(cases)s: give numbers of the collection's cases."),
    "marked_session_removed": _l(
        "A session with attendance marked cannot be removed: tick “Cancelled” for it instead."
    ),
    # a study tour (course/tours/checks.py, course/tours/itinerary.py)
    "tour_ends_before_start": _l("The tour ends before it starts: check the last day."),
    "tour_too_long": _l("A study tour lasts at most %(max)s days."),
    "closes_too_late": _l("Applications must close before the first day of the tour."),
    "no_visits": _l("Add at least one site visit: its day, place and what is seen."),
    "too_many_visits": _l("An itinerary has at most %(max)s visits."),
    "visit_outside": _l("Visit %(number)s is on %(day)s, outside the tour's days (%(starts_on)s to %(ends_on)s)."),
    "capacity_below_accepted": _l("%(accepted)s applicants are accepted: the capacity cannot go below %(accepted)s."),
    "visit_unknown_references": _l("Visit %(number)s: no lesson or case %(references)s in the curriculum."),
    # the lines of an attendance file (course/events/attendance_csv.py, course/events/attendance.py)
    "not_utf8": _l("line %(line)s: the file is not UTF-8 text; save it as “CSV UTF-8”"),
    "empty": _l("line %(line)s: the file is empty; the first line must be the header %(columns)s"),
    "missing_columns": _l("line %(line)s: missing column %(columns)s in the header"),
    "no_rows": _l("line %(line)s: no one is listed under the header"),
    "too_many_lines": _l("line %(line)s: at most %(max)s lines per file"),
    "bad_email": _l("line %(line)s: “%(email)s” is not an email address"),
    "no_email": _l("line %(line)s: the email is missing"),
    "bad_session": _l("line %(line)s: session “%(session)s” is not a session number of this event (1 to %(count)s)"),
    "bad_present": _l("line %(line)s: present is “%(present)s”: write yes or no"),
    "duplicate": _l("line %(line)s: %(email)s is already listed for session %(session)s on line %(first)s"),
    "no_account": _l("line %(line)s: no account has the email %(email)s"),
    "not_enrolled": _l("line %(line)s: %(email)s is not enrolled in this event"),
}

_REFUSALS = {
    "closed": _l("Applications to this tour are closed."),
    "already_applied": _l("You have applied to this tour already."),
    "withdrawn": _l("The applicant withdrew this application."),
    "tour_full": _l(
        "The tour is full (%(capacity)s accepted): put this applicant on the waiting list, or raise the capacity first."
    ),
}

# How a date inside a problem is written: English as it always was, other languages by a Babel skeleton.
_DATE_STYLES = {"day": ("%d %b %Y", "yMMMd"), "starts_on": ("%d %b", "MMMd"), "ends_on": ("%d %b %Y", "yMMMd")}


def problem_text(problem: Problem | str) -> str:
    """The words of a problem (a message already worded passes through)."""
    if not isinstance(problem, Problem):
        return str(problem)
    words = _PROBLEMS.get(problem.code)
    if words is None:
        return problem.code
    values = dict(problem.values)
    for name, (english, skeleton) in _DATE_STYLES.items():
        if isinstance(values.get(name), date):
            values[name] = calendar_day(values[name], english, skeleton)
    return str(words) % values if values else str(words)


def refusal_text(refused) -> str:
    """The words of a study tour's `ApplicationRefused`."""
    words = _REFUSALS.get(refused.code)
    if words is None:
        return str(refused)
    return str(words) % refused.values if refused.values else str(words)


def no_such_time_text(number: int, error) -> str:
    """A session's start or end that its time zone skips or shows twice (`timezones.NoSuchLocalTime`)."""
    values = {"number": number, "time": f"{error.local:%Y-%m-%d %H:%M}", "zone": error.zone_name}
    if error.skipped:
        return _("Session %(number)s: %(time)s does not exist in %(zone)s: the clocks skip it.", **values)
    return _("Session %(number)s: %(time)s happens twice in %(zone)s (clocks go back): pick another.", **values)


def kind_label(code: str) -> str:
    return label(EVENT_KINDS, code)


def status_label(code: str) -> str:
    return label(APPLICATION_STATUSES, code)


def _session_of(title: str, number: int, count: int) -> str:
    return _("%(title)s (session %(number)s of %(count)s)", title=title, number=number, count=count)


def _about(kind: str) -> str:
    return _("%(kind)s of the CBEC Academy training programme.", kind=kind_label(kind))


def _cancelled(reason: str) -> str:
    return _("CANCELLED: %(reason)s", reason=reason) if reason else _("CANCELLED.")


def _join_online(url: str) -> str:
    return _("Join online: %(url)s", url=url)


def calendar_words() -> CalendarWords:
    """A calendar file's words in the language in force (the request's, or the one `force_locale` sets)."""
    return CalendarWords(
        kind=kind_label, session_of=_session_of, about=_about, cancelled=_cancelled, join_online=_join_online
    )


def my_calendar_name() -> str:
    return _("CBEC Academy: my events")
