"""Aiken import: single-choice questions, all or nothing, errors as `file:line: message`."""

from __future__ import annotations

import pytest

from course.questions.aiken import parse_aiken
from course.questions.errors import AikenError, QuestionFileError
from course.questions.types import Choice, SingleChoice

BANK = """\
Which port handles most bonded e-commerce parcels in the case?
A. Ningbo
B. Guangzhou
C) Lhasa
ANSWER: B

What does CPA stand for?
A) Comprehensive Pilot Area
B) Customs Processing Agency
ANSWER: A
"""


def test_questions_options_and_answer():
    result = parse_aiken(BANK, "bank.txt", category="05-logistics")
    assert len(result) == 2
    first = result[0]
    assert first == SingleChoice(
        name="Which port handles most bonded e-commerce parcels in the case?",
        text="Which port handles most bonded e-commerce parcels in the case?",
        text_format="plain",
        category="05-logistics",
        options=[
            Choice(text="Ningbo", fraction=0.0),
            Choice(text="Guangzhou", fraction=1.0),
            Choice(text="Lhasa", fraction=0.0),
        ],
    )
    assert [o.fraction for o in result[1].options] == [1.0, 0.0]
    assert result.categories == ["05-logistics"]


def test_multi_line_question_crlf_blank_lines_and_lenient_answer_line():
    text = "\ufeffFirst line\r\nsecond line\r\n\r\nA. x\r\n\r\nB. y\r\nanswer:b\r\n"
    question = parse_aiken(text)[0]
    assert question.text == "First line\nsecond line"
    assert [o.fraction for o in question.options] == [0.0, 1.0]


def test_question_text_may_look_like_an_option():
    question = parse_aiken("A. Smith founded which firm?\nA. One\nB. Two\nANSWER: A")[0]
    assert question.text == "A. Smith founded which firm?"
    assert [o.text for o in question.options] == ["One", "Two"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("Q?\nA. x\nB. y\n", "a.txt:1: question has no 'ANSWER:' line"),
        ("ANSWER: A\n", "a.txt:1: ANSWER line without a question before it"),
        ("Q?\nA. x\nANSWER: A\n", "a.txt:3: a question needs at least 2 options before its 'ANSWER:' line"),
        ("Q?\nA. x\nB. y\nANSWER: C\n", "a.txt:4: ANSWER must name one of the options A-B, not 'C'"),
        ("Q?\nA. x\nB. y\nANSWER: AB\n", "a.txt:4: ANSWER must name one of the options A-B, not 'AB'"),
        ("Q?\nA. x\nB. y\nANSWER:\n", "a.txt:4: ANSWER must name one of the options A-B, not ''"),
        ("Q?\nA. x\nC. y\nANSWER: A\n", "a.txt:3: expected option B, found option C"),
        ("Q?\nB. x\nC. y\nANSWER: B\n", "a.txt:2: options must start at A, found option B"),
        ("Q?\nA. x\nmore text\nB. y\nANSWER: A\n", "a.txt:3: expected option B or an 'ANSWER:' line"),
    ],
)
def test_errors(text, error):
    with pytest.raises(AikenError) as caught:
        parse_aiken(text, "a.txt")
    assert str(caught.value) == error
    assert isinstance(caught.value, QuestionFileError)


def test_all_errors_are_collected_and_nothing_is_returned():
    text = "Good?\nA. x\nB. y\nANSWER: A\n\nBad?\nA. x\nC. y\nANSWER: A\n\nAlso bad?\nA. x\nB. y\nANSWER: Z\n\nUnfinished?\nA. x"
    with pytest.raises(AikenError) as caught:
        parse_aiken(text, "bank.txt")
    assert caught.value.errors == [
        ("bank.txt", 8, "expected option B, found option C"),
        ("bank.txt", 14, "ANSWER must name one of the options A-B, not 'Z'"),
        ("bank.txt", 16, "question has no 'ANSWER:' line"),
    ]


def test_empty_file():
    assert parse_aiken("").questions == []


def test_an_option_without_a_space_after_its_letter_is_read_as_moodle_reads_it():
    question = parse_aiken("Which port?\nA)Mombasa\nB.Dar es Salaam\nANSWER: A")[0]
    assert [o.text for o in question.options] == ["Mombasa", "Dar es Salaam"]
    assert [o.fraction for o in question.options] == [1.0, 0.0]


def test_a_txt_file_is_read_by_its_content():
    from course.questions.files import read_question_file

    aiken = "Which port?\nA. Mombasa\nB. Dar es Salaam\nANSWER: A\n"
    assert isinstance(read_question_file(aiken, "bank.txt")[0], SingleChoice)
    # an Aiken file with a mistake is refused with its line, never imported as text-only questions
    with pytest.raises(AikenError) as caught:
        read_question_file("Which port?\nA. Mombasa\nC. Dar es Salaam\nANSWER: A\n", "bank.txt")
    assert str(caught.value) == "bank.txt:3: expected option B, found option C"
    gift = "::port::Which port? {=Mombasa ~Dar es Salaam}\n"
    assert isinstance(read_question_file(gift, "bank.txt")[0], SingleChoice)
