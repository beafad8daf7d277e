"""The public verification page tells who holds what since when, and nothing else about them."""

from course.models import Certificate
from course.models.base import utcnow


def test_verify_page_confirms_the_certificate_to_anyone(earned, client, auth):
    holder, certificate = earned
    auth.logout()
    response = client.get(f"/verify/{certificate.code}")
    assert response.status_code == 200 and response.headers["X-Robots-Tag"] == "noindex"
    page = response.get_data(as_text=True)
    assert "This certificate is valid." in page
    assert "Trainee User" in page and "Officials path" in page
    assert certificate.issued_at.strftime("%d %B %Y") in page
    for private in (holder.email, "Kilimo Exports", "Kenya", "trainee@"):
        assert private not in page


def test_codes_are_found_however_they_are_typed(earned, client):
    _, certificate = earned
    sloppy = certificate.code.lower().replace("-", "")
    assert client.get(f"/verify/{sloppy}").status_code == 200
    response = client.get(f"/verify?code={sloppy.upper()}")
    assert response.status_code == 302 and response.headers["Location"] == f"/verify/{certificate.code}"


def test_unknown_code_is_404_with_a_clear_message(synced, client):
    response = client.get("/verify/ABCD-EFGH-JKMN")
    assert response.status_code == 404
    assert "No certificate has the code ABCD-EFGH-JKMN" in response.get_data(as_text=True)
    assert client.get("/verify/<script>").status_code == 404


def test_lookup_form_is_public(synced, client):
    page = client.get("/verify").get_data(as_text=True)
    assert '<label for="code">Verification code</label>' in page


def test_revoked_certificate_says_so_and_when(earned, client, db):
    _, certificate = earned
    row = db.get(Certificate, certificate.id)
    row.revoked_at, row.revoked_reason = utcnow(), "Attended under a borrowed name"
    db.commit()
    page = client.get(f"/verify/{certificate.code}").get_data(as_text=True)
    assert "This certificate was revoked" in page and row.revoked_at.strftime("%d %B %Y") in page
    assert "This certificate is valid" not in page and "borrowed name" not in page
