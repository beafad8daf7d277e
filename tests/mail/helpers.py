"""Queue messages as an action would, and run a sender with a clock of the test's choosing."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from course.mail import outbox
from course.mail.sender import retry_rule, send_due
from course.mail.transport import transport_for

CERTIFICATE = {
    "name": "Amina Trainee",
    "title": "Officials' path",
    "code": "ABCD-EFGH",
    "url": "http://localhost/certificates",
    "unsubscribe_url": "http://localhost/unsubscribe/token",
    "preferences_url": "http://localhost/account#email",
}


def queue(app, db: Session, count: int = 1, *, kind: str = "certificate_issued", data: dict | None = None) -> list[int]:
    """`count` messages to trainee<n>@example.org, committed; their ids."""
    with app.app_context():
        queued = [
            outbox.enqueue(db, kind=kind, to=f"trainee{n}@example.org", data=data or CERTIFICATE) for n in range(count)
        ]
    db.commit()
    return [message.id for message in queued]


def send_at(app, when: datetime | None, *, clock=None, **kwargs):
    """One run of the sender as if the time were `when` (or as `clock` says)."""
    with app.app_context(), Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        return send_due(
            session,
            transport_for(app.config),
            rule=retry_rule(app.config),
            sender=app.config["MAIL_FROM"],
            clock=clock or (lambda: when),
            **kwargs,
        )
