"""Telling people what concerns them: the one hook every announcement goes through.

Features call `announce` inside the action that causes the news, after its rows are written and before the
caller commits, so the in-app notice and its email (`course.notifications.notify`, unless the person turned
that kind off) are queued in the same transaction: an action rolled back announces nothing. `announce` turns
the rows into the plain data the message templates read (title, start, location, position, decision, reason,
url).
"""

from __future__ import annotations

from sqlmodel import Session, select

from course.models import EventSession, PracticeCase, User
from course.notifications.notify import notify

KINDS = {
    "event_confirmed": "a seat at an event is yours (data: event)",
    "event_waitlisted": "the event is full: you are on its waiting list (data: event, position)",
    "event_promoted": "a seat was freed and given to you from the waiting list (data: event)",
    "event_reminder": "a session you enrolled in starts soon (data: event, event_session)",
    "event_cancelled": "an event you enrolled in, or wait for, is cancelled (data: event, reason)",
    "tour_decision": "the programme decided on your study-tour application, or cancelled the tour "
    "(data: tour, application; cancelled=True when the tour is cancelled)",
    "case_decision": "an administrator decided on the practice case you submitted "
    "(data: case_id, decision: its new status, comment: the reviewer's comments or reason)",
}


def announce(session: Session, user: User | int, kind: str, **data) -> None:
    """Tell `user` the news `kind` (a key of KINDS) with its data, in the caller's transaction."""
    if kind not in KINDS:
        raise ValueError(f"unknown announcement {kind!r}")
    recipient = user if isinstance(user, User) else session.get(User, user)
    notify(session, recipient, kind, **_message_data(session, kind, data))


def _message_data(session: Session, kind: str, data: dict) -> dict:
    if kind == "case_decision":
        case = session.get(PracticeCase, data["case_id"])
        return {
            "title": case.title if case else "",
            "decision": data.get("decision", ""),
            "reason": data.get("comment", ""),
            "url": f"/library/cases/{data['case_id']}",
        }
    if kind == "tour_decision":
        tour, application = data["tour"], data.get("application")
        decision = "cancelled" if data.get("cancelled") else (application.status if application else "")
        reason = tour.cancel_reason if data.get("cancelled") else (application.reason if application else "")
        return {"title": tour.title, "decision": decision, "reason": reason, "url": f"/tours/{tour.id}"}
    event = data["event"]
    first = (
        data.get("event_session")
        or session.exec(
            select(EventSession).where(EventSession.event_id == event.id).order_by(EventSession.starts_at)
        ).first()
    )
    return {
        "title": event.title,
        "start": first.starts_at if first else None,
        "location": event.place,
        "position": data.get("position"),
        "reason": data.get("reason") or "",
        "url": f"/events/{event.id}",
    }
