"""The printable PDF: for its holder and staff only, and it says what it certifies."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from course.certificates.pdf import CertificateText, Fonts, certificate_pdf, installed_fonts
from course.models import Certificate
from course.models.base import utcnow
from tests.conftest import teaching


def pdf_text(pdf: bytes) -> str:
    """The text a PDF reader extracts from every page, one line per line of the certificate."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_holder_downloads_a_pdf(earned, client):
    _, certificate = earned
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert f"certificate-{certificate.code}.pdf" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("role", ["instructor", "admin"])
def test_staff_may_download_it(earned, client, auth, db, role):
    holder, certificate = earned
    auth.logout()
    staff = auth.as_role(role)
    if role == "instructor":  # an instructor reads the certificates of their own trainees only
        teaching(db, staff, holder)
    response = client.get(f"/certificates/{certificate.code}.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


def test_an_instructor_who_does_not_teach_the_holder_cannot_download_it(earned, client, auth, db):
    holder, certificate = earned
    auth.logout()
    other = auth.make_user("instructor", email="other@example.org")
    teaching(db, other, holder)  # someone else's cohort
    auth.as_role("instructor")
    assert client.get(f"/certificates/{certificate.code}.pdf").status_code == 404


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


TEXT = CertificateText(
    "Amina Wanjiru — 王小明",
    "Officials path",
    date(2026, 11, 3),
    "7KQM-X3TR-9WHD",
    "http://localhost/verify/7KQM-X3TR-9WHD",
)


@pytest.mark.parametrize("fonts", [installed_fonts(), None], ids=["installed-font", "built-in-font"])
def test_pdf_renders_any_name_with_or_without_a_unicode_font(fonts):
    pdf = certificate_pdf(TEXT, fonts)
    assert pdf.startswith(b"%PDF") and b"/MediaBox [0 0 841.89 595.28]" in pdf  # A4 landscape


def test_the_downloaded_pdf_names_the_holder_the_path_and_the_code(earned, client):
    holder, certificate = earned
    response = client.get(f"/certificates/{certificate.code}.pdf")
    reader = PdfReader(io.BytesIO(response.data))
    assert len(reader.pages) == 1 and reader.metadata.title == "Certificate of completion"
    lines = pdf_text(response.data).splitlines()
    assert holder.name == certificate.holder_name and holder.name in lines
    assert certificate.path_title in lines
    assert f"Verification code: {certificate.code}" in lines
    assert f"http://localhost/verify/{certificate.code}" in " ".join(lines)


LATIN = CertificateText(
    "Zoë Ångström-Nuñez",
    "Officials path",
    date(2026, 11, 3),
    "7KQM-X3TR-9WHD",
    "http://localhost/verify/7KQM-X3TR-9WHD",
)


@pytest.mark.parametrize("fonts", [installed_fonts(), None], ids=["installed-font", "built-in-font"])
def test_the_name_and_the_code_read_back_from_the_pdf(fonts):
    lines = pdf_text(certificate_pdf(LATIN, fonts)).splitlines()
    assert "Zoë Ångström-Nuñez" in lines
    assert "Verification code: 7KQM-X3TR-9WHD" in lines
    assert "Officials path" in lines and "Issued on 3 November 2026" in lines
    assert "http://localhost/verify/7KQM-X3TR-9WHD" in " ".join(lines)


def _needs_fonts(*, fallback: bool) -> Fonts:
    fonts = installed_fonts()
    if fonts is None:
        pytest.skip("no DejaVu or Liberation font installed (apt-get install fonts-dejavu-core)")
    if fallback and not fonts.fallback:
        pytest.skip("no fallback font for Chinese installed (apt-get install fonts-droid-fallback)")
    return fonts


@pytest.mark.parametrize("name", ["Анна Смирнова", "Νίκος Παπαδόπουλος"])
def test_a_cyrillic_or_greek_name_reads_back_with_the_installed_font(name):
    fonts = _needs_fonts(fallback=False)
    text = CertificateText(
        name, "Путь для чиновников", date(2026, 11, 3), "7KQM-X3TR-9WHD", "http://localhost/verify/7KQM-X3TR-9WHD"
    )
    lines = pdf_text(certificate_pdf(text, fonts)).splitlines()
    assert name in lines and "Путь для чиновников" in lines
    assert "Verification code: 7KQM-X3TR-9WHD" in lines


def test_a_chinese_name_reads_back_with_the_fallback_font():
    fonts = _needs_fonts(fallback=True)
    lines = pdf_text(certificate_pdf(TEXT, fonts)).splitlines()
    assert "Amina Wanjiru — 王小明" in lines
    assert "Verification code: 7KQM-X3TR-9WHD" in lines


def test_without_a_unicode_font_other_scripts_become_question_marks_and_the_code_stays():
    text = CertificateText(
        "Анна — 王小明", "Officials path", date(2026, 11, 3), "7KQM-X3TR-9WHD", "http://localhost/verify/7KQM-X3TR-9WHD"
    )
    lines = pdf_text(certificate_pdf(text, None)).splitlines()
    assert "???? — ???" in lines
    assert "Verification code: 7KQM-X3TR-9WHD" in lines


def test_an_arabic_certificate_reads_back_in_logical_order():
    """Text shaping (uharfbuzz): Arabic letters join and run right to left, so the words read back as written."""
    from course.certificates.pdf import CertificateWords

    fonts = _needs_fonts(fallback=False)
    words = CertificateWords(
        brand="CBEC Academy",
        title="شهادة إتمام",
        certifies="نشهد بأن",
        completed="أتمّ مسار التعلّم",
        issued="صدرت في 3 نوفمبر 2026",
        code="رمز التحقق: 7KQM-X3TR-9WHD",
        check="تحقق من صحة هذه الشهادة",
        qr="رمز QR",
    )
    text = CertificateText(
        "أمينة وانجيرو", "مسار المسؤولين", date(2026, 11, 3), "7KQM-X3TR-9WHD", "http://x/v", words=words
    )
    extracted = pdf_text(certificate_pdf(text, fonts))
    for phrase in ("شهادة إتمام", "نشهد بأن", "أمينة وانجيرو", "مسار المسؤولين", "رمز التحقق"):
        assert phrase in extracted, extracted


def test_an_arabic_name_on_an_english_certificate_is_shaped_and_the_english_stays_as_it_was():
    fonts = _needs_fonts(fallback=False)
    text = CertificateText("أمينة وانجيرو", "Officials path", date(2026, 11, 3), "7KQM-X3TR-9WHD", "http://x/v")
    lines = pdf_text(certificate_pdf(text, fonts)).splitlines()
    assert "أمينة وانجيرو" in lines and "Verification code: 7KQM-X3TR-9WHD" in lines
