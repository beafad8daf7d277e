"""Invitations arrive by email: from a roster upload, from enrolling one person, and again with "resend"."""

import re

from sqlmodel import select

from course.models import User
from tests.cohorts.conftest import GOOD_CSV, post_form, upload
from tests.conftest import Auth, send_mail, text_of

LINK = re.compile(r"http://localhost/invite/[\w-]+")
PASSWORD = "quiet river lantern"


def test_a_roster_upload_emails_each_new_account_its_invitation(cohort, mail_app, client, auth, db, smtp_server):
    auth.make_user("trainee")  # listed in the roster, has an account: no invitation
    auth.as_role("instructor")
    page = upload(auth, cohort.id, GOOD_CSV).get_data(as_text=True)
    assert "Each new account has been emailed its invitation link" in page
    assert send_mail(mail_app).sent == 2
    assert sorted(m["To"] for m in smtp_server.received) == ["amina@example.org", "chen@example.org"]
    message = smtp_server.to("amina@example.org")[0]
    assert message["Subject"] == "You are invited to Officials — Nov 2030 on CBEC Academy"
    link = LINK.search(text_of(message)).group(0)
    assert link in page  # the same link the page shows, this once
    invitee = Auth(mail_app.test_client(), db)
    path = link.removeprefix("http://localhost")
    assert invitee.post(path, {"password": PASSWORD, "confirm": PASSWORD}).status_code == 302
    db.expire_all()
    amina = db.exec(select(User).where(User.email == "amina@example.org")).one()
    assert amina.password_hash and amina.email_verified_at is not None


def test_enrolling_one_new_person_emails_the_invitation(cohort, mail_app, client, auth, db, smtp_server):
    auth.as_role("instructor")
    fields = {"email": "new@example.org", "name": "New Person", "org_type": "sme"}
    assert post_form(auth, f"/cohorts/{cohort.id}/enrol", "enrol", fields).status_code == 200
    send_mail(mail_app)
    assert [m["To"] for m in smtp_server.received] == ["new@example.org"]


def test_resend_sends_a_new_link_and_the_old_one_stops(cohort, mail_app, client, auth, db, smtp_server):
    auth.as_role("instructor")
    fields = {"email": "new@example.org", "name": "New Person", "org_type": "sme"}
    post_form(auth, f"/cohorts/{cohort.id}/enrol", "enrol", fields)
    invitee = db.exec(select(User).where(User.email == "new@example.org")).one()
    page = client.get(f"/cohorts/{cohort.id}").get_data(as_text=True)
    assert "Resend invitation" in page
    assert auth.post(f"/cohorts/{cohort.id}/members/{invitee.id}/invitation").status_code == 200
    send_mail(mail_app)
    first, second = (LINK.search(text_of(m)).group(0).removeprefix("http://localhost") for m in smtp_server.received)
    assert first != second
    visitor = mail_app.test_client()
    assert visitor.get(first).status_code == 410 and visitor.get(second).status_code == 200
