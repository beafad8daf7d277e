"""Certificates as Open Badges: a signed 3.0 credential beside the PDF, hosted 2.0 assertions, published and
rotatable issuer keys, and the verification page checking a credential's signature and revocation."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import stat
import warnings

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, OKPKey

from course.models import Certificate
from course.models.base import utcnow
from tests.conftest import csrf_token


@pytest.fixture(autouse=True)
def keyring_file(app, tmp_path):
    path = tmp_path / "badge-keys.json"
    app.config["BADGE_KEYRING"] = str(path)
    return path


def _download(client, certificate) -> str:
    response = client.get(f"/certificates/{certificate.code}.jwt")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/vc+ld+json+jwt"
    assert response.headers["Content-Disposition"] == f'attachment; filename="certificate-{certificate.code}.jwt"'
    return response.get_data(as_text=True)


def _decode_with_published_keys(client, token: str) -> jwt.Token:
    """Verify as an outside verifier would: with the JWKS published at the stable URL, not our own code."""
    keys = KeySet.import_key_set(client.get("/badges/keys.json").get_json())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc's note that RFC 9864 renames EdDSA
        return jwt.decode(token, keys, algorithms=["EdDSA"])


def test_the_holder_downloads_a_credential_signed_with_the_published_key(earned, client):
    holder, certificate = earned
    token = _download(client, certificate)
    decoded = _decode_with_published_keys(client, token)
    assert decoded.header["alg"] == "EdDSA"
    assert decoded.header["jku"] == "http://localhost/badges/keys.json"
    credential = decoded.claims["vc"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == decoded.claims["jti"] == f"http://localhost/verify/{certificate.code}"
    assert credential["issuer"]["id"] == decoded.claims["iss"] == "http://localhost/badges/issuer"
    subject = credential["credentialSubject"]
    assert subject["achievement"]["name"] == "Officials path"
    identity = subject["identifier"][0]
    expected = hashlib.sha256((holder.email + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}" and identity["hashed"] is True
    assert holder.email not in token  # the address is only ever hashed
    assert "Open Badge" in client.get("/certificates").get_data(as_text=True)


def _check(client, code, **data):
    return client.post(f"/verify/{code}", data={"csrf_token": csrf_token(client)} | data)


def test_the_verification_page_checks_the_signature_and_says_so(earned, client, auth):
    _, certificate = earned
    token = _download(client, certificate)
    auth.logout()
    page = _check(client, certificate.code, credential=token).get_data(as_text=True)
    assert "Signature valid." in page and "Not revoked:" in page
    head, body, signature = token.split(".")
    claims = json.loads(_unb64(body))
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "A path never taken"
    forged = ".".join([head, _b64(json.dumps(claims)), signature])
    response = _check(client, certificate.code, credential=forged)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Signature not valid:" in page and "Signature valid." not in page


def test_a_credential_signed_with_another_key_is_refused(earned, client):
    _, certificate = earned
    genuine = _download(client, certificate)
    header = json.loads(_unb64(genuine.split(".")[0]))
    impostor = OKPKey.generate_key("Ed25519")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        forged = jwt.encode(header, json.loads(_unb64(genuine.split(".")[1])), impostor, algorithms=["EdDSA"])
    page = _check(client, certificate.code, credential=forged).get_data(as_text=True)
    assert "Signature not valid:" in page


def test_a_credential_file_can_be_uploaded(earned, client):
    _, certificate = earned
    token = _download(client, certificate)
    upload = (io.BytesIO(token.encode()), "certificate.jwt")
    page = _check(client, certificate.code, credential_file=upload).get_data(as_text=True)
    assert "Signature valid." in page


def test_a_genuine_credential_of_another_certificate_is_not_accepted(earned, client, auth, db):
    _, certificate = earned
    token = _download(client, certificate)
    other_holder = auth.make_user("official", email="official@example.org")
    other = Certificate(
        code="2345-6789-ABCD", user_id=other_holder.id, path_id=certificate.path_id, holder_name="O", path_title="P"
    )
    db.add(other)
    db.commit()
    page = _check(client, other.code, credential=token).get_data(as_text=True)
    assert "Signature valid, but not for this certificate" in page


def test_revocation_is_checked_with_the_signature(earned, client, db):
    _, certificate = earned
    token = _download(client, certificate)
    row = db.get(Certificate, certificate.id)
    row.revoked_at, row.revoked_reason = utcnow(), "Attended under a borrowed name"
    db.commit()
    page = _check(client, certificate.code, credential=token).get_data(as_text=True)
    assert "Signature valid." in page and "But the certificate was revoked" in page
    assert client.get(f"/certificates/{certificate.code}.jwt").status_code == 410


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "Choose a credential file (.jwt) or paste its text."),
        ({"credential": "x" * 20001}, "Field cannot be longer than 20000"),
    ],
)
def test_an_empty_or_huge_check_is_refused_with_a_message(earned, client, data, message):
    _, certificate = earned
    response = _check(client, certificate.code, **data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_rotating_the_key_keeps_earlier_credentials_verifiable(earned, client, app, keyring_file):
    _, certificate = earned
    before = _download(client, certificate)
    result = app.test_cli_runner().invoke(args=["badges", "rotate-key"])
    assert result.exit_code == 0, result.output
    published = client.get("/badges/keys.json").get_json()["keys"]
    assert len(published) == 2 and all("d" not in key for key in published)
    stored = json.loads(keyring_file.read_text())["keys"]
    assert "d" not in stored[0]["jwk"] and "d" in stored[1]["jwk"]  # the old private key is gone
    assert stat.S_IMODE(os.stat(keyring_file).st_mode) == 0o600
    after = _download(client, certificate)
    assert _kid(after) == stored[1]["kid"] != _kid(before) == stored[0]["kid"]
    for token in (before, after):
        assert "Signature valid." in _check(client, certificate.code, credential=token).get_data(as_text=True)


def test_the_hosted_2_0_assertion_and_what_it_points_to(earned, client, db):
    holder, certificate = earned
    response = client.get(f"/badges/v2/assertions/{certificate.code}.json")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/ld+json"
    assertion = response.get_json()
    assert assertion["type"] == "Assertion" and assertion["verification"] == {"type": "hosted"}
    assert assertion["id"] == f"http://localhost/badges/v2/assertions/{certificate.code}.json"
    recipient = assertion["recipient"]
    digest = hashlib.sha256((holder.email + recipient["salt"]).encode()).hexdigest()
    assert recipient == {"type": "email", "hashed": True, "salt": recipient["salt"], "identity": f"sha256${digest}"}
    badge = client.get(assertion["badge"].removeprefix("http://localhost")).get_json()
    assert badge["type"] == "BadgeClass" and badge["name"] == "Officials path"
    issuer = client.get(badge["issuer"].removeprefix("http://localhost")).get_json()
    assert issuer["type"] == "Issuer" and issuer["name"] == "CBEC Academy"
    image = client.get(badge["image"].removeprefix("http://localhost"))
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/svg+xml"
    row = db.get(Certificate, certificate.id)
    row.revoked_at, row.revoked_reason = utcnow(), "Attended under a borrowed name"
    db.commit()
    response = client.get(f"/badges/v2/assertions/{certificate.code}.json")
    assert response.status_code == 410 and response.get_json()["revoked"] is True
    assert "borrowed" not in response.get_data(as_text=True)


def _kid(token: str) -> str:
    return json.loads(_unb64(token.split(".")[0]))["kid"]


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()
