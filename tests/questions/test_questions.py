"""Question dataclasses: JSON storage and what a trainee may see before grading."""

from __future__ import annotations

import dataclasses
import json

import pytest

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
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    default_name,
    from_dict,
    option_id,
    option_index,
    public_view,
)

SECRET = "SECRET"  # planted in every field a trainee must not see before grading

BANK = [
    SingleChoice(
        name="Ports",
        text="Which port?",
        category="05-logistics/ports",
        general_feedback=SECRET,
        options=[Choice(text=f"opt{i}", fraction=float(i == 2), feedback=SECRET) for i in range(6)],
    ),
    MultipleResponse(
        name="Pick",
        text="Pick",
        text_format="markdown",
        options=[Choice(text="a", fraction=0.5, feedback=SECRET, text_format="html"), Choice(text="b", fraction=-1)],
    ),
    TrueFalse(name="TF", text="True?", answer=False, feedback_true=SECRET, feedback_false=SECRET),
    ShortAnswer(name="SA", text="City?", answers=[AcceptedAnswer(text=SECRET, feedback=SECRET)], case_sensitive=True),
    Numerical(
        name="Num",
        text="How many?",
        answers=[NumericalAnswer(value=1234.5, tolerance=0.5, feedback=SECRET), NumericalAnswer(low=-1e300, high=7.0)],
    ),
    Matching(
        name="Match",
        text="Match",
        general_feedback=SECRET,
        pairs=[
            MatchPair(text="CPA", answer="pilot area"),
            MatchPair(text="CBZ", answer="bonded zone", text_format="plain"),
            MatchPair(text="FTZ", answer="pilot area"),
            MatchPair(text="", answer="free port"),
        ],
    ),
    Essay(name="Essay", text="Explain", text_after=" in 100 words.", general_feedback=SECRET),
    Description(name="Intro", text="Read case 3."),
]


@pytest.mark.parametrize("question", BANK, ids=lambda q: q.type)
def test_to_dict_round_trips_through_json_exactly(question):
    stored = json.loads(json.dumps(question.to_dict()))
    assert stored["type"] == question.type
    assert Question.from_dict(stored) == question
    assert from_dict(stored) == question


def test_to_dict_is_plain_data():
    assert BANK[0].to_dict()["options"][2] == {
        "text": "opt2",
        "fraction": 1.0,
        "feedback": SECRET,
        "text_format": None,
        "feedback_format": None,
    }


def test_from_dict_rejects_an_unknown_type():
    with pytest.raises(ValueError, match="unknown question type: 'cloze'"):
        Question.from_dict({"type": "cloze", "name": "n", "text": "t"})


@pytest.mark.parametrize("question", BANK, ids=lambda q: q.type)
@pytest.mark.parametrize("seed", [None, 7, "attempt-3:question-9"])
def test_public_view_hides_answers_and_feedback(question, seed):
    view = public_view(question, shuffle_seed=seed)
    flat = json.dumps(view)
    assert SECRET not in flat
    for hidden in ("fraction", "feedback", "answers", "tolerance", "general_feedback", "case_sensitive", "1234.5"):
        assert hidden not in flat
    assert (view["type"], view["text"], view["text_after"]) == (question.type, question.text, question.text_after)


def test_public_view_of_a_choice_question_lists_stable_ids():
    view = public_view(BANK[1])
    assert view["options"] == [
        {"id": "a0", "text": "a", "text_format": "html"},
        {"id": "a1", "text": "b", "text_format": "markdown"},
    ]


def test_shuffling_is_deterministic_per_seed_and_keeps_ids_with_texts():
    question = BANK[0]
    first = public_view(question, shuffle_seed=42)["options"]
    assert public_view(question, shuffle_seed=42)["options"] == first
    assert sorted(first, key=lambda o: o["id"]) == public_view(question)["options"]
    orders = {tuple(o["id"] for o in public_view(question, shuffle_seed=s)["options"]) for s in range(20)}
    assert len(orders) > 1
    assert all(option["text"] == f"opt{option_index(option['id'])}" for option in first)


def test_options_of_a_question_that_keeps_its_order_are_never_shuffled():
    question = dataclasses.replace(BANK[0], shuffle=False)
    assert all(public_view(question, shuffle_seed=s)["options"] == public_view(question)["options"] for s in range(9))
    matching = dataclasses.replace(BANK[5], shuffle=False)
    assert public_view(matching, shuffle_seed=3)["choices"] == public_view(matching)["choices"]


def test_public_view_of_a_numerical_question_names_its_units_but_not_how_they_convert():
    question = Numerical(
        name="n",
        text="t",
        answers=[NumericalAnswer(value=1234.5)],
        units=[NumericalUnit(name="km"), NumericalUnit(name="m", multiplier=1000)],
        unit_input="text",
    )
    view = public_view(question)
    assert (view["units"], view["units_left"]) == (["km", "m"], False)
    assert "1000" not in json.dumps(view)
    assert "units" not in public_view(dataclasses.replace(question, unit_input="none"))


def test_public_view_of_matching_offers_each_answer_once_with_distractors():
    view = public_view(BANK[5], shuffle_seed=1)
    assert view["subquestions"] == [
        {"id": "s0", "text": "CPA", "text_format": "moodle"},
        {"id": "s1", "text": "CBZ", "text_format": "plain"},
        {"id": "s2", "text": "FTZ", "text_format": "moodle"},
    ]
    assert sorted(view["choices"], key=lambda c: c["id"]) == [
        {"id": "c0", "text": "pilot area"},
        {"id": "c1", "text": "bonded zone"},
        {"id": "c2", "text": "free port"},
    ]


@pytest.mark.parametrize(
    ("value", "index"),
    [("a0", 0), ("a12", 12), ("a01", None), ("b1", None), ("a", None), (3, None), (None, None), (["a1"], None)],
)
def test_option_ids(value, index):
    assert option_index(value) == index
    if index is not None:
        assert option_id(index) == value


@pytest.mark.parametrize(
    ("answer", "inside", "outside"),
    [
        (NumericalAnswer(value=3.0, tolerance=2.0), [1.0, 3.0, 5.0], [0.999, 5.001]),
        (NumericalAnswer(value=3.0, tolerance=-2.0), [1.0, 5.0], [6.0]),
        (NumericalAnswer(value=0.3), [0.1 + 0.2], [0.31]),
        (NumericalAnswer(low=1.0, high=5.0), [1.0, 2.5, 5.0], [0.5, 5.5]),
        (NumericalAnswer(low=5.0, high=1.0), [2.0], [6.0]),
        (NumericalAnswer(), [-1e308, 0.0, 42.0], []),
    ],
)
def test_numerical_answer_accepts(answer, inside, outside):
    assert all(answer.accepts(x) for x in inside)
    assert not any(answer.accepts(x) for x in outside)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Short text", "Short text"),
        ("<p>Tags <b>go</b></p>", "Tags go"),
        ("", "Question"),
        ("x" * 100, "x" * 77 + "..."),
    ],
)
def test_default_name(text, name):
    assert default_name(text) == name


def test_missing_word_and_format_helpers():
    assert BANK[6].missing_word and not BANK[7].missing_word
    assert BANK[1].format_of(None) == "markdown" and BANK[1].format_of("html") == "html"
