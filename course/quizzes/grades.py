"""Which attempts count toward a quiz grade, how they combine by grading method, and what passes.

Written once, in Python: trainee pages, module summaries (`course.progress.summaries`) and through
them the cohort reports all grade with these functions.
"""

from __future__ import annotations

from collections.abc import Sequence

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


KNOWLEDGE_CHECKS = ("pretest", "posttest")  # they measure what a trainee knows before and after: taken, not passed


def pass_applies(quiz) -> bool:
    """Whether a quiz is passed or failed; a pre- or post-test is only completed."""
    return quiz.kind not in KNOWLEDGE_CHECKS


def has_passed(quiz, grade: float | None) -> bool:
    """Whether a grade (0..1) reaches the quiz's pass mark (percent)."""
    return grade is not None and grade * 100 >= quiz.pass_mark - PASS_TOLERANCE
