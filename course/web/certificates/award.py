"""Issue certificates inside the action that completed a path, and tell the learner."""

from flask import flash
from flask_babel import gettext as _
from sqlmodel import Session

from course.certificates.issuing import issue_due_certificates
from course.models import Certificate


def award_certificates(session: Session, user_id: int) -> list[Certificate]:
    """Issue the certificates now due in the caller's transaction (the caller commits) and flash them."""
    issued = issue_due_certificates(session, user_id)
    for certificate in issued:
        flash(_("Certificate earned: %(path)s. Find it under Certificates.", path=certificate.path_title), "success")
    return issued


def certify_trainee(session: Session, user_id: int) -> list[Certificate]:
    """The same for staff acting on a trainee's work, such as grading an essay: tells the staff member."""
    issued = issue_due_certificates(session, user_id)
    for certificate in issued:
        flash(
            _("Certificate issued to %(name)s: %(path)s.", name=certificate.holder_name, path=certificate.path_title),
            "success",
        )
    return issued
