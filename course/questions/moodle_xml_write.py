"""Write questions as Moodle XML, element by element as Moodle's own exporter (qformat_xml) writes them, so
that Moodle and `parse_moodle_xml` read them back."""

from __future__ import annotations

from collections.abc import Iterable

from course.questions.moodle_xml_syntax import NAME_OF_FORMAT, text_element, xml_safe
from course.questions.percent import percent_text
from course.questions.types import (
    UNIT_GRADING,
    UNIT_INPUTS,
    Description,
    Essay,
    Matching,
    MultipleResponse,
    Numerical,
    NumericalAnswer,
    OutcomeFeedback,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

# Moodle's type names and the penalty its editing forms give each type (what its exporter then writes).
MOODLE_TYPES = {
    "single": ("multichoice", "0.3333333"),
    "multi": ("multichoice", "0.3333333"),
    "truefalse": ("truefalse", "1.0000000"),
    "short": ("shortanswer", "0.3333333"),
    "numerical": ("numerical", "0.3333333"),
    "matching": ("matching", "0.3333333"),
    "essay": ("essay", "0.0000000"),
    "description": ("description", "0.0000000"),
}
MISSING_WORD_BLANK = "_____"  # how Moodle's GIFT import writes the blank of a missing-word question


def write_moodle_xml(questions: Iterable[Question]) -> str:
    """A Moodle XML file of the questions, with a category entry wherever the category changes."""
    parts, category = ['<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'], ""
    for question in questions:
        if question.category != category:
            category = question.category
            parts.append(_category(category))
        parts.append(write_question(question))
    parts.append("</quiz>\n")
    return "".join(parts)


def _category(path: str) -> str:
    return (
        "<!-- question: 0  -->\n"
        '  <question type="category">\n'
        "    <category>\n" + _text(path, 3) + "    </category>\n"
        '    <info format="moodle_auto_format">\n' + _text("", 3) + "    </info>\n"
        "    <idnumber></idnumber>\n"
        "  </question>\n\n"
    )


def write_question(question: Question) -> str:
    """One `<question>` element, then a blank line."""
    qtype, penalty = MOODLE_TYPES[question.type]
    text = question.text + (MISSING_WORD_BLANK + question.text_after if question.text_after else "")
    return (
        f'  <question type="{qtype}">\n'
        "    <name>\n" + _text(question.name, 3) + "    </name>\n"
        + _formatted("questiontext", text, question.text_format, 2)
        + _formatted("generalfeedback", question.general_feedback, _format(question, question.general_feedback_format), 2)
        + f"    <defaultgrade>{'0' if isinstance(question, Description) else '1'}.0000000</defaultgrade>\n"
        f"    <penalty>{penalty}</penalty>\n"
        "    <hidden>0</hidden>\n"
        "    <idnumber></idnumber>\n" + _type_part(question) + "  </question>\n\n"
    )  # fmt: skip


def _text(text: str, indent: int) -> str:
    return text_element(xml_safe(text), indent)


def _format(question: Question, own_format: str | None) -> str:
    return question.format_of(own_format)


def _formatted(tag: str, text: str, text_format: str, indent: int, extra: str = "") -> str:
    """`<tag format="…">` around a `<text>`, as Moodle writes every formatted text."""
    pad = "  " * indent
    return f'{pad}<{tag} format="{NAME_OF_FORMAT[text_format]}">\n{_text(text, indent + 1)}{extra}{pad}</{tag}>\n'


def _type_part(question: Question) -> str:
    if isinstance(question, (SingleChoice, MultipleResponse)):
        return _multichoice(question)
    if isinstance(question, TrueFalse):
        return _truefalse(question)
    if isinstance(question, ShortAnswer):
        return f"    <usecase>{int(question.case_sensitive)}</usecase>\n" + "".join(
            _answer(question, a.fraction, a.text, "moodle", a.feedback, a.feedback_format) for a in question.answers
        )
    if isinstance(question, Numerical):
        return _numerical(question)
    if isinstance(question, Matching):
        return _matching(question)
    if isinstance(question, Essay):
        return _essay(question)
    return ""


def _answer(
    question: Question, grade: float, text: str, text_format: str, feedback: str, feedback_format: str | None, extra=""
) -> str:
    """An `<answer>` with its grade, text and feedback (and `extra` elements after the feedback)."""
    return (
        f'    <answer fraction="{percent_text(grade)}" format="{NAME_OF_FORMAT[text_format]}">\n'
        + _text(text, 3)
        + _formatted("feedback", feedback, _format(question, feedback_format), 3)
        + extra
        + "    </answer>\n"
    )


def _outcome(question: OutcomeFeedback) -> str:
    return "".join(
        _formatted(tag, *_outcome_text(question, prefix), 2)
        for prefix, tag in (
            ("correct", "correctfeedback"),
            ("partial", "partiallycorrectfeedback"),
            ("incorrect", "incorrectfeedback"),
        )
    )


def _outcome_text(question: OutcomeFeedback, prefix: str) -> tuple[str, str]:
    own = getattr(question, f"{prefix}_feedback_format")
    return getattr(question, f"{prefix}_feedback"), question.format_of(own)


def _multichoice(question: SingleChoice | MultipleResponse) -> str:
    single = "true" if isinstance(question, SingleChoice) else "false"
    options = "".join(
        _answer(question, c.fraction, c.text, _format(question, c.text_format), c.feedback, c.feedback_format)
        for c in question.options
    )
    return (
        f"    <single>{single}</single>\n"
        f"    <shuffleanswers>{str(question.shuffle).lower()}</shuffleanswers>\n"
        "    <answernumbering>abc</answernumbering>\n"
        "    <showstandardinstruction>0</showstandardinstruction>\n" + _outcome(question) + options
    )


def _truefalse(question: TrueFalse) -> str:
    return _answer(
        question, float(question.answer), "true", "moodle", question.feedback_true, question.feedback_true_format
    ) + _answer(
        question, float(not question.answer), "false", "moodle", question.feedback_false, question.feedback_false_format
    )


def _numerical(question: Numerical) -> str:
    answers = "".join(_number_answer(question, answer) for answer in question.answers)
    units = ""
    if question.units:
        units = (
            "    <units>\n"
            + "".join(
                f"      <unit>\n        <multiplier>{float(u.multiplier)!r}</multiplier>\n"
                f"        <unit_name>{_plain(u.name)}</unit_name>\n      </unit>\n"
                for u in question.units
            )
            + "    </units>\n"
        )
    instructions = _format(question, question.unit_instructions_format)
    return (
        answers + units + f"    <unitgradingtype>{UNIT_GRADING.index(question.unit_grading)}</unitgradingtype>\n"
        f"    <unitpenalty>{float(question.unit_penalty)!r}</unitpenalty>\n"
        f"    <showunits>{UNIT_INPUTS.index(question.unit_input)}</showunits>\n"
        f"    <unitsleft>{int(question.units_left)}</unitsleft>\n"
        + _formatted("instructions", question.unit_instructions, instructions, 2)
    )


def _number_answer(question: Numerical, answer: NumericalAnswer) -> str:
    """Moodle holds value ± tolerance: a range low..high is written as its middle ± half its width."""
    if answer.is_range:
        low, high = sorted((answer.low, answer.high))
        value, tolerance = repr((low + high) / 2), (high - low) / 2
    else:
        value = "*" if answer.value is None else repr(float(answer.value))
        tolerance = abs(answer.tolerance)
    extra = f"      <tolerance>{float(tolerance)!r}</tolerance>\n"
    return _answer(question, answer.fraction, value, "moodle", answer.feedback, answer.feedback_format, extra)


def _matching(question: Matching) -> str:
    pairs = "".join(
        _formatted(
            "subquestion",
            pair.text,
            _format(question, pair.text_format),
            2,
            extra="      <answer>\n" + _text(pair.answer, 4) + "      </answer>\n",
        )
        for pair in question.pairs
    )
    return f"    <shuffleanswers>{str(question.shuffle).lower()}</shuffleanswers>\n" + _outcome(question) + pairs


def _essay(question: Essay) -> str:
    return (
        "    <responseformat>editor</responseformat>\n"
        "    <responserequired>1</responserequired>\n"
        "    <responsefieldlines>15</responsefieldlines>\n"
        "    <attachments>0</attachments>\n"
        "    <attachmentsrequired>0</attachmentsrequired>\n"
        + _formatted("graderinfo", question.grader_info, _format(question, question.grader_info_format), 2)
        + _formatted(
            "responsetemplate", question.response_template, _format(question, question.response_template_format), 2
        )
    )


def _plain(text: str) -> str:
    """A text written directly in an element (no `<text>`), escaped."""
    escaped = xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r", "&#13;")
