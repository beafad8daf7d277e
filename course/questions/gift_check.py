"""What keeps a question from surviving a GIFT export and re-import unchanged."""

from __future__ import annotations

import math
from collections.abc import Iterator

from course.questions.errors import N_, Message
from course.questions.gift_syntax import SURROGATES, WHITESPACE
from course.questions.types import (
    FORMATS,
    Description,
    Essay,
    Matching,
    MultipleResponse,
    Numerical,
    OutcomeFeedback,
    Question,
    ShortAnswer,
    SingleChoice,
)


def gift_problems(question: Question) -> list[Message]:
    """Reasons `parse_gift(write_gift([q]))` would not give `q` back; empty when it would."""
    problems = [
        N_("%(field)s has leading or trailing whitespace", field=label)
        for label, text in _trimmed_texts(question)
        if text != text.strip(WHITESPACE)
    ]
    problems += [
        N_("%(field)s contains a carriage return or a lone surrogate", field=label)
        for label, text in _all_texts(question)
        if "\r" in text or SURROGATES.search(text)
    ]
    if not question.name:
        problems.append(N_("name is empty"))
    if "\n" in question.category or question.category != question.category.strip(WHITESPACE):
        problems.append(N_("category must be one line without surrounding whitespace"))
    problems += [
        N_("%(field)s is not one of %(formats)s", field=label, formats=", ".join(FORMATS))
        for label, fmt in _formats(question)
        if fmt not in FORMATS
    ]
    problems += _type_problems(question) + _moodle_only_problems(question)
    return problems


def _moodle_only_problems(question: Question) -> list[Message]:
    """Settings that Moodle XML carries and GIFT cannot (they are left out of a GIFT export)."""
    problems = []
    if isinstance(question, OutcomeFeedback):
        if any(question.outcome_feedback(state)[0] for state in ("correct", "partial", "wrong")):
            problems.append(N_("GIFT cannot carry feedback for right, partly right and wrong answers"))
        if not question.shuffle:
            problems.append(N_("GIFT cannot say that the options keep their order"))
    if isinstance(question, Numerical) and (question.units or question.unit_grading != "none"):
        problems.append(N_("GIFT cannot carry units"))
    if isinstance(question, Essay) and (question.grader_info or question.response_template):
        problems.append(N_("GIFT cannot carry information for graders or a response template"))
    return problems


def _type_problems(question: Question) -> list[Message]:
    """Limits that GIFT puts on each question type."""
    problems = []
    if isinstance(question, (SingleChoice, MultipleResponse)):
        if len(question.options) < 2:
            problems.append(N_("a choice question needs at least 2 options"))
        if isinstance(question, SingleChoice) and not any(c.fraction == 1 for c in question.options):
            problems.append(N_("a single-choice question needs an option worth 100%"))
        problems += _fraction_problems(c.fraction for c in question.options)
    elif isinstance(question, ShortAnswer):
        if not question.answers:
            problems.append(N_("a short-answer question needs at least 1 answer"))
        if question.case_sensitive:
            problems.append(N_("GIFT cannot say that a short answer is case-sensitive"))
        if any("->" in a.text + "\0" + a.feedback for a in question.answers):
            problems.append(N_("'->' in a short answer or its feedback makes it a matching question"))
        problems += _fraction_problems(a.fraction for a in question.answers)
    elif isinstance(question, Numerical):
        if not question.answers:
            problems.append(N_("a numerical question needs at least 1 answer"))
        numbers = [n for a in question.answers for n in (a.value, a.tolerance, a.low, a.high) if n is not None]
        if not all(math.isfinite(n) for n in numbers):
            problems.append(N_("numerical answers must be finite numbers"))
        problems += _fraction_problems(a.fraction for a in question.answers)
    elif isinstance(question, Matching):
        if len(question.pairs) < 2:
            problems.append(N_("a matching question needs at least 2 pairs"))
        if any("->" in pair.text for pair in question.pairs):
            problems.append(N_("a matching subquestion cannot contain '->'"))
    elif isinstance(question, Description) and (question.general_feedback or question.text_after):
        problems.append(N_("a description has no general feedback and no blank"))
    return problems


def _fraction_problems(fractions) -> list[Message]:
    """A problem when any fraction lies outside [-1, 1]."""
    bad = [f for f in fractions if not -1 <= f <= 1]
    return [N_("fractions must lie between -1 and 1, not %(fractions)s", fractions=str(bad))] if bad else []


def _parts(question: Question) -> list:
    """The options, answers or pairs of a question."""
    return getattr(question, "options", None) or getattr(question, "answers", None) or getattr(question, "pairs", [])


def _trimmed_texts(question: Question) -> Iterator[tuple[str, str]]:
    """Texts that GIFT trims on both ends (the question text only at its outer edges)."""
    yield "name", question.name
    yield "text", question.text + "x" if question.text_after else question.text
    yield "text_after", "x" + question.text_after if question.text_after else ""
    yield "general_feedback", question.general_feedback
    for label, text in _all_texts(question):
        if "." in label or label.startswith("feedback_"):
            yield label, text


def _all_texts(question: Question) -> Iterator[tuple[str, str]]:
    """Every text of a question, labelled by its field."""
    for name in ("name", "text", "text_after", "general_feedback", "category"):
        yield name, getattr(question, name)
    for name in ("feedback_true", "feedback_false"):
        if hasattr(question, name):
            yield name, getattr(question, name)
    for index, part in enumerate(_parts(question)):
        for name in ("text", "answer", "feedback"):
            if isinstance(getattr(part, name, None), str):
                yield f"{index}.{name}", getattr(part, name)


def _formats(question: Question) -> Iterator[tuple[str, str]]:
    """Every explicit format of a question, labelled by its field."""
    yield "text_format", question.text_format
    for name, value in vars(question).items():
        if name.endswith("_format") and name != "text_format" and value is not None:
            yield name, value
    for index, part in enumerate(_parts(question)):
        for name, value in vars(part).items():
            if name.endswith("_format") and value is not None:
                yield f"{index}.{name}", value
