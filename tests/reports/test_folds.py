"""The per-member folds agree with the grader and the completion rules, on both databases."""

import pytest
from sqlmodel import select

from course.models import Attempt, Cohort, CohortMember, Lesson, Quiz
from course.quizzes.grades import combine_attempt_scores
from course.reports import folds, queries

SCORES = [0.5, 0.9, 0.6]  # finished attempts 1-3, in the order taken


@pytest.fixture
def graded(synced, db, auth):
    """One member with the same attempts at four quizzes, one per grading method; plus noise that never counts."""
    zones = db.exec(select(Lesson).where(Lesson.slug == "harbour-city-pilot")).one().module_id
    member = auth.make_user("trainee")
    cohort = Cohort(name="Methods")
    db.add(cohort)
    db.flush()
    db.add(CohortMember(cohort_id=cohort.id, user_id=member.id))
    quizzes = {}
    for method in ("highest", "average", "first", "last"):
        quiz = Quiz(
            slug=f"q-{method}", title=method, module_id=zones, kind="module", grading_method=method, pass_mark=60
        )
        db.add(quiz)
        db.flush()
        quizzes[method] = quiz
        for number, score in enumerate(SCORES, start=1):
            db.add(Attempt(quiz_id=quiz.id, user_id=member.id, number=number, state="submitted", score=score))
        db.add(Attempt(quiz_id=quiz.id, user_id=member.id, number=4, state="submitted", score=1.0, needs_grading=True))
        db.add(Attempt(quiz_id=quiz.id, user_id=member.id, number=5, state="in_progress"))
        db.add(Attempt(quiz_id=quiz.id, user_id=member.id, number=1, practice=True, state="submitted", score=1.0))
    db.commit()
    return cohort, member, quizzes


def test_grades_follow_each_grading_method(graded, db):
    cohort, member, quizzes = graded
    (module,) = [m for m in queries.cohort_modules(db, cohort) if m.quizzes]
    (row,) = folds.quiz_facts(db, cohort.id, [module], detail=True)
    order = [q.grading_method for q in module.quizzes]
    expected = [combine_attempt_scores(SCORES + [None, None], method) for method in order]
    assert row.grades == pytest.approx(tuple(expected))
    assert row.best == pytest.approx((0.9,) * 4) and row.in_progress == (1, 1, 1, 1)
    assert row.attempts == 24  # practice included: it shows the member started


@pytest.mark.parametrize("pre_method, post_method", [("first", "last"), ("average", "highest"), ("last", "first")])
def test_knowledge_gain_uses_each_tests_grading_method(graded, db, pre_method, post_method):
    cohort, member, quizzes = graded
    quizzes[pre_method].kind, quizzes[post_method].kind = "pretest", "posttest"
    db.commit()
    (module,) = [m for m in queries.cohort_modules(db, cohort) if m.pretest]
    assert (module.pretest.grading_method, module.posttest.grading_method) == (pre_method, post_method)
    (row,) = folds.knowledge_gains(db, cohort.id, [module])
    assert (row.n, row.pre_sum, row.post_sum) == (
        1,
        pytest.approx(combine_attempt_scores(SCORES, pre_method)),
        pytest.approx(combine_attempt_scores(SCORES, post_method)),
    )
