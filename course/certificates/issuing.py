"""Issue certificates when a learner completes a path; find and revoke them. The caller commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from course.certificates import codes
from course.mail.links import external_url
from course.models import Certificate, LearningPath, User
from course.models.base import utcnow
from course.notifications.notify import notify
from course.progress.standing import learner_state


def due_paths(session: Session, user_id: int) -> list[LearningPath]:
    """Paths the user follows and has completed but holds no certificate for yet (reads only)."""
    held = set(session.exec(select(Certificate.path_id).where(Certificate.user_id == user_id)))
    return [p.path for p in learner_state(session, user_id).paths if p.complete and p.path.id not in held]


def issue_due_certificates(session: Session, user_id: int) -> list[Certificate]:
    """One certificate for each path the user follows and has completed but holds none for yet."""
    due = due_paths(session, user_id)
    if not due:
        return []
    user = session.get(User, user_id)
    issued = []
    for path in due:
        certificate = Certificate(
            code=_unused_code(session), user_id=user_id, path_id=path.id, holder_name=user.name, path_title=path.title
        )
        try:
            with session.begin_nested():  # a savepoint: losing a race must not undo the caller's work
                session.add(certificate)
        except IntegrityError:
            continue  # a simultaneous request (a double click) issued this certificate first
        issued.append(certificate)
        notify(
            session,
            user,
            "certificate_issued",
            title=path.title,
            code=certificate.code,
            url=external_url("certificates.mine"),
        )
    return issued


def _unused_code(session: Session) -> str:
    while True:  # a clash is astronomically unlikely, but the column is unique
        code = codes.new_code()
        if session.exec(select(Certificate.id).where(Certificate.code == code)).first() is None:
            return code


def by_code(session: Session, text: str) -> Certificate | None:
    """The certificate with this code as typed (case, spaces and dashes do not matter)."""
    code = codes.normalise(text)
    return session.exec(select(Certificate).where(Certificate.code == code)).first() if code else None


def held_by(session: Session, user_id: int) -> list[Certificate]:
    return list(
        session.exec(
            select(Certificate)
            .where(Certificate.user_id == user_id)
            .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
        )
    )


def certificate_count(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Certificate)).one()


def all_certificates(session: Session, *, offset: int = 0, limit: int = 50) -> list[Certificate]:
    """A page of every certificate, newest first."""
    return list(
        session.exec(
            select(Certificate)
            .order_by(Certificate.issued_at.desc(), Certificate.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )


def revoke(certificate: Certificate, *, reason: str, now: datetime | None = None) -> bool:
    """Withdraw a certificate; False when it was already revoked."""
    if certificate.revoked_at is not None:
        return False
    certificate.revoked_at = now or utcnow()
    certificate.revoked_reason = reason.strip()
    return True
