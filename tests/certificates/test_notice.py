"""A certificate issued is announced: in the notification list and by email."""

from sqlmodel import select

from course.models import Notification, OutboxMessage
from tests.certificates.conftest import complete_path
from tests.conftest import send_mail


def test_a_certificate_issued_is_announced(synced, mail_app, auth, db, smtp_server):
    holder = auth.as_role("trainee")
    complete_path(auth)
    (notice,) = db.exec(select(Notification).where(Notification.user_id == holder.id)).all()
    assert notice.kind == "certificate_issued" and notice.url == "http://localhost/certificates"
    assert db.exec(select(OutboxMessage)).one().kind == "certificate_issued"
    send_mail(mail_app)
    assert smtp_server.to(holder.email)[0]["Subject"].startswith("Your certificate for ")
