"""The one reader and writer of question files: GIFT, Aiken or Moodle XML, told apart by their content
whatever the file is called (or chosen by the caller)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from course.questions.aiken import ANSWER_LINE as AIKEN_ANSWER
from course.questions.aiken import parse_aiken
from course.questions.errors import ParseResult, QuestionFileError
from course.questions.gift import parse_gift, write_gift
from course.questions.moodle_xml import parse_moodle_xml, write_moodle_xml
from course.questions.types import Question

FILE_FORMATS = ("auto", "gift", "aiken", "xml")
EXPORT_FORMATS = {"gift": ".gift", "xml": ".xml"}  # format: file suffix
QUESTION_FILE_SUFFIXES = (".gift", ".txt", ".aiken", ".xml")
# XML starts with a declaration, or (after comments) with its root element; a GIFT text may start with HTML,
# but never with `<?xml` or `<quiz`.
_XML_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[\s?]|(?:<!--.*?-->\s*)*<(?:quiz|!DOCTYPE)[\s>/])", re.DOTALL)


def detect_format(text: str) -> str:
    """'xml', 'aiken' or 'gift', from the text alone.

    Moodle XML starts with `<?xml` or `<quiz>`. Any other text is valid GIFT (as descriptions), so a text is
    Aiken when it reads as Aiken, or when it has an `ANSWER:` line and no GIFT braces (then its mistakes
    are reported as Aiken mistakes, never imported as text-only questions).
    """
    if _XML_START.match(text):
        return "xml"
    if _reads_as_aiken(text) or _meant_as_aiken(text):
        return "aiken"
    return "gift"


def read_question_file(text: str, filename: str, file_format: str = "auto") -> ParseResult:
    """The questions of a GIFT, Aiken or Moodle XML text, every one (and those skipped, reported), or
    QuestionFileError listing every problem."""
    if file_format not in FILE_FORMATS:
        raise ValueError(f"unknown question file format {file_format!r}")
    chosen = detect_format(text) if file_format == "auto" else file_format
    reader = {"xml": parse_moodle_xml, "aiken": parse_aiken, "gift": parse_gift}[chosen]
    return reader(text, filename)


def write_question_file(questions: Iterable[Question], file_format: str) -> str:
    """The questions as a GIFT or Moodle XML file."""
    writers = {"gift": write_gift, "xml": write_moodle_xml}
    if file_format not in writers:
        raise ValueError(f"unknown export format {file_format!r}; use one of {', '.join(writers)}")
    return writers[file_format](questions)


def export_format_for(filename: str) -> str | None:
    """The export format a file name's suffix asks for (`.xml`: Moodle XML, `.gift`/`.txt`: GIFT), or None."""
    name = filename.lower()
    if name.endswith(".xml"):
        return "xml"
    if name.endswith((".gift", ".txt")):
        return "gift"
    return None


def _meant_as_aiken(text: str) -> bool:
    """An `ANSWER:` line and no GIFT braces: an Aiken file, even one with mistakes."""
    return "{" not in text and any(AIKEN_ANSWER.fullmatch(line.strip()) for line in text.splitlines())


def _reads_as_aiken(text: str) -> bool:
    if not AIKEN_ANSWER.search(text):
        return False  # no ANSWER line at all: not worth parsing
    try:
        return bool(parse_aiken(text, "").questions)
    except QuestionFileError:
        return False
