"""Quiz domain: question types, GIFT, Aiken and Moodle XML import/export, grading (no Flask, no database)."""

from course.questions.aiken import parse_aiken
from course.questions.errors import AikenError, GiftError, MoodleXmlError, ParseResult, QuestionFileError
from course.questions.gift import gift_problems, parse_gift, write_gift
from course.questions.grading import (
    AttemptScore,
    Feedback,
    Grade,
    grade,
    manual_grade,
    score_attempt,
)
from course.questions.moodle_xml import parse_moodle_xml, write_moodle_xml, xml_problems
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
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    from_dict,
    public_view,
)

__all__ = [
    "AcceptedAnswer",
    "AikenError",
    "AttemptScore",
    "Choice",
    "Description",
    "Essay",
    "Feedback",
    "GiftError",
    "Grade",
    "MatchPair",
    "MoodleXmlError",
    "Matching",
    "MultipleResponse",
    "Numerical",
    "NumericalAnswer",
    "ParseResult",
    "Question",
    "QuestionFileError",
    "ShortAnswer",
    "SingleChoice",
    "TrueFalse",
    "from_dict",
    "gift_problems",
    "grade",
    "manual_grade",
    "parse_aiken",
    "parse_gift",
    "parse_moodle_xml",
    "public_view",
    "score_attempt",
    "write_gift",
    "write_moodle_xml",
    "xml_problems",
]
