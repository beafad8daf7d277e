"""What keeps a question from surviving a Moodle XML export and re-import unchanged."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator

from course.questions.errors import N_, Message
from course.questions.moodle_xml_syntax import NOT_IN_XML, PHP_WHITESPACE
from course.questions.rules import choice_grade_problem, has_full_marks
from course.questions.types import (
    FORMATS,
    UNIT_GRADING,
    UNIT_INPUTS,
    Matching,
    MultipleResponse,
    Numerical,
    Question,
    ShortAnswer,
    SingleChoice,
)


def xml_problems(question: Question) -> list[Message]:
    """Reasons `parse_moodle_xml(write_moodle_xml([q]))` would not give `q` back; empty when it would."""
    texts = list(_texts(question))
    problems = [
        N_("%(field)s has leading or trailing whitespace", field=label)
        for label, text in texts
        if _untrimmed(label, text)
    ]
    shown = question.text + ("_____" + question.text_after if question.text_after else "")
    if shown != shown.strip(PHP_WHITESPACE):
        problems.append(N_("the question text has leading or trailing whitespace"))
    problems += [
        N_("%(field)s has a character XML cannot carry", field=label)
        for label, text in texts
        if NOT_IN_XML.search(text)
    ]
    problems += [
        N_("%(field)s is not one of %(formats)s", field=label, formats=", ".join(FORMATS))
        for label, value in _formats(question)
    ]
    if not question.name:
        problems.append(N_("name is empty (a name is made from the text)"))
    if question.text_after:
        problems.append(N_("Moodle XML has no missing-word blank: it is written as _____ in the question text"))
    return problems + _type_problems(question)


def _untrimmed(label: str, text: str) -> bool:
    return label not in ("text", "text_after") and text != text.strip(PHP_WHITESPACE)


def _type_problems(question: Question) -> list[Message]:
    """What Moodle's importer drops or refuses, by question type."""
    if isinstance(question, (SingleChoice, MultipleResponse)):
        problems = _drops(question.options, "option")
        if len(question.options) < 2:
            problems.append(N_("a choice question needs at least 2 options"))
        problem = choice_grade_problem(isinstance(question, MultipleResponse), [o.fraction for o in question.options])
        return problems + [problem] * bool(problem) + _fraction_problems(question.options)
    if isinstance(question, ShortAnswer):
        problems = _drops(question.answers, "answer") + _fraction_problems(question.answers)
        return problems + _full_marks_problems(question.answers)
    if isinstance(question, Numerical):
        return _numerical_problems(question) + _fraction_problems(question.answers)
    if isinstance(question, Matching):
        problems = [
            N_("pair %(index)s has neither text nor answer", index=i)
            for i, p in enumerate(question.pairs)
            if not p.text + p.answer
        ]
        if sum(1 for pair in question.pairs if pair.text) < 2:
            problems.append(N_("a matching question needs at least 2 pairs with a subquestion"))
        return problems
    return []


def _drops(parts: list, what: str) -> list[Message]:
    return [
        N_("option %(index)s has no text", index=index)
        if what == "option"
        else N_("answer %(index)s has no text", index=index)
        for index, part in enumerate(parts)
        if not part.text
    ]


def _fraction_problems(parts: list) -> list[Message]:
    bad = [part.fraction for part in parts if not -1 <= part.fraction <= 1]
    return [N_("fractions must lie between -1 and 1, not %(fractions)s", fractions=str(bad))] if bad else []


def _full_marks_problems(answers: list) -> list[Message]:
    if not answers:
        return [N_("it needs at least 1 answer")]
    return [] if has_full_marks(a.fraction for a in answers) else [N_("no answer is worth 100%")]


def _numerical_problems(question: Numerical) -> list[Message]:
    problems = [] if question.answers else [N_("it needs at least 1 answer")]
    for index, answer in enumerate(question.answers):
        numbers = [n for n in (answer.value, answer.tolerance, answer.low, answer.high) if n is not None]
        if not all(math.isfinite(n) for n in numbers):
            problems.append(N_("answer %(index)s is not a finite number", index=index))
        if answer.is_range:
            problems.append(
                N_("answer %(index)s: Moodle holds no range, it is written as its middle ± half its width", index=index)
            )
        elif (answer.low is None) != (answer.high is None):
            problems.append(N_("answer %(index)s has only one end of a range", index=index))
        if answer.tolerance < 0:
            problems.append(N_("answer %(index)s: a negative tolerance is written as its size", index=index))
    if any(not unit.name or not unit.multiplier or not math.isfinite(unit.multiplier) for unit in question.units):
        problems.append(N_("every unit needs a name and a multiplier other than 0"))
    if len({unit.name for unit in question.units}) < len(question.units):
        problems.append(N_("a unit is named twice (Moodle keeps the first)"))
    if question.unit_grading not in UNIT_GRADING or question.unit_input not in UNIT_INPUTS:
        problems.append(
            N_(
                "unit grading must be one of %(gradings)s and unit input one of %(inputs)s",
                gradings=str(UNIT_GRADING),
                inputs=str(UNIT_INPUTS),
            )
        )
    if not math.isfinite(question.unit_penalty):
        problems.append(N_("the unit penalty must be a finite number"))
    return problems


_SETTINGS = ("unit_grading", "unit_input")


def _texts(question: Question) -> Iterator[tuple[str, str]]:
    """Every text of a question and its parts, labelled by field (`options.2.feedback`)."""
    for field in dataclasses.fields(question):
        value = getattr(question, field.name)
        if isinstance(value, str) and not field.name.endswith("_format") and field.name not in _SETTINGS:
            yield field.name, value
        elif isinstance(value, list):
            for index, part in enumerate(value):
                for name, text in vars(part).items():
                    if isinstance(text, str) and not name.endswith("_format"):
                        yield f"{field.name}.{index}.{name}", text


def _formats(question: Question) -> Iterator[tuple[str, str]]:
    """Every explicit text format that is not one of ours."""
    for name, value in vars(question).items():
        if name.endswith("_format") and value is not None and value not in FORMATS:
            yield name, value
    for part in (p for v in vars(question).values() if isinstance(v, list) for p in v):
        for name, value in vars(part).items():
            if name.endswith("_format") and value is not None and value not in FORMATS:
                yield name, value
