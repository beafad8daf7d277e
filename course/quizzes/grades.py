"""Which attempts count toward a quiz grade, how they combine by grading method, and what passes.

The grading method is written twice, on purpose: in Python for one trainee's pages, and as SQL
aggregates for the cohort reports, which fold thousands of trainees in the database. Both live
here; tests/quizzes/test_grades.py holds them equal on both engines. Whether a grade passes is
decided in Python only (`has_passed`), reports included.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, case, func
from sqlalchemy.sql import ColumnElement, Subquery
from sqlmodel import select

from course.models import Attempt
from course.quizzes.settings import GRADING_METHODS

PASS_TOLERANCE = 1e-9  # a grade of 0.7 must pass a 70 % mark despite floating point


def final_score(attempt) -> float | None:
    """An attempt's score (anything with state, needs_grading, score) once submitted and fully graded."""
    return attempt.score if attempt.state == "submitted" and not attempt.needs_grading else None


def combine_attempt_scores(scores: Sequence[float | None], method: str) -> float | None:
    """The quiz grade from attempt scores in the order taken (None entries are unfinished)."""
    if method not in GRADING_METHODS:
        raise ValueError(f"unknown grading method {method!r}; use one of {', '.join(GRADING_METHODS)}")
    finished = [score for score in scores if score is not None]
    if not finished:
        return None
    if method == "highest":
        return max(finished)
    if method == "first":
        return finished[0]
    if method == "last":
        return finished[-1]
    return round(sum(finished) / len(finished), 7)


def grade_of(quiz, attempts) -> float | None:
    """The quiz grade from counted (non-practice) attempts in the order taken, by the quiz's grading method."""
    return combine_attempt_scores([final_score(a) for a in attempts], quiz.grading_method)


def has_passed(quiz, grade: float | None) -> bool:
    """Whether a grade (0..1) reaches the quiz's pass mark (percent)."""
    return grade is not None and grade * 100 >= quiz.pass_mark - PASS_TOLERANCE


# The same rules in SQL, for reports that grade every member of a cohort in one query.

FINISHED = and_(Attempt.state == "submitted", Attempt.needs_grading == False, Attempt.practice == False)
COUNTED = Attempt.practice == False


def ranked_attempts(*conditions, ranks: bool = True) -> Subquery:
    """Attempts (filtered by `conditions`) with `finished` (1 or 0) and, with `ranks`, their rank among
    the same trainee's attempts at the same quiz with the same `finished`: `from_first` 1 is the first
    taken, `from_last` 1 the last. Only the first and last methods need the ranks (`needs_ranks`)."""
    finished = case((FINISHED, 1), else_=0)
    same = (Attempt.user_id, Attempt.quiz_id, finished)
    columns = [
        Attempt.user_id,
        Attempt.quiz_id,
        Attempt.score,
        Attempt.state,
        Attempt.practice,
        finished.label("finished"),
    ]
    if ranks:
        columns += [
            func.row_number().over(partition_by=same, order_by=Attempt.number).label("from_first"),
            func.row_number().over(partition_by=same, order_by=Attempt.number.desc()).label("from_last"),
        ]
    return select(*columns).where(*conditions).subquery("ranked")


def needs_ranks(grading_methods) -> bool:
    """Whether grading by these methods needs `ranked_attempts` with ranks."""
    return any(method in ("first", "last") for method in grading_methods)


def grade_column(ranked: Subquery, quiz_id: int, grading_method: str) -> ColumnElement:
    """Aggregate over a trainee's `ranked_attempts` rows: their grade on the quiz (NULL before any
    finished attempt), as `grade_of` computes it."""
    mine = and_(ranked.c.quiz_id == quiz_id, ranked.c.finished == 1)
    if grading_method == "first":
        mine = and_(mine, ranked.c.from_first == 1)
    elif grading_method == "last":
        mine = and_(mine, ranked.c.from_last == 1)
    elif grading_method not in GRADING_METHODS:
        raise ValueError(f"unknown grading method {grading_method!r}")
    score = case((mine, ranked.c.score))
    return func.avg(score) if grading_method == "average" else func.max(score)
