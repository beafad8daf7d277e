"""The programme report's A4 PDF layout (fpdf2, as certificates): headings, notes and ruled tables, written in the
fonts their text needs. The words and figures are put in by the web layer (course/web/reports/programme_pdf.py),
in the reader's language."""

from __future__ import annotations

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from course.certificates.pdf import CORE_ENCODING, Fonts, shape_text

INK, BRAND, MUTED, LINE = (29, 36, 48), (11, 92, 173), (90, 100, 114), (180, 186, 194)
MARGIN = 15
ROW = 6  # mm, one table row


class Blocks:
    """The document's parts in order, written out once it is known which fonts they need."""

    def __init__(self):
        self.parts: list[tuple] = []

    def heading(self, words: str, size: float) -> None:
        self.parts.append(("heading", words, size))

    def note(self, words: str) -> None:
        self.parts.append(("note", words))

    def grid(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...]) -> None:
        self.parts.append(("grid", header, rows, widths))

    def _texts(self):
        for kind, *rest in self.parts:
            if kind == "grid":
                yield from rest[0]
                yield from (str(cell) for row in rest[1] for cell in row)
            else:
                yield rest[0]

    def render(self, fonts: Fonts | None, title: str = "") -> bytes:
        """The PDF; the Unicode `fonts` are used only when some text needs them: Helvetica is ready at once, a
        TrueType font takes a quarter of a second to read."""
        western = all(_encodable(text) for text in (title, *self._texts()))
        document = _Document(None if western else fonts, title)
        if document.unicode:
            document.align = "R" if shape_text(document, words=title, texts=self._texts()) else "L"
        for kind, *rest in self.parts:
            getattr(document, kind)(*rest)
        return bytes(document.output())


def _encodable(text: str) -> bool:
    try:
        text.encode(CORE_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


class _Document(FPDF):
    def __init__(self, fonts: Fonts | None, title: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        self.set_title(title)
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
        self.align = "L"  # "R" for a document in a language written right to left
        self.add_page()

    def text_of(self, words: str) -> str:
        return words if self.unicode else words.encode(CORE_ENCODING, "replace").decode(CORE_ENCODING)

    def heading(self, words: str, size: float) -> None:
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.set_text_color(*BRAND)
        self.multi_cell(0, size * 0.5, self.text_of(words), align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def note(self, words: str) -> None:
        self.set_font(self.family, "", 9.5)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 5, self.text_of(words), align=self.align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def grid(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...]) -> None:
        """A ruled table, one line a row (long text shortened to its column); the header again after a page break.

        Plain cells rather than fpdf2's table(), which lays out each cell as a paragraph: ten times slower."""
        self.set_draw_color(*LINE)
        self.set_text_color(*INK)
        self._row(header, widths, bold=True)
        for cells in rows:
            if self.will_page_break(ROW):
                self.add_page()
                self._row(header, widths, bold=True)
            self._row(cells, widths)
        self.ln(2)

    def _row(self, cells: list[str], widths: tuple[float, ...], bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", 8.5)
        for cell, width in zip(cells, widths, strict=True):
            self.cell(width, ROW, self._fitted(self.text_of(str(cell)), width - 2), border=1, align=self.align)
        self.ln(ROW)

    def _fitted(self, words: str, width: float) -> str:
        if self.get_string_width(words) <= width:
            return words
        while words and self.get_string_width(words + "…") > width:
            words = words[:-1]
        return words.rstrip() + "…"
