"""Password reset end to end: through the pages, a real SMTP server and the link in the message it received."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from course.models import OutboxMessage, PasswordReset, User
from course.models.base import utcnow
from tests.conftest import Auth, send_mail, text_of
from tests.web.test_sessions import _cookies, _signed_in_with

NEW_PASSWORD = "velvet mango harbour"
LINK = re.compile(r"http://localhost/reset-password/[\w-]+")


def _ask(app, db, email):
    visitor = Auth(app.test_client(), db)
    return visitor.post("/forgot-password", {"email": email})


def _link(smtp_server, address) -> str:
    (message,) = smtp_server.to(address)
    return LINK.search(text_of(message)).group(0)


def test_a_forgotten_password_is_reset_through_the_emailed_link(mail_app, db, auth, client, smtp_server):
    user = auth.make_user("trainee")
    phone = mail_app.test_client()
    Auth(phone, db).login(remember=True)
    old_cookies = _cookies(phone)
    assert "Forgot your password?" in client.get("/login").get_data(as_text=True)
    assert client.get("/forgot-password").status_code == 200

    asked = auth.post("/forgot-password", {"email": "Trainee@Example.org"})
    assert asked.status_code == 302 and asked.headers["Location"] == "/login"
    assert "we have sent it a link" in client.get("/login").get_data(as_text=True)
    assert smtp_server.received == []  # queued with the request, sent by the sender afterwards
    assert send_mail(mail_app).sent == 1
    (message,) = smtp_server.to(user.email)
    assert message["Subject"] == "Reset your CBEC Academy password"
    assert message["List-Unsubscribe"] is None
    link = _link(smtp_server, user.email)
    path = link.removeprefix("http://localhost")

    page = client.get(path)
    assert page.status_code == 200 and "Choose a new password" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store" and page.headers["Referrer-Policy"] == "no-referrer"
    done = auth.post(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and done.headers["Location"] == "/login"

    assert not _signed_in_with(mail_app, old_cookies)  # every session of the account ended
    assert not _signed_in_with(mail_app, {"remember_token": old_cookies["remember_token"]})
    assert auth.login(password="correct horse battery").status_code == 422
    assert auth.login(password=NEW_PASSWORD).status_code == 302
    assert client.get(path).status_code == 410  # used once
    db.expire_all()
    assert db.get(User, user.id).email_verified_at is not None  # the link reached the address's owner
    (row,) = db.exec(select(OutboxMessage)).all()
    assert link not in str(row.data)  # the outbox no longer holds the working link


def test_asking_answers_the_same_whether_or_not_the_email_has_an_account(mail_app, db, auth):
    auth.make_user("trainee", email="known@example.org")
    answers = []
    for email in ("known@example.org", "nobody@example.org"):
        visitor = Auth(mail_app.test_client(), db)
        response = visitor.post("/forgot-password", {"email": email})
        follow = visitor.client.get(response.headers["Location"]).get_data(as_text=True)
        flash = follow.split('<div class="flashes"', 1)[1].split("</div>", 1)[0]
        answers.append((response.status_code, response.headers["Location"], response.get_data(as_text=True), flash))
    assert answers[0] == answers[1]
    assert [m.to_address for m in db.exec(select(OutboxMessage))] == ["known@example.org"]


def test_a_link_expires_after_an_hour(mail_app, db, auth, client, smtp_server):
    user = auth.make_user("trainee")
    _ask(mail_app, db, user.email)
    send_mail(mail_app)
    path = _link(smtp_server, user.email).removeprefix("http://localhost")
    reset = db.exec(select(PasswordReset)).one()
    assert timedelta(minutes=59) < reset.expires_at - reset.created_at <= timedelta(hours=1)
    reset.expires_at = utcnow() - timedelta(seconds=1)
    db.commit()
    page = client.get(path)
    assert page.status_code == 410 and "expired" in page.get_data(as_text=True)
    assert auth.post(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 410
    db.expire_all()
    assert auth.login().status_code == 302  # the old password still works


def test_only_the_newest_use_counts_and_other_links_of_the_account_stop(mail_app, db, auth, client, smtp_server):
    user = auth.make_user("trainee")
    for _ in range(2):
        _ask(mail_app, db, user.email)
    send_mail(mail_app)
    first, second = (LINK.search(text_of(m)).group(0).removeprefix("http://localhost") for m in smtp_server.received)
    assert auth.post(second, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert client.get(first).status_code == 410


def test_a_weak_or_unknown_link_changes_nothing(mail_app, db, auth, client, smtp_server):
    user = auth.make_user("trainee")
    _ask(mail_app, db, user.email)
    send_mail(mail_app)
    path = _link(smtp_server, user.email).removeprefix("http://localhost")
    weak = auth.post(path, {"password": "Trainee User", "confirm": "Trainee User"})  # the account's own name
    assert weak.status_code == 422 and "too easy to guess" in weak.get_data(as_text=True)
    assert client.get("/reset-password/not-a-token").status_code == 404
    assert client.post("/reset-password/not-a-token").status_code == 400  # no CSRF token
    assert client.get(path).status_code == 200  # still usable
    assert auth.login().status_code == 302


@pytest.fixture
def tight_limits(mail_app):
    mail_app.config["THROTTLE_PER_ACCOUNT"] = "3 per 15 minutes"
    return mail_app


def test_asking_is_throttled_per_email(tight_limits, db, auth):
    auth.make_user("trainee")
    answers = [auth.post("/forgot-password", {"email": "trainee@example.org"}).status_code for _ in range(4)]
    assert answers == [302, 302, 302, 429]
    assert len(db.exec(select(OutboxMessage)).all()) == 3
