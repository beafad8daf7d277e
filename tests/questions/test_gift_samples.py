"""The real GIFT files in ../shared/gift-samples parse as Moodle parses them."""

from __future__ import annotations

from course.questions.gift import gift_problems, parse_gift, write_gift
from course.questions.types import (
    AcceptedAnswer,
    Choice,
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


def test_moodle_fixture_questions(gift_sample):
    result = parse_gift(gift_sample("moodle-fixture-questions.gift"), "moodle-fixture-questions.gift")
    assert [(type(q), q.name) for q in result] == [
        (Essay, "Q8"),
        (Matching, "Moodle activities"),
        (SingleChoice, "Q2"),
        (MultipleResponse, "colours"),
        (Numerical, "Q5"),
        (ShortAnswer, "Shortanswer"),
        (TrueFalse, "Q1"),
        (TrueFalse, "2-08 TSL"),
        (TrueFalse, "2-08 TSL"),
    ]
    essay, matching, single, multi, numerical, short, q1, tsl_t, tsl_true = result
    assert essay.text == "How are you?"
    assert (matching.text, matching.text_format) == ("Match the <b>activity</b> to the description.", "html")
    assert [(p.text_format, p.answer) for p in matching.pairs] == [
        (None, "Forum"),  # [html], the question's own format
        ("moodle", "Choice"),
        ("plain", "Database"),
        ("markdown", "Wiki"),
        (None, "Chat"),
    ]
    assert matching.pairs[4] == MatchPair(text="", answer="Chat")
    assert single.options == [
        Choice(text="yellow", fraction=1.0, feedback="right; good!"),
        Choice(text="red", fraction=0.0, feedback="wrong, it's yellow", feedback_format="html"),
        Choice(text="blue", fraction=0.0, feedback="wrong, it's yellow", text_format="plain"),
    ]
    assert [(o.text, o.fraction) for o in multi.options] == [
        ("yellow", 0.5),
        ("red", -1.0),
        ("off-beige", 0.5),
        ("blue", -1.0),
    ]
    assert multi.options[3].text_format == "plain"


def test_stray_quote_semicolon_makes_missing_word_questions(gift_sample):
    result = parse_gift(gift_sample("moodle-fixture-questions.gift"))
    numerical, q1 = result[4], result[6]
    assert (numerical.text, numerical.text_after) == ("What is a number from 1 to 5? ", '";')
    assert numerical.answers == [
        NumericalAnswer(value=3.0, tolerance=2.0),
        NumericalAnswer(fraction=0.0, feedback="Completely wrong"),
    ]
    assert (q1.text, q1.text_after, q1.answer) == ("42 is the Absolute Answer to everything.", '";', False)
    assert q1.feedback_true == "42 is the Ultimate Answer."
    assert q1.feedback_false == "You gave the right answer."
    assert q1.general_feedback == "This is, of course, a Hitchiker's Guide to the Galaxy reference."
    assert all(q.text_after == "" for i, q in enumerate(result) if i not in (4, 6))


def test_moodle_fixture_short_answer_and_true_false(gift_sample):
    result = parse_gift(gift_sample("moodle-fixture-questions.gift"))
    assert result[5].answers == [
        AcceptedAnswer(text="Frog", feedback="Good!"),
        AcceptedAnswer(text="Cat", fraction=0.5, feedback="What is it with Moodlers and cats?"),
        AcceptedAnswer(text="*", fraction=0.0, feedback="Completely wrong"),
    ]
    assert result[7].answer is True and result[8].answer is True
    assert result[7].text == "TSL is blablabla."


def test_moodle_export_with_category(gift_sample):
    result = parse_gift(gift_sample("moodle-fixture-questions-in-category.gift"))
    assert result.categories == ["$course$/Default for New Features"]
    assert {q.category for q in result} == {"$course$/Default for New Features"}
    matching, greeting, user, acronym = result
    assert isinstance(matching, Matching) and matching.text_format == "html"
    assert [(p.text, p.answer) for p in matching.pairs][-1] == ("", "Chat")
    assert len(matching.subquestions()) == 4
    assert isinstance(greeting, SingleChoice)
    assert greeting.text == (
        '<a href="http://demo.moodle.net/file.php/5/media/bonjour.mp3">Listen to this greeting:</a>'
        "<br /><br />What language is being spoken?"
    )
    assert [(o.text, o.fraction, o.feedback) for o in greeting.options] == [
        ("English", 0.0, "Sorry, listen again."),
        ("French", 1.0, "Yes, well done!"),
        ("German", 0.0, "Sorry, listen again."),
        ("Spanish", 0.0, "Sorry, listen again."),
    ]
    assert user.answers == [AcceptedAnswer(text="Moodler")]
    assert isinstance(acronym, TrueFalse) and acronym.answer is True
    assert 'style="font-style: italic;"' in acronym.text


def test_generator_example_with_crlf_and_html(gift_sample):
    result = parse_gift(gift_sample("moodle-gift-generator-example.gift"))
    president, space = result
    assert president.name == "Who is Indonesia's 1st president?"
    assert president.text_format == "html"
    assert [(o.text, o.fraction) for o in president.options] == [
        ("<p>Ir. Sukarno</p>", 1.0),
        ("<p>Moh. Hatta</p>", 0.0),
        ("<p>Sukarno Hatta</p>", 0.0),
        ("<p>Suharto</p>", 0.0),
    ]
    assert isinstance(space, Matching)
    assert [p.answer for p in space.pairs] == ["Mercury", "Saturn", "Venus", "Jupiter", "Mars", "Titan"]
    assert space.pairs[0].text == "<p>Saturn\u2019s largest moon<br></p>"
    assert not any("\r" in p.text + p.answer for p in space.pairs)


def test_every_sample_survives_export_and_import(gift_sample):
    for name in (
        "moodle-fixture-questions.gift",
        "moodle-fixture-questions-in-category.gift",
        "moodle-gift-generator-example.gift",
    ):
        questions = parse_gift(gift_sample(name)).questions
        assert all(gift_problems(q) == [] for q in questions)
        assert parse_gift(write_gift(questions)).questions == questions
