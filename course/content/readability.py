"""How hard each lesson is to read: Flesch-Kincaid grade, Flesch reading ease and word count.

textstat is pinned to 0.7.3: it counts syllables with the dictionaries pyphen ships, while newer releases
download a dictionary at run time, which machines without internet access cannot.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import textstat

from course.content.model import LessonDoc

GRADE_MEDIAN_TARGET, GRADE_CEILING = 8.0, 10.0  # issue 15: a median of 8 at most, no lesson above 10

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`]+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ENDS_SENTENCE = (".", "!", "?", ":", ";")


@dataclass(frozen=True)
class Readability:
    grade: float  # Flesch-Kincaid grade level
    ease: float  # Flesch reading ease (higher is easier)
    words: int


def prose(markdown: str) -> str:
    """The text a reader reads: no headings, links as their text; each paragraph, list item or table row
    a sentence of its own (a wrapped line continues its paragraph)."""
    blocks: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in markdown.splitlines():
        line = raw.strip().lstrip(">").strip()
        if not line or line.startswith("#") or set(line) <= set("|-: "):
            close()
            continue
        if _LIST.match(line) or line.startswith("|"):
            close()
        current.append(line)
    close()
    sentences = []
    for block in blocks:
        text = _MARKUP.sub("", _LINK.sub(r"\1", _LIST.sub("", block)))
        text = " ".join(cell.strip() for cell in text.strip("| ").split("|")).strip()
        if text and not text.endswith(_ENDS_SENTENCE):
            text += "."
        sentences.append(text)
    return " ".join(sentences)


def measure(text: str) -> Readability:
    return Readability(
        grade=round(textstat.flesch_kincaid_grade(text), 1),
        ease=round(textstat.flesch_reading_ease(text), 1),
        words=textstat.lexicon_count(text),
    )


def of_lesson(lesson: LessonDoc) -> Readability:
    """The lesson's body as a trainee reads it (front matter and headings left out)."""
    return measure(prose(lesson.body))


def median_grade(measured: list[Readability]) -> float:
    return round(statistics.median(r.grade for r in measured), 1) if measured else 0.0
