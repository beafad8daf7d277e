"""Administrators read the outbox: without MAIL_URL it is where messages are read; failures can be retried."""

from sqlmodel import select

from course.models import OutboxMessage
from tests.conftest import send_mail
from tests.mail.helpers import queue


def test_without_mail_url_an_admin_reads_the_messages_and_follows_their_links(app, db, auth, client):
    queue(
        app, db, kind="password_reset", data={"name": "A", "url": "http://localhost/reset-password/tok", "minutes": 60}
    )
    send_mail(app)  # to the log
    auth.as_role("admin")
    listing = client.get("/admin/mail").get_data(as_text=True)
    assert "MAIL_URL is not set" in listing and "trainee0@example.org" in listing and "logged" in listing
    assert 'href="/admin/mail"' in client.get("/").get_data(as_text=True)  # in the admin's navigation
    message = db.exec(select(OutboxMessage)).one()
    page = client.get(f"/admin/mail/{message.id}").get_data(as_text=True)
    assert "Reset your CBEC Academy password" in page
    assert '<a href="http://localhost/reset-password/tok"' in page


def test_a_failed_message_shows_its_error_and_an_admin_retries_it(mail_app, db, auth, client, smtp_server):
    (message_id,) = queue(mail_app, db)
    message = db.get(OutboxMessage, message_id)
    message.state, message.last_error, message.attempts = "failed", "SMTPDataError: (554, b'Rejected')", 12
    db.commit()
    auth.as_role("admin")
    failed = client.get("/admin/mail?state=failed").get_data(as_text=True)
    assert "failed: 1" in failed and "554" in failed and "Retry now" in failed
    assert client.post(f"/admin/mail/{message_id}/retry").status_code == 400  # no CSRF token
    response = auth.post(f"/admin/mail/{message_id}/retry")
    assert response.headers["Location"] == f"/admin/mail/{message_id}"
    db.expire_all()
    assert db.get(OutboxMessage, message_id).state == "pending"
    assert send_mail(mail_app).sent == 1 and len(smtp_server.received) == 1
    again = auth.post(f"/admin/mail/{message_id}/retry")  # not failed any more: nothing to do
    assert "has not failed" in client.get(again.headers["Location"]).get_data(as_text=True)
