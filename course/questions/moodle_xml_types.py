"""One reader per Moodle XML question type this platform holds, each as Moodle's qformat_xml and the type's
save_question_options read it: blank answers are dropped, grades are checked as Moodle checks them on save."""

from __future__ import annotations

from course.questions.errors import N_
from course.questions.moodle_xml_read import (
    Element,
    Refused,
    Skip,
    flag,
    formatted,
    fraction,
    number,
    own,
    text_of,
    value,
    whole_number,
)
from course.questions.moodle_xml_syntax import NUMBER
from course.questions.rules import choice_grade_problem, has_full_marks
from course.questions.types import (
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
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

OUTCOME_TAGS = {"correct": "correctfeedback", "partial": "partiallycorrectfeedback", "incorrect": "incorrectfeedback"}


def multichoice(element: Element, common: dict) -> Question:
    """One or several right options (`<single>`), each `<answer>` an option with its grade and feedback."""
    question_format = common["text_format"]
    options = []
    for answer in element.findall("answer"):
        text, text_format = formatted(answer, question_format)
        feedback, feedback_format = formatted(answer.find("feedback"), question_format)
        grade = fraction(answer)
        if text:  # Moodle drops an answer without text when it saves the question
            options.append(
                Choice(
                    text=text,
                    fraction=grade,
                    feedback=feedback,
                    text_format=own(text_format, question_format),
                    feedback_format=own(feedback_format, question_format),
                )
            )
    if len(options) < 2:
        raise Refused(N_("a multiple-choice question needs at least 2 answers with text"), element.sourceline)
    single = value(element, "single", "true")
    multiple = not flag(single)
    problem = choice_grade_problem(multiple, [option.fraction for option in options])
    if problem:
        if not multiple and single not in ("true", "1"):
            problem = N_(
                "%(problem)s (<single>%(single)s</single> means one answer, as Moodle reads it: only false or 0 allow "
                "several)",
                problem=problem,
                single=single,
            )
        raise Refused(problem, element.sourceline)
    kind = MultipleResponse if multiple else SingleChoice
    return kind(**common, **outcome(element, question_format, shuffle_default="false"), options=options)


def outcome(element: Element, question_format: str, shuffle_default: str) -> dict:
    """Feedback by outcome (Moodle's combined feedback) and whether the options may be shuffled."""
    fields: dict = {"shuffle": flag(value(element, "shuffleanswers", shuffle_default))}
    for prefix, tag in OUTCOME_TAGS.items():
        text, text_format = formatted(element.find(tag), question_format)
        fields[f"{prefix}_feedback"] = text
        fields[f"{prefix}_feedback_format"] = own(text_format, question_format)
    return fields


def truefalse(element: Element, common: dict) -> Question:
    """Answers 'true' and 'false' with their grades; old files without those words list true first."""
    question_format = common["text_format"]
    fields: dict = {}
    answers = element.findall("answer")
    if not answers:
        raise Refused(N_("a true/false question needs its answers 'true' and 'false'"), element.sourceline)
    for index, answer in enumerate(answers):
        word = text_of(answer)
        if word not in ("true", "false"):
            word = "true" if index == 0 else "false"
        feedback, feedback_format = formatted(answer.find("feedback"), question_format)
        full = fraction(answer) == 1
        fields["answer"] = full if word == "true" else not full  # as in Moodle, the last answer decides
        fields[f"feedback_{word}"] = feedback
        fields[f"feedback_{word}_format"] = own(feedback_format, question_format)
    return TrueFalse(**common, **fields)


def shortanswer(element: Element, common: dict) -> Question:
    """Accepted answers (plain text, `*` a wildcard), case-sensitive when `<usecase>` is 1."""
    question_format = common["text_format"]
    answers = []
    for answer in element.findall("answer"):
        feedback, feedback_format = formatted(answer.find("feedback"), question_format)
        accepted = AcceptedAnswer(
            text=text_of(answer),
            fraction=fraction(answer),
            feedback=feedback,
            feedback_format=own(feedback_format, question_format),
        )
        if accepted.text:
            answers.append(accepted)
    _need_full_marks(element, [a.fraction for a in answers])
    use_case = whole_number(value(element, "usecase", "0"), element, "<usecase>", range(2))
    return ShortAnswer(**common, answers=answers, case_sensitive=bool(use_case))


def _need_full_marks(element: Element, fractions: list[float]) -> None:
    if not fractions:
        raise Refused(N_("Give at least 1 accepted answer."), element.sourceline)
    if not has_full_marks(fractions):
        raise Refused(N_("Give the best answer a grade of 100%."), element.sourceline)


def numerical(element: Element, common: dict) -> Question:
    """Accepted numbers with tolerances (`*` any number), units with multipliers and how units are graded.
    As Moodle saves it: no answer needs 100%, a unit without a name or multiplier (or named twice) is dropped."""
    question_format = common["text_format"]
    units: dict[str, NumericalUnit] = {}
    for unit in element.findall("units/unit"):
        name = value(unit, "unit_name")
        multiplier = number(value(unit, "multiplier", "1"), unit, N_("the unit multiplier"))
        if name and multiplier and name not in units:
            units[name] = NumericalUnit(name=name, multiplier=multiplier)
    units_left = bool(whole_number(value(element, "unitsleft", "0"), element, "<unitsleft>", range(2)))
    answers = [
        answer
        for node in element.findall("answer")
        if (answer := _number_answer(node, question_format, list(units.values()), units_left))
    ]
    if not answers:
        raise Refused(N_("Give at least 1 accepted number."), element.sourceline)
    grading = whole_number(value(element, "unitgradingtype", "0"), element, "<unitgradingtype>", range(3))
    shown = whole_number(value(element, "showunits", "0" if units else "3"), element, "<showunits>", range(4))
    instructions, instructions_format = formatted(element.find("instructions"), question_format)
    return Numerical(
        **common,
        answers=answers,
        units=list(units.values()),
        unit_grading=UNIT_GRADING[grading],
        unit_penalty=number(value(element, "unitpenalty", "0.1"), element, "<unitpenalty>"),
        unit_input=UNIT_INPUTS[shown],
        units_left=units_left,
        unit_instructions=instructions,
        unit_instructions_format=own(instructions_format, question_format),
    )


def _number_answer(
    answer: Element, question_format: str, units: list[NumericalUnit], units_left: bool
) -> NumericalAnswer | None:
    """One accepted number; None for an answer without one (Moodle drops it when it saves)."""
    written = text_of(answer) if answer.find("text") is not None else (answer.text or "").strip()
    if not written:
        return None
    grade = fraction(answer)
    if answer.find("fraction") is not None:  # the old form: a fraction from 0 to 1 in an element
        grade = number(value(answer, "fraction"), answer, N_("the answer's <fraction>"))
    feedback, feedback_format = formatted(answer.find("feedback"), question_format)
    accepted = NumericalAnswer(
        tolerance=abs(number(value(answer, "tolerance", "0"), answer, N_("the tolerance"))),
        fraction=grade,
        feedback=feedback,
        feedback_format=own(feedback_format, question_format),
    )
    if written != "*":
        accepted.value = _number_in_units(written, answer, units, units_left)
    return accepted


def _number_in_units(written: str, answer: Element, units: list[NumericalUnit], units_left: bool) -> float:
    """An answer's number; one written with a known unit is converted to the first unit, as Moodle saves it."""
    if NUMBER.fullmatch(written):
        return number(written, answer, N_("the numerical answer"))
    for unit in units:
        bare = written.removeprefix(unit.name) if units_left else written.removesuffix(unit.name)
        if bare != written and NUMBER.fullmatch(bare.strip()):
            return number(bare.strip(), answer, N_("the numerical answer")) / unit.multiplier
    raise Refused(N_("the numerical answer '%(written)s' is not a number", written=written), answer.sourceline)


def matching(element: Element, common: dict) -> Question:
    """Subquestions with their answers; one without text adds an extra answer to choose from."""
    question_format = common["text_format"]
    pairs = []
    for sub in element.findall("subquestion"):
        text, text_format = formatted(sub, question_format)
        answer = text_of(sub.find("answer"))
        if text or answer:  # Moodle drops a pair with neither
            pairs.append(MatchPair(text=text, answer=answer, text_format=own(text_format, question_format)))
    if sum(1 for pair in pairs if pair.text) < 2:
        raise Refused(N_("Give at least 2 pairs with a subquestion."), element.sourceline)
    return Matching(**common, **outcome(element, question_format, shuffle_default="1"), pairs=pairs)


def essay(element: Element, common: dict) -> Question:
    """Information for graders and a response template; an essay that needs file attachments is skipped."""
    question_format = common["text_format"]
    response_format = value(element, "responseformat", "editor")
    required = number(value(element, "attachmentsrequired", "0"), element, "<attachmentsrequired>")
    if response_format == "noinline" or required > 0:
        raise Skip(N_("it asks for file attachments, and attachments are not supported"))
    grader_info, grader_info_format = formatted(element.find("graderinfo"), question_format)
    template, template_format = formatted(element.find("responsetemplate"), question_format)
    return Essay(
        **common,
        grader_info=grader_info,
        grader_info_format=own(grader_info_format, question_format),
        response_template=template,
        response_template_format=own(template_format, question_format),
    )


def description(element: Element, common: dict) -> Question:
    """Text only."""
    return Description(**common)


READERS = {
    "multichoice": multichoice,
    "truefalse": truefalse,
    "shortanswer": shortanswer,
    "numerical": numerical,
    "matching": matching,
    "match": matching,
    "essay": essay,
    "description": description,
}
