"""Hypothesis strategies: GIFT-like and Moodle-XML-like text, and questions of every type as GIFT and as Moodle
XML can carry them."""

from __future__ import annotations

from hypothesis import strategies as st

from course.questions.types import (
    FORMATS,
    UNIT_GRADING,
    UNIT_INPUTS,
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

WHITESPACE = " \t\n\r\0\x0b"
# Pieces of GIFT syntax, so that random texts hit escapes, markers, weights and separators often.
TOKENS = [
    "~", "=", "#", "{", "}", ":", "\\", "[", "]", "%", "-", ">", "*", ".", "/", "$", " ", "\t", "\n",
    "::", "->", "####", "//", "\\n", "\\:", "[html]", "[markdown]", "%50%", "%-100%", "T", "TRUE", "F", "1..2",
    "$CATEGORY:", "é", "中", "\u00a0",
]  # fmt: skip
_atoms = st.sampled_from(TOKENS) | st.characters(exclude_categories=("Cs",), exclude_characters="\r")
_raw = st.lists(_atoms, max_size=10).map("".join)


def _clean(text: str) -> str:
    """A text as GIFT keeps it: no carriage returns, no surrounding whitespace."""
    return text.replace("\r", "").strip(WHITESPACE)


def _arrowless(text: str) -> str:
    """A text without '->', which would turn short answers into matching questions."""
    return _clean(text.replace("->", "- >"))


texts = _raw.map(_clean)
words = texts.filter(bool)
arrowless = _raw.map(_arrowless)
one_line = _raw.map(lambda t: _clean(t.replace("\n", " ")))
fractions = st.sampled_from([0.0, 1.0, 0.5, -0.5, 0.25, 1 / 3, -1.0, 0.1, 0.07, 0.3333333]) | st.floats(-1, 1)
numbers = st.floats(allow_nan=False, allow_infinity=False)


def own_format(question_format: str):
    """None (inherit the question's format) or a different format."""
    return st.none() | st.sampled_from([f for f in FORMATS if f != question_format])


@st.composite
def choices(draw, question_format: str) -> Choice:
    """An option of a choice question (with text: Moodle drops an answer without one)."""
    return Choice(
        text=draw(words),
        fraction=draw(fractions),
        feedback=draw(texts),
        text_format=draw(own_format(question_format)),
        feedback_format=draw(own_format(question_format)),
    )


@st.composite
def numerical_answers(draw, question_format: str) -> NumericalAnswer:
    """A value±tolerance, low..high or any-number answer."""
    shape = draw(st.sampled_from(["exact", "range", "any"]))
    answer = NumericalAnswer(
        fraction=draw(fractions), feedback=draw(texts), feedback_format=draw(own_format(question_format))
    )
    if shape == "exact":
        answer.value, answer.tolerance = draw(numbers), draw(st.just(0.0) | numbers)
    elif shape == "range":
        answer.low, answer.high = draw(numbers), draw(numbers)
    else:
        answer.tolerance = draw(st.just(0.0) | numbers)
    return answer


@st.composite
def _type_fields(draw, kind: type, fmt: str) -> dict:
    """The fields particular to one question type."""
    if kind in (SingleChoice, MultipleResponse):
        options = draw(st.lists(choices(fmt), min_size=2, max_size=5))
        if kind is SingleChoice:
            options[draw(st.integers(0, len(options) - 1))].fraction = 1.0
        return {"options": options}
    if kind is TrueFalse:
        return {
            "answer": draw(st.booleans()),
            "feedback_true": draw(texts),
            "feedback_false": draw(texts),
            "feedback_true_format": draw(own_format(fmt)),
            "feedback_false_format": draw(own_format(fmt)),
        }
    if kind is ShortAnswer:
        answer = st.builds(AcceptedAnswer, text=arrowless, fraction=fractions, feedback=arrowless,
                           feedback_format=own_format(fmt))  # fmt: skip
        return {"answers": draw(st.lists(answer, min_size=1, max_size=4))}
    if kind is Numerical:
        return {"answers": draw(st.lists(numerical_answers(fmt), min_size=1, max_size=4))}
    if kind is Matching:
        pair = st.builds(MatchPair, text=arrowless, answer=texts, text_format=own_format(fmt))
        return {"pairs": draw(st.lists(pair, min_size=2, max_size=5))}
    return {}


KINDS = [SingleChoice, MultipleResponse, TrueFalse, ShortAnswer, Numerical, Matching, Essay, Description]


@st.composite
def questions(draw, kinds=tuple(KINDS)):
    """A question of any type whose every field GIFT can carry."""
    kind = draw(st.sampled_from(kinds))
    fmt = draw(st.sampled_from(FORMATS))
    text, text_after = draw(texts), ""
    if kind is not Description and draw(st.booleans()):
        text += draw(st.sampled_from(["", " "])) if text else ""
        text_after = draw(st.sampled_from(["", " ", "\n"])) + draw(words)
    described = kind is not Description
    return kind(
        name=draw(words),
        text=text,
        text_format=fmt,
        text_after=text_after,
        general_feedback=draw(texts) if described else "",
        general_feedback_format=draw(own_format(fmt)) if described else None,
        category=draw(st.just("") | one_line),
        **draw(_type_fields(kind, fmt)),
    )


_ANSWER_TOKENS = [
    "=", "~", "#", "->", " -> ", "%50%", "%-25%", "%100%", "####", "\n", "\\=", "\\~", "\\#", "\\:", "\\{", "\\}",
    "\\n", "\\\\", "T", "FALSE", "1", "2.5", "-3", "..", ":", "*", "[html]", "[plain]", " ", "\t", "x", "yz", "//c",
]  # fmt: skip
_answer_block = st.lists(st.sampled_from(_ANSWER_TOKENS) | st.characters(), max_size=14).map("".join)
_block = st.tuples(
    st.sampled_from(["", "::", "::n::", "::a\\:b::", "$CATEGORY: c/d\n", "// note\n"]),
    _raw,
    st.none() | _answer_block.map(lambda a: "{" + a + "}"),
    st.sampled_from(["", ".", " after", '";']),
).map(lambda parts: parts[0] + parts[1] + (parts[2] or "") + parts[3])
gift_blocks = st.lists(_block, max_size=5).map("\n\n".join)

gift_like = st.lists(
    st.sampled_from(TOKENS + ["\n\n", "\r\n", "\r", "{=a ~b}", "{#1:2}", "{T#x#y}", "\ud800", "abc", "0"])
    | st.characters(),
    max_size=60,
).map("".join)


# --- questions as Moodle XML carries them ---------------------------------------------------------------------

PHP_WHITESPACE = " \t\n\r\0\x0b"
XML_TOKENS = [
    "<", ">", "&", "&amp;", "]]>", "<![CDATA[", "<b>", "</p>", "'", '"', "\r", "\r\n", "\t", "\n", " ", "_____",
    "*", "%", "$course$/top/", "/", "é", "中", "\u00a0", "\U0001f600", "@@", "{#1}", "[[1]]",
]  # fmt: skip
_xml_char = st.characters(exclude_categories=("Cs",), exclude_characters="\x00\x0b\x0c\ufffe\uffff").filter(
    lambda c: c >= " " or c in "\t\n\r"
)
_xml_raw = st.lists(st.sampled_from(XML_TOKENS) | _xml_char, max_size=10).map("".join)
xml_texts = _xml_raw.map(lambda t: t.strip(PHP_WHITESPACE))
xml_words = xml_texts.filter(bool)
finite = st.floats(allow_nan=False, allow_infinity=False)
# Grades of the right options of a multiple response: Moodle needs them to add up to 100%.
_RIGHT_SHARES = [[1.0], [0.5, 0.5], [0.25, 0.75], [1 / 3, 1 / 3, 1 / 3], [0.2] * 5, [0.1, 0.9]]


def _formats(draw, fmt: str, *names: str) -> dict:
    return {name: draw(own_format(fmt)) for name in names}


@st.composite
def _xml_choice(draw, fmt: str, fraction: float | None = None) -> Choice:
    return Choice(
        text=draw(xml_words),
        fraction=draw(st.sampled_from([0.0, -0.5, -1.0, 0.1, 0.3333333]) | st.floats(-1, 1))
        if fraction is None
        else fraction,
        feedback=draw(xml_texts),
        **_formats(draw, fmt, "text_format", "feedback_format"),
    )


@st.composite
def _outcome(draw, fmt: str) -> dict:
    fields = {f"{p}_feedback": draw(xml_texts) for p in ("correct", "partial", "incorrect")}
    return (
        fields
        | _formats(draw, fmt, *(f"{p}_feedback_format" for p in ("correct", "partial", "incorrect")))
        | {"shuffle": draw(st.booleans())}
    )


@st.composite
def _xml_numerical(draw, fmt: str) -> dict:
    answers = []
    for _ in range(draw(st.integers(1, 4))):
        answer = NumericalAnswer(
            fraction=draw(fractions),
            tolerance=abs(draw(st.just(0.0) | finite)),
            feedback=draw(xml_texts),
            feedback_format=draw(own_format(fmt)),
        )
        answer.value = draw(st.none() | finite)
        answers.append(answer)
    names = draw(st.lists(xml_words, max_size=4, unique=True))
    multipliers = finite.filter(lambda m: m != 0)
    return {
        "answers": answers,
        "units": [NumericalUnit(name=name, multiplier=draw(st.just(1.0) | multipliers)) for name in names],
        "unit_grading": draw(st.sampled_from(UNIT_GRADING)),
        "unit_penalty": draw(st.just(0.1) | finite),
        "unit_input": draw(st.sampled_from(UNIT_INPUTS)),
        "units_left": draw(st.booleans()),
        "unit_instructions": draw(xml_texts),
        "unit_instructions_format": draw(own_format(fmt)),
    }


@st.composite
def _xml_fields(draw, kind: type, fmt: str) -> dict:
    """The fields particular to one question type, within what Moodle saves."""
    if kind is SingleChoice:
        options = draw(st.lists(_xml_choice(fmt), min_size=1, max_size=4))
        options.insert(draw(st.integers(0, len(options))), draw(_xml_choice(fmt, 1.0)))
        return {"options": options} | draw(_outcome(fmt))
    if kind is MultipleResponse:
        right = [draw(_xml_choice(fmt, share)) for share in draw(st.sampled_from(_RIGHT_SHARES))]
        wrong = draw(st.lists(_xml_choice(fmt, draw(st.sampled_from([0.0, -0.5, -1.0]))), max_size=3))
        options = draw(st.permutations(right + wrong))
        if len(options) < 2:
            options.append(draw(_xml_choice(fmt, 0.0)))
        return {"options": options} | draw(_outcome(fmt))
    if kind is TrueFalse:
        return {"answer": draw(st.booleans()), "feedback_true": draw(xml_texts), "feedback_false": draw(xml_texts)} | (
            _formats(draw, fmt, "feedback_true_format", "feedback_false_format")
        )
    if kind is ShortAnswer:
        answer = st.builds(AcceptedAnswer, text=xml_words, fraction=fractions, feedback=xml_texts,
                           feedback_format=own_format(fmt))  # fmt: skip
        answers = draw(st.lists(answer, max_size=3))
        answers.insert(draw(st.integers(0, len(answers))), draw(answer).__class__(text=draw(xml_words)))
        return {"answers": answers, "case_sensitive": draw(st.booleans())}
    if kind is Numerical:
        return draw(_xml_numerical(fmt))
    if kind is Matching:
        asked = st.builds(MatchPair, text=xml_words, answer=xml_texts, text_format=own_format(fmt))
        extra = st.builds(MatchPair, text=st.just(""), answer=xml_words, text_format=own_format(fmt))
        pairs = draw(st.lists(asked, min_size=2, max_size=4)) + draw(st.lists(extra, max_size=2))
        return {"pairs": draw(st.permutations(pairs))} | draw(_outcome(fmt))
    if kind is Essay:
        return {"grader_info": draw(xml_texts), "response_template": draw(xml_texts)} | _formats(
            draw, fmt, "grader_info_format", "response_template_format"
        )
    return {}


@st.composite
def xml_questions(draw, kinds=tuple(KINDS)):
    """A question of any type whose every field Moodle XML can carry (no missing-word blank, no range)."""
    kind = draw(st.sampled_from(kinds))
    fmt = draw(st.sampled_from(FORMATS))
    return kind(
        name=draw(xml_words),
        text=draw(xml_texts),
        text_format=fmt,
        general_feedback=draw(xml_texts),
        general_feedback_format=draw(own_format(fmt)),
        category=draw(st.just("") | xml_texts),
        **draw(_xml_fields(kind, fmt)),
    )


xml_like = st.lists(
    st.sampled_from(
        ["<quiz>", "</quiz>", '<question type="', "multichoice", "numerical", "category", '">', "</question>",
         "<name><text>", "</text></name>", "<answer fraction=\"", "100", "-50", "</answer>", "<text>", "</text>",
         "<![CDATA[", "]]>", "<!DOCTYPE", "&", "<single>", "</single>", "<units><unit><unit_name>", "\n"]
    ) | st.characters(),
    max_size=40,
).map("".join)  # fmt: skip
