"""Telling users about what concerns them: one hook that every announcement goes through.

Each announcement becomes an in-app notice and, unless the user turned its kind off, an email
(`course.notifications.notify`), queued in the caller's transaction. Kinds:

- `case_decision`: an administrator decided on a submitted practice case (`case_id`, `decision`: the new
  status, `comment`: the reviewer's comments or reason), told to its author.
"""

from __future__ import annotations

from sqlmodel import Session

from course.models import PracticeCase, User
from course.notifications.notify import notify

KINDS = ("case_decision",)


def announce(session: Session, user: User, kind: str, **data) -> None:
    """Tell `user` about an event of `kind`, in the caller's transaction."""
    if kind not in KINDS:
        raise ValueError(f"unknown announcement {kind!r}")
    case = session.get(PracticeCase, data["case_id"])
    notify(
        session,
        user,
        kind,
        title=case.title if case else "",
        decision=data.get("decision", ""),
        reason=data.get("comment", ""),
        url=f"/library/cases/{data['case_id']}",
    )
