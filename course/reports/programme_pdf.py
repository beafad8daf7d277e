"""The programme report as an A4 PDF (fpdf2, as certificates): the same figures as the page, in tables."""

from __future__ import annotations

from datetime import date

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from course.certificates.pdf import CORE_ENCODING, Fonts
from course.reports.cohort import GROUPINGS
from course.reports.programme import REACH_LABELS, change_percent
from course.reports.programme_display import shown_exactly

INK, BRAND, MUTED, LINE = (29, 36, 48), (11, 92, 173), (90, 100, 114), (180, 186, 194)
MARGIN = 15
ROW = 6  # mm, one table row


def programme_pdf(report, fonts: Fonts | None, *, title: str, filters: str, today: date) -> bytes:
    """The report (a `ProgrammeReport`) as PDF bytes; `filters` describes what it is narrowed to. The Unicode
    `fonts` are used only when some text needs them: Helvetica is ready at once, a TrueType font takes a
    quarter of a second to read."""
    pdf = _Blocks()
    pdf.heading(title, 18)
    pdf.note(f"{report.period.label} (previous period: {report.period.previous.label}). {filters}")
    pdf.note(
        f"Made on {today.day} {today:%B %Y}. Months are UTC; each person counts once per figure, in the month it happened."
    )
    current, previous = report.current, report.previous
    pdf.heading("Reach", 13)
    pdf.grid(
        ["", "This period", "Previous period", "Change"],
        [
            [
                label,
                f"{current.reach.get(m):,}",
                f"{previous.reach.get(m):,}",
                _change(current.reach.get(m), previous.reach.get(m)),
            ]
            for m, label in REACH_LABELS.items()
        ],
        (70, 35, 35, 40),
    )
    shown = shown_exactly(current)
    columns = ["", *REACH_LABELS.values()]
    widths = (60, 30, 30, 30, 30)
    for by, groups in shown.groups.items():
        if groups:
            pdf.heading(f"By {GROUPINGS[by].lower()}", 13)
            pdf.grid(columns, [[g.label, *(g.reach.get(m).text for m in REACH_LABELS)] for g in groups], widths)
    pdf.heading("By month", 13)
    pdf.grid(
        ["Month", *REACH_LABELS.values()],
        [[m.label, *(m.reach.get(r).text for r in REACH_LABELS)] for m in shown.months],
        widths,
    )
    pdf.heading("Results per module", 13)
    pdf.grid(
        ["Module", "Completed", "Took the quiz", "Passed", "Pass rate", "Gain (n)"],
        [
            [
                m.title,
                m.completed.text,
                m.taken.text,
                m.passed.text,
                m.pass_percent.text,
                f"{m.gain.text} (n = {m.gain_n.text})",
            ]
            for m in shown.modules
        ],
        (60, 22, 24, 20, 20, 34),
    )
    pdf.heading("Events and study tours", 13)
    if not report.events.recorded:
        pdf.note("No events or study tours are recorded on the platform yet.")
    else:
        pdf.grid(
            ["", "Held", "Seats", "Enrolled", "Attended", "Feedback", "Will apply"],
            [
                [
                    name,
                    f"{f.held:,}",
                    f"{f.seats_offered:,}",
                    f"{f.enrolled:,}",
                    f"{f.attended:,}",
                    f"{f.feedback_responses:,}",
                    f"{f.will_apply:,}",
                ]
                for name, f in (("Events", report.events.events), ("Study tours", report.events.tours))
            ],
            (40, 20, 20, 25, 25, 25, 25),
        )
    return pdf.render(fonts)


class _Blocks:
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

    def render(self, fonts: Fonts | None) -> bytes:
        western = all(_encodable(text) for text in self._texts())
        document = _Document(None if western else fonts)
        for kind, *rest in self.parts:
            getattr(document, kind)(*rest)
        return bytes(document.output())


def _encodable(text: str) -> bool:
    try:
        text.encode(CORE_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def _change(current: int, previous: int) -> str:
    moved = change_percent(current, previous)
    return f"{current - previous:+,}" + (f" ({moved:+.0f}%)" if moved is not None else "")


class _Document(FPDF):
    def __init__(self, fonts: Fonts | None):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        self.set_title("Programme report")
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

    def text_of(self, words: str) -> str:
        return words if self.unicode else words.encode(CORE_ENCODING, "replace").decode(CORE_ENCODING)

    def heading(self, words: str, size: float) -> None:
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.set_text_color(*BRAND)
        self.multi_cell(0, size * 0.5, self.text_of(words), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def note(self, words: str) -> None:
        self.set_font(self.family, "", 9.5)
        self.set_text_color(*MUTED)
        self.multi_cell(0, 5, self.text_of(words), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

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
            self.cell(width, ROW, self._fitted(self.text_of(str(cell)), width - 2), border=1)
        self.ln(ROW)

    def _fitted(self, words: str, width: float) -> str:
        if self.get_string_width(words) <= width:
            return words
        while words and self.get_string_width(words + "…") > width:
            words = words[:-1]
        return words.rstrip() + "…"
