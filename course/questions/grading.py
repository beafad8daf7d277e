"""Grade a trainee's response to one question, and add up the grades of an attempt.

Response shapes, by question type:
    single       option id, e.g. "a2" (ids come from `public_view`)
    multi        list (or tuple/set) of option ids, e.g. ["a0", "a3"]
    truefalse    bool
    short        str; trimmed, whitespace runs collapsed, case-insensitive unless the question
                 is case_sensitive; `*` in an accepted answer matches anything, `\\*` a star
    numerical    str or number: 1.5, "1.5", "1,500", "0,5", "-2", "1e3", with a unit when the question has
                 units ("150 cm"); "abc" is simply wrong (numbers.py has the rules)
    matching     dict subquestion id -> answer id, e.g. {"s0": "c2", "s1": "c0"}
    essay        str; fraction stays None until an instructor grades it (`manual_grade`)
    description  anything; there is nothing to grade
A missing or malformed response grades as 0 (or "not answered" for an essay) and never raises.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from course.questions.numbers import read_number_with_unit
from course.questions.types import (
    Description,
    Essay,
    Matching,
    MultipleResponse,
    Numerical,
    OutcomeFeedback,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    option_index,
)

EPSILON = 1e-7  # Moodle stores fractions with 7 decimals


@dataclass(frozen=True)
class Feedback:
    """A feedback text to show after grading, with its format."""

    text: str
    format: str


@dataclass(frozen=True)
class Grade:
    """The outcome of one response; fraction None means not graded (yet)."""

    fraction: float | None
    correct: bool | None
    feedback: tuple[Feedback, ...] = ()
    right_answer: str = ""
    needs_grading: bool = False

    @property
    def state(self) -> str:
        """'correct', 'partial', 'wrong', 'needs_grading' or 'ungraded' (descriptions)."""
        if self.fraction is None:
            return "needs_grading" if self.needs_grading else "ungraded"
        if self.correct:
            return "correct"
        return "partial" if self.fraction > 0 else "wrong"


@dataclass(frozen=True)
class AttemptScore:
    """Marks earned in an attempt, the marks available, and how many answers await grading."""

    points: float
    max_points: float
    pending: int = 0

    @property
    def fraction(self) -> float | None:
        """Points as a share of the marks available (None when nothing could be earned)."""
        return round(self.points / self.max_points, 7) if self.max_points else None


def grade(question: Question, response: object) -> Grade:
    """Grade one response; see the module docstring for the response shape of each type."""
    for kind, grader in _GRADERS:
        if isinstance(question, kind):
            return grader(question, response)
    raise TypeError(f"cannot grade {type(question).__name__}")


def manual_grade(fraction: float, comment: str = "", comment_format: str = "moodle") -> Grade:
    """The grade an instructor gives an essay."""
    fraction = _clamp(fraction)
    feedback = (Feedback(comment, comment_format),) if comment else ()
    return Grade(fraction, fraction >= 1 - EPSILON, feedback)


def score_attempt(grades: Sequence[Grade], marks: Sequence[float]) -> AttemptScore:
    """Sum fraction × mark over an attempt's questions; descriptions count for nothing."""
    if len(grades) != len(marks):
        raise ValueError(f"{len(grades)} grades but {len(marks)} marks")
    points = max_points = 0.0
    pending = 0
    for result, mark in zip(grades, marks, strict=True):
        if result.fraction is None and not result.needs_grading:
            continue
        max_points += mark
        if result.fraction is None:
            pending += 1
        else:
            points += result.fraction * mark
    return AttemptScore(round(points, 7), round(max_points, 7), pending)


def _clamp(fraction: float) -> float:
    """A fraction limited to [0, 1]."""
    return min(1.0, max(0.0, float(fraction)))


def _result(
    fraction: float, feedback: list[Feedback], right_answer: str, outcome: OutcomeFeedback | None = None
) -> Grade:
    """A graded result with the correct flag derived from the fraction; with `outcome` (the question), its
    feedback for the result's state follows the options' own feedback, as Moodle shows combined feedback."""
    fraction = _clamp(fraction)
    graded = Grade(fraction, fraction >= 1 - EPSILON, (), right_answer)
    if outcome is not None:
        text, own_format = outcome.outcome_feedback(graded.state)
        feedback = [*feedback, Feedback(text, outcome.format_of(own_format))]
    return Grade(graded.fraction, graded.correct, tuple(f for f in feedback if f.text), right_answer)


def _single(question: SingleChoice, response: object) -> Grade:
    """The chosen option's fraction and feedback."""
    index = option_index(response)
    right = _best_options(question)
    if index is None or index >= len(question.options):
        return _result(0.0, [], right)
    choice = question.options[index]
    feedback = [Feedback(choice.feedback, question.format_of(choice.feedback_format))]
    return _result(choice.fraction, feedback, right, outcome=question)


def _multi(question: MultipleResponse, response: object) -> Grade:
    """The sum of the chosen options' fractions, clamped to [0, 1]."""
    right = _best_options(question)
    if not isinstance(response, (list, tuple, set, frozenset)):
        return _result(0.0, [], right)
    chosen = {option_index(item) for item in response if isinstance(item, str)}
    picked = [choice for index, choice in enumerate(question.options) if index in chosen]
    feedback = [Feedback(c.feedback, question.format_of(c.feedback_format)) for c in picked]
    return _result(sum(c.fraction for c in picked), feedback, right, outcome=question)


def _best_options(question: SingleChoice | MultipleResponse) -> str:
    """The texts of the options that earn the most (all credit-earning ones for multi)."""
    options = question.options
    if isinstance(question, MultipleResponse):
        return "; ".join(c.text for c in options if c.fraction > 0)
    best = max((c.fraction for c in options), default=0)
    return "; ".join(c.text for c in options if c.fraction == best and best > 0)


def _true_false(question: TrueFalse, response: object) -> Grade:
    """Full credit when the response equals the answer; feedback follows the response."""
    right = "True" if question.answer else "False"
    if not isinstance(response, bool):
        return _result(0.0, [], right)
    text, own = (
        (question.feedback_true, question.feedback_true_format)
        if response
        else (question.feedback_false, question.feedback_false_format)
    )
    return _result(float(response == question.answer), [Feedback(text, question.format_of(own))], right)


def _normalised(text: str) -> str:
    """NFC text, trimmed, with each run of whitespace made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _wildcard_match(pattern: str, response: str, case_sensitive: bool) -> bool:
    """Moodle's short-answer match: unescaped `*` runs match anything."""
    bits = re.split(r"(?<!\\)\*+", _normalised(pattern))
    regexp = ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits)
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    return re.fullmatch(regexp, response, flags) is not None


def _short(question: ShortAnswer, response: object) -> Grade:
    """The first accepted answer that matches decides the fraction."""
    best = max(question.answers, key=lambda a: a.fraction, default=None)
    right = best.text if best else ""
    if not isinstance(response, str) or not _normalised(response):
        return _result(0.0, [], right)
    typed = _normalised(response)
    for answer in question.answers:
        if _wildcard_match(answer.text, typed, question.case_sensitive):
            return _result(
                answer.fraction, [Feedback(answer.feedback, question.format_of(answer.feedback_format))], right
            )
    return _result(0.0, [], right)


def _as_number(response: object, question: Numerical) -> tuple[float | None, str]:
    """A finite number and the unit written with it, from a number or a string as people write one
    ('1,500', '0,5', '150 cm'); (None, '') when there is no number, or a unit where none is asked for
    (Moodle: "do not include a unit in your response")."""
    if isinstance(response, bool):
        return None, ""
    if isinstance(response, (int, float)):
        number, unit = float(response), ""
    elif isinstance(response, str):
        number, unit = read_number_with_unit(response, question.units_left)
        if number is None or (unit and question.unit_input == "none"):
            return None, ""
    else:
        return None, ""
    return (number, unit) if math.isfinite(number) else (None, "")


def _numerical(question: Numerical, response: object) -> Grade:
    """The first answer whose interval holds the number decides the fraction. As Moodle does, the number is
    first converted from a known unit; an answer matched only by the number as typed (no unit, or an unknown
    one) costs the question's unit penalty."""
    right = _numerical_right_answer(question)
    number, unit = _as_number(response, question)
    if number is None:
        return _result(0.0, [], right)
    factor = question.unit_factor(unit)
    for answer in question.answers:
        if factor is not None and answer.accepts(number * factor):
            fraction = answer.fraction
        elif answer.accepts(number):
            fraction = question.without_right_unit(answer.fraction)
        else:
            continue
        return _result(fraction, [Feedback(answer.feedback, question.format_of(answer.feedback_format))], right)
    return _result(0.0, [], right)


def _numerical_right_answer(question: Numerical) -> str:
    """The best-scoring definite answer, as '3', '3 ± 0.5' or '1..5', with the first unit when there are units."""
    definite = [a for a in question.answers if not a.is_wildcard]
    if not definite:
        return ""
    best = max(definite, key=lambda a: a.fraction)
    if best.is_range:
        text = f"{_number_text(best.low)}..{_number_text(best.high)}"
    else:
        tolerance = f" ± {_number_text(abs(best.tolerance))}" if best.tolerance else ""
        text = _number_text(best.value) + tolerance
    if not question.units:
        return text
    unit = question.units[0].name
    return f"{unit} {text}" if question.units_left else f"{text} {unit}"


def _number_text(number: float) -> str:
    """A number without a needless '.0'."""
    return str(int(number)) if float(number).is_integer() and abs(number) < 1e16 else repr(float(number))


def _matching(question: Matching, response: object) -> Grade:
    """The share of subquestions matched to their own answer."""
    subquestions = question.subquestions()
    right = "; ".join(f"{pair.text} → {pair.answer}" for _, pair in subquestions)
    if not isinstance(response, Mapping) or not subquestions:
        return _result(0.0, [], right)
    hits = sum(1 for sub_id, pair in subquestions if response.get(sub_id) == question.answer_id(pair.answer))
    return _result(hits / len(subquestions), [], right, outcome=question)


def _essay(question: Essay, response: object) -> Grade:
    """Awaiting manual grading when answered; an empty answer scores 0."""
    if isinstance(response, str) and response.strip():
        return Grade(None, None, needs_grading=True)
    return Grade(0.0, False)


def _description(question: Description, response: object) -> Grade:
    """Nothing to grade."""
    return Grade(None, None)


_GRADERS = (
    (SingleChoice, _single),
    (MultipleResponse, _multi),
    (TrueFalse, _true_false),
    (ShortAnswer, _short),
    (Numerical, _numerical),
    (Matching, _matching),
    (Essay, _essay),
    (Description, _description),
)
