"""Questions as trainees see them, for instructors' previews (answers only after "Check answer")."""

from __future__ import annotations

from course.questions.grading import grade
from course.questions.types import Question as QuestionData
from course.questions.types import public_view
from course.quizzes.attempts import grade_record
from course.quizzes.setup import SampleQuestion
from course.web.quiz.presenter import ShownQuestion


def checked_review(question: QuestionData, response) -> dict:
    """The review box for a response checked in a preview: grade, right answer and feedback."""
    result = grade(question, response)
    return grade_record(result) | {
        "fraction": result.fraction,
        "comment": "",
        "general_feedback": (question.general_feedback, question.format_of(question.general_feedback_format)),
    }


def shown_question(
    question_id: int,
    question: QuestionData,
    response=None,
    review: dict | None = None,
    mark: float = 1.0,
    number: int = 1,
    shuffle_seed: int | None = None,
) -> ShownQuestion:
    return ShownQuestion(number, question_id, public_view(question, shuffle_seed), response, review, mark)


def shown_sample(sample: list[SampleQuestion], shuffle_options: bool, seed: int) -> list[ShownQuestion]:
    """A sample attempt's questions, numbered as in an attempt (descriptions have no number)."""
    shown, number = [], 0
    for position, item in enumerate(sample, start=1):
        if item.data.type != "description":
            number += 1
        view = public_view(item.data, f"{seed}-{position}" if shuffle_options else None)
        shown.append(ShownQuestion(number, position, view, None, None, item.mark))
    return shown
