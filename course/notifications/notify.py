"""`notify(session, user, kind, **data)`: the one way to tell a user that something happened. The caller commits.

The notice goes to the user's notification list (and its unread count in the header) always, and by
email unless the user turned `kind` off. `data` is plain: text, numbers, datetimes (kept as ISO text) and
`url`, a path on this site ("/events/3") or an absolute link. The kinds and what their templates read are
in course/mail/kinds.py. Other features call it from their actions, in their own transaction:

    notify(session, user, "event_confirmed", title=event.title, start=event.starts_at,
           location=event.place, url=url_for("events.event", event_id=event.id))
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import update
from sqlmodel import Session

from course.mail import outbox
from course.mail.compose import recipient_language, render_subject
from course.mail.kinds import notice
from course.mail.links import absolute, external_url
from course.models import Notification, User
from course.models.base import utcnow
from course.notifications import preferences
from course.upserts import insert_ignoring_duplicates


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"notification data must be plain (text, numbers, dates), not {type(value).__name__}")


def notify(session: Session, user: User, kind: str, *, once: str | None = None, **data) -> bool:
    """Tell `user` about `kind`; with `once`, at most once per user and key (a reminder run twice tells once).
    Returns False when `once` had been used already, and nothing was done."""
    notice(kind)  # an unknown kind, or one that is not a notice, is a programming error: say so now
    data = json.loads(json.dumps(data, default=_plain))
    data["url"] = absolute(data.get("url", ""))
    data["language"] = recipient_language(user)  # the notice and its email are in the user's language, not the sender's
    title = render_subject(kind, data)[:300]
    added = session.exec(
        insert_ignoring_duplicates(session, Notification)
        .values(
            user_id=user.id,
            kind=kind,
            title=title,
            url=data["url"][:1000],
            data=data,
            created_at=utcnow(),
            once_key=once,
        )
        .returning(Notification.id)  # no row when `once` was used already (rowcount is not reliable here)
    ).first()
    if added is None:
        return False
    session.exec(update(User).where(User.id == user.id).values(unread_notifications=User.unread_notifications + 1))
    if user in session:
        session.expire(user, ["unread_notifications"])
    if user.active and preferences.wants_email(session, user.id, kind):
        outbox.enqueue(
            session,
            kind=kind,
            to=user.email,
            user_id=user.id,
            data=data | _email_links(user, kind),
            language=data["language"],
        )
    return True


def _email_links(user: User, kind: str) -> dict:
    return {
        "name": user.name,
        "unsubscribe_url": external_url(
            "notifications.unsubscribe", token=preferences.unsubscribe_token(user.id, kind)
        ),
        "preferences_url": external_url("auth.profile") + "#email",
    }
