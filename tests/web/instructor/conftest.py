"""Fixtures for the instructor pages: a logged-in instructor, a bank, a quiz a trainee can take."""

from __future__ import annotations

import pytest
from sqlmodel import select

from course.accounts import find_user
from course.models import Question, QuestionVersion, Quiz
from course.questions import parse_gift
from course.quizzes.banks import get_or_create_bank, import_questions

CAPITALS_GIFT = """::capital::Which city is the capital of Kenya? {
=Nairobi#Right: Nairobi is the capital.
~Mombasa#Mombasa is the main port.
~Kisumu#Kisumu lies on Lake Victoria.
}
"""


@pytest.fixture
def instructor(auth):
    return auth.as_role("instructor")


@pytest.fixture
def bank(db, auth):
    """A bank owned by instructor@example.org, the account `auth.as_role("instructor")` logs in."""
    bank = get_or_create_bank(db, "geography")
    bank.owner_id = auth.make_user("instructor").id
    db.commit()
    return bank


def add_gift(db, bank, text: str) -> list[Question]:
    """Store the questions of a GIFT text in the bank and return their rows."""
    import_questions(db, bank, parse_gift(text).questions, limit=1000)
    db.commit()
    return list(db.exec(select(Question).where(Question.bank_id == bank.id).order_by(Question.id)))


def versions(db, question_id: int) -> list[QuestionVersion]:
    db.expire_all()
    return list(
        db.exec(
            select(QuestionVersion).where(QuestionVersion.question_id == question_id).order_by(QuestionVersion.version)
        )
    )


def make_quiz(db, questions: list[Question], **settings) -> Quiz:
    """A quiz of these questions, owned by instructor@example.org when that account exists."""
    owner = find_user(db, email="instructor@example.org")
    settings.setdefault("owner_id", owner.id if owner else None)
    quiz = Quiz(
        slug="geo-quiz",
        title="Geography quiz",
        pass_mark=50,
        slots=[{"kind": "fixed", "question_id": q.id, "mark": 1} for q in questions],
        **settings,
    )
    db.add(quiz)
    db.commit()
    return quiz
