"""`flask quiz close-overdue`: attempts nobody came back to submit are submitted with the answers saved in time."""

from datetime import timedelta

from sqlmodel import select

from course.accounts import create_user
from course.models import Attempt, AttemptItem, Quiz
from course.models.base import utcnow
from course.quizzes.attempts import save_responses, start_attempt


def test_close_overdue_submits_attempts_left_open_past_their_deadline(synced_quizzes, db, runner):
    quiz = db.exec(select(Quiz).where(Quiz.slug == "pilot-zones-quiz")).one()
    quiz.time_limit_minutes = 10
    trainee = create_user(db, email="late@example.org", name="Late", password="a long enough password")
    other = create_user(db, email="early@example.org", name="Early", password="a long enough password")
    late = start_attempt(db, quiz, trainee.id)
    running = start_attempt(db, quiz, other.id)
    first_item = db.exec(
        select(AttemptItem).where(AttemptItem.attempt_id == late.id).order_by(AttemptItem.position)
    ).first()
    save_responses(db, late, {first_item.id: "something"})
    late.deadline = utcnow() - timedelta(minutes=2)
    db.commit()
    result = runner.invoke(args=["quiz", "close-overdue"])
    assert result.exit_code == 0 and "1 overdue attempt submitted." in result.output
    db.expire_all()
    assert db.get(Attempt, late.id).state == "submitted" and db.get(Attempt, running.id).state == "in_progress"
    assert db.get(AttemptItem, first_item.id).response == {"value": "something"}  # saved in time: counted
    again = runner.invoke(args=["quiz", "close-overdue"])
    assert "0 overdue attempts submitted." in again.output
