"""How quizzes count toward module completion."""

from __future__ import annotations

from sqlmodel import Session, select

from course.models import Attempt, Quiz
from course.quiz.grading import combine_attempt_scores


def module_quiz_states(session: Session, user_id: int | None) -> dict[int, tuple[bool, bool]]:
    """For each module id with an end-of-module quiz: (True, the learner has passed it)."""
    quizzes = session.exec(select(Quiz).where(Quiz.kind == "module", Quiz.module_id.is_not(None),
                                              Quiz.archived == False)).all()  # noqa: E712
    scores: dict[int, list[float | None]] = {}
    if user_id is not None and quizzes:
        rows = session.exec(select(Attempt).where(Attempt.user_id == user_id, Attempt.practice == False,  # noqa: E712
                                                  Attempt.quiz_id.in_([q.id for q in quizzes]))
                            .order_by(Attempt.quiz_id, Attempt.number)).all()
        for attempt in rows:
            final = attempt.state == "submitted" and not attempt.needs_grading
            scores.setdefault(attempt.quiz_id, []).append(attempt.score if final else None)
    states: dict[int, tuple[bool, bool]] = {}
    for quiz in quizzes:
        grade = combine_attempt_scores(scores.get(quiz.id, []), quiz.grading_method)
        passed = grade is not None and grade * 100 >= quiz.pass_mark - 1e-9
        required, passed_before = states.get(quiz.module_id, (True, True))
        states[quiz.module_id] = (True, passed_before and passed)
    return states
