"""Properties of the Moodle XML reader and writer, checked on generated input."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from course.questions.errors import MoodleXmlError
from course.questions.moodle_xml import parse_moodle_xml, write_moodle_xml, xml_problems
from course.questions.types import Question
from tests.questions.strategies import KINDS, questions, xml_like, xml_questions

quiz_settings = settings.get_profile("quiz")


def _parse_or_error(text: str):
    """The parse result, or the MoodleXmlError after checking it is well formed."""
    try:
        return parse_moodle_xml(text, "fuzz.xml")
    except MoodleXmlError as error:
        assert error.errors
        for filename, line, message in error.errors:
            assert filename == "fuzz.xml" and line >= 1 and message
        return error


@quiz_settings
@given(st.text() | xml_like)
def test_any_text_parses_or_raises_moodle_xml_error(text):
    _parse_or_error(text)


@quiz_settings
@given(xml_questions())
def test_export_then_import_is_the_identity(question):
    assert xml_problems(question) == []
    assert parse_moodle_xml(write_moodle_xml([question])).questions == [question]


@settings(quiz_settings, max_examples=max(quiz_settings.max_examples // 3, 20))
@given(st.lists(xml_questions(), max_size=6))
def test_export_then_import_of_a_bank_keeps_order_and_categories(bank):
    assert parse_moodle_xml(write_moodle_xml(bank)).questions == bank


@quiz_settings
@given(questions())
def test_a_gift_question_without_xml_problems_comes_back_unchanged(question):
    if not xml_problems(question):
        assert parse_moodle_xml(write_moodle_xml([question])).questions == [question]


@quiz_settings
@given(st.sampled_from(KINDS).flatmap(lambda kind: xml_questions(kinds=(kind,))))
def test_every_type_round_trips_through_json(question):
    stored = json.loads(json.dumps(question.to_dict()))
    assert Question.from_dict(stored) == question


@quiz_settings
@given(xml_questions())
def test_what_is_imported_exports_and_imports_again_unchanged(question):
    first = parse_moodle_xml(write_moodle_xml([question])).questions
    assert parse_moodle_xml(write_moodle_xml(first)).questions == first
