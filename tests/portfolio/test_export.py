"""Portfolio exports as documents: markdown and PDF (read back with pypdf)."""

import io
from datetime import date

from pypdf import PdfReader

from course.certificates.pdf import installed_fonts
from course.portfolio.export import ExportEntry, Words, as_markdown, as_pdf


def _words(owner: str, made: date) -> Words:
    return Words(
        title=f"Reflection portfolio of {owner}",
        exported=f"CBEC Academy, exported on {made.isoformat()}",
        edited="Last edited %(date)s",
        edited_shared="Last edited %(date)s; shared with my cohort",
        empty="No reflection saved yet.",
    )


ENTRIES = [
    ExportEntry(
        "Module 1: Pilot zones",
        "Harbour City",
        "What would you copy?",
        "The **one-stop** desk.",
        date(2026, 3, 1),
        True,
    ),
    ExportEntry(
        "Module 1: Pilot zones", "River Town", "What would you copy?", "Bonded storage.", date(2026, 3, 2), False
    ),
    ExportEntry(
        "Module 2: Logistics", "Rail freight", "Where do goods change trucks?", "At Nakuru.", date(2026, 3, 3), False
    ),
]


def test_markdown_export_groups_answers_by_module():
    text = as_markdown(ENTRIES, _words("Amina Trainee", date(2026, 4, 1)))
    assert text.startswith("# Reflection portfolio of Amina Trainee\n\nCBEC Academy, exported on 2026-04-01.")
    assert text.count("## Module 1: Pilot zones") == 1 and "## Module 2: Logistics" in text
    assert "### Harbour City\n\n> What would you copy?\n\nThe **one-stop** desk." in text
    assert "*Last edited 2026-03-01; shared with my cohort.*" in text and "*Last edited 2026-03-02.*" in text
    assert "No reflection saved yet." in as_markdown([], _words("A", date(2026, 4, 1)))


def test_pdf_export_holds_every_answer():
    pdf = PdfReader(io.BytesIO(as_pdf(ENTRIES, _words("Amina Trainee", date(2026, 4, 1)), installed_fonts())))
    text = " ".join(page.extract_text() for page in pdf.pages)
    for expected in ("Reflection portfolio of Amina Trainee", "Module 2: Logistics", "At Nakuru.", "Bonded storage."):
        assert expected in text
    assert pdf.metadata.title == "Reflection portfolio of Amina Trainee"


def test_pdf_export_without_fonts_replaces_what_helvetica_cannot_show():
    entries = [ExportEntry("Module 1", "Lesson", "Q?", "Zoë 中文", date(2026, 3, 1), False)]
    text = PdfReader(io.BytesIO(as_pdf(entries, _words("Zoë", date(2026, 4, 1))))).pages[0].extract_text()
    assert "Zoë" in text and "??" in text


def test_an_arabic_portfolio_pdf_reads_back_in_logical_order():
    """Text shaping (uharfbuzz): the Arabic words join and run right to left, and read back as written."""
    fonts = installed_fonts()
    if fonts is None:
        return  # no Unicode font on this machine: nothing Arabic can be shown
    words = Words(
        title="ملف التأملات الخاص بأمينة",
        exported="CBEC Academy، صُدّر في 2026-04-01",
        edited="آخر تعديل %(date)s",
        edited_shared="آخر تعديل %(date)s؛ تمت مشاركته مع دفعتي",
        empty="لم يُحفظ أي تأمل بعد.",
    )
    entries = [
        ExportEntry(
            "الوحدة 1: المناطق التجريبية", "مدينة الميناء", "ماذا ستنقل؟", "المكتب الموحد.", date(2026, 3, 1), True
        )
    ]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(as_pdf(entries, words, fonts))).pages)
    for phrase in ("ملف التأملات الخاص بأمينة", "المناطق التجريبية", "مدينة الميناء", "المكتب الموحد", "آخر تعديل"):
        assert phrase in text, text
