"""Moodle XML import and export: every supported type as Moodle's importer reads it, what is skipped and
what is refused (with the element's line), and a parser that no entity attack gets through."""

from __future__ import annotations

import pytest

from course.questions.errors import MoodleXmlError
from course.questions.moodle_xml import parse_moodle_xml, write_moodle_xml, xml_problems
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


def quiz(*questions: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "\n".join(questions) + "\n</quiz>\n"


def question(qtype: str, body: str = "", name: str = "Q", text: str = "Text?", text_format: str = "html") -> str:
    return (
        f'  <question type="{qtype}">\n    <name><text>{name}</text></name>\n'
        f'    <questiontext format="{text_format}"><text>{text}</text></questiontext>\n{body}  </question>'
    )


def answer(fraction: str, text: str, feedback: str = "", extra: str = "", fmt: str = "html") -> str:
    return (
        f'    <answer fraction="{fraction}" format="{fmt}"><text>{text}</text>'
        f'<feedback format="html"><text>{feedback}</text></feedback>{extra}</answer>\n'
    )


def read(*questions: str):
    return parse_moodle_xml(quiz(*questions), "bank.xml")


def refused(*questions: str) -> list[tuple[int, str]]:
    with pytest.raises(MoodleXmlError) as caught:
        read(*questions)
    return [(line, message) for _, line, message in caught.value.errors]


# --- every supported type ----------------------------------------------------------------------------------


def test_multichoice_single_with_fractions_formats_and_feedback():
    body = (
        '    <generalfeedback format="markdown"><text>Mombasa is Kenya\'s main port.</text></generalfeedback>\n'
        "    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n"
        '    <correctfeedback format="html"><text>Right.</text></correctfeedback>\n'
        '    <partiallycorrectfeedback format="moodle_auto_format"><text>Almost.</text></partiallycorrectfeedback>\n'
        '    <incorrectfeedback format="html"><text>No.</text></incorrectfeedback>\n'
        + answer("100", "Mombasa", "Yes")
        + answer("33.33333", "<![CDATA[<b>Lamu</b>]]>", "Close", fmt="moodle_auto_format")
        + answer("-50", "Nairobi")
        + answer("0", "   ")  # a blank answer: Moodle drops it when it saves
    )
    [q] = read(question("multichoice", body, name="Port", text="<![CDATA[<p>Which port?</p>]]>")).questions
    assert q == SingleChoice(
        name="Port",
        text="<p>Which port?</p>",
        text_format="html",
        general_feedback="Mombasa is Kenya's main port.",
        general_feedback_format="markdown",
        options=[
            Choice(text="Mombasa", fraction=1.0, feedback="Yes"),
            Choice(text="<b>Lamu</b>", fraction=0.3333333, feedback="Close", text_format="moodle"),
            Choice(text="Nairobi", fraction=-0.5),
        ],
        correct_feedback="Right.",
        partial_feedback="Almost.",
        partial_feedback_format="moodle",
        incorrect_feedback="No.",
        shuffle=False,
    )


def test_multichoice_with_several_answers():
    body = "    <single>false</single>\n" + answer("50", "a") + answer("50", "b") + answer("-100", "c")
    [q] = read(question("multichoice", body)).questions
    assert isinstance(q, MultipleResponse) and [o.fraction for o in q.options] == [0.5, 0.5, -1.0]
    assert q.shuffle is False  # Moodle's importer: no <shuffleanswers> means false for multichoice


def test_truefalse_matches_the_words_not_the_order():
    body = answer("0", "false", "It is true.") + answer("100", "true", "Right!")
    [q] = read(question("truefalse", body, text_format="plain_text")).questions
    assert q == TrueFalse(
        name="Q",
        text="Text?",
        text_format="plain",
        answer=True,
        feedback_true="Right!",
        feedback_false="It is true.",
        feedback_true_format="html",
        feedback_false_format="html",
    )


def test_shortanswer_with_case_and_wildcard():
    body = "    <usecase>1</usecase>\n" + answer("100", "Ningbo", fmt="moodle_auto_format") + answer("0", "*", "No")
    [q] = read(question("shortanswer", body)).questions
    assert q == ShortAnswer(
        name="Q",
        text="Text?",
        text_format="html",
        case_sensitive=True,
        answers=[AcceptedAnswer(text="Ningbo"), AcceptedAnswer(text="*", fraction=0.0, feedback="No")],
    )


def test_numerical_with_tolerances_units_and_unit_grading():
    body = (
        answer("100", "1.5", "Right", "<tolerance>0.05</tolerance>")
        + answer("50", "2 km", "Close", "<tolerance>0.5</tolerance>")  # written with a unit: converted, as Moodle saves
        + answer("0", "*", "Any other number")
        + "    <units>\n      <unit><multiplier>1</multiplier><unit_name>km</unit_name></unit>\n"
        "      <unit><multiplier>1000</multiplier><unit_name>m</unit_name></unit>\n"
        "      <unit><multiplier>5</multiplier><unit_name>m</unit_name></unit>\n"  # named twice: Moodle keeps the first
        "      <unit><multiplier>0</multiplier><unit_name>mm</unit_name></unit>\n    </units>\n"
        "    <unitgradingtype>2</unitgradingtype>\n    <unitpenalty>0.2500000</unitpenalty>\n"
        "    <showunits>1</showunits>\n    <unitsleft>0</unitsleft>\n"
        '    <instructions format="html"><text>Give the length in km or m.</text></instructions>\n'
    )
    [q] = read(question("numerical", body)).questions
    assert q == Numerical(
        name="Q",
        text="Text?",
        text_format="html",
        answers=[
            NumericalAnswer(value=1.5, tolerance=0.05, feedback="Right"),
            NumericalAnswer(value=2.0, tolerance=0.5, fraction=0.5, feedback="Close"),
            NumericalAnswer(fraction=0.0, feedback="Any other number"),
        ],
        units=[NumericalUnit(name="km"), NumericalUnit(name="m", multiplier=1000.0)],
        unit_grading="question",
        unit_penalty=0.25,
        unit_input="choice",
        unit_instructions="Give the length in km or m.",
    )


def test_numerical_defaults_follow_moodles_importer():
    [q] = read(question("numerical", answer("100", "42"))).questions
    assert (q.units, q.unit_grading, q.unit_penalty, q.unit_input, q.units_left) == ([], "none", 0.1, "none", False)
    body = answer("100", "42") + "<units><unit><multiplier>1</multiplier><unit_name>kg</unit_name></unit></units>"
    assert read(question("numerical", body)).questions[0].unit_input == "text"


def test_matching_with_a_distractor_and_outcome_feedback():
    body = (
        "    <shuffleanswers>true</shuffleanswers>\n"
        '    <correctfeedback format="html"><text>Well done!</text></correctfeedback>\n'
        '    <subquestion format="html"><text>CPA</text><answer><text>pilot area</text></answer></subquestion>\n'
        '    <subquestion format="markdown"><text>CBZ</text><answer><text>bonded zone</text></answer></subquestion>\n'
        '    <subquestion format="html"><text></text><answer><text>free port</text></answer></subquestion>\n'
        '    <subquestion format="html"><text></text><answer><text></text></answer></subquestion>\n'
    )
    [q] = read(question("matching", body)).questions
    assert q == Matching(
        name="Q",
        text="Text?",
        text_format="html",
        pairs=[
            MatchPair(text="CPA", answer="pilot area"),
            MatchPair(text="CBZ", answer="bonded zone", text_format="markdown"),
            MatchPair(text="", answer="free port"),
        ],
        correct_feedback="Well done!",
    )
    assert read(question("match", body)).questions == [q]  # Moodle's other name for it


def test_essay_keeps_grader_information_and_response_template():
    body = (
        "    <responseformat>editor</responseformat>\n    <attachments>1</attachments>\n"
        "    <attachmentsrequired>0</attachmentsrequired>\n"
        '    <graderinfo format="html"><text>Look for customs.</text></graderinfo>\n'
        '    <responsetemplate format="plain_text"><text> <![CDATA[A bonded warehouse is …]]></text></responsetemplate>\n'
    )
    [q] = read(question("essay", body)).questions
    assert q == Essay(
        name="Q",
        text="Text?",
        text_format="html",
        grader_info="Look for customs.",
        response_template="A bonded warehouse is …",
        response_template_format="plain",
    )


def test_description_and_a_name_made_from_the_text():
    [q] = read(question("description", name="", text="Read case 3 first.", text_format="markdown")).questions
    assert q == Description(name="Read case 3 first.", text="Read case 3 first.", text_format="markdown")


def test_categories_apply_to_the_questions_that_follow_and_keep_moodles_path():
    category = '  <question type="category"><category><text>{}</text></category></question>'
    result = read(
        question("description", name="first"),
        category.format("$course$/top"),
        category.format("$course$/top/Default for CBEC/Ports"),  # categories in a row: the last one applies
        question("description", name="second"),
        category.format(""),
        question("description", name="third"),
    )
    assert [(q.name, q.category) for q in result.questions] == [
        ("first", ""),
        ("second", "$course$/top/Default for CBEC/Ports"),
        ("third", ""),
    ]
    assert result.categories == ["$course$/top", "$course$/top/Default for CBEC/Ports", ""]


def test_texts_are_trimmed_and_a_missing_format_is_html_as_in_moodle():
    xml = quiz(
        '<question type="essay"><name><text>\n  E  \n</text></name>'
        "<questiontext><text>\n  Why?\n</text></questiontext></question>"
    )
    [q] = parse_moodle_xml(xml).questions
    assert (q.name, q.text, q.text_format) == ("E", "Why?", "html")


# --- what is skipped, and what is refused --------------------------------------------------------------------

UNSUPPORTED = [
    "calculated",
    "calculatedsimple",
    "calculatedmulti",
    "multianswer",
    "cloze",
    "ddwtos",
    "ddmarker",
    "ddimageortext",
    "gapselect",
    "randomsamatch",
    "qtype_ordering",
    "stack",
]


@pytest.mark.parametrize("qtype", UNSUPPORTED)
def test_unsupported_types_are_skipped_by_name_and_line_never_imported_as_another(qtype):
    result = read(question("truefalse", answer("100", "true")), question(qtype, answer("100", "1"), name="Other"))
    assert [q.type for q in result.questions] == ["truefalse"]
    [(filename, line, message)] = result.skipped
    assert (filename, line) == ("bank.xml", 8)
    assert message.startswith("'Other' skipped: ") and f"'{qtype}'" in message and "not supported" in message


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('<generalfeedback format="html"><text>x</text><file name="a.png" encoding="base64">AA==</file>'
         "</generalfeedback>", "embeds the file 'a.png'"),
        ("<generalfeedback><text><![CDATA[<img src=\"@@PLUGINFILE@@/a.png\">]]></text></generalfeedback>",
         "@@PLUGINFILE@@"),
        ("<image>a.png</image><image_base64>AA==</image_base64>", "<image_base64>"),
        ('<generalfeedback format="wiki_like"><text>x</text></generalfeedback>', "wiki_like"),
    ],
)  # fmt: skip
def test_embedded_files_and_retired_formats_are_skipped(body, reason):
    result = read(question("description", body, name="Pic"))
    assert result.questions == []
    [(_, line, message)] = result.skipped
    assert line == 3 and message.startswith("'Pic' skipped: ") and reason in message


@pytest.mark.parametrize(
    "body",
    [
        "<responseformat>noinline</responseformat>",
        "<attachments>1</attachments><attachmentsrequired>1</attachmentsrequired>",
    ],
)
def test_an_essay_that_needs_attachments_is_skipped(body):
    result = read(question("essay", body, name="Upload"))
    assert result.questions == [] and "attachments are not supported" in result.skipped[0][2]


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("<single>true</single>" + answer("50", "a") + answer("50", "b"), 3, "Give the right option a grade of 100%."),
        ("<single>True</single>" + answer("50", "a") + answer("0", "b"), 3, "<single>True</single> means one answer"),
        ("<single>false</single>" + answer("50", "a") + answer("25", "b"), 3, "they add up to 75%"),
        (answer("100", "a") + answer("0", ""), 3, "at least 2 answers with text"),
        (answer("100", "a") + answer("150", "b"), 7, 'fraction="150" is not a percentage'),
        (answer("100", "a") + answer("x", "b"), 7, 'fraction="x" is not a percentage'),
    ],
)
def test_choice_questions_moodle_would_not_save_are_refused(body, line, message):
    [(at, text)] = refused(question("multichoice", body, name="Bad"))
    assert at == line and text.startswith("'Bad': ") and message in text


@pytest.mark.parametrize(
    ("qtype", "body", "message"),
    [
        ("shortanswer", answer("80", "toad"), "Give the best answer a grade of 100%."),
        ("shortanswer", answer("100", ""), "Give at least 1 accepted answer."),
        ("numerical", answer("100", "twelve"), "the numerical answer 'twelve' is not a number"),
        ("numerical", answer("100", "1", extra="<tolerance>wide</tolerance>"), "the tolerance 'wide' is not a number"),
        ("numerical", "", "Give at least 1 accepted number."),
        ("numerical", answer("100", "1") + "<unitgradingtype>5</unitgradingtype>", "<unitgradingtype> '5'"),
        ("matching", "<subquestion><text>a</text><answer><text>1</text></answer></subquestion>", "at least 2 pairs"),
        ("truefalse", "", "needs its answers 'true' and 'false'"),
        ("essay", '<graderinfo format="rtf"><text>x</text></graderinfo>', "unknown text format 'rtf'"),
    ],
)
def test_other_questions_moodle_would_not_save_are_refused(qtype, body, message):
    [(_, text)] = refused(question(qtype, body))
    assert message in text


def test_every_problem_is_listed_with_its_line_and_nothing_is_imported():
    problems = refused(
        question("truefalse", answer("100", "true")),
        '  <question type="essay"><questiontext><text>No name</text></questiontext></question>',
        question("description", text="<p>markup</p>"),
        "  <other/>",
        "  <question><name><text>untyped</text></name></question>",
    )
    assert problems == [
        (8, "a question needs a <name>"),
        (11, "'Q': <text> holds the element <p>: write HTML inside <![CDATA[ … ]]> or escape it"),
        (13, "expected <question>, found <other>"),
        (14, "'untyped': a <question> needs a type, e.g. type=\"multichoice\""),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<quiz>\n<question type='essay'>\n</quiz>", 3, "not well-formed XML: Opening and ending tag mismatch"),
        ('<?xml version="1.0"?>\n<questions/>', 2, "expected a Moodle XML <quiz>, found <questions>"),
        ("", 1, "not well-formed XML"),
    ],
)
def test_a_file_that_is_not_moodle_xml_is_refused(text, line, message):
    with pytest.raises(MoodleXmlError) as caught:
        parse_moodle_xml(text, "bank.xml")
    [(filename, at, problem)] = caught.value.errors
    assert (filename, at) == ("bank.xml", line) and problem.startswith(message)


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE quiz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<quiz><question type="description"><name><text>&lol9;</text></name></question></quiz>
"""
XXE = """<?xml version="1.0"?>
<!-- a comment first -->
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="description"><name><text>&secret;</text></name></question></quiz>
"""


@pytest.mark.parametrize(("attack", "line"), [(BILLION_LAUGHS, 2), (XXE, 3)], ids=["billion-laughs", "xxe"])
def test_entity_attacks_are_refused_before_parsing(attack, line):
    with pytest.raises(MoodleXmlError) as caught:
        parse_moodle_xml(attack, "evil.xml")
    assert caught.value.errors == [
        ("evil.xml", line, "a DOCTYPE is not allowed in a question file (it can declare entities)")
    ]


def test_an_entity_reference_without_a_doctype_is_not_well_formed():
    with pytest.raises(MoodleXmlError, match="not well-formed XML: Entity 'secret' not defined"):
        parse_moodle_xml(quiz(question("description", name="&secret;")))


def test_an_encoding_declaration_and_a_byte_order_mark_are_accepted():
    text = "\ufeff<?xml version='1.0' encoding='ISO-8859-1'?>" + quiz(question("description", name="Café"))[38:]
    assert parse_moodle_xml(text).questions[0].name == "Café"


# --- export -------------------------------------------------------------------------------------------------


def test_export_writes_what_moodle_writes_and_reads_back():
    questions = [
        SingleChoice(
            name="Port & harbour",
            text="<p>Which <b>port</b>?</p>",
            text_format="html",
            options=[Choice(text="A ]]> B", fraction=1.0), Choice(text="C", feedback="No\r\nreally")],
            category="05-logistics/ports",
        ),
        Numerical(
            name="n",
            text="How far?",
            answers=[NumericalAnswer(value=1e-05, tolerance=1.5e20), NumericalAnswer(fraction=0.0)],
            units=[NumericalUnit(name="km"), NumericalUnit(name="<m>", multiplier=1000.0)],
            unit_grading="response",
            unit_input="select",
            units_left=True,
            category="05-logistics/ports",
        ),
        Description(name="d", text="Next: finance.", category="06-finance"),
    ]
    xml = write_moodle_xml(questions)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n<!-- question: 0  -->\n')
    assert "<text><![CDATA[<p>Which <b>port</b>?</p>]]></text>" in xml
    assert "<text>No&#13;\nreally</text>" in xml and "<unit_name>&lt;m&gt;</unit_name>" in xml
    assert xml.count('<question type="category">') == 2
    assert all(not xml_problems(q) for q in questions)
    assert parse_moodle_xml(xml).questions == questions


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        (SingleChoice(name="n", text="t", text_after="x", options=[Choice(text="a", fraction=1), Choice(text="b")]),
         "written as _____ in the question text"),
        (Numerical(name="n", text="t", answers=[NumericalAnswer(low=1.0, high=5.0)]), "written as its middle"),
        (Essay(name="n", text=" t"), "the question text has leading or trailing whitespace"),
        (Essay(name="n", text="t\x0c"), "text has a character XML cannot carry"),
        (MultipleResponse(name="n", text="t", options=[Choice(text="a", fraction=0.5), Choice(text="b")]),
         "must add up to 100%"),
        (Essay(name="", text="t"), "name is empty"),
    ],
)  # fmt: skip
def test_what_an_export_cannot_keep_is_named(question, problem):
    assert any(problem in found for found in xml_problems(question))
    assert write_moodle_xml([question])  # still written, as Moodle would take it


def test_a_missing_word_question_is_written_as_moodles_gift_import_stores_it():
    question = ShortAnswer(name="n", text="The capital is ", text_after=" city.", answers=[AcceptedAnswer(text="x")])
    [back] = parse_moodle_xml(write_moodle_xml([question])).questions
    assert back.text == "The capital is _____ city." and back.text_after == ""


def test_characters_xml_cannot_carry_are_replaced_so_the_file_stays_readable():
    [back] = parse_moodle_xml(write_moodle_xml([Essay(name="n", text="a\x0cb")])).questions
    assert back.text == "a\ufffdb"
