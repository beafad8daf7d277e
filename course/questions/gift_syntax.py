"""Low-level GIFT syntax shared by the reader and the writer: escapes, format markers, weights."""

from __future__ import annotations

import re
from decimal import Decimal

from course.questions.errors import N_
from course.questions.percent import fraction_of, percent_text
from course.questions.types import FORMATS

WHITESPACE = " \t\n\r\0\x0b"  # what PHP's trim() strips, so texts trim as in Moodle
SURROGATES = re.compile("[\ud800-\udfff]")

# While a question is read, each escaped control character stands in the text as a lone
# surrogate: the search for { } ~ = # : never sees it, and no real text can contain one.
_MASKS = {":": "\ud800", "#": "\ud801", "=": "\ud802", "{": "\ud803", "}": "\ud804", "~": "\ud805", "n": "\ud806"}
_UNMASK = str.maketrans({mask: ("\n" if char == "n" else char) for char, mask in _MASKS.items()})
_ESCAPED = re.compile(r"\\([\\:#={}~n])")
_WRITE_ESCAPES = str.maketrans({"\\": "\\\\", "\n": "\\n", "\r": None, **{c: "\\" + c for c in ":#={}~"}})

WEIGHT = re.compile(r"%(-*)([0-9]{1,2}\.?[0-9]*)%")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_MARKER = re.compile(r"\[(" + "|".join(FORMATS) + r")\]")


class SyntaxProblem(Exception):
    """A problem at a position of the question being read."""

    def __init__(self, message: str, position: int = 0):
        super().__init__(message)
        self.message = message
        self.position = position


def mask(text: str) -> str:
    """Replace GIFT escapes (`\\:` `\\#` `\\=` `\\{` `\\}` `\\~` `\\n` `\\\\`) by placeholders."""
    return _ESCAPED.sub(lambda m: "\\" if m.group(1) == "\\" else _MASKS[m.group(1)], text)


def unmask(text: str) -> str:
    """Turn placeholders back into the characters they stand for."""
    return text.translate(_UNMASK)


def escape(text: str) -> str:
    """Escape a text so that GIFT reads it back unchanged (newlines become `\\n`)."""
    return text.translate(_WRITE_ESCAPES)


def split_format(text: str) -> tuple[str | None, str]:
    """A leading `[moodle]`/`[markdown]`/`[html]`/`[plain]` marker, if any, and the rest."""
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in FORMATS:
            return text[1:end], text[end + 1 :]
    return None, text


def starts_with_marker(text: str) -> bool:
    """Whether a text would be taken for a format marker if written bare."""
    return _MARKER.match(text) is not None


def read_weight(answer: str, position: int) -> tuple[float | None, str]:
    """A leading `%50%` weight as a fraction (None when absent) and the rest of the answer."""
    found = WEIGHT.match(answer)
    if not found:
        return None, answer
    minus, digits = found.groups()
    if len(minus) > 1:
        raise SyntaxProblem(N_("answer weight %(weight)s is not a number", weight=found.group()), position)
    percent = Decimal(digits)
    if percent > 100:
        raise SyntaxProblem(
            N_("answer weight %(weight)s is not between -100%% and 100%%", weight=found.group()), position
        )
    return fraction_of(-percent if minus else percent), answer[found.end() :]


def write_weight(fraction: float) -> str:
    """`%w%` for a fraction, exact enough that `read_weight` gives the same float back."""
    return f"%{percent_text(fraction)}%"


def read_number(text: str, position: int) -> float:
    """A number as GIFT numerical answers write it (`.` decimal point, optional exponent)."""
    text = text.strip(WHITESPACE)
    if not _NUMBER.fullmatch(text):
        raise SyntaxProblem(N_("numerical answer %(answer)s is not a number", answer=repr(text)), position)
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise SyntaxProblem(N_("numerical answer %(answer)s is too large", answer=repr(text)), position)
    return number
