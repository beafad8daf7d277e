"""The one question-file reader: the format comes from the content, whatever the file is called."""

from __future__ import annotations

import pytest

from course.questions.errors import AikenError, GiftError, MoodleXmlError
from course.questions.files import detect_format, export_format_for, read_question_file, write_question_file
from course.questions.types import Essay, SingleChoice

XML = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<question type="essay"><name><text>E</text></name>\n' \
      "<questiontext><text>Why?</text></questiontext></question>\n</quiz>\n"  # fmt: skip
AIKEN = "Which port?\nA. Mombasa\nB. Dar es Salaam\nANSWER: A\n"
GIFT = "::port::Which port? {=Mombasa ~Dar es Salaam}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (XML, "xml"),
        ("\ufeff  <quiz>\n</quiz>", "xml"),
        ("<!-- exported -->\n<quiz/>", "xml"),
        ("<!DOCTYPE quiz><quiz/>", "xml"),
        (AIKEN, "aiken"),
        ("Which port?\nA. Mombasa\nC. Dar es Salaam\nANSWER: A\n", "aiken"),  # broken Aiken stays Aiken
        (GIFT, "gift"),
        ("<b>Bold</b> GIFT starts with HTML {T}", "gift"),
        ("<quizzes> are described here {T}", "gift"),
        ("Just a description.", "gift"),
    ],
)
def test_the_format_is_read_from_the_content(text, expected):
    assert detect_format(text) == expected


@pytest.mark.parametrize("filename", ["bank.xml", "bank.gift", "bank.txt", "bank.aiken", "bank"])
def test_any_file_name_gets_the_reader_its_content_needs(filename):
    assert isinstance(read_question_file(XML, filename).questions[0], Essay)
    assert isinstance(read_question_file(AIKEN, filename).questions[0], SingleChoice)
    assert read_question_file(GIFT, filename).questions[0].name == "port"


@pytest.mark.parametrize(
    ("text", "error", "line"),
    [
        ("<quiz>\n<question>\n</quiz>", MoodleXmlError, 3),
        ("Which port?\nA. Mombasa\nC. Dar es Salaam\nANSWER: A\n", AikenError, 3),
        ("::q::Broken {=a ~b\n", GiftError, 1),
    ],
)
def test_each_format_refuses_with_file_and_line(text, error, line):
    with pytest.raises(error) as caught:
        read_question_file(text, "upload.gift")
    assert caught.value.errors[0][:2] == ("upload.gift", line)


def test_a_chosen_format_wins_over_the_content():
    with pytest.raises(MoodleXmlError):
        read_question_file(GIFT, "bank.gift", "xml")
    assert read_question_file(XML, "bank.xml", "gift").questions[0].type == "description"
    with pytest.raises(ValueError, match="unknown question file format 'qti'"):
        read_question_file(XML, "bank.xml", "qti")


def test_export_formats_and_the_extension_that_chooses_one():
    questions = read_question_file(GIFT, "bank.gift").questions
    assert write_question_file(questions, "gift").startswith("::port::")
    assert write_question_file(questions, "xml").startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    with pytest.raises(ValueError, match="use one of gift, xml"):
        write_question_file(questions, "aiken")
    assert [export_format_for(n) for n in ("a.XML", "a.gift", "a.txt", "a.csv")] == ["xml", "gift", "gift", None]
