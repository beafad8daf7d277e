"""A quiz's settings: the names, choices and defaults shared by quizzes.yml, the quiz form and the Quiz table."""

from __future__ import annotations

GRADING_METHODS = ("highest", "average", "first", "last")  # how attempts combine: course/quizzes/grades.py
QUIZ_KINDS = ("module", "pretest", "posttest", "other")
REVIEW_OPTIONS = ("score", "answers", "feedback")

# How a quiz is taken and graded, with the value a quiz has when nobody chose one; quizzes.yml may set each.
RULES: dict[str, object] = {
    "pass_mark": 70.0,
    "attempts_allowed": None,  # None: unlimited
    "time_limit_minutes": None,  # None: no time limit
    "grading_method": "highest",
    "review": "feedback",
    "shuffle_questions": False,
    "shuffle_options": False,
    "allow_practice": True,
    # Practice follows the quiz's open/close window unless the instructor opens it outside the window.
    "practice_outside_window": False,
    # A practice review hides the keys of questions counted attempts can still draw, unless this is on.
    "practice_shows_keys": False,
}
# Settings stored as typed: the fields that need no conversion between a form and the table.
PLAIN = ("title", "slug", "description", "kind", *RULES)
# Everything an instructor can change on the quiz page.
EDITABLE = (*PLAIN, "module_id", "opens_at", "closes_at")

__all__ = ["EDITABLE", "GRADING_METHODS", "PLAIN", "QUIZ_KINDS", "REVIEW_OPTIONS", "RULES"]

QUESTIONS_PER_IMPORT = 20_000  # most questions one import may hold (QUESTIONS_PER_IMPORT in the app's config)
