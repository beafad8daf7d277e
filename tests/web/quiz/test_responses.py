"""Reading a trainee's answer from the submitted form fields, and describing it in words."""

import pytest
from werkzeug.datastructures import MultiDict

from course.questions.types import (
    Choice,
    Essay,
    Matching,
    MatchPair,
    MultipleResponse,
    Numerical,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    public_view,
)
from course.web.quiz.responses import MAX_TEXT, describe_response, field_name, read_response

ITEM = 7
SUBQUESTIONS = ["s0", "s1", "s2"]


def read(qtype, fields=(), subquestions=SUBQUESTIONS, item=ITEM):
    """What read_response makes of these form fields, read as Flask reads request.form."""
    form = MultiDict(list(fields))
    return read_response(qtype, item, form.get, form.getlist, subquestions)


def test_field_names():
    assert field_name(7) == "q7" and field_name(7, "s2") == "q7_s2"


# --- read_response ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("qtype", ["single", "multi", "truefalse", "short", "numerical", "essay", "matching"])
def test_a_question_absent_from_the_form_has_no_response(qtype):
    other_item = [("q8", "a0"), ("q8__present", "1"), ("q8_s0", "c0"), ("q70", "a1")]
    assert read(qtype, other_item) is None


@pytest.mark.parametrize("qtype", ["single", "short", "numerical", "essay"])
def test_a_text_field_is_read_as_sent(qtype):
    assert read(qtype, [("q7", "a2")]) == "a2"
    assert read(qtype, [("q7", "  3,5 kg ")]) == "  3,5 kg "
    assert read(qtype, [("q7", "")]) == ""  # sent but empty: answered with nothing, not absent


@pytest.mark.parametrize("qtype", ["short", "numerical", "essay", "single"])
def test_an_over_long_text_is_cut_to_max_text(qtype):
    text = "ü" * (MAX_TEXT + 500)
    response = read(qtype, [("q7", text)])
    assert response == "ü" * MAX_TEXT and len(response) == MAX_TEXT
    assert read(qtype, [("q7", "x" * MAX_TEXT)]) == "x" * MAX_TEXT  # the limit itself is kept whole


def test_multi_reads_every_ticked_option_once_and_sorted():
    assert read("multi", [("q7", "a2"), ("q7", "a0"), ("q7", "a2"), ("q7__present", "1")]) == ["a0", "a2"]
    assert read("multi", [("q7", "a1")]) == ["a1"]  # no marker needed when something is ticked


def test_multi_with_nothing_ticked_is_an_empty_answer_only_with_the_present_marker():
    assert read("multi", [("q7__present", "1")]) == []
    assert read("multi", [("q7__present", "")]) == []  # the marker's value does not matter
    assert read("multi", []) is None


@pytest.mark.parametrize(
    "value, response", [("true", True), ("false", False), ("True", None), ("yes", None), ("", None), ("1", None)]
)
def test_truefalse_reads_only_the_words_true_and_false(value, response):
    assert read("truefalse", [("q7", value)]) is response


def test_matching_reads_each_answered_subquestion():
    fields = [("q7_s0", "c1"), ("q7_s1", "c0"), ("q7_s2", "c2")]
    assert read("matching", fields) == {"s0": "c1", "s1": "c0", "s2": "c2"}


def test_matching_partly_answered_keeps_only_the_answered_pairs():
    fields = [("q7_s0", "c1"), ("q7_s1", ""), ("q7_s9", "c0"), ("q7__present", "1")]
    assert read("matching", fields) == {"s0": "c1"}  # empty and unknown subquestions are dropped
    assert read("matching", [("q7_s2", "c0")]) == {"s2": "c0"}  # no marker needed when something is chosen


def test_matching_with_nothing_chosen_is_an_empty_answer_only_with_the_present_marker():
    assert read("matching", [("q7_s0", ""), ("q7__present", "1")]) == {}
    assert read("matching", [("q7_s0", ""), ("q7_s1", "")]) is None
    assert read("matching", [("q7_s0", "c0")], subquestions=[]) is None  # no subquestion asked


def test_matching_fields_of_another_item_are_not_read():
    assert read("matching", [("q8_s0", "c1"), ("q70_s0", "c1")]) is None


# --- describe_response -----------------------------------------------------------------------------------

SINGLE = public_view(
    SingleChoice(
        name="port",
        text="Which port?",
        options=[Choice(text="Mombasa", fraction=1), Choice(text="Lamu"), Choice(text="Dar es Salaam")],
    )
)
MULTI = public_view(
    MultipleResponse(
        name="docs",
        text="Which documents?",
        options=[Choice(text="Invoice", fraction=0.5), Choice(text="Packing list", fraction=0.5), Choice(text="Menu")],
    )
)
MATCHING = public_view(
    Matching(
        name="match",
        text="Match the places",
        pairs=[
            MatchPair(text="Harbour City", answer="pilot area"),
            MatchPair(text="River Town", answer="bonded zone"),
            MatchPair(text="", answer="free port"),
        ],
    )
)


@pytest.mark.parametrize(
    "qtype, view",
    [
        ("single", SINGLE),
        ("multi", MULTI),
        ("truefalse", {}),
        ("short", {}),
        ("numerical", {}),
        ("essay", {}),
        ("matching", MATCHING),
    ],
)
@pytest.mark.parametrize("nothing", [None, "", [], {}])
def test_no_answer_is_described_as_such(qtype, view, nothing):
    assert describe_response(qtype, nothing, view) == "(no answer)"


def test_single_choice_is_described_by_the_options_text():
    assert describe_response("single", "a2", SINGLE) == "Dar es Salaam"
    assert describe_response("single", "a9", SINGLE) == "a9"  # an id the view does not know is shown as is


def test_multiple_response_lists_the_chosen_options_in_the_responses_order():
    assert describe_response("multi", ["a0", "a1"], MULTI) == "Invoice; Packing list"
    assert describe_response("multi", ["a2"], MULTI) == "Menu"
    assert describe_response("multi", ["a1", "a7"], MULTI) == "Packing list; a7"


@pytest.mark.parametrize("response, words", [(True, "True"), (False, "False")])
def test_truefalse_is_described_as_true_or_false(response, words):
    assert describe_response("truefalse", response, {}) == words


def test_matching_pairs_each_subquestion_with_the_chosen_answer():
    assert [c["text"] for c in MATCHING["choices"]] == ["pilot area", "bonded zone", "free port"]
    response = {"s0": "c0", "s1": "c2"}
    assert describe_response("matching", response, MATCHING) == "Harbour City → pilot area; River Town → free port"
    assert describe_response("matching", {"s5": "c9"}, MATCHING) == "s5 → c9"


@pytest.mark.parametrize(
    "qtype, question, response",
    [
        ("short", ShortAnswer(name="s", text="Port?"), "Mombasa"),
        ("numerical", Numerical(name="n", text="How many?"), "3.5"),
        ("essay", Essay(name="e", text="Explain."), "Two lines,\nwith a break."),
    ],
)
def test_typed_answers_are_described_as_typed(qtype, question, response):
    assert describe_response(qtype, response, public_view(question)) == response


def test_a_response_read_from_the_form_describes_back_to_the_trainees_choices():
    response = read("multi", [("q7", "a1"), ("q7", "a0"), ("q7__present", "1")])
    assert describe_response("multi", response, MULTI) == "Invoice; Packing list"
    tf = TrueFalse(name="t", text="True?")
    assert describe_response("truefalse", read("truefalse", [("q7", "false")]), public_view(tf)) == "False"
    matching = read("matching", [("q7_s1", "c1"), ("q7_s0", "")], subquestions=["s0", "s1"])
    assert describe_response("matching", matching, MATCHING) == "River Town → bonded zone"
