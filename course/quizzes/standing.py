"""A trainee's standing on quizzes: counted attempts, grade, pass, what is open. One query for many quizzes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from course.content import catalogue
from course.models import Attempt, Quiz
from course.quizzes.grades import final_score, grade_of, has_passed


@dataclass(frozen=True)
class QuizStanding:
    """One trainee on one quiz; practice attempts never count."""

    quiz: Quiz
    attempts: list[Attempt] = field(default_factory=list)  # counted attempts, in the order taken

    @property
    def grade(self) -> float | None:
        """By the quiz's grading method, 0..1; None before a finished attempt."""
        return grade_of(self.quiz, self.attempts)

    @property
    def passed(self) -> bool:
        return has_passed(self.quiz, self.grade)

    @property
    def best(self) -> float | None:
        """The best finished score, 0..1."""
        finished = [score for score in map(final_score, self.attempts) if score is not None]
        return max(finished) if finished else None

    @property
    def in_progress(self) -> bool:
        return any(a.state == "in_progress" for a in self.attempts)

    @property
    def awaiting_grading(self) -> bool:
        return any(a.state == "submitted" and a.needs_grading for a in self.attempts)


def quiz_standings(session: Session, user_id: int | None, quizzes: Iterable[Quiz]) -> dict[int, QuizStanding]:
    """Quiz id -> the trainee's standing, for each quiz given (visitors have no attempts)."""
    quizzes = list(quizzes)
    taken: dict[int, list[Attempt]] = defaultdict(list)
    if user_id is not None and quizzes:
        rows = session.exec(
            select(Attempt)
            .where(Attempt.user_id == user_id, Attempt.practice == False, Attempt.quiz_id.in_([q.id for q in quizzes]))
            .order_by(Attempt.quiz_id, Attempt.number)
        )
        for attempt in rows:
            taken[attempt.quiz_id].append(attempt)
    return {quiz.id: QuizStanding(quiz, taken[quiz.id]) for quiz in quizzes}


def end_of_module_quizzes(session: Session) -> dict[int, list[Quiz]]:
    """Module id -> its active end-of-module quizzes (the ones module completion needs), oldest first."""
    grouped: dict[int, list[Quiz]] = defaultdict(list)
    for quiz in catalogue.module_quizzes(session):
        if quiz.kind == "module":
            grouped[quiz.module_id].append(quiz)
    return dict(grouped)


QUIZ_KIND_ORDER = {"pretest": 0, "module": 1, "other": 2, "posttest": 3}


def quizzes_of_module(session: Session, module_id: int) -> list[Quiz]:
    """The active quizzes attached to a module, pre-test first and post-test last."""
    quizzes = [q for q in catalogue.module_quizzes(session) if q.module_id == module_id]
    return sorted(quizzes, key=lambda q: (QUIZ_KIND_ORDER.get(q.kind, 2), q.id))


def quizzes_for_trainee(session: Session, user_id: int, module_ids: set[int]) -> list[Quiz]:
    """Active quizzes the trainee has attempted, or that close a module of their paths, oldest first."""
    taken = select(Attempt.quiz_id).where(Attempt.user_id == user_id)
    due = (Quiz.kind == "module") & Quiz.module_id.in_(module_ids) if module_ids else False
    return list(session.exec(select(Quiz).where(Quiz.archived == False, Quiz.id.in_(taken) | due).order_by(Quiz.id)))
