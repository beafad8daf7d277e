"""When a module ends with a quiz, passing it (or having its essay graded) is what completes the path."""

from sqlmodel import select

from course.content import catalogue
from course.models import AttemptItem, Certificate, Question, Quiz
from course.questions import parse_gift
from course.quizzes.banks import get_or_create_bank, import_questions
from tests.certificates.conftest import complete_path
from tests.conftest import teaching
from tests.web.quiz.helpers import right_answers, start

TRUE_FALSE = "::port::Mombasa is a port. {T}\n"
ESSAY = "::bonded::Describe a bonded warehouse. {}\n"


def _end_of_module_quiz(db, gift: str) -> Quiz:
    """A module quiz on the path's last module, made of the questions in `gift`."""
    bank = get_or_create_bank(db, "logistics")
    import_questions(db, bank, parse_gift(gift).questions, limit=1000)
    db.flush()
    questions = db.exec(select(Question).where(Question.bank_id == bank.id)).all()
    quiz = Quiz(
        slug="logistics-check",
        title="Logistics check",
        pass_mark=50,
        kind="module",
        module_id=catalogue.module_by_slug(db, "logistics-basics").id,
        slots=[{"kind": "fixed", "question_id": q.id, "mark": 1} for q in questions],
    )
    db.add(quiz)
    db.commit()
    return quiz


def test_passing_the_last_module_quiz_issues_the_certificate(synced, client, auth, db):
    quiz = _end_of_module_quiz(db, TRUE_FALSE)
    auth.as_role("trainee")
    complete_path(auth)
    assert db.exec(select(Certificate)).all() == []  # the quiz is still to pass
    attempt_id = start(auth, quiz)
    response = auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    assert response.status_code == 302
    assert db.exec(select(Certificate)).one().path_title == "Officials path"
    assert "Certificate earned: Officials path" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_grading_the_essay_that_passes_the_quiz_issues_it(synced, client, auth, db):
    quiz = _end_of_module_quiz(db, ESSAY)
    trainee = auth.as_role("trainee")
    complete_path(auth)
    attempt_id = start(auth, quiz)
    auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    assert db.exec(select(Certificate)).all() == []  # waiting for the instructor's mark
    auth.logout()
    teaching(db, auth.as_role("instructor"), trainee)
    item = db.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt_id)).one()
    response = auth.post(f"/instructor/grading/{item.id}", {"percent": "80", "comment": "Good."})
    assert response.status_code == 302
    certificate = db.exec(select(Certificate)).one()
    assert certificate.user_id == trainee.id
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Certificate issued to Trainee User: Officials path." in page
