"""Every kind of message the platform sends, in one table. Pure: no Flask, no database.

Each kind has two templates, `course/templates/mail/<kind>.txt` (its `subject` block and the plain-text
part) and `<kind>.html`, rendered from the plain data the message was queued with. A *notice* also shows
in the recipient's notification list, and each user chooses on their profile whether to get it by email
too (the default: yes); every notice email has a one-click unsubscribe link for its kind. The other kinds
(password reset, email confirmation, invitations…) answer something the person did or needs, and always go.

The data every notice template reads: `title` (what it is about), `url` (where to see it); and, by kind,
`start` (ISO date and time), `location`, `reason`, `decision`, `score`, `before`, `after`, `due`, `days`.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(text: str) -> str:
    """Marks a label for `pybabel extract`; the web layer and the message templates translate it where shown."""
    return text


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # what a user turns on or off on their profile (English: shown through gettext)
    notice: bool = False  # in the notification list, and by email unless the user said no
    secret: tuple[str, ...] = ()  # one-time links in `data`, blanked once the message has gone out by SMTP


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("password_reset", N_("Password reset links"), secret=("url",)),
        Kind("verify_email", N_("Email address confirmation"), secret=("url",)),
        Kind("registration_attempt", N_("Someone registered with your email")),
        Kind("invitation", N_("Invitations to a cohort"), secret=("url",)),
        Kind("essay_graded", N_("An essay of yours was graded"), notice=True),
        Kind("regrade_changed", N_("A regrade changed one of your scores"), notice=True),
        Kind("certificate_issued", N_("A certificate was issued to you"), notice=True),
        Kind("due_reminder", N_("A learning path is due in a few days"), notice=True),
        Kind("event_confirmed", N_("Your place at an event is confirmed"), notice=True),
        Kind("event_waitlisted", N_("You are on an event's waiting list"), notice=True),
        Kind("event_promoted", N_("You moved from a waiting list to a place"), notice=True),
        Kind("event_reminder", N_("An event you attend is tomorrow"), notice=True),
        Kind("event_cancelled", N_("An event you enrolled in was cancelled"), notice=True),
        Kind("tour_decision", N_("A decision on your study-tour application"), notice=True),
        Kind("case_decision", N_("A decision on a case you submitted"), notice=True),
    )
}
NOTICES = tuple(kind for kind in KINDS.values() if kind.notice)


class UnknownKind(ValueError):
    """A message kind that is not in KINDS (or not a notice where one is needed)."""


def kind_of(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"unknown message kind {name!r}; the kinds are listed in course/mail/kinds.py") from None


def notice(name: str) -> Kind:
    kind = kind_of(name)
    if not kind.notice:
        raise UnknownKind(f"{name!r} is not a notice: send it with course.mail.outbox.enqueue")
    return kind
