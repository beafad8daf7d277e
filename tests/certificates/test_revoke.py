"""Administrators revoke certificates with a reason; no one else can."""

import pytest
from sqlmodel import select

from course.models import Certificate
from tests.conftest import csrf_token


def _revoke(auth, certificate, reason):
    return auth.post(
        f"/certificates/{certificate.code}/revoke",
        {
            f"certificate-{certificate.id}-reason": reason,
            f"certificate-{certificate.id}-csrf_token": csrf_token(auth.client),
        },
    )


@pytest.mark.parametrize("role", ["trainee", "instructor"])
def test_only_admins_reach_the_certificate_admin(earned, client, auth, db, role):
    _, certificate = earned
    auth.logout()
    auth.as_role(role, email=f"{role}-2@example.org")
    assert client.get("/certificates/admin").status_code == 403
    assert _revoke(auth, certificate, "no reason").status_code == 403
    db.expire_all()
    assert db.get(Certificate, certificate.id).revoked_at is None


def test_holder_cannot_revoke_their_own(earned, client, auth, db):
    _, certificate = earned
    assert _revoke(auth, certificate, "changed my mind").status_code == 403


def test_admin_revokes_with_a_reason(earned, client, auth, db):
    _, certificate = earned
    auth.logout()
    auth.as_role("admin")
    page = client.get("/certificates/admin").get_data(as_text=True)
    assert certificate.code in page and "Trainee User" in page
    assert f'<label for="certificate-{certificate.id}-reason" class="visually-hidden">' in page
    response = _revoke(auth, certificate, "Completed under a shared account")
    assert response.status_code == 302
    db.expire_all()
    row = db.exec(select(Certificate)).one()
    assert row.revoked_at is not None and row.revoked_reason == "Completed under a shared account"
    listing = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "is revoked" in listing and "Completed under a shared account" in listing
    assert "This certificate was revoked" in client.get(f"/verify/{certificate.code}").get_data(as_text=True)


def test_a_reason_is_required(earned, client, auth, db):
    _, certificate = earned
    auth.logout()
    auth.as_role("admin")
    response = _revoke(auth, certificate, "  ")
    assert "Give a reason for revoking." in client.get(response.headers["Location"]).get_data(as_text=True)
    db.expire_all()
    assert db.get(Certificate, certificate.id).revoked_at is None


def test_revoking_twice_keeps_the_first_revocation(earned, client, auth, db):
    _, certificate = earned
    auth.logout()
    auth.as_role("admin")
    _revoke(auth, certificate, "first reason")
    db.expire_all()
    first = db.get(Certificate, certificate.id).revoked_at
    response = _revoke(auth, certificate, "second reason")
    assert "was already revoked" in client.get(response.headers["Location"]).get_data(as_text=True)
    db.expire_all()
    row = db.get(Certificate, certificate.id)
    assert (row.revoked_at, row.revoked_reason) == (first, "first reason")
