"""The grading methods and the pass rule: the Python rule, and its SQL twin held equal to it on both engines."""

import itertools
import random

import pytest
from sqlalchemy import select

from course.models import Attempt, Quiz
from course.quizzes.grades import (
    COUNTED,
    GRADING_METHODS,
    combine_attempt_scores,
    final_score,
    grade_column,
    grade_of,
    has_passed,
    ranked_attempts,
)


@pytest.mark.parametrize(("method", "expected"), [("highest", 9.0), ("last", 7.0), ("first", 5.0), ("average", 7.0)])
def test_combine_attempt_scores(method, expected):
    assert combine_attempt_scores([5.0, None, 9.0, 7.0], method) == expected


def test_combine_attempt_scores_edge_cases():
    assert combine_attempt_scores([], "highest") is None
    assert combine_attempt_scores([None], "average") is None
    assert combine_attempt_scores([1.0, 2.0, 2.0], "average") == pytest.approx(5 / 3)
    with pytest.raises(ValueError, match="unknown grading method 'best'"):
        combine_attempt_scores([1.0], "best")


class _Quiz:
    def __init__(self, pass_mark=70.0, grading_method="highest"):
        self.pass_mark, self.grading_method = pass_mark, grading_method


class _Attempt:
    def __init__(self, state="submitted", needs_grading=False, score=None):
        self.state, self.needs_grading, self.score = state, needs_grading, score


def test_only_submitted_fully_graded_attempts_have_a_final_score():
    assert final_score(_Attempt(score=0.4)) == 0.4
    assert final_score(_Attempt(needs_grading=True, score=0.4)) is None
    assert final_score(_Attempt(state="in_progress", score=0.4)) is None


def test_pass_mark_is_reached_despite_floating_point():
    assert has_passed(_Quiz(70.0), 0.7) and has_passed(_Quiz(70.0), 0.1 * 7)
    assert not has_passed(_Quiz(70.0), 0.6999) and not has_passed(_Quiz(70.0), None)
    assert (
        grade_of(
            _Quiz(grading_method="first"), [_Attempt(state="in_progress"), _Attempt(score=0.3), _Attempt(score=0.9)]
        )
        == 0.3
    )


STATES = [("submitted", False), ("submitted", True), ("in_progress", False)]


def _random_history(rng: random.Random) -> list[tuple[str, bool, bool, float | None]]:
    """(state, needs_grading, practice, score) attempts in the order taken."""
    history = []
    for _ in range(rng.randint(0, 6)):
        state, needs_grading = rng.choice(STATES)
        score = None if state == "in_progress" else rng.choice([0.0, 0.25, 0.5, 0.7, 1.0, rng.random()])
        history.append((state, needs_grading, rng.random() < 0.2, score))
    return history


def test_sql_grades_equal_python_grades(app, db):
    """Thirty trainees with random histories on one quiz per method: the SQL aggregate gives `grade_of`."""
    from course.accounts import create_user

    rng = random.Random(7)
    users = {n: create_user(db, email=f"t{n}@example.org", name=f"T{n}", password=None).id for n in range(1, 31)}
    quizzes = {}
    for method in GRADING_METHODS:
        quizzes[method] = Quiz(slug=f"q-{method}", title=method, grading_method=method)
        db.add(quizzes[method])
    db.flush()
    histories = {}
    for user_id, quiz in itertools.product(range(1, 31), quizzes.values()):
        history = _random_history(rng)
        histories[user_id, quiz.id] = history
        counted_number = practice_number = 0
        for state, needs_grading, practice, score in history:
            if practice:
                practice_number += 1
            else:
                counted_number += 1
            db.add(
                Attempt(
                    quiz_id=quiz.id,
                    user_id=users[user_id],
                    number=practice_number if practice else counted_number,
                    state=state,
                    needs_grading=needs_grading,
                    practice=practice,
                    score=score,
                )
            )
    db.commit()
    ranked = ranked_attempts(COUNTED)
    for method, quiz in quizzes.items():
        query = select(ranked.c.user_id, grade_column(ranked, quiz.id, method)).group_by(ranked.c.user_id)
        in_sql = dict(db.execute(query).all())
        for (user_id, quiz_id), history in histories.items():
            if quiz_id != quiz.id:
                continue
            counted = [_Attempt(state, needs, score) for state, needs, practice, score in history if not practice]
            expected = grade_of(quiz, counted)
            got = in_sql.get(users[user_id])
            assert got == pytest.approx(expected), (method, history)
