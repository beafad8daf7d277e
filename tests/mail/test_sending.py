"""The outbox and its sender against a real SMTP server: sent after the commit and only then, multipart with
the RFC 8058 headers, retried while the server is down or refuses, given up after MAIL_GIVE_UP_AFTER."""

import logging
from datetime import timedelta

from sqlmodel import select

from course.mail import outbox
from course.mail.sender import LEASE
from course.models import OutboxMessage
from course.models.base import utcnow
from tests.conftest import send_mail, text_of
from tests.mail.helpers import CERTIFICATE, queue, send_at


def _rows(db):
    db.expire_all()
    return db.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def test_a_message_is_written_with_the_action_and_sent_only_after_the_commit(mail_app, db, smtp_server):
    with mail_app.app_context():
        outbox.enqueue(db, kind="certificate_issued", to="a@example.org", data=CERTIFICATE)
    db.rollback()  # the action failed: its message goes with it
    assert _rows(db) == []
    queue(mail_app, db)
    assert smtp_server.received == []  # queued, not sent
    assert send_mail(mail_app).sent == 1
    assert [m["To"] for m in smtp_server.received] == ["trainee0@example.org"]
    (row,) = _rows(db)
    assert row.state == "sent" and row.sent_at is not None and row.attempts == 1
    assert send_mail(mail_app).sent == 0 and len(smtp_server.received) == 1


def test_the_email_is_plain_text_and_html_with_one_click_unsubscribe_headers(mail_app, db, smtp_server):
    (message_id,) = queue(mail_app, db)
    send_mail(mail_app)
    (email,) = smtp_server.received
    row = db.get(OutboxMessage, message_id)
    assert email["Message-ID"] == row.message_id
    assert email["From"] == mail_app.config["MAIL_FROM"]
    assert email["Subject"] == "Your certificate for Officials' path"
    assert email.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in email.iter_parts()] == ["text/plain", "text/html"]
    assert "Hello Amina Trainee," in text_of(email) and "code ABCD-EFGH" in text_of(email)
    html = email.get_body(("html",)).get_content()
    assert "<strong>Officials&#39; path</strong>" in html  # the HTML part escapes the data
    assert email["List-Unsubscribe"] == "<http://localhost/unsubscribe/token>"
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert email["Auto-Submitted"] == "auto-generated"


def test_account_messages_have_no_unsubscribe_headers(mail_app, db, smtp_server):
    data = {"name": "A", "login_url": "http://localhost/login", "reset_url": "http://localhost/forgot-password"}
    queue(mail_app, db, kind="registration_attempt", data=data)
    send_mail(mail_app)
    (email,) = smtp_server.received
    assert email["List-Unsubscribe"] is None and "cannot unsubscribe" in text_of(email)


def test_a_server_that_is_down_then_back_loses_nothing_and_sends_nothing_twice(mail_app, db, smtp_server):
    smtp_server.stop()
    ids = queue(mail_app, db, 3)
    now = utcnow()
    first = send_at(mail_app, now)
    assert (first.sent, first.retrying, first.failed) == (0, 3, 0)
    rows = _rows(db)
    assert {r.state for r in rows} == {"pending"} and {r.attempts for r in rows} == {1}
    assert all("ConnectionRefusedError" in r.last_error for r in rows)
    assert all(r.next_attempt_at >= now + timedelta(seconds=60) for r in rows)  # MAIL_RETRY_SECONDS later
    assert send_at(mail_app, now + timedelta(seconds=30)).retrying == 0  # not due yet: not tried
    smtp_server.start()
    again = send_at(mail_app, now + timedelta(seconds=61))
    assert again.sent == 3
    assert sorted(m["Message-ID"] for m in smtp_server.received) == sorted(
        db.get(OutboxMessage, i).message_id for i in ids
    )
    assert send_at(mail_app, now + timedelta(hours=5)).sent == 0
    assert len(smtp_server.received) == 3
    assert {(r.state, r.attempts) for r in _rows(db)} == {("sent", 2)}


def test_a_refusing_server_is_retried_with_backoff_then_given_up(mail_app, db, smtp_server):
    mail_app.config["MAIL_GIVE_UP_AFTER"] = 1  # hour
    smtp_server.refusing = "451 4.3.0 Try again later"
    queue(mail_app, db)
    now, tries = utcnow(), []
    while True:
        delivery = send_at(mail_app, now)
        (row,) = _rows(db)
        if delivery.failed:
            break
        tries.append(row.next_attempt_at - now)
        now = row.next_attempt_at
    assert tries[:3] == [timedelta(seconds=60), timedelta(seconds=120), timedelta(seconds=240)]
    assert row.state == "failed" and "451" in row.last_error and "Try again later" in row.last_error
    assert smtp_server.received == []
    # An admin's "retry now" once the server accepts again.
    smtp_server.refusing = ""
    with mail_app.app_context():
        assert outbox.retry_now(db, row)
    db.commit()
    assert send_mail(mail_app).sent == 1 and len(smtp_server.received) == 1


def test_one_refused_recipient_does_not_hold_up_the_others(mail_app, db, smtp_server, monkeypatch):
    original = smtp_server.handle_DATA

    async def refuse_one(server, session, envelope):
        if envelope.rcpt_tos == ["trainee1@example.org"]:
            return "550 5.1.1 No such mailbox"
        return await original(server, session, envelope)

    monkeypatch.setattr(smtp_server, "handle_DATA", refuse_one)
    queue(mail_app, db, 3)
    delivery = send_mail(mail_app)
    assert (delivery.sent, delivery.retrying) == (2, 1)
    assert sorted(m["To"] for m in smtp_server.received) == ["trainee0@example.org", "trainee2@example.org"]
    assert [r.state for r in _rows(db)] == ["sent", "pending", "sent"]


def test_one_time_links_are_blanked_once_the_smtp_server_has_the_message(mail_app, db, smtp_server):
    data = {"name": "A", "url": "http://localhost/reset/secret-token", "minutes": 60}
    (message_id,) = queue(mail_app, db, kind="password_reset", data=data)
    send_mail(mail_app)
    assert "http://localhost/reset/secret-token" in text_of(smtp_server.received[0])
    db.expire_all()
    assert "secret-token" not in str(db.get(OutboxMessage, message_id).data)


def test_without_mail_url_messages_go_to_the_log_and_keep_their_links(app, db, caplog):
    data = {"name": "A", "url": "http://localhost/reset/secret-token", "minutes": 60}
    (message_id,) = queue(app, db, kind="password_reset", data=data)
    with caplog.at_level(logging.WARNING, logger="course.mail"):
        assert send_mail(app).sent == 1
    assert "To: trainee0@example.org" in caplog.text and "http://localhost/reset/secret-token" in caplog.text
    db.expire_all()
    row = db.get(OutboxMessage, message_id)
    assert row.state == "sent" and row.data["url"] == "http://localhost/reset/secret-token"


def test_a_message_whose_sender_died_is_sent_by_another_once_the_lease_ends(mail_app, db, smtp_server):
    (message_id,) = queue(mail_app, db)
    now = utcnow()
    token, claimed = outbox.claim(db, now=now, lease_until=now + LEASE, limit=10)  # then the sender dies
    assert [m.id for m in claimed] == [message_id]
    assert send_at(mail_app, now + LEASE - timedelta(seconds=1)).sent == 0  # still claimed
    assert send_at(mail_app, now + LEASE).sent == 1
    assert len(smtp_server.received) == 1
    assert not outbox.mark_sent(db, claimed[0], token, now=now, blank_secrets=False)  # the dead claim is void


def test_a_sender_gives_back_what_it_cannot_send_before_its_lease_ends(mail_app, db, smtp_server, monkeypatch):
    queue(mail_app, db, 3)
    start = utcnow()
    # claim, check and mark the first message; then the lease is too short to start the second one
    moments = iter([start, start, start, start + LEASE - timedelta(seconds=10)])
    claims = []

    def recorded_claim(*args, **kwargs):
        token, claimed = claim(*args, **kwargs)
        claims.append([m.id for m in claimed])
        return token, claimed

    claim = outbox.claim
    monkeypatch.setattr(outbox, "claim", recorded_claim)
    delivery = send_at(mail_app, None, clock=lambda: next(moments, start + LEASE - timedelta(seconds=10)))
    assert claims == [[1, 2, 3], [2, 3], []]  # the two it gave back were claimed afresh, by the next batch here
    assert delivery.sent == 3 and len(smtp_server.received) == 3
    assert [(r.state, r.attempts) for r in _rows(db)] == [("sent", 1)] * 3  # giving back undid the try count


def test_flask_mail_send_pending_sends_what_is_due(mail_app, db, smtp_server):
    queue(mail_app, db, 2)
    result = mail_app.test_cli_runner().invoke(args=["mail", "send-pending"])
    assert result.exit_code == 0, result.output
    assert "Outbox: 2 sent, 0 to try again later, 0 given up." in result.output
    assert len(smtp_server.received) == 2


def test_the_user_and_password_of_mail_url_log_in_to_the_server(app, db, smtp_server):
    smtp_server.stop()
    smtp_server.login = ("mailer@example.org", "p:ss w0rd")
    smtp_server.start()
    app.config["MAIL_URL"] = f"smtp://mailer%40example.org:p%3Ass%20w0rd@127.0.0.1:{smtp_server.port}"
    queue(app, db)
    assert send_mail(app).sent == 1 and smtp_server.received[0]["X-Logged-In-As"] == "mailer@example.org"
