"""Which notices a user gets by email (in the app they always show), and the signed one-click unsubscribe
links of RFC 8058. The caller commits."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlmodel import Session, select

from course.mail.kinds import KINDS, NOTICES
from course.models import NotificationPreference
from course.models.base import utcnow
from course.upserts import insert_for

_SALT = "cbec-unsubscribe"


def email_choices(session: Session, user_id: int) -> dict[str, bool]:
    """Every notice kind -> whether the user gets it by email (no choice made: yes)."""
    chosen = dict(
        session.exec(
            select(NotificationPreference.kind, NotificationPreference.by_email).where(
                NotificationPreference.user_id == user_id
            )
        ).all()
    )
    return {kind.name: chosen.get(kind.name, True) for kind in NOTICES}


def wants_email(session: Session, user_id: int, kind: str) -> bool:
    choice = session.exec(
        select(NotificationPreference.by_email).where(
            NotificationPreference.user_id == user_id, NotificationPreference.kind == kind
        )
    ).first()
    return True if choice is None else choice


def choose(session: Session, user_id: int, kind: str, by_email: bool) -> None:
    """Record the user's choice for one notice kind (an upsert: two tabs saving at once keep one row)."""
    if not KINDS[kind].notice:
        raise ValueError(f"{kind!r} is not a notice a user can turn off")
    values = {"user_id": user_id, "kind": kind, "by_email": by_email, "changed_at": utcnow()}
    statement = insert_for(session, NotificationPreference).values(**values)
    session.exec(
        statement.on_conflict_do_update(
            index_elements=["user_id", "kind"], set_={"by_email": by_email, "changed_at": values["changed_at"]}
        )
    )


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def unsubscribe_token(user_id: int, kind: str) -> str:
    """The secret of a one-click unsubscribe link: the account and kind, signed; it never expires, as an old
    email's link must keep working."""
    return _signer().dumps([user_id, kind])


def unsubscribe_target(token: str) -> tuple[int, str] | None:
    """(user id, kind) of a genuine unsubscribe token, else None."""
    try:
        user_id, kind = _signer().loads(token)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(user_id, int) or kind not in KINDS or not KINDS[kind].notice:
        return None
    return user_id, kind
