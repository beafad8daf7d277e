"""GIFT import, feature by feature, as Moodle's qformat_gift reads it."""

from __future__ import annotations

import pytest

from course.questions.errors import GiftError
from course.questions.gift import parse_gift
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
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)


def one(gift: str):
    """The only question of a GIFT text."""
    questions = parse_gift(gift).questions
    assert len(questions) == 1
    return questions[0]


@pytest.mark.parametrize(
    ("gift", "kind"),
    [
        ("Who? {=Grant ~Lee}", SingleChoice),
        ("Which? {~%50%a ~%50%b ~c}", MultipleResponse),
        ("Grant is buried? {T}", TrueFalse),
        ("Grant is buried? {FALSE}", TrueFalse),
        ("Who? {=no one =nobody}", ShortAnswer),
        ("Capital? {Paris}", ShortAnswer),
        ("Born? {#1822:5}", Numerical),
        ("Match {=Canada -> Ottawa =Italy -> Rome}", Matching),
        ("Tell me {}", Essay),
        ("Just some text", Description),
    ],
)
def test_question_type_is_inferred_from_the_answer_block(gift, kind):
    assert type(one(gift)) is kind


@pytest.mark.parametrize(
    ("gift", "name", "text"),
    [
        ("::Q1:: What? {}", "Q1", "What?"),
        ("::Q 1, part (b): why?:: What? {}", "Q 1, part (b): why?", "What?"),
        (r"::a\:b\:\:c:: What? {}", "a:b::c", "What?"),
        ("::  spaced name  ::text{}", "spaced name", "text"),
        (
            "What is <b>cross-border</b> e-commerce? {}",
            "What is cross-border e-commerce?",
            "What is <b>cross-border</b> e-commerce?",
        ),
        ("::unclosed name {}", "unclosed name", "unclosed name"),
    ],
)
def test_title(gift, name, text):
    question = one(gift)
    assert (question.name, question.text) == (name, text)


def test_default_name_is_shortened_at_a_word():
    question = one("word " * 30 + "{}")
    assert question.name.endswith("...") and len(question.name) <= 80


def test_category_lines_apply_to_the_questions_that_follow():
    result = parse_gift("A {}\n\n$CATEGORY: 05-logistics/ports\n\nB {}\n\nC {}\n\n$CATEGORY:  06-finance \n\nD {}")
    assert [(q.text, q.category) for q in result] == [
        ("A", ""),
        ("B", "05-logistics/ports"),
        ("C", "05-logistics/ports"),
        ("D", "06-finance"),
    ]
    assert result.categories == ["05-logistics/ports", "06-finance"]


def test_category_keeps_moodle_context_prefix_and_a_starting_category_can_be_given():
    result = parse_gift("$CATEGORY: $course$/top/Ports\n\nQ {}", category="ignored")
    assert result[0].category == "$course$/top/Ports"
    assert parse_gift("Q {}", category="05-logistics")[0].category == "05-logistics"


def test_categories_in_blocks_of_their_own_may_follow_one_another_as_moodle_exports_parents():
    result = parse_gift("$CATEGORY: $course$/top/A\n\n$CATEGORY: $course$/top/A/B\n\n::Q::x {T}")
    assert [(q.name, q.category) for q in result] == [("Q", "$course$/top/A/B")]
    assert result.categories == ["$course$/top/A", "$course$/top/A/B"]


def test_a_title_inside_the_text_of_a_line_is_not_a_second_question():
    assert one("::Q1::\nWhat does std::vector::at do? {=bounds-checked access ~nothing}").name == "Q1"


def test_a_question_right_after_a_category_line_is_still_read():
    result = parse_gift("// header\n$CATEGORY: ports\n::Q::What? {}")
    assert [(q.name, q.category) for q in result] == [("Q", "ports")]


@pytest.mark.parametrize(
    ("gift", "text_format", "text"),
    [
        ("[markdown]**Bold** {}", "markdown", "**Bold**"),
        ("::n::[html]<p>Hi</p>{}", "html", "<p>Hi</p>"),
        ("[plain]a < b {}", "plain", "a < b"),
        ("[moodle]x {}", "moodle", "x"),
        ("[rst]x {}", "moodle", "[rst]x"),
        ("::n:: [html]x {}", "html", "x"),
        ("No marker {}", "moodle", "No marker"),
    ],
)
def test_format_marker_of_the_question_text(gift, text_format, text):
    question = one(gift)
    assert (question.text_format, question.text) == (text_format, text)


def test_format_markers_on_answers_feedback_and_general_feedback():
    question = one("[markdown]Q {=[html]<b>a</b>#[plain]fine ~b#[markdown]no ####[html]<i>why</i>}")
    assert question.options == [
        Choice(text="<b>a</b>", fraction=1.0, feedback="fine", text_format="html", feedback_format="plain"),
        Choice(text="b", fraction=0.0, feedback="no"),  # same format as the question: stored as None
    ]
    assert (question.general_feedback, question.general_feedback_format) == ("<i>why</i>", "html")
    assert question.format_of(question.options[1].text_format) == "markdown"


@pytest.mark.parametrize(
    ("escaped", "plain"),
    [
        (r"a\~b", "a~b"),
        (r"a\=b", "a=b"),
        (r"a\#b", "a#b"),
        (r"a\{b\}", "a{b}"),
        (r"a\:b", "a:b"),
        (r"line\nnext", "line\nnext"),
        (r"back\\slash", "back\\slash"),
        (r"back\\\:colon", "back\\:colon"),
        (r"not\an escape", "not\\an escape"),
    ],
)
def test_escapes_in_text_answers_and_feedback(escaped, plain):
    question = one(f"::{escaped}::{escaped} {{={escaped}#{escaped} ~{escaped}}}")
    assert question.name == plain
    assert question.text == plain
    assert question.options[0].text == plain
    assert question.options[0].feedback == plain


def test_escaped_braces_do_not_open_an_answer_block():
    question = one(r"Use \{curly\} braces")
    assert isinstance(question, Description)
    assert question.text == "Use {curly} braces"


@pytest.mark.parametrize(
    ("answers", "fractions"),
    [
        ("~%50%a ~%50%b ~%-100%c", [0.5, 0.5, -1.0]),
        ("~%33.33333%a ~%66.66667%b ~c", [0.3333333, 0.6666667, 0.0]),
        ("=a ~%25%b ~c", [1.0, 0.25, 0.0]),
        ("=a ~%-50%b", [1.0, -0.5]),
        ("~%100%a ~%0%b", [1.0, 0.0]),
        ("~%abc%a ~b", [0.0, 0.0]),
    ],
)
def test_choice_weights(answers, fractions):
    question = one(f"Q {{{answers}}}")
    assert [o.fraction for o in question.options] == fractions


def test_a_weight_after_equals_is_text_in_a_choice_question_as_in_moodle():
    question = one("Q {=%50%a ~b}")
    assert question.options[0] == Choice(text="%50%a", fraction=1.0)


def test_single_choice_needs_an_equals_answer_else_multiple_response():
    assert isinstance(one("Q {=a ~b ~c}"), SingleChoice)
    assert isinstance(one("Q {~%100%a ~b}"), MultipleResponse)


def test_choice_per_answer_feedback_and_whitespace():
    question = one("Q\n{\n\t=yellow # right; good!\n\t~red # wrong, it's yellow\n\t~blue\n}")
    assert [(o.text, o.feedback) for o in question.options] == [
        ("yellow", "right; good!"),
        ("red", "wrong, it's yellow"),
        ("blue", ""),
    ]


def test_short_answer_weights_feedback_and_wildcard():
    question = one("::Shortanswer::Which is the best animal?{=Frog#Good! =%50%Cat#Cats? =%0%*#Completely wrong}")
    assert question.answers == [
        AcceptedAnswer(text="Frog", fraction=1.0, feedback="Good!"),
        AcceptedAnswer(text="Cat", fraction=0.5, feedback="Cats?"),
        AcceptedAnswer(text="*", fraction=0.0, feedback="Completely wrong"),
    ]
    assert question.case_sensitive is False


def test_short_answer_drops_format_markers_from_answers():
    assert one("Q {=[html]Paris}").answers == [AcceptedAnswer(text="Paris")]


@pytest.mark.parametrize(
    ("gift", "answers"),
    [
        ("{#3}", [NumericalAnswer(value=3.0)]),
        ("{#3:2}", [NumericalAnswer(value=3.0, tolerance=2.0)]),
        ("{#1..5}", [NumericalAnswer(low=1.0, high=5.0)]),
        ("{#-5..-1}", [NumericalAnswer(low=-5.0, high=-1.0)]),
        ("{#2.5e3:1E2}", [NumericalAnswer(value=2500.0, tolerance=100.0)]),
        ("{#.5}", [NumericalAnswer(value=0.5)]),
        (
            "{# =1:0 =%50%2:1}",
            [NumericalAnswer(value=1.0), NumericalAnswer(value=2.0, tolerance=1.0, fraction=0.5)],
        ),
        (
            "{#\n=1822:0#Right\n=%50%1822:2#Close\n}",
            [
                NumericalAnswer(value=1822.0, feedback="Right"),
                NumericalAnswer(value=1822.0, tolerance=2.0, fraction=0.5, feedback="Close"),
            ],
        ),
        (
            "{#3:2~#Completely wrong}",
            [NumericalAnswer(value=3.0, tolerance=2.0), NumericalAnswer(fraction=0.0, feedback="Completely wrong")],
        ),
        ("{#=%0%*#anything}", [NumericalAnswer(fraction=0.0, feedback="anything")]),
    ],
)
def test_numerical_answers(gift, answers):
    question = one("Number? " + gift)
    assert isinstance(question, Numerical)
    assert question.answers == answers


@pytest.mark.parametrize(
    ("answer", "truth", "feedback_true", "feedback_false"),
    [
        ("T", True, "", ""),
        ("TRUE", True, "", ""),
        ("F", False, "", ""),
        ("FALSE", False, "", ""),
        ("T#wrong fb#right fb", True, "right fb", "wrong fb"),
        ("FALSE#wrong fb#right fb", False, "wrong fb", "right fb"),
        ("T##right only", True, "right only", ""),
        ("F#wrong only", False, "wrong only", ""),
    ],
)
def test_true_false_and_its_feedback(answer, truth, feedback_true, feedback_false):
    question = one(f"Statement {{{answer}}}")
    assert isinstance(question, TrueFalse)
    assert (question.answer, question.feedback_true, question.feedback_false) == (truth, feedback_true, feedback_false)


def test_true_false_words_are_case_sensitive_as_in_moodle():
    assert isinstance(one("Statement {true}"), ShortAnswer)


def test_general_feedback_after_four_hashes():
    question = one(
        "::Q1:: 42 is the Absolute Answer.{\nFALSE#42 is the Ultimate Answer.#Right.\n####A Hitchhiker's Guide reference.}"
    )
    assert question.general_feedback == "A Hitchhiker's Guide reference."
    assert (question.feedback_true, question.feedback_false) == ("42 is the Ultimate Answer.", "Right.")


def test_matching_pairs_with_a_distractor_and_formats():
    question = one("[html]Match {\n=[plain]Canada -> Ottawa\n=Italy->Rome\n= -> Paris\n####Capitals}")
    assert question.pairs == [
        MatchPair(text="Canada", answer="Ottawa", text_format="plain"),
        MatchPair(text="Italy", answer="Rome"),
        MatchPair(text="", answer="Paris"),
    ]
    assert question.general_feedback == "Capitals"
    assert [sub_id for sub_id, _ in question.subquestions()] == ["s0", "s1"]
    assert question.answer_choices() == [("c0", "Ottawa"), ("c1", "Rome"), ("c2", "Paris")]


def test_matching_answers_are_plain_text_and_keep_everything_after_the_first_arrow():
    question = one("Match {=a -> [html]x->y =b -> z}")
    assert question.pairs[0].answer == "[html]x->y"


def test_essay_with_and_without_general_feedback():
    assert one("::Q8:: How are you? {}") == Essay(name="Q8", text="How are you?")
    assert one("Why? {####Look at case 12.}").general_feedback == "Look at case 12."


@pytest.mark.parametrize(
    ("gift", "text", "text_after"),
    [
        ("Grant is {~buried =entombed ~living} in Grant's tomb.", "Grant is ", " in Grant's tomb."),
        ("{=Ports ~Airports} handle most parcels.", "", " handle most parcels."),
        ("Pick {=a ~b}.", "Pick ", "."),
        ('What is a number from 1 to 5? {#3:2~#Completely wrong}";', "What is a number from 1 to 5? ", '";'),
        ("Write about {} here", "Write about ", " here"),
    ],
)
def test_missing_word_keeps_the_text_after_the_blank(gift, text, text_after):
    question = one(gift)
    assert (question.text, question.text_after, question.missing_word) == (text, text_after, True)


def test_text_that_ends_in_a_brace_gets_no_blank_as_in_moodle():
    question = one("A {=a ~b} then c}")
    assert (question.text, question.text_after) == ("A  then c}", "")


def test_description_has_no_braces():
    assert one("::Intro::[markdown]Read **case 3** first.") == Description(
        name="Intro", text="Read **case 3** first.", text_format="markdown"
    )


def test_comment_lines_are_ignored_anywhere():
    result = parse_gift(
        "// file header\n\n// only a comment\n// and another\n\n::Q:: What?\n// inside\n{=a\n// between answers\n~b}\n"
    )
    assert len(result) == 1
    assert [o.text for o in result[0].options] == ["a", "b"]


def test_double_slash_inside_a_line_is_not_a_comment():
    assert one("See http://example.org {}").text == "See http://example.org"


def test_mixed_line_endings_tabs_and_bom():
    result = parse_gift("\ufeff::A::One {\r\n\t=x\r\n\t~y\n}\r\n\r\n::B::Two {T}\r\r::C::Three {F}")
    assert [q.name for q in result] == ["A", "B", "C"]
    assert [o.text for o in result[0].options] == ["x", "y"]
    with pytest.raises(GiftError, match="f.gift:2: a second question title"):  # a lone CR ends a line, not a block
        parse_gift("::B::Two {T}\r::C::Three {F}", "f.gift")


def test_lines_of_a_question_join_with_newlines_and_lose_their_indentation():
    question = one("::Q::[html]<p>First</p>\n    <p>Second</p>\n{}")
    assert question.text == "<p>First</p>\n<p>Second</p>"


def test_blank_lines_separate_questions():
    result = parse_gift("\n\n::A:: a {}\n\n\n::B:: b {}\n   \n\t\n::C:: c {T}\n")
    assert [q.name for q in result] == ["A", "B", "C"]


def test_parse_result_behaves_like_a_list_of_questions():
    result = parse_gift("A {}\n\nB {}")
    assert len(result) == 2 and result[1].text == "B" and [q.text for q in result] == ["A", "B"]


def test_blank_answers_are_dropped_as_moodle_drops_them():
    (question,) = parse_gift("::q::How many ports? {~=some ~a few ~ }").questions
    assert [(o.text, o.fraction) for o in question.options] == [("some", 1.0), ("a few", 0.0)]
    with pytest.raises(GiftError) as caught:
        parse_gift("::q::Pick one {~= ~only}", "b.gift")
    assert "needs at least 2 answers" in str(caught.value)
