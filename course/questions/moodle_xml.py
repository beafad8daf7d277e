"""Moodle XML question files: `parse_moodle_xml` reads all or nothing (skipping, and reporting, what this
platform cannot hold), `write_moodle_xml` writes as Moodle's exporter does, `xml_problems` says what would
not come back unchanged."""

from __future__ import annotations

from course.questions.errors import MoodleXmlError, ParseResult
from course.questions.moodle_xml_check import xml_problems
from course.questions.moodle_xml_read import read_quiz
from course.questions.moodle_xml_syntax import parse_document
from course.questions.moodle_xml_types import READERS
from course.questions.moodle_xml_write import write_moodle_xml, write_question

__all__ = ["MoodleXmlError", "ParseResult", "parse_moodle_xml", "write_moodle_xml", "write_question", "xml_problems"]


def parse_moodle_xml(text: str, filename: str = "<string>", *, category: str = "") -> ParseResult:
    """Every question of a Moodle XML text, or MoodleXmlError listing every problem found."""
    return read_quiz(parse_document(text, filename), filename, READERS, category)
