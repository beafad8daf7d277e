"""Write questions as GIFT text that Moodle, and `parse_gift`, read back unchanged."""

from __future__ import annotations

from collections.abc import Iterable

from course.questions.gift_syntax import escape, starts_with_marker, write_weight
from course.questions.types import (
    DEFAULT_FORMAT,
    Description,
    Matching,
    MultipleResponse,
    Numerical,
    NumericalAnswer,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)


def write_gift(questions: Iterable[Question]) -> str:
    """GIFT text for the questions, with a `$CATEGORY:` line wherever the category changes."""
    parts, category = [], ""
    for question in questions:
        if question.category != category:
            category = question.category
            parts.append(f"$CATEGORY: {category}\n\n")
        parts.append(write_question(question) + "\n\n")
    return "".join(parts)


def write_question(question: Question) -> str:
    """One question as a GIFT block (no category line, no trailing blank line)."""
    head = "::" + escape(question.name) + "::" + _question_text(question)
    if isinstance(question, Description):
        return head
    if isinstance(question, (SingleChoice, MultipleResponse, ShortAnswer, Numerical, Matching)):
        lines = _answer_lines(question) + [_general_feedback(question)]
        opening = "{#\n" if isinstance(question, Numerical) else "{\n"
        body = opening + "".join(f"\t{line}\n" for line in lines if line) + "}"
    elif isinstance(question, TrueFalse):
        body = "{" + _true_false(question) + _general_feedback(question) + "}"
    else:
        body = "{" + _general_feedback(question) + "}"
    return head + body + escape(question.text_after)


def _question_text(question: Question) -> str:
    """The question text with its format marker when it is not Moodle's default."""
    text = question.text
    if question.text_format != DEFAULT_FORMAT or starts_with_marker(text):
        return f"[{question.text_format}]" + escape(text)
    return escape(text)


def _part(text: str, own_format: str | None, question: Question) -> str:
    """A text inside the braces, marked when its format differs from the question text's."""
    marker = own_format or (question.text_format if starts_with_marker(text) else None)
    return (f"[{marker}]" if marker else "") + escape(text)


def _feedback(text: str, own_format: str | None, question: Question) -> str:
    """`#feedback`, or nothing when there is no feedback."""
    return "#" + _part(text, own_format, question) if text or own_format else ""


def _general_feedback(question: Question) -> str:
    """`####general feedback`, or nothing when there is none."""
    if not (question.general_feedback or question.general_feedback_format):
        return ""
    return "####" + _part(question.general_feedback, question.general_feedback_format, question)


def _answer_lines(question: Question) -> list[str]:
    """One line per option, accepted answer or pair."""
    if isinstance(question, (SingleChoice, MultipleResponse)):
        return [_choice(question, i) for i in range(len(question.options))]
    if isinstance(question, ShortAnswer):
        return [
            "="
            + write_weight(answer.fraction)
            + _plain(answer.text)
            + _feedback(answer.feedback, answer.feedback_format, question)
            for answer in question.answers
        ]
    if isinstance(question, Numerical):
        return [_numerical(question, i) for i in range(len(question.answers))]
    return [
        "=" + _part(pair.text, pair.text_format, question) + " -> " + escape(pair.answer) for pair in question.pairs
    ]


def _choice(question: SingleChoice | MultipleResponse, index: int) -> str:
    """`=text`, `~text` or `~%w%text`, then `#feedback`."""
    choice = question.options[index]
    text = _part(choice.text, choice.text_format, question)
    # Only '=' makes a single choice, and only '~' a choice question: all '=' would read as short answers.
    all_right = all(c.fraction == 1 for c in question.options)
    if isinstance(question, SingleChoice) and choice.fraction == 1 and not (all_right and index > 0):
        prefix = "="
    elif choice.fraction == 0 and not text.startswith("%"):
        prefix = "~"
    else:
        prefix = "~" + write_weight(choice.fraction)
    return prefix + text + _feedback(choice.feedback, choice.feedback_format, question)


def _plain(text: str) -> str:
    """A short answer; a leading look-alike format marker is shielded by a real one."""
    return (f"[{DEFAULT_FORMAT}]" if starts_with_marker(text) else "") + escape(text)


def _numerical(question: Numerical, index: int) -> str:
    """`=%w%value:tolerance#feedback`, `=%w%low..high`, `=%w%*`, or a final `~#feedback`."""
    answer = question.answers[index]
    feedback = _feedback(answer.feedback, answer.feedback_format, question)
    if _is_catch_all(answer) and index == len(question.answers) - 1 and index > 0:
        return "~" + feedback
    return "=" + write_weight(answer.fraction) + _number(answer) + feedback


def _is_catch_all(answer: NumericalAnswer) -> bool:
    """An answer that GIFT can write as `~#feedback` (any other number, no credit)."""
    return answer.is_wildcard and answer.fraction == 0 and answer.tolerance == 0


def _number(answer: NumericalAnswer) -> str:
    """The number part of a numerical answer, with exact float text."""
    if answer.is_range:
        return f"{float(answer.low)!r}..{float(answer.high)!r}"
    value = "*" if answer.value is None else repr(float(answer.value))
    return value + (f":{float(answer.tolerance)!r}" if answer.tolerance else "")


def _true_false(question: TrueFalse) -> str:
    """`TRUE#feedback when wrong#feedback when right` (or FALSE)."""
    true = (question.feedback_true, question.feedback_true_format)
    false = (question.feedback_false, question.feedback_false_format)
    right, wrong = (true, false) if question.answer else (false, true)
    right_part = _part(*right, question) if right[0] or right[1] else ""
    wrong_part = _part(*wrong, question) if wrong[0] or wrong[1] else ""
    word = "TRUE" if question.answer else "FALSE"
    if right_part:
        return f"{word}#{wrong_part}#{right_part}"
    return f"{word}#{wrong_part}" if wrong_part else word
