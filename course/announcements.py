"""Telling users about what concerns them: one hook that every announcement goes through.

The email issue (13) sends messages from here; until then an announcement is recorded nowhere. Kinds:

- `case_decision`: an administrator decided on a submitted practice case (`case_id`, `decision`: the new
  status, `comment`: the reviewer's comments or reason), told to its author.
"""

from __future__ import annotations

from sqlmodel import Session

from course.models import User

KINDS = ("case_decision",)


def announce(session: Session, user: User, kind: str, **data) -> None:
    """Tell `user` about an event of `kind`, in the caller's transaction (a no-op for now)."""
    if kind not in KINDS:
        raise ValueError(f"unknown announcement {kind!r}")
