"""Grading single responses and scoring attempts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course.questions.gift import parse_gift
from course.questions.grading import (
    AttemptScore,
    Feedback,
    Grade,
    grade,
    manual_grade,
    score_attempt,
)
from course.questions.types import (
    AcceptedAnswer,
    Choice,
    Description,
    Essay,
    Matching,
    MatchPair,
    MultipleResponse,
    Numerical,
    NumericalAnswer,
    NumericalUnit,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from tests.questions.strategies import questions

SINGLE = SingleChoice(
    name="s",
    text="Which port?",
    options=[
        Choice(text="Ningbo", fraction=1.0, feedback="Yes"),
        Choice(text="Yiwu", fraction=0.5, feedback="Half", feedback_format="html"),
        Choice(text="Lhasa", fraction=-0.5, feedback="No"),
    ],
)
MULTI = MultipleResponse(
    name="m",
    text="Pick the bonded zones",
    options=[
        Choice(text="A", fraction=0.5, feedback="good A"),
        Choice(text="B", fraction=0.5),
        Choice(text="C", fraction=-1.0, feedback="not C"),
        Choice(text="D", fraction=0.0),
    ],
)
TF = TrueFalse(name="t", text="CPAs are pilots", answer=True, feedback_true="Right", feedback_false="Wrong")
SHORT = ShortAnswer(
    name="sa",
    text="Code for bonded e-commerce imports?",
    answers=[
        AcceptedAnswer(text="1210", feedback="Exactly"),
        AcceptedAnswer(text="bonded import*", fraction=0.8),
        AcceptedAnswer(text="\\*star", fraction=0.3),
        AcceptedAnswer(text="*", fraction=0.0, feedback="Try case 4"),
    ],
)
NUMERICAL = Numerical(
    name="n",
    text="How many CPAs?",
    answers=[
        NumericalAnswer(value=165.0, feedback="Exactly"),
        NumericalAnswer(value=165.0, tolerance=10.0, fraction=0.5),
        NumericalAnswer(low=100.0, high=200.0, fraction=0.25),
        NumericalAnswer(fraction=0.0, feedback="Check case 1"),
    ],
)
MATCHING = Matching(
    name="mt",
    text="Match",
    pairs=[
        MatchPair(text="CPA", answer="pilot area"),
        MatchPair(text="CBZ", answer="bonded zone"),
        MatchPair(text="FTZ", answer="pilot area"),
        MatchPair(text="", answer="free port"),
    ],
)


@pytest.mark.parametrize(
    ("response", "fraction", "correct", "feedback"),
    [
        ("a0", 1.0, True, (Feedback("Yes", "moodle"),)),
        ("a1", 0.5, False, (Feedback("Half", "html"),)),
        ("a2", 0.0, False, (Feedback("No", "moodle"),)),  # negative fraction clamped at 0
        ("a3", 0.0, False, ()),
        ("A0", 0.0, False, ()),
        (0, 0.0, False, ()),
        (None, 0.0, False, ()),
        (["a0"], 0.0, False, ()),
    ],
)
def test_single_choice(response, fraction, correct, feedback):
    result = grade(SINGLE, response)
    assert (result.fraction, result.correct, result.feedback) == (fraction, correct, feedback)
    assert result.right_answer == "Ningbo"


@pytest.mark.parametrize(
    ("response", "fraction", "correct", "state"),
    [
        (["a0", "a1"], 1.0, True, "correct"),
        (("a1", "a0"), 1.0, True, "correct"),
        ({"a0"}, 0.5, False, "partial"),
        (["a0", "a0"], 0.5, False, "partial"),
        (["a0", "a1", "a2"], 0.0, False, "wrong"),
        (["a2"], 0.0, False, "wrong"),  # -100% alone is clamped at 0
        (["a0", "a1", "a3"], 1.0, True, "correct"),
        ([], 0.0, False, "wrong"),
        (["a9", 3, None, ["a0"]], 0.0, False, "wrong"),
        ("a0", 0.0, False, "wrong"),
        ({"a0": True}, 0.0, False, "wrong"),
        (None, 0.0, False, "wrong"),
    ],
)
def test_multiple_response_sums_fractions_and_clamps(response, fraction, correct, state):
    result = grade(MULTI, response)
    assert (result.fraction, result.correct, result.state) == (fraction, correct, state)
    assert result.right_answer == "A; B"


def test_multiple_response_feedback_of_each_chosen_option():
    assert grade(MULTI, ["a2", "a0"]).feedback == (Feedback("good A", "moodle"), Feedback("not C", "moodle"))


def test_fractions_above_one_are_clamped():
    question = MultipleResponse(
        name="m", text="t", options=[Choice(text="a", fraction=1.0), Choice(text="b", fraction=1.0)]
    )
    assert grade(question, ["a0", "a1"]).fraction == 1.0


@pytest.mark.parametrize(
    ("response", "fraction", "feedback"),
    [(True, 1.0, "Right"), (False, 0.0, "Wrong"), ("true", 0.0, None), (1, 0.0, None), (None, 0.0, None)],
)
def test_true_false(response, fraction, feedback):
    result = grade(TF, response)
    assert result.fraction == fraction
    assert [f.text for f in result.feedback] == ([feedback] if feedback else [])
    assert result.right_answer == "True"


@pytest.mark.parametrize(
    ("response", "fraction", "feedback"),
    [
        ("1210", 1.0, "Exactly"),
        ("  1210 ", 1.0, "Exactly"),
        ("Bonded   Import of goods", 0.8, None),
        ("bonded\timport", 0.8, None),
        ("*star", 0.3, None),
        ("xstar", 0.0, "Try case 4"),
        ("anything", 0.0, "Try case 4"),
        ("", 0.0, None),
        ("   ", 0.0, None),
        (1210, 0.0, None),
        (None, 0.0, None),
    ],
)
def test_short_answer_first_match_wins(response, fraction, feedback):
    result = grade(SHORT, response)
    assert result.fraction == fraction
    assert [f.text for f in result.feedback] == ([feedback] if feedback else [])
    assert result.right_answer == "1210"


@pytest.mark.parametrize(
    ("accepted", "case_sensitive", "response", "matches"),
    [
        ("Paris", False, "PARIS", True),
        ("Paris", True, "PARIS", False),
        ("Paris", True, "Paris", True),
        ("Ningbo*Zhoushan", False, "ningbo-zhoushan", True),
        ("Ningbo**Zhoushan", False, "NingboZhoushan", True),
        ("a.b", False, "axb", False),
        ("(1+1)", False, "(1+1)", True),
        ("new  york", False, "New York", True),
        ("café", False, "cafe\u0301", True),
        ("straße", False, "STRASSE", False),
    ],
)
def test_short_answer_matching_rules(accepted, case_sensitive, response, matches):
    question = ShortAnswer(name="q", text="t", answers=[AcceptedAnswer(text=accepted)], case_sensitive=case_sensitive)
    assert grade(question, response).correct is matches


@pytest.mark.parametrize(
    ("response", "fraction", "feedback"),
    [
        ("165", 1.0, "Exactly"),
        (165, 1.0, "Exactly"),
        (165.0, 1.0, "Exactly"),
        ("1.65e2", 1.0, "Exactly"),
        (" +165.0 ", 1.0, "Exactly"),
        ("170", 0.5, None),
        (155.0, 0.5, None),
        ("199.5", 0.25, None),
        ("1000", 0.0, "Check case 1"),
        ("1,5,0", 0.0, None),
        ("165 CPAs", 0.0, None),
        ("abc", 0.0, None),
        ("", 0.0, None),
        ("nan", 0.0, None),
        (float("inf"), 0.0, None),
        (True, 0.0, None),
        (None, 0.0, None),
        ([165], 0.0, None),
    ],
)
def test_numerical(response, fraction, feedback):
    result = grade(NUMERICAL, response)
    assert result.fraction == fraction
    assert [f.text for f in result.feedback] == ([feedback] if feedback else [])
    assert result.right_answer == "165"


@pytest.mark.parametrize(
    ("answers", "right_answer"),
    [
        ([NumericalAnswer(value=3.0, tolerance=0.5)], "3 ± 0.5"),
        ([NumericalAnswer(low=1.0, high=5.0)], "1..5"),
        ([NumericalAnswer(value=2.5)], "2.5"),
        ([NumericalAnswer(fraction=0.0)], ""),
    ],
)
def test_numerical_right_answer(answers, right_answer):
    assert grade(Numerical(name="n", text="t", answers=answers), "1").right_answer == right_answer


def test_numerical_decimal_comma_is_read_as_a_decimal_mark():
    question = Numerical(name="n", text="t", answers=[NumericalAnswer(value=1.5)])
    assert grade(question, "1.5").correct and grade(question, "1,5").correct


LENGTH = Numerical(
    name="length",
    text="How long is the quay?",
    answers=[NumericalAnswer(value=1.5, tolerance=0.01, feedback="Right")],
    units=[
        NumericalUnit(name="km"),
        NumericalUnit(name="m", multiplier=1000),
        NumericalUnit(name="M m", multiplier=2 / 3),
    ],
    unit_grading="response",
    unit_penalty=0.2,
    unit_input="text",
)


@pytest.mark.parametrize(
    ("response", "fraction"),
    [
        ("1.5 km", 1.0),
        ("1.5km", 1.0),
        ("1 500 m", 1.0),
        ("1,500 m", 1.0),
        ("1500m", 1.0),
        ("1 Mm", 1.0),  # unit names compare without their spaces, as Moodle strips spaces from responses
        ("1.5", 0.8),  # right number, no unit: the unit penalty (20 % of the response's grade)
        ("1.5 miles", 0.8),  # unknown unit: the number as typed, with the penalty
        ("1500", 0.0),
        ("1.5 KM", 0.8),  # units are case-sensitive (m is not M)
        ("km", 0.0),
    ],
)
def test_numerical_units_convert_and_a_missing_unit_costs_the_penalty(response, fraction):
    assert grade(LENGTH, response).fraction == pytest.approx(fraction)


def test_numerical_unit_penalty_of_the_question_and_units_before_the_number():
    question = Numerical(
        name="price",
        text="Price?",
        answers=[NumericalAnswer(value=20.0, fraction=0.5), NumericalAnswer(value=10.0)],
        units=[NumericalUnit(name="$")],
        unit_grading="question",
        unit_penalty=0.25,
        unit_input="select",
        units_left=True,
    )
    assert grade(question, "$10").fraction == 1.0
    assert grade(question, "$ 10,0").fraction == 1.0
    assert grade(question, "10").fraction == 0.75
    assert grade(question, "20").fraction == 0.25
    assert grade(question, "$20").fraction == 0.5
    assert grade(question, "1").right_answer == "$ 10"


def test_numerical_units_that_are_not_graded_are_optional():
    question = Numerical(
        name="n", text="t", answers=[NumericalAnswer(value=2.0)], units=[NumericalUnit(name="kg")], unit_input="text"
    )
    assert grade(question, "2").fraction == grade(question, "2 kg").fraction == grade(question, "2 lb").fraction == 1
    assert grade(question, "2000 g").fraction == 0


@pytest.mark.parametrize(
    ("question", "response", "texts"),
    [
        (SingleChoice(name="s", text="t", options=[Choice(text="a", fraction=1.0, feedback="A!"), Choice(text="b")],
                      correct_feedback="Well done", incorrect_feedback="Not quite"), "a0", ["A!", "Well done"]),
        (SingleChoice(name="s", text="t", options=[Choice(text="a", fraction=1.0), Choice(text="b")],
                      correct_feedback="Well done", incorrect_feedback="Not quite"), "a1", ["Not quite"]),
        (SingleChoice(name="s", text="t", options=[Choice(text="a", fraction=1.0), Choice(text="b")],
                      incorrect_feedback="Not quite"), None, []),
        (MultipleResponse(name="m", text="t", options=[Choice(text="a", fraction=0.5), Choice(text="b", fraction=0.5)],
                          partial_feedback="Half way", partial_feedback_format="html"), ["a0"], ["Half way"]),
    ],
)  # fmt: skip
def test_outcome_feedback_follows_the_options_feedback_for_a_given_answer(question, response, texts):
    result = grade(question, response)
    assert [f.text for f in result.feedback] == texts
    if texts == ["Half way"]:
        assert result.feedback[0].format == "html"


def test_matching_outcome_feedback():
    question = Matching(
        name="m",
        text="t",
        pairs=[MatchPair(text="a", answer="1"), MatchPair(text="b", answer="2")],
        correct_feedback="All matched",
        partial_feedback="Some matched",
    )
    assert [f.text for f in grade(question, {"s0": "c0", "s1": "c1"}).feedback] == ["All matched"]
    assert [f.text for f in grade(question, {"s0": "c0"}).feedback] == ["Some matched"]
    assert grade(question, {}).feedback == ()


@pytest.mark.parametrize(
    ("response", "fraction"),
    [
        ({"s0": "c0", "s1": "c1", "s2": "c0"}, 1.0),
        ({"s0": "c0", "s1": "c2", "s2": "c0"}, 2 / 3),
        ({"s0": "c0"}, 1 / 3),
        ({"s0": "c2", "s1": "c2", "s2": "c2"}, 0.0),
        ({"s3": "c2"}, 0.0),
        ({}, 0.0),
        ({"s0": ["c0"]}, 0.0),
        ([("s0", "c0")], 0.0),
        ("c0", 0.0),
        (None, 0.0),
    ],
)
def test_matching_partial_credit(response, fraction):
    result = grade(MATCHING, response)
    assert result.fraction == pytest.approx(fraction)
    assert result.correct is (fraction == 1.0)
    assert result.right_answer == "CPA → pilot area; CBZ → bonded zone; FTZ → pilot area"


def test_essay_awaits_manual_grading_unless_blank():
    essay = Essay(name="e", text="Explain")
    assert grade(essay, "Because bonded zones defer duty.") == Grade(None, None, needs_grading=True)
    assert grade(essay, "Because").state == "needs_grading"
    assert grade(essay, "  ") == Grade(0.0, False)
    assert grade(essay, None) == Grade(0.0, False)
    assert manual_grade(0.75, "Good use of case 12") == Grade(0.75, False, (Feedback("Good use of case 12", "moodle"),))
    assert manual_grade(1.5).fraction == 1.0 and manual_grade(1.5).correct


def test_description_is_not_graded():
    assert grade(Description(name="d", text="Read"), "anything") == Grade(None, None)
    assert grade(Description(name="d", text="Read"), None).state == "ungraded"


def test_grading_a_parsed_gift_question():
    question = parse_gift("::Q:: Port? {=Ningbo#Yes ~%-50%Lhasa#No ~Yiwu}")[0]
    assert grade(question, "a0").correct and grade(question, "a1").fraction == 0.0


def test_unknown_question_type_is_a_programming_error():
    with pytest.raises(TypeError):
        grade(object(), "a0")


@settings(settings.get_profile("quiz"))
@given(questions(), st.none() | st.booleans() | st.integers() | st.floats() | st.text()
       | st.lists(st.text(max_size=3)) | st.dictionaries(st.text(max_size=3), st.text(max_size=3))
       | st.lists(st.integers()))  # fmt: skip
def test_any_response_grades_without_crashing_and_in_range(question, response):
    result = grade(question, response)
    assert result.fraction is None or 0.0 <= result.fraction <= 1.0
    assert isinstance(result.right_answer, str)


def test_score_attempt_weights_marks_and_skips_descriptions():
    grades = [
        Grade(1.0, True),
        Grade(0.5, False),
        Grade(None, None),
        Grade(None, None, needs_grading=True),
        Grade(0.0, False),
    ]
    score = score_attempt(grades, [2, 4, 0, 5, 1])
    assert score == AttemptScore(points=4.0, max_points=12.0, pending=1)
    assert score.fraction == pytest.approx(1 / 3)


def test_score_attempt_rounds_and_handles_empty():
    assert score_attempt([Grade(0.1, False)] * 3, [1, 1, 1]).points == 0.3
    assert score_attempt([], []) == AttemptScore(0.0, 0.0, 0)
    assert score_attempt([], []).fraction is None
    with pytest.raises(ValueError, match="2 grades but 1 marks"):
        score_attempt([Grade(1.0, True)] * 2, [1])
