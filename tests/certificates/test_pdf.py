"""The printable PDF: for its holder and staff only."""

from datetime import date

import pytest

from course.certificates.pdf import CertificateText, certificate_pdf, installed_fonts
from course.models import Certificate
from course.models.base import utcnow


def test_holder_downloads_a_pdf(earned, client):
    _, certificate = earned
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert f"certificate-{certificate.code}.pdf" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("role", ["instructor", "admin"])
def test_staff_may_download_it(earned, client, auth, role):
    _, certificate = earned
    auth.logout()
    auth.as_role(role)
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


def test_another_trainee_cannot_download_it(earned, client, auth):
    _, certificate = earned
    auth.logout()
    auth.as_role("trainee", email="nosy@example.org")
    assert client.get(f"/certificates/{certificate.code}.pdf").status_code == 404


def test_visitor_is_sent_to_login(earned, client, auth):
    _, certificate = earned
    auth.logout()
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_revoked_certificate_is_not_downloadable(earned, client, db):
    _, certificate = earned
    row = db.get(Certificate, certificate.id)
    row.revoked_at = utcnow()
    db.commit()
    assert client.get(f"/certificates/{certificate.code}.pdf").status_code == 410


TEXT = CertificateText("Amina Wanjiru — 王小明", "Officials path", date(2026, 11, 3), "7KQM-X3TR-9WHD",
                       "http://localhost/verify/7KQM-X3TR-9WHD")


@pytest.mark.parametrize("fonts", [installed_fonts(), None], ids=["installed-font", "built-in-font"])
def test_pdf_renders_any_name_with_or_without_a_unicode_font(fonts):
    pdf = certificate_pdf(TEXT, fonts)
    assert pdf.startswith(b"%PDF") and b"/MediaBox [0 0 841.89 595.28]" in pdf  # A4 landscape
