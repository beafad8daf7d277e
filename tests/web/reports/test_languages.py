"""The programme report, its PDF, the public impact page and the course packages page in the reader's language:
headings, measure names, month names and figures (numbers, percentages, "not shown") written their way."""

import io
import re

from pypdf import PdfReader

SPRING = "?from=2025-01&to=2025-06"


def _text(response) -> str:
    """The page's main content (the site menu is not this area's)."""
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    html = response.get_data(as_text=True)
    return html[html.index("<main") : html.index("</main>")]


def test_the_programme_report_in_french_and_arabic(client, auth, arranged):
    auth.as_role("admin")
    french = _text(client.get(f"/reports/programme{SPRING}&lang=fr"))
    assert "<h1>Rapport du programme</h1>" in french and "Programme report" not in french
    assert "Résultats par module" in french and "Results per module" not in french
    assert "Actifs (ont commencé à apprendre)" in french and "Active (started learning)" not in french
    assert "janv. 2025 – juin 2025" in french and "Jan 2025" not in french
    # Percentages and points the French way: 66,7 %, +46,7 points.
    assert "66,7\xa0%" in french and "+46,7 points" in french
    arabic = _text(client.get(f"/reports/programme{SPRING}&lang=ar"))
    assert "تقرير البرنامج" in arabic and "Programme report" not in arabic and "Jan 2025" not in arabic


def test_a_refused_period_is_explained_in_the_reader_language(client, auth, arranged):
    auth.as_role("admin")
    response = client.get("/reports/programme?from=2025-06&to=2025-01&lang=fr")
    assert response.status_code == 400
    assert "« du » ne doit pas être après « au »." in response.get_data(as_text=True)


def test_the_pdf_in_french(client, auth, arranged):
    auth.as_role("admin")
    response = client.get(f"/reports/programme.pdf{SPRING}&lang=fr")
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "rapport du programme" in text and "Résultats par module" in text
    assert re.search(r"Actifs \(ont commencé à apprendre\)\s*4\s*0", text), text[:800]
    assert "Results per module" not in text


def test_the_impact_page_and_its_settings_in_french_and_russian(client, auth, synced):
    auth.as_role("admin")
    french = _text(client.get("/impact?lang=fr"))
    assert "<h1>Notre impact</h1>" in french and "Our impact" not in french
    assert "Aperçu : cette page n'est pas publiée." in french
    russian = _text(client.get("/impact/settings?lang=ru"))
    assert "Публичная страница результатов" in russian and "Public impact page" not in russian
    assert "Опубликовать страницу результатов" in russian


def test_the_packages_page_in_chinese_and_french(client, auth, synced):
    auth.as_role("admin")
    chinese = _text(client.get("/exports/?lang=zh_Hans"))
    assert "<h1>课程包</h1>" in chinese and "Course packages" not in chinese
    french = _text(client.get("/exports/?lang=fr"))
    assert "Édition hors ligne (un site statique qui s'ouvre sans serveur)" in french
    assert "Before you share a package" not in french


def test_the_pdf_in_arabic_reads_back_in_logical_order(client, auth, arranged):
    """Text shaping (uharfbuzz): the Arabic words join and run right to left, and read back as written."""
    auth.as_role("admin")
    response = client.get(f"/reports/programme.pdf{SPRING}&lang=ar")
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "النتائج لكل وحدة" in text and "Results per module" not in text, text[:800]
