"""A portfolio as a document to keep: markdown and PDF (fpdf2, as the certificates). Pure: plain data in, the
headings and notes included (`Words`, in the reader's language: the web layer words them)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from course.certificates.pdf import CORE_ENCODING, Fonts, shape_text


@dataclass(frozen=True)
class ExportEntry:
    module: str  # "Module 5: Logistics"
    lesson: str
    question: str
    answer: str  # markdown as written
    updated: date
    shared: bool


@dataclass(frozen=True)
class Words:
    title: str  # "Reflection portfolio of Amina Trainee"
    exported: str  # "CBEC Academy, exported on 2026-04-01"
    edited: str  # "Last edited %(date)s"
    edited_shared: str  # "Last edited %(date)s; shared with my cohort"
    empty: str  # "No reflection saved yet."

    def note(self, entry: ExportEntry) -> str:
        return (self.edited_shared if entry.shared else self.edited) % {"date": entry.updated.isoformat()}


def as_markdown(entries: list[ExportEntry], words: Words) -> str:
    lines = [f"# {words.title}", "", f"{words.exported}.", ""]
    current = None
    for entry in entries:
        if entry.module != current:
            lines += [f"## {entry.module}", ""]
            current = entry.module
        lines += [f"### {entry.lesson}", "", f"> {entry.question}", "", entry.answer.strip(), ""]
        lines += [f"*{words.note(entry)}.*", ""]
    if not entries:
        lines += [words.empty, ""]
    return "\n".join(lines)


def as_pdf(entries: list[ExportEntry], words: Words, fonts: Fonts | None = None) -> bytes:
    """An A4 PDF of the portfolio; without `fonts`, Helvetica shows only Western European letters."""
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(words.title)
    pdf.set_author("CBEC Academy")
    family = "Helvetica"
    if fonts is not None:
        pdf.add_font("Body", "", fonts.regular)
        pdf.add_font("Body", "B", fonts.bold)
        family = "Body"
        if fonts.fallback:
            pdf.add_font("Fallback", "", fonts.fallback)
            pdf.set_fallback_fonts(["Fallback"], exact_match=False)
    else:
        pdf.core_fonts_encoding = CORE_ENCODING
    rtl = fonts is not None and shape_text(
        pdf,
        words=words.exported,
        texts=(words.title, *(t for e in entries for t in (e.module, e.lesson, e.question, e.answer))),
    )
    align = "R" if rtl else "L"

    def text(value: str) -> str:
        return value if fonts is not None else value.encode(CORE_ENCODING, "replace").decode(CORE_ENCODING)

    def write(value: str, size: float, style: str = "", height: float = 6) -> None:
        pdf.set_font(family, style, size)
        pdf.multi_cell(0, height, text(value), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    pdf.add_page()
    write(words.title, 18, "B", 9)
    write(words.exported, 10)
    pdf.ln(4)
    current = None
    for entry in entries:
        if entry.module != current:
            pdf.ln(3)
            write(entry.module, 14, "B", 8)
            current = entry.module
        write(entry.lesson, 12, "B", 7)
        write(entry.question, 10, "", 5)
        pdf.ln(1)
        write(entry.answer.strip(), 11)
        write(words.note(entry), 9, "", 5)
        pdf.ln(3)
    if not entries:
        write(words.empty, 11)
    out = io.BytesIO()
    pdf.output(out)
    return out.getvalue()
