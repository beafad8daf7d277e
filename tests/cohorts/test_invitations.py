"""Invitation links: set a password once, then log in as usual; used, expired and unknown links refused."""

import re
from datetime import timedelta

from sqlmodel import select

from course.models import Invitation, User
from course.models.base import utcnow
from tests.cohorts.conftest import GOOD_CSV, upload

PASSWORD = "a long new password"


def _invite(cohort, auth):
    """Upload the roster as an instructor, log out, and return Amina's invitation path."""
    auth.as_role("instructor")
    page = upload(auth, cohort.id, GOOD_CSV).get_data(as_text=True)
    auth.logout()
    return re.search(r"http://localhost(/invite/[^<]+)</code></td></tr>", page.split("amina@example.org")[1]).group(1)


def test_invitation_sets_the_password_and_logs_in(cohort, client, auth, db):
    link = _invite(cohort, auth)
    page = client.get(link)
    assert page.status_code == 200 and page.headers["Referrer-Policy"] == "no-referrer"
    html = page.get_data(as_text=True)
    assert "Welcome, Amina Wanjiru" in html and '<label for="password">Choose a password</label>' in html
    response = auth.post(link, {"password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/my-learning"
    mine = client.get("/my-learning").get_data(as_text=True)
    assert "Amina Wanjiru" in mine and "Officials path" in mine and "Due 30 November 2030" in mine
    invitation = db.exec(
        select(Invitation).join(User, Invitation.user_id == User.id).where(User.email == "amina@example.org")
    ).one()
    assert invitation.used_at is not None
    auth.logout()
    assert auth.login("amina@example.org", PASSWORD).status_code == 302


def test_used_link_is_refused(cohort, client, auth):
    link = _invite(cohort, auth)
    auth.post(link, {"password": PASSWORD, "confirm": PASSWORD})
    auth.logout()
    response = client.get(link)
    assert response.status_code == 410 and "already been used" in response.get_data(as_text=True)
    again = auth.post(link, {"password": "an attacker's password", "confirm": "an attacker's password"})
    assert again.status_code == 410
    assert auth.login("amina@example.org", "an attacker's password").status_code == 422


def test_expired_link_is_refused(cohort, client, auth, db):
    link = _invite(cohort, auth)
    for invitation in db.exec(select(Invitation)):
        invitation.expires_at = utcnow() - timedelta(minutes=1)
    db.commit()
    response = auth.post(link, {"password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 410 and "has expired" in response.get_data(as_text=True)
    db.expire_all()
    assert db.exec(select(User).where(User.email == "amina@example.org")).one().password_hash == ""


def test_unknown_link_is_404(synced, client):
    response = client.get("/invite/not-a-real-token")
    assert response.status_code == 404 and "This invitation link is not valid" in response.get_data(as_text=True)


def test_mismatched_passwords_leave_the_link_usable(cohort, client, auth, db):
    link = _invite(cohort, auth)
    response = auth.post(link, {"password": PASSWORD, "confirm": "something else"})
    assert response.status_code == 422 and "Passwords differ." in response.get_data(as_text=True)
    assert db.exec(select(Invitation).where(Invitation.used_at.is_not(None))).first() is None
    assert auth.post(link, {"password": PASSWORD, "confirm": PASSWORD}).status_code == 302


def test_an_invited_account_cannot_log_in_before_accepting(cohort, client, auth):
    _invite(cohort, auth)
    for password in ("", "anything at all", " "):
        response = auth.login("amina@example.org", password)
        assert response.status_code == 422


def test_a_new_link_replaces_the_old_one(cohort, client, auth, db):
    old = _invite(cohort, auth)
    amina = db.exec(select(User).where(User.email == "amina@example.org")).one()
    auth.login("instructor@example.org")
    page = auth.post(f"/cohorts/{cohort.id}/members/{amina.id}/invitation").get_data(as_text=True)
    new = re.search(r"http://localhost(/invite/[^<]+)<", page).group(1)
    auth.logout()
    assert new != old and client.get(old).status_code == 410
    assert auth.post(new, {"password": PASSWORD, "confirm": PASSWORD}).status_code == 302


def test_no_new_link_for_an_active_account(cohort, client, auth, db):
    auth.make_user("trainee")
    _invite(cohort, auth)
    trainee = db.exec(select(User).where(User.email == "trainee@example.org")).one()
    auth.login("instructor@example.org")
    assert auth.post(f"/cohorts/{cohort.id}/members/{trainee.id}/invitation").status_code == 404
    assert db.exec(select(Invitation).where(Invitation.user_id == trainee.id)).first() is None
