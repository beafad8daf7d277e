"""Hypothesis strategies: GIFT-like text and questions of every type that GIFT can carry."""

from __future__ import annotations

from hypothesis import strategies as st

from course.questions.types import (
    FORMATS,
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
