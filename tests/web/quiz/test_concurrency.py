"""Two submits of the same attempt at the same moment (double click, two tabs) grade it once; two starts at the
same moment (two tabs, or the same trainee on two servers) open one attempt."""

import threading

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from course.models import ActivityEvent, Attempt, Quiz
from course.quizzes import attempts as service
from tests.conftest import rival_commits_after
from tests.web.quiz.helpers import quiz_by_slug


def test_simultaneous_submits_produce_one_graded_attempt(synced_quizzes, auth, db, app):
    user = auth.make_user("trainee")
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt = service.start_attempt(db, quiz, user.id)
    db.commit()
    engine = app.extensions["db_engine"]
    barrier = threading.Barrier(2)
    outcomes, errors = [], []

    def submit():
        try:
            with Session(engine) as session:
                row = session.get(Attempt, attempt.id)
                barrier.wait()
                outcomes.append(service.submit_attempt(session, row, {}))
                session.commit()
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sorted(outcomes) == [False, True]
    db.expire_all()
    assert db.get(Attempt, attempt.id).state == "submitted"
    assert len(db.exec(select(ActivityEvent).where(ActivityEvent.object_type == "quiz")).all()) == 1


@pytest.mark.parametrize("practice", [False, True])
def test_a_start_committed_while_another_start_reads_opens_no_second_attempt(synced_quizzes, auth, db, app, practice):
    """The rival start (another server) commits right after this start first reads the trainee's attempts."""
    user = auth.make_user("trainee")
    quiz_id = quiz_by_slug(db, "pilot-zones-quiz").id
    engine = app.extensions["db_engine"]

    def start_on_the_other_server(other):
        service.start_attempt(other, other.get(Quiz, quiz_id), user.id, practice=practice)

    with (
        rival_commits_after(engine, r"\bFROM attempt\b", start_on_the_other_server) as rival_ran,
        Session(engine) as session,
    ):
        try:
            service.start_attempt(session, session.get(Quiz, quiz_id), user.id, practice=practice)
            session.commit()
        except IntegrityError:  # what the start route turns into resuming the rival's attempt
            session.rollback()
    assert rival_ran
    db.expire_all()
    attempts = db.exec(select(Attempt).where(Attempt.user_id == user.id)).all()
    assert [(a.number, a.practice, a.state) for a in attempts] == [(1, practice, "in_progress")]
