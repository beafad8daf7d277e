"""Question types of the quiz bank as plain dataclasses that round-trip through JSON."""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

FORMATS = ("moodle", "markdown", "html", "plain")
DEFAULT_FORMAT = "moodle"
# How a numerical question treats units, as Moodle's unitgradingtype 0, 1, 2: not graded, or a missing or
# unknown unit costs `unit_penalty` times the response's grade, or `unit_penalty` of the question's marks.
UNIT_GRADING = ("none", "response", "question")
# How the trainee gives the unit, as Moodle's showunits 0-3: typed with the number, chosen from radio
# buttons or a drop-down, or no unit at all. Here every unit is typed with the number; the rest is kept.
UNIT_INPUTS = ("text", "choice", "select", "none")


@dataclass(kw_only=True)
class Choice:
    """One option of a single-choice or multiple-response question."""

    text: str
    fraction: float = 0.0
    feedback: str = ""
    text_format: str | None = None  # None: same format as the question text
    feedback_format: str | None = None


@dataclass(kw_only=True)
class AcceptedAnswer:
    """One accepted answer of a short-answer question; `*` matches any run of characters."""

    text: str
    fraction: float = 1.0
    feedback: str = ""
    feedback_format: str | None = None


@dataclass(kw_only=True)
class NumericalAnswer:
    """One accepted number: value±tolerance, low..high, or any number when both are None."""

    value: float | None = None
    tolerance: float = 0.0
    low: float | None = None
    high: float | None = None
    fraction: float = 1.0
    feedback: str = ""
    feedback_format: str | None = None

    @property
    def is_range(self) -> bool:
        """Whether the answer was given as low..high."""
        return self.low is not None and self.high is not None

    @property
    def is_wildcard(self) -> bool:
        """Whether the answer accepts any number (GIFT `*` or the `~#` wrong-answer feedback)."""
        return self.value is None and not self.is_range

    def accepts(self, number: float) -> bool:
        """Whether a trainee's number falls inside this answer."""
        if self.is_wildcard:
            return True
        if self.is_range:
            low, high = sorted((self.low, self.high))
            return low <= number <= high
        slack = abs(self.tolerance) + 1e-12 * max(1.0, abs(self.value))
        return abs(number - self.value) <= slack


@dataclass(kw_only=True)
class NumericalUnit:
    """A unit a number may be given in; answers are in the unit whose multiplier is 1 (Moodle's first unit)."""

    name: str
    multiplier: float = 1.0


@dataclass(kw_only=True)
class MatchPair:
    """A subquestion and its answer; an empty text makes the answer an extra distractor."""

    text: str
    answer: str
    text_format: str | None = None


@dataclass(kw_only=True)
class Question:
    """Fields every question has; `text_after` is set only for Moodle's missing-word form."""

    type: ClassVar[str] = ""
    _parts: ClassVar[dict[str, type]] = {}
    name: str
    text: str
    text_format: str = DEFAULT_FORMAT
    text_after: str = ""
    general_feedback: str = ""
    general_feedback_format: str | None = None
    category: str = ""

    @property
    def missing_word(self) -> bool:
        """Whether the answer goes in a blank between `text` and `text_after`."""
        return bool(self.text_after)

    def format_of(self, text_format: str | None) -> str:
        """The effective format of a part whose own format may be None (inherited)."""
        return text_format or self.text_format

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with a `type` key; `Question.from_dict` reverses it."""
        return {"type": self.type, **dataclasses.asdict(self)}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Question:
        """Rebuild a question of the right type from `to_dict` output."""
        fields = dict(data)
        kind = QUESTION_TYPES.get(fields.pop("type", None))
        if kind is None:
            raise ValueError(f"unknown question type: {data.get('type')!r}")
        for name, part in kind._parts.items():
            fields[name] = [part(**item) for item in fields.get(name, [])]
        return kind(**fields)


@dataclass(kw_only=True)
class OutcomeFeedback:
    """Moodle's combined feedback: shown by outcome (right, partly right, wrong), after the chosen
    options' own feedback; and whether the options may be shuffled (Moodle's shuffleanswers)."""

    correct_feedback: str = ""
    correct_feedback_format: str | None = None
    partial_feedback: str = ""
    partial_feedback_format: str | None = None
    incorrect_feedback: str = ""
    incorrect_feedback_format: str | None = None
    shuffle: bool = True

    def outcome_feedback(self, state: str) -> tuple[str, str | None]:
        """The feedback text and own format for a grade's state ('correct', 'partial' or 'wrong')."""
        prefix = {"correct": "correct", "partial": "partial"}.get(state, "incorrect")
        return getattr(self, f"{prefix}_feedback"), getattr(self, f"{prefix}_feedback_format")


@dataclass(kw_only=True)
class SingleChoice(OutcomeFeedback, Question):
    """Multiple choice with one response; options may carry partial credit."""

    type: ClassVar[str] = "single"
    _parts: ClassVar[dict[str, type]] = {"options": Choice}
    options: list[Choice] = field(default_factory=list)


@dataclass(kw_only=True)
class MultipleResponse(OutcomeFeedback, Question):
    """Multiple choice with several responses; chosen fractions add up, clamped to [0, 1]."""

    type: ClassVar[str] = "multi"
    _parts: ClassVar[dict[str, type]] = {"options": Choice}
    options: list[Choice] = field(default_factory=list)


@dataclass(kw_only=True)
class TrueFalse(Question):
    """A statement that is true or false; feedback depends on the trainee's choice."""

    type: ClassVar[str] = "truefalse"
    answer: bool = True
    feedback_true: str = ""
    feedback_false: str = ""
    feedback_true_format: str | None = None
    feedback_false_format: str | None = None


@dataclass(kw_only=True)
class ShortAnswer(Question):
    """A typed answer compared with accepted answers in order; the first match counts."""

    type: ClassVar[str] = "short"
    _parts: ClassVar[dict[str, type]] = {"answers": AcceptedAnswer}
    answers: list[AcceptedAnswer] = field(default_factory=list)
    case_sensitive: bool = False


@dataclass(kw_only=True)
class Numerical(Question):
    """A typed number compared with accepted numbers in order; the first match counts. With units, a number
    given in a known unit is converted to the answers' unit first (see UNIT_GRADING and UNIT_INPUTS)."""

    type: ClassVar[str] = "numerical"
    _parts: ClassVar[dict[str, type]] = {"answers": NumericalAnswer, "units": NumericalUnit}
    answers: list[NumericalAnswer] = field(default_factory=list)
    units: list[NumericalUnit] = field(default_factory=list)
    unit_grading: str = "none"
    unit_penalty: float = 0.1
    unit_input: str = "none"
    units_left: bool = False
    unit_instructions: str = ""
    unit_instructions_format: str | None = None

    def unit_factor(self, unit: str) -> float | None:
        """What a number given in this unit is multiplied by to be in the answers' unit; None when unknown."""
        typed = "".join(unit.split())
        for known in self.units:
            if typed and "".join(known.name.split()) == typed and known.multiplier:
                return 1 / known.multiplier
        return None

    def without_right_unit(self, fraction: float) -> float:
        """The grade of an answer given without a known unit (Moodle's unit penalty)."""
        if self.unit_grading == "response":
            fraction -= self.unit_penalty * fraction
        elif self.unit_grading == "question":
            fraction -= self.unit_penalty
        return max(fraction, 0.0)


@dataclass(kw_only=True)
class Matching(OutcomeFeedback, Question):
    """Subquestions each matched to one answer; pairs with empty text add distractors."""

    type: ClassVar[str] = "matching"
    _parts: ClassVar[dict[str, type]] = {"pairs": MatchPair}
    pairs: list[MatchPair] = field(default_factory=list)

    def subquestions(self) -> list[tuple[str, MatchPair]]:
        """(subquestion id, pair) for every pair that asks something."""
        return [(subquestion_id(i), pair) for i, pair in enumerate(self.pairs) if pair.text]

    def answer_choices(self) -> list[tuple[str, str]]:
        """(answer id, text) for each distinct answer, in order of first appearance."""
        seen: dict[str, str] = {}
        for pair in self.pairs:
            seen.setdefault(pair.answer, answer_choice_id(len(seen)))
        return [(answer_id, text) for text, answer_id in seen.items()]

    def answer_id(self, text: str) -> str | None:
        """The id of the answer choice with this text."""
        return dict((t, i) for i, t in self.answer_choices()).get(text)


@dataclass(kw_only=True)
class Essay(Question):
    """A free-text answer that an instructor grades by hand; notes for graders, and a template the answer
    box starts with."""

    type: ClassVar[str] = "essay"
    grader_info: str = ""
    grader_info_format: str | None = None
    response_template: str = ""
    response_template_format: str | None = None


@dataclass(kw_only=True)
class Description(Question):
    """Text shown between questions; nothing to answer."""

    type: ClassVar[str] = "description"


QUESTION_TYPES: dict[str, type[Question]] = {
    kind.type: kind
    for kind in (SingleChoice, MultipleResponse, TrueFalse, ShortAnswer, Numerical, Matching, Essay, Description)
}


def from_dict(data: dict[str, Any]) -> Question:
    """Rebuild a question from `Question.to_dict` output."""
    return Question.from_dict(data)


# The ids responses use: what the trainee's form sends and what attempts store. Only these build them.


def option_id(index: int) -> str:
    """The stable id of the option at this index ("a0", "a1", ...)."""
    return f"a{index}"


def subquestion_id(index: int) -> str:
    """The id of a matching question's pair at this index ("s0", ...); pairs without text have none in use."""
    return f"s{index}"


def answer_choice_id(index: int) -> str:
    """The id of a matching question's n-th distinct answer ("c0", ...)."""
    return f"c{index}"


def option_index(choice_id: object) -> int | None:
    """The index an option id refers to, or None when it is not an option id."""
    if isinstance(choice_id, str) and re.fullmatch(r"a(0|[1-9][0-9]*)", choice_id):
        return int(choice_id[1:])
    return None


def default_name(text: str, limit: int = 80) -> str:
    """A question name made from the start of its text, as Moodle does when none is given."""
    plain = " ".join(re.sub(r"<[^>]*>", " ", text).split())
    if len(plain) > limit:
        cut = plain[: limit - 3]
        plain = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "..."
    return plain or "Question"


def public_view(question: Question, shuffle_seed: int | str | None = None) -> dict[str, Any]:
    """What a trainee may see before grading: never fractions, feedback or accepted answers."""
    view: dict[str, Any] = {
        "type": question.type,
        "name": question.name,
        "text": question.text,
        "text_format": question.text_format,
        "text_after": question.text_after,
    }
    if isinstance(question, (SingleChoice, MultipleResponse)):
        options = [
            {"id": option_id(i), "text": choice.text, "text_format": question.format_of(choice.text_format)}
            for i, choice in enumerate(question.options)
        ]
        view["options"] = _shuffled(options, shuffle_seed if question.shuffle else None)
    elif isinstance(question, Matching):
        view["subquestions"] = [
            {"id": sub_id, "text": pair.text, "text_format": question.format_of(pair.text_format)}
            for sub_id, pair in question.subquestions()
        ]
        choices = [{"id": answer_id, "text": text} for answer_id, text in question.answer_choices()]
        view["choices"] = _shuffled(choices, shuffle_seed if question.shuffle else None)
    elif isinstance(question, Essay) and question.response_template:
        view["response_template"] = question.response_template
        view["response_template_format"] = question.format_of(question.response_template_format)
    elif isinstance(question, Numerical) and question.units and question.unit_input != "none":
        view["units"] = [unit.name for unit in question.units]
        view["units_left"] = question.units_left
    return view


def _shuffled(items: list[dict[str, Any]], seed: int | str | None) -> list[dict[str, Any]]:
    """The items in a seed-determined order, or unchanged without a seed."""
    if seed is None:
        return items
    items = list(items)
    random.Random(seed).shuffle(items)
    return items
