"""Practice cannot leak: it follows the quiz's window, hides drawable keys, and is never graded by hand."""

from datetime import timedelta

from sqlmodel import select

from course.models import Question, Quiz
from course.models.base import utcnow
from course.questions import parse_gift
from course.quizzes.banks import get_or_create_bank, import_questions
from tests.conftest import teaching
from tests.web.quiz.helpers import right_answers, start

GIFT = """::capital::Which city is the capital of Kenya? {
=Nairobi#Right: Nairobi is the capital.
~Mombasa#Mombasa is the main port.
}

::bonded::Describe a bonded warehouse. {}
"""
KEY = "Nairobi is the capital"  # the right option's feedback, shown only with the key


def _quiz(db, *, essay=False, **settings) -> Quiz:
    bank = get_or_create_bank(db, "geography")
    import_questions(db, bank, parse_gift(GIFT).questions)
    db.flush()
    rows = db.exec(select(Question).where(Question.bank_id == bank.id).order_by(Question.id)).all()
    slots = [{"kind": "fixed", "question_id": q.id, "mark": 1} for q in rows if essay or q.qtype != "essay"]
    quiz = Quiz(slug="geo", title="Geography quiz", kind="other", review="feedback", slots=slots, **settings)
    db.add(quiz)
    db.commit()
    return quiz


def _refused(auth, client, quiz):
    response = auth.post(f"/quizzes/{quiz.id}/start", {"mode": "practice"})
    assert response.status_code == 302 and f"/quizzes/{quiz.id}" in response.headers["Location"]
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_practice_waits_for_the_quiz_to_open(client, auth, db):
    quiz = _quiz(db, opens_at=utcnow() + timedelta(days=2))
    auth.as_role("trainee")
    assert "Practise (does not count)" not in client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "Practice opens with the quiz" in _refused(auth, client, quiz)


def test_practice_closes_with_the_quiz(client, auth, db):
    quiz = _quiz(db, opens_at=utcnow() - timedelta(days=3), closes_at=utcnow() - timedelta(days=1))
    auth.as_role("trainee")
    assert "Practice closed with the quiz" in _refused(auth, client, quiz)


def test_the_instructor_can_open_practice_outside_the_window(client, auth, db):
    quiz = _quiz(db, closes_at=utcnow() - timedelta(days=1), practice_outside_window=True)
    auth.as_role("trainee")
    assert "Practise (does not count)" in client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    start(auth, quiz, mode="practice")


def _practise(auth, client, db, quiz) -> str:
    attempt_id = start(auth, quiz, mode="practice")
    response = auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_practice_review_hides_the_key_of_questions_the_quiz_can_draw(client, auth, db):
    quiz = _quiz(db)
    auth.as_role("trainee")
    review = _practise(auth, client, db, quiz)
    assert "Correct" in review  # whether the answer was right is still shown
    assert KEY not in review and "Right answer:" not in review
    assert "The right answer is not shown in practice" in review


def test_counted_review_still_shows_the_key(client, auth, db):
    quiz = _quiz(db)
    auth.as_role("trainee")
    attempt_id = start(auth, quiz)
    response = auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    assert KEY in client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_instructor_may_choose_to_show_practice_keys(client, auth, db):
    quiz = _quiz(db, practice_shows_keys=True)
    auth.as_role("trainee")
    assert KEY in _practise(auth, client, db, quiz)


def test_a_question_the_quiz_no_longer_draws_shows_its_key(client, auth, db):
    quiz = _quiz(db)
    auth.as_role("trainee")
    attempt_id = start(auth, quiz, mode="practice")
    quiz.slots = []  # the instructor took the question out of the quiz
    db.add(quiz)
    db.commit()
    response = auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    assert KEY in client.get(response.headers["Location"]).get_data(as_text=True)


def test_practice_essays_are_not_queued_for_grading(client, auth, db):
    quiz = _quiz(db, essay=True)
    trainee = auth.as_role("trainee")
    _practise(auth, client, db, quiz)
    auth.logout()
    teaching(db, auth.as_role("instructor"), trainee)
    queue = client.get("/instructor/grading").get_data(as_text=True)
    assert "Geography quiz" not in queue
