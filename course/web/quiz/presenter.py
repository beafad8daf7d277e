"""Turn stored attempt items into what a question template shows (never keys before grading)."""

from __future__ import annotations

from dataclasses import dataclass

from course.models import Attempt, AttemptItem, Quiz
from course.questions.types import Matching, public_view
from course.questions.types import Question as QuestionData


@dataclass
class ShownQuestion:
    number: int
    item_id: int
    view: dict  # public_view: text, options/subquestions/choices; no answers
    response: object
    review: dict | None  # after grading only, as the quiz's review setting allows
    mark: float
    flagged: bool = False  # flagged for review by the trainee (attempt pages only)


def shuffle_seed(quiz: Quiz, attempt: Attempt, item: AttemptItem) -> str | None:
    return f"{attempt.seed}-{item.id}" if quiz.shuffle_options else None


def shown_questions(
    quiz: Quiz,
    attempt: Attempt,
    items: list[tuple[AttemptItem, QuestionData]],
    with_review: bool = False,
    keys_withheld: set[int] = frozenset(),
    feedback_texts: dict[int, dict] | None = None,
) -> list[ShownQuestion]:
    """The questions of an attempt for a page; review details only once it is submitted.

    `keys_withheld`: question ids whose right answers and feedback the review must not show (practice
    attempts at questions counted attempts can still draw: `course.quizzes.attempts.drawable_questions`).
    `feedback_texts`: item id -> right answer and feedback in the reader's language (the grade stays the stored one).
    """
    shown = []
    number = 0
    for item, question in items:
        view = public_view(question, shuffle_seed(quiz, attempt, item))
        if question.type != "description":
            number += 1
        review = None
        if with_review and attempt.state == "submitted":
            texts = (feedback_texts or {}).get(item.id)
            review = _review(quiz, item, question, withhold_key=item.question_id in keys_withheld, texts=texts)
        response = item.response["value"] if item.response else None
        shown.append(ShownQuestion(number, item.id, view, response, review, item.mark, item.flagged))
    return shown


def _review(
    quiz: Quiz, item: AttemptItem, question: QuestionData, withhold_key: bool = False, texts: dict | None = None
) -> dict:
    state = (item.feedback or {}).get("state", "needs_grading")
    texts = texts or item.feedback or {}
    review = {"state": state, "fraction": item.fraction, "comment": item.comment, "key_withheld": withhold_key}
    if withhold_key:
        return review
    if quiz.review in ("answers", "feedback"):
        review["right_answer"] = texts.get("right_answer", "")
    if quiz.review == "feedback":
        review["feedback"] = texts.get("feedback", [])
        review["general_feedback"] = (question.general_feedback, question.format_of(question.general_feedback_format))
    return review


def subquestion_ids(question: QuestionData) -> list[str]:
    return [sub_id for sub_id, _ in question.subquestions()] if isinstance(question, Matching) else []
