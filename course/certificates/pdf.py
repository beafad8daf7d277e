"""The printable certificate: an A4 landscape PDF with a QR code of its verification page."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import segno
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

# Unicode fonts commonly installed on Debian; names in any script need one of them.
FONT_CANDIDATES = (
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
)
# Used only for characters the main font lacks, such as Chinese names.
FALLBACK_CANDIDATES = ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",)
CORE_ENCODING = "windows-1252"  # what the built-in Helvetica can show; anything else becomes "?"
INK, BRAND, MUTED = (29, 36, 48), (11, 92, 173), (90, 100, 114)
WIDTH, HEIGHT, MARGIN, QR_SIZE = 297, 210, 22, 42
# Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko... and Arabic presentation forms).
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def right_to_left(text: str) -> bool:
    """Whether the text has letters of a script written right to left (Arabic)."""
    return bool(_RIGHT_TO_LEFT.search(text or ""))


def shape_text(pdf: FPDF, *, words: str, texts: Iterable[str] = ()) -> bool:
    """Turn on text shaping (HarfBuzz, through uharfbuzz) when the text needs it: Arabic letters join, and run
    right to left. `words` are the document's own words (in the reader's language): when they are written right
    to left, so is the document (the return value, for alignment); Arabic only in `texts` (a name, a title in an
    English document) is shaped, each paragraph in the direction of its first letter. Unicode fonts only."""
    rtl = right_to_left(words)
    if rtl or any(right_to_left(text) for text in texts):
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else None)
    return rtl


@dataclass(frozen=True)
class CertificateWords:
    """The fixed words of a certificate, in the language it is printed in: the web layer passes the reader's
    (course/web/certificates/routes.py); these defaults are the English."""

    brand: str = "CBEC Academy"
    title: str = "Certificate of completion"
    certifies: str = "This certifies that"
    completed: str = "has completed the learning path"
    issued: str = ""  # "Issued on 29 November 2026"; blank: written in English from the date
    code: str = ""  # "Verification code: ABCD-EFGH-JKMN"; blank: in English
    check: str = ""  # "Check that this certificate is genuine at URL"; blank: in English
    qr: str = "QR code of the verification page"


@dataclass(frozen=True)
class CertificateText:
    holder_name: str
    path_title: str
    issued_on: date
    code: str
    verify_url: str
    words: CertificateWords = CertificateWords()


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    fallback: str | None = None


def installed_fonts() -> Fonts | None:
    """The first regular and bold font files present on this machine, with a fallback for other scripts."""
    pair = next(((r, b) for r, b in FONT_CANDIDATES if Path(r).is_file() and Path(b).is_file()), None)
    fallback = next((f for f in FALLBACK_CANDIDATES if Path(f).is_file()), None)
    return Fonts(*pair, fallback) if pair else None


def certificate_pdf(text: CertificateText, fonts: Fonts | None = None) -> bytes:
    """The certificate as PDF bytes; without `fonts`, Helvetica shows only Western European letters."""
    pdf = _Page(fonts)
    if pdf.unicode:
        words = text.words
        shape_text(
            pdf,
            words=" ".join((words.title, words.certifies, words.completed)),
            texts=(text.holder_name, text.path_title),
        )
    pdf.frame()
    pdf.body(text)
    pdf.footer_block(text)
    return bytes(pdf.output())


class _Page(FPDF):
    def __init__(self, fonts: Fonts | None):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_title("Certificate of completion")
        self.set_author("CBEC Academy")
        if fonts:
            self.add_font("Body", "", fonts.regular)
            self.add_font("Body", "B", fonts.bold)
            if fonts.fallback:
                self.add_font("Fallback", "", fonts.fallback)
                self.set_fallback_fonts(["Fallback"], exact_match=False)
            self.family, self.unicode = "Body", True
        else:
            self.core_fonts_encoding = CORE_ENCODING
            self.family, self.unicode = "Helvetica", False
        self.add_page()

    def line_of(self, words: str, size: float, *, bold: bool = False, colour=INK, gap: float = 4) -> None:
        """One centred block of text, shrunk to fit the width (below 70% it wraps instead)."""
        self.set_font(self.family, "B" if bold else "", size)
        words = words if self.unicode else words.encode(CORE_ENCODING, "replace").decode(CORE_ENCODING)
        while self.get_string_width(words) > self.epw and self.font_size_pt > size * 0.7:
            self.set_font_size(self.font_size_pt - 1)
        self.set_text_color(*colour)
        self.multi_cell(0, self.font_size * 1.35, words, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def frame(self) -> None:
        self.set_draw_color(*BRAND)
        self.set_line_width(1.2)
        self.rect(10, 10, WIDTH - 20, HEIGHT - 20)
        self.set_line_width(0.3)
        self.rect(13, 13, WIDTH - 26, HEIGHT - 26)

    def body(self, text: CertificateText) -> None:
        self.set_y(MARGIN + 10)
        words = text.words
        self.line_of(words.brand, 14, bold=True, colour=BRAND, gap=6)
        self.line_of(words.title, 30, bold=True, gap=8)
        self.line_of(words.certifies, 13, colour=MUTED, gap=2)
        self.line_of(text.holder_name, 30, bold=True, gap=6)
        self.line_of(words.completed, 13, colour=MUTED, gap=2)
        self.line_of(text.path_title, 22, bold=True, gap=6)
        issued = words.issued or f"Issued on {text.issued_on.day} {text.issued_on:%B %Y}"
        self.line_of(issued, 13, colour=MUTED)

    def footer_block(self, text: CertificateText) -> None:
        top = HEIGHT - MARGIN - QR_SIZE
        self.image(
            _qr_png(text.verify_url),
            x=WIDTH - MARGIN - QR_SIZE,
            y=top,
            w=QR_SIZE,
            h=QR_SIZE,
            alt_text=text.words.qr,
        )
        width = WIDTH - 2 * MARGIN - QR_SIZE - 8
        self.set_xy(MARGIN, top + 12)
        self.set_text_color(*INK)
        self.set_font(self.family, "B", 12)
        code = text.words.code or f"Verification code: {text.code}"
        self.cell(width, 7, code, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 10)
        self.set_text_color(*MUTED)
        self.multi_cell(
            width,
            5.5,
            text.words.check or f"Check that this certificate is genuine at {text.verify_url}",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )


def _qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    buffer.seek(0)
    return buffer
