"""Two submits of the same attempt at the same moment (double click, two tabs) grade it once."""

import threading

from sqlmodel import Session, select

from course.models import ActivityEvent, Attempt
from course.quizzes import attempts as service
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
