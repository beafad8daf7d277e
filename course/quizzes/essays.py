"""The essay grading queue: written answers that an instructor still has to mark."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from course.models import Attempt, AttemptItem, QuestionVersion, Quiz, User
from course.questions.types import Question as QuestionData


@dataclass
class EssayAnswer:
    item: AttemptItem
    attempt: Attempt
    quiz: Quiz
    trainee: User
    question: QuestionData

    @property
    def answer(self) -> str:
        return str(self.item.response["value"]) if self.item.response else ""


def _essay_query():
    return (
        select(AttemptItem, Attempt, Quiz, User, QuestionVersion)
        .join(Attempt, AttemptItem.attempt_id == Attempt.id)
        .join(Quiz, Attempt.quiz_id == Quiz.id)
        .join(User, Attempt.user_id == User.id)
        .join(QuestionVersion, AttemptItem.version_id == QuestionVersion.id)
        .where(Attempt.state == "submitted", Attempt.practice == False)  # practice is never graded by hand
    )


def _essays(rows) -> list[EssayAnswer]:
    # The version's own type decides: the question may have become another type since.
    return [
        EssayAnswer(item, attempt, quiz, user, QuestionData.from_dict(version.data))
        for item, attempt, quiz, user, version in rows
        if version.data.get("type") == "essay"
    ]


def essays_to_grade(session: Session, trainees=None) -> list[EssayAnswer]:
    """Submitted essay answers of counted attempts without a mark yet, oldest submission first.

    `trainees`: a subquery of user ids whose answers to list (course/ownership.py); None lists everyone's.
    """
    query = _essay_query() if trainees is None else _essay_query().where(Attempt.user_id.in_(trainees))
    rows = session.exec(
        query.where(AttemptItem.fraction == None).order_by(Attempt.submitted_at, AttemptItem.position)  # noqa: E711
    ).all()
    return _essays(rows)


def essay_answer(session: Session, item_id: int) -> EssayAnswer | None:
    """One submitted essay answer of a counted attempt, graded or not."""
    rows = session.exec(_essay_query().where(AttemptItem.id == item_id)).all()
    found = _essays(rows)
    return found[0] if found else None
