"""How quizzes count toward module completion."""

from __future__ import annotations

from sqlmodel import Session, select

from course.models import Attempt, Quiz
from course.quizzes.attempts import grade_of, has_passed


def module_quiz_states(session: Session, user_id: int | None) -> dict[int, tuple[bool, bool]]:
    """For each module id with an end-of-module quiz: (True, the learner has passed it)."""
    quizzes = session.exec(select(Quiz).where(Quiz.kind == "module", Quiz.module_id.is_not(None),
                                              Quiz.archived == False)).all()  # noqa: E712
    taken: dict[int, list[Attempt]] = {}
    if user_id is not None and quizzes:
        rows = session.exec(select(Attempt).where(Attempt.user_id == user_id, Attempt.practice == False,  # noqa: E712
                                                  Attempt.quiz_id.in_([q.id for q in quizzes]))
                            .order_by(Attempt.quiz_id, Attempt.number)).all()
        for attempt in rows:
            taken.setdefault(attempt.quiz_id, []).append(attempt)
    states: dict[int, tuple[bool, bool]] = {}
    for quiz in quizzes:
        passed = has_passed(quiz, grade_of(quiz, taken.get(quiz.id, [])))
        _, passed_before = states.get(quiz.module_id, (True, True))
        states[quiz.module_id] = (True, passed_before and passed)
    return states
