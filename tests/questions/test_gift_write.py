"""GIFT export: Moodle-style text that reads back as the same questions."""

from __future__ import annotations

import pytest

from course.questions.gift import gift_problems, parse_gift, write_gift
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

EXAMPLES = [
    SingleChoice(
        name="Ports",
        text="Which port?",
        category="05-logistics/ports",
        options=[
            Choice(text="Ningbo", fraction=1.0, feedback="Yes"),
            Choice(text="Lhasa", feedback="No: it is inland", feedback_format="html"),
        ],
    ),
    MultipleResponse(
        name="Pick",
        text="Pick two",
        text_format="markdown",
        options=[Choice(text="a", fraction=0.5), Choice(text="b", fraction=0.5), Choice(text="c", fraction=-1.0)],
        general_feedback="Both a and b.",
    ),
    TrueFalse(name="TF", text="Is it?", answer=False, feedback_true="No", feedback_false="Right"),
    ShortAnswer(
        name="SA", text="City?", answers=[AcceptedAnswer(text="Paris"), AcceptedAnswer(text="Par*", fraction=0.5)]
    ),
    Numerical(
        name="Num",
        text="How many?",
        answers=[
            NumericalAnswer(value=165.0, feedback="Exactly"),
            NumericalAnswer(value=165.0, tolerance=5.0, fraction=0.5),
            NumericalAnswer(low=100.0, high=200.0, fraction=0.25),
            NumericalAnswer(fraction=0.0, feedback="Check case 1"),
        ],
    ),
    Matching(
        name="Match",
        text="Match",
        text_format="html",
        pairs=[
            MatchPair(text="CPA", answer="pilot area"),
            MatchPair(text="CBZ", answer="bonded zone", text_format="plain"),
            MatchPair(text="", answer="free port"),
        ],
    ),
    Essay(name="Essay", text="Explain", general_feedback="Mention costs.", general_feedback_format="markdown"),
    Description(name="Intro", text="Read case 3.", category="05-logistics"),
    SingleChoice(
        name="Blank",
        text="Goods go to a ",
        text_after=" zone.",
        options=[Choice(text="bonded", fraction=1.0), Choice(text="free")],
    ),
]


def test_moodle_style_output():
    assert write_gift(EXAMPLES[:1] + EXAMPLES[4:5]) == (
        "$CATEGORY: 05-logistics/ports\n\n"
        "::Ports::Which port?{\n\t=Ningbo#Yes\n\t~Lhasa#[html]No\\: it is inland\n}\n\n"
        "$CATEGORY: \n\n"
        "::Num::How many?{#\n"
        "\t=%100%165.0#Exactly\n\t=%50%165.0:5.0\n\t=%25%100.0..200.0\n\t~#Check case 1\n}\n\n"
    )


@pytest.mark.parametrize("question", EXAMPLES, ids=lambda q: q.type + ":" + q.name)
def test_each_example_survives_export_and_import(question):
    assert gift_problems(question) == []
    assert parse_gift(write_gift([question])).questions == [question]


def test_a_whole_bank_survives_export_and_import():
    assert parse_gift(write_gift(EXAMPLES)).questions == EXAMPLES


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        (TrueFalse(name="t", text="s", answer=True), "{TRUE}"),
        (TrueFalse(name="t", text="s", answer=True, feedback_true="yes"), "{TRUE##yes}"),
        (TrueFalse(name="t", text="s", answer=False, feedback_true="no", general_feedback="g"), "{FALSE#no####g}"),
        (Essay(name="e", text="s"), "::e::s{}"),
        (Description(name="d", text="[html] is literal"), "::d::[moodle][html] is literal"),
        (ShortAnswer(name="s", text="s", answers=[AcceptedAnswer(text="[plain]x")]), "=%100%[moodle][plain]x"),
        (SingleChoice(name="s", text="s", options=[Choice(text="%5%", fraction=1.0), Choice(text="%5%")]), "~%0%%5%"),
        (Numerical(name="n", text="s", answers=[NumericalAnswer(fraction=0.0)]), "=%0%*"),
        (
            SingleChoice(name="s", text="s", options=[Choice(text="a", fraction=1.0), Choice(text="b", fraction=1.0)]),
            "{\n\t=a\n\t~%100%b\n}",
        ),
        (Numerical(name="n", text="s", answers=[NumericalAnswer(value=-1e-05)]), "=%100%-1e-05"),
        (Essay(name="a:b", text="x = {y} # ~z \\ \nnext"), "::a\\:b::x \\= \\{y\\} \\# \\~z \\\\ \\nnext{}"),
    ],
)
def test_written_fragments(question, fragment):
    written = write_gift([question])
    assert fragment in written
    assert parse_gift(written).questions == [question]


def test_fraction_written_exactly():
    question = MultipleResponse(
        name="m", text="t", options=[Choice(text="a", fraction=0.07), Choice(text="b", fraction=1 / 3)]
    )
    written = write_gift([question])
    assert "~%7%a" in written and "~%33.33333333333333%b" in written
    assert parse_gift(written).questions == [question]


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        (Essay(name="", text="t"), "name is empty"),
        (Essay(name=" n", text="t"), "name has leading or trailing whitespace"),
        (Essay(name="n", text="t\r"), "text contains a carriage return or a lone surrogate"),
        (Essay(name="n", text="t", category="a\nb"), "category must be one line without surrounding whitespace"),
        (Essay(name="n", text="t", text_format="rst"), "text_format is not one of moodle, markdown, html, plain"),
        (
            SingleChoice(name="n", text="t", options=[Choice(text="a", fraction=1.0)]),
            "a choice question needs at least 2 options",
        ),
        (
            SingleChoice(name="n", text="t", options=[Choice(text="a"), Choice(text="b")]),
            "a single-choice question needs an option worth 100%",
        ),
        (
            ShortAnswer(name="n", text="t", answers=[AcceptedAnswer(text="a->b")]),
            "'->' in a short answer or its feedback makes it a matching question",
        ),
        (
            ShortAnswer(name="n", text="t", answers=[AcceptedAnswer(text="a")], case_sensitive=True),
            "GIFT cannot say that a short answer is case-sensitive",
        ),
        (
            Numerical(name="n", text="t", answers=[NumericalAnswer(value=float("inf"))]),
            "numerical answers must be finite numbers",
        ),
        (
            Matching(name="n", text="t", pairs=[MatchPair(text="a->b", answer="c"), MatchPair(text="d", answer="e")]),
            "a matching subquestion cannot contain '->'",
        ),
        (Description(name="n", text="t", general_feedback="g"), "a description has no general feedback and no blank"),
        (
            MultipleResponse(name="n", text="t", options=[Choice(text="a", fraction=2.0), Choice(text="b")]),
            "fractions must lie between -1 and 1, not [2.0]",
        ),
    ],
)
def test_gift_problems_name_what_gift_cannot_carry(question, problem):
    assert problem in gift_problems(question)
