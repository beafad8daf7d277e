"""The one reader of question files: GIFT or Aiken, chosen by the caller or from the file itself."""

from __future__ import annotations

from course.questions.aiken import ANSWER_LINE as AIKEN_ANSWER
from course.questions.aiken import parse_aiken
from course.questions.errors import QuestionFileError
from course.questions.gift import parse_gift
from course.questions.types import Question

FILE_FORMATS = ("auto", "gift", "aiken")
QUESTION_FILE_SUFFIXES = (".gift", ".txt", ".aiken")


def read_question_file(text: str, filename: str, file_format: str = "auto") -> list[Question]:
    """Questions of a GIFT or Aiken text, every one or QuestionFileError listing every problem.

    With "auto": `.aiken` (and `.aiken.txt`) is Aiken; `.txt` is Aiken when it reads as Aiken or has
    an `ANSWER:` line and no GIFT braces (then its mistakes are reported), else GIFT; anything else is GIFT. Any text is valid GIFT (as descriptions), so an Aiken `.txt`
    must be tried as Aiken first or it would import as text-only questions.
    """
    if file_format not in FILE_FORMATS:
        raise ValueError(f"unknown question file format {file_format!r}")
    name = filename.lower()
    if file_format == "aiken" or (file_format == "auto" and name.endswith((".aiken", ".aiken.txt"))):
        return parse_aiken(text, filename).questions
    if file_format == "auto" and name.endswith(".txt") and (_reads_as_aiken(text, filename) or _meant_as_aiken(text)):
        return parse_aiken(text, filename).questions  # a broken Aiken file is refused with its problems
    return parse_gift(text, filename).questions


def _meant_as_aiken(text: str) -> bool:
    """An `ANSWER:` line and no GIFT braces: an Aiken file, even one with mistakes (never text-only questions)."""
    return "{" not in text and any(AIKEN_ANSWER.fullmatch(line.strip()) for line in text.splitlines())


def _reads_as_aiken(text: str, filename: str) -> bool:
    try:
        return bool(parse_aiken(text, filename).questions)
    except QuestionFileError:
        return False
