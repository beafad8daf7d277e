"""Quiz domain: question types, GIFT and Aiken import/export, grading (no Flask, no database)."""

from course.questions.aiken import parse_aiken
from course.questions.errors import AikenError, GiftError, ParseResult, QuestionFileError
from course.questions.gift import gift_problems, parse_gift, write_gift
from course.questions.grading import (
    AttemptScore,
    Feedback,
    Grade,
    grade,
    manual_grade,
    score_attempt,
)
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
    "public_view",
    "score_attempt",
    "write_gift",
]
