"""Properties of the GIFT reader and writer, checked on generated input."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from course.questions.gift import GiftError, gift_problems, parse_gift, write_gift
from course.questions.types import Question
from tests.questions.strategies import KINDS, gift_blocks, gift_like, questions

quiz_settings = settings.get_profile("quiz")


def _parse_or_error(text: str):
    """The parse result, or the GiftError, after checking the error is well formed."""
    try:
        return parse_gift(text, "fuzz.gift")
    except GiftError as error:
        line_count = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        assert error.errors
        for filename, line, message in error.errors:
            assert filename == "fuzz.gift" and 1 <= line <= line_count and message
        assert str(error).count("\n") == len(error.errors) - 1
        return error


@quiz_settings
@given(st.text())
def test_any_text_parses_or_raises_gift_error(text):
    _parse_or_error(text)


@quiz_settings
@given(gift_like | gift_blocks)
def test_gift_like_text_parses_or_raises_gift_error_and_what_parses_writes_back(text):
    result = _parse_or_error(text)
    if isinstance(result, GiftError):
        return
    for question in result:
        if not gift_problems(question):
            assert parse_gift(write_gift([question])).questions == [question]


@quiz_settings
@given(questions())
def test_export_then_import_is_the_identity(question):
    assert gift_problems(question) == []
    assert parse_gift(write_gift([question])).questions == [question]


@settings(quiz_settings, max_examples=max(quiz_settings.max_examples // 3, 20))
@given(st.lists(questions(), max_size=6))
def test_export_then_import_of_a_bank_keeps_order_and_categories(bank):
    assert parse_gift(write_gift(bank)).questions == bank


@quiz_settings
@given(st.sampled_from(KINDS).flatmap(lambda kind: questions(kinds=(kind,))))
def test_every_type_round_trips_through_json(question):
    stored = json.loads(json.dumps(question.to_dict()))
    assert Question.from_dict(stored) == question
