"""Numerical answers read as people write numbers: thousands separators, decimal commas, signs, exponents."""

import pytest

from course.questions import parse_gift
from course.questions.grading import grade
from course.questions.numbers import read_number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1500", 1500),
        ("1,500", 1500),
        ("1 500", 1500),
        ("1\u00a0500", 1500),
        ("1\u2009500", 1500),
        ("1'500", 1500),
        ("1\u2019500", 1500),
        ("1,500,000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("0,5", 0.5),
        ("0.5", 0.5),
        ("2,5", 2.5),
        ("0,500", 0.5),
        ("1.500", 1.5),
        ("1,500.25", 1500.25),
        ("1.500,25", 1500.25),
        ("1 500,5", 1500.5),
        ("+3", 3),
        ("-2,5", -2.5),
        ("\u22122", -2),
        ("1.5e3", 1500),
        ("1,5e3", 1500),
        (".5", 0.5),
        (" 42 ", 42),
    ],
)
def test_numbers_as_people_write_them(typed, number):
    assert read_number(typed) == pytest.approx(number)


@pytest.mark.parametrize("typed", ["", "abc", "1,50,0", "1 50", "12,34,567", "1..5", "1.5.", "1e", "1,5,", "--1", "1-"])
def test_what_is_not_a_number(typed):
    assert read_number(typed) is None


def test_a_numerical_question_accepts_the_number_as_the_lesson_prints_it():
    (question,) = parse_gift("::pallets::About how many pallets a day? {#1500:100}").questions
    for typed in ("1,500", "1 500", "1500", "1.45e3"):
        assert grade(question, typed).fraction == 1.0, typed
    assert grade(question, "1,7").fraction == 0.0
    (half,) = parse_gift("::half::Half of one? {#0.5}").questions
    assert grade(half, "0,5").fraction == 1.0
