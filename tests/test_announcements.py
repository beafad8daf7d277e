"""The one announcement hook (events, study tours, practice-case decisions): a notice (and an email) for the person
concerned; unknown kinds are a bug."""

import pytest
from sqlmodel import select

from course.announcements import announce
from course.models import Notification, OutboxMessage


def test_a_case_decision_tells_its_author_in_app_and_by_email(app, db, auth):
    author = auth.make_user("trainee")
    with app.app_context():
        announce(db, author, "case_decision", case_id=99, decision="published", comment="Thank you")
    db.commit()
    notice = db.exec(select(Notification).where(Notification.user_id == author.id)).one()
    assert notice.kind == "case_decision" and notice.url.endswith("/library/cases/99")
    mail = db.exec(select(OutboxMessage).where(OutboxMessage.to_address == author.email)).one()
    assert mail.data["decision"] == "published" and mail.data["reason"] == "Thank you"


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown announcement"):
        announce(None, None, "case_desicion")


def test_every_kind_announced_has_its_message_templates():
    """Each kind of the one hook is a notice kind the mail layer can write (course/mail/kinds.py)."""
    from course.announcements import KINDS
    from course.mail.kinds import notice

    for kind in KINDS:
        notice(kind)  # raises for a kind without templates
