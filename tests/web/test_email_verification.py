"""Optional email confirmation at registration (REQUIRE_EMAIL_VERIFICATION), and the notice that tells an
account's owner that someone registered with their email, so registration answers alike for every email."""

import re

import pytest
from sqlmodel import select

from course.accounts import create_user
from course.models import OutboxMessage, User
from tests.conftest import Auth, send_mail, text_of

LINK = re.compile(r"http://localhost/confirm-email/[\w.-]+")


@pytest.fixture
def confirming(mail_app):
    mail_app.config["REQUIRE_EMAIL_VERIFICATION"] = True
    return mail_app


def _flash(client, response) -> str:
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    return page.split('<div class="flashes"', 1)[1].split("</div>", 1)[0]


def test_a_new_account_confirms_its_email_before_it_can_log_in(confirming, db, auth, client, smtp_server):
    registered = auth.register(email="new@example.org")
    assert registered.status_code == 302 and "follow its link to confirm it" in _flash(client, registered)
    refused = auth.login("new@example.org")
    assert refused.status_code == 422 and "Confirm your email address first" in refused.get_data(as_text=True)
    assert send_mail(confirming).sent == 2  # one at registration, one at the refused log-in
    path = LINK.search(text_of(smtp_server.received[-1])).group(0).removeprefix("http://localhost")
    page = client.get(path)
    assert page.status_code == 200 and "Confirm my email address" in page.get_data(as_text=True)
    db.expire_all()
    assert db.exec(select(User)).one().email_verified_at is None  # opening the link confirms nothing
    assert auth.post(path).headers["Location"] == "/login"
    db.expire_all()
    assert db.exec(select(User)).one().email_verified_at is not None
    assert auth.login("new@example.org").status_code == 302


def test_a_wrong_password_of_an_unconfirmed_account_says_only_that(confirming, auth):
    auth.register(email="new@example.org")
    response = auth.login("new@example.org", "not the password")
    assert "Email or password is wrong." in response.get_data(as_text=True)
    assert "Confirm your email" not in response.get_data(as_text=True)


def test_registration_answers_alike_and_each_owner_gets_the_right_message(confirming, db, auth, smtp_server):
    auth.make_user("trainee", email="known@example.org")
    create_user(db, email="invited@example.org", name="Invited Person", password=None)
    db.commit()
    answers = []
    for email in ("known@example.org", "invited@example.org", "new@example.org"):
        visitor = Auth(confirming.test_client(), db)
        response = visitor.register(email=email, name="Someone Else", password="quiet river lantern")
        answers.append((response.status_code, response.headers["Location"], _flash(visitor.client, response)))
    assert answers[0] == answers[1] == answers[2]
    send_mail(confirming)
    subjects = {m["To"]: m["Subject"] for m in smtp_server.received}
    assert subjects == {
        "known@example.org": "Someone tried to register with your email on CBEC Academy",
        "invited@example.org": "Someone tried to register with your email on CBEC Academy",
        "new@example.org": "Confirm your email address for CBEC Academy",
    }
    notice = text_of(smtp_server.to("known@example.org")[0])
    assert "http://localhost/login" in notice and "http://localhost/forgot-password" in notice


def test_without_the_setting_only_known_emails_get_the_notice(mail_app, db, auth, smtp_server):
    auth.make_user("trainee", email="known@example.org")
    for email in ("known@example.org", "new@example.org"):
        Auth(mail_app.test_client(), db).register(email=email)
    send_mail(mail_app)
    assert [m["To"] for m in smtp_server.received] == ["known@example.org"]
    assert Auth(mail_app.test_client(), db).login("new@example.org").status_code == 302  # no confirmation needed


def test_a_link_for_an_email_the_account_no_longer_has_is_refused(confirming, db, auth, client, smtp_server):
    auth.register(email="new@example.org")
    send_mail(confirming)
    path = LINK.search(text_of(smtp_server.received[0])).group(0).removeprefix("http://localhost")
    user = db.exec(select(User)).one()
    user.email = "changed@example.org"
    db.commit()
    assert client.get(path).status_code == 404
    assert client.get("/confirm-email/forged.token").status_code == 404
    assert len(db.exec(select(OutboxMessage)).all()) == 1
