"""Issue certificates inside the action that completed a path, and tell the learner."""

from flask import flash
from sqlmodel import Session

from course.certificates.issuing import issue_due_certificates
from course.models import Certificate


def award_certificates(session: Session, user_id: int) -> list[Certificate]:
    """Issue the certificates now due in the caller's transaction (the caller commits) and flash them."""
    issued = issue_due_certificates(session, user_id)
    for certificate in issued:
        flash(f"Certificate earned: {certificate.path_title}. Find it under Certificates.", "success")
    return issued


def certify_trainee(session: Session, user_id: int) -> list[Certificate]:
    """The same for staff acting on a trainee's work, such as grading an essay: tells the staff member."""
    issued = issue_due_certificates(session, user_id)
    for certificate in issued:
        flash(f"Certificate issued to {certificate.holder_name}: {certificate.path_title}.", "success")
    return issued
