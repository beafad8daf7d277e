"""GIFT import errors: every problem reported as `file:line: message`, and nothing imported."""

from __future__ import annotations

import pytest

from course.questions.errors import QuestionFileError
from course.questions.gift import GiftError, parse_gift


@pytest.mark.parametrize(
    ("gift", "error"),
    [
        ("::Q:: What? {=a ~b", "q.gift:1: '{' without a matching '}'"),
        ("::Q:: What? =a ~b}", "q.gift:1: '}' without a matching '{' before it"),
        ("::Q:: What? } and {=a ~b", "q.gift:1: '}' without a matching '{' before it"),
        ("// c\n::Q::\nWhat?\n{=a ~b", "q.gift:4: '{' without a matching '}'"),
        ("::Q:: Pick {~only}", "q.gift:1: a multiple-choice question needs at least 2 answers"),
        ("::Q:: Match {=a -> b}", "q.gift:1: a matching question needs at least 2 pairs"),
        ("::Q:: Match {\n=a -> b\n=c\n}", "q.gift:3: matching pair 'c' has no '->'"),
        ("::Q:: How many? {#}", "q.gift:1: a numerical question needs at least 1 answer"),
        ("::Q:: How many? {#abc}", "q.gift:1: numerical answer 'abc' is not a number"),
        ("::Q:: How many? {#1,5}", "q.gift:1: numerical answer '1,5' is not a number"),
        ("::Q:: How many? {#3:x}", "q.gift:1: numerical answer 'x' is not a number"),
        ("::Q:: How many? {#1..b}", "q.gift:1: numerical answer 'b' is not a number"),
        ("::Q:: How many? {#1e999}", "q.gift:1: numerical answer '1e999' is too large"),
        ("::Q:: How many? {#\n=3\n=%50%4:z\n}", "q.gift:3: numerical answer 'z' is not a number"),
        ("::Q:: Pick {\n~%--5%a\n=b}", "q.gift:2: answer weight %--5% is not a number"),
        ("::Q:: Pick {~%150%a =b}", "q.gift:1: answer weight %150% is not between -100% and 100%"),
        ("::Q:: Who? {=%101%x}", "q.gift:1: answer weight %101% is not between -100% and 100%"),
        ("::Q:: Odd \ud800 char {}", "q.gift:1: invalid character (lone surrogate)"),
        # Two questions with no blank line between them are an error, never one garbled question.
        (
            "::Q1:: A? {T}\n::Q2:: B? {F}",
            "q.gift:2: a second question title in one question: leave a blank line between questions",
        ),
        (
            "::Q1::\nA?\n{T}\n// note\n::Q2::B",
            "q.gift:5: a second question title in one question: leave a blank line between questions",
        ),
        (
            "::Q1:: A? {T}\nB? {F}",
            "q.gift:2: a second answer block {…} in one question: leave a blank line between questions",
        ),
        (
            "A {=a ~b} then {=c}",
            "q.gift:1: a second answer block {…} in one question: leave a blank line between questions",
        ),
        # Stacked categories: Moodle would make one category named "A\n$CATEGORY: B ::Q1:: …".
        (
            "$CATEGORY: A\n$CATEGORY: B\n::Q1:: x {T}",
            "q.gift:2: two $CATEGORY: lines in a row (Moodle would take both for one name): keep one, or leave a blank line between",
        ),
        (
            "// c\n$CATEGORY: A\n// d\n$CATEGORY: B",
            "q.gift:4: two $CATEGORY: lines in a row (Moodle would take both for one name): keep one, or leave a blank line between",
        ),
        ("::Q1:: x {T}\n$CATEGORY: B", "q.gift:2: a $CATEGORY: line inside a question: leave a blank line before it"),
    ],
)
def test_error_message_and_line(gift, error):
    with pytest.raises(GiftError) as caught:
        parse_gift(gift, "q.gift")
    assert str(caught.value) == error


def test_all_errors_are_collected_and_nothing_is_returned():
    gift = "::Good:: fine {T}\n\n::Bad1:: {=a\n\n// comment\n::Good2:: {}\n\n::Bad2::\nPick\n{~only}\n\n::Bad3:: {#x}\n"
    with pytest.raises(GiftError) as caught:
        parse_gift(gift, "bank/ports.gift")
    assert caught.value.errors == [
        ("bank/ports.gift", 3, "'{' without a matching '}'"),
        ("bank/ports.gift", 8, "a multiple-choice question needs at least 2 answers"),
        ("bank/ports.gift", 12, "numerical answer 'x' is not a number"),
    ]
    assert str(caught.value) == (
        "bank/ports.gift:3: '{' without a matching '}'\n"
        "bank/ports.gift:8: a multiple-choice question needs at least 2 answers\n"
        "bank/ports.gift:12: numerical answer 'x' is not a number"
    )
    assert isinstance(caught.value, QuestionFileError)


def test_line_numbers_count_crlf_lines_once():
    with pytest.raises(GiftError) as caught:
        parse_gift("::A:: a {}\r\n\r\n::B::\r\nb {=x\r\n", "crlf.gift")
    assert caught.value.errors == [("crlf.gift", 4, "'{' without a matching '}'")]


def test_default_filename():
    with pytest.raises(GiftError, match=r"^<string>:1: "):
        parse_gift("{")


@pytest.mark.parametrize("gift", ["", "\n\n", "// only comments\n// here\n", "\ufeff"])
def test_empty_input_gives_no_questions(gift):
    assert parse_gift(gift).questions == []
