"""Trainees are told when an instructor grades their essay, and when a regrade changes their score."""

from sqlmodel import select

from course.models import AttemptItem, Notification, User
from tests.conftest import send_mail, teaching, text_of
from tests.web.instructor.conftest import CAPITALS_GIFT, add_gift, make_quiz
from tests.web.instructor.test_questions import COMMON, rows
from tests.web.instructor.test_regrade_and_grading import ESSAY_GIFT, _take


def attempt_items_of(db, attempt):
    return db.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id)).all()


def _notices(db, user):
    db.expire_all()
    return db.exec(select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)).all()


def test_grading_an_essay_tells_the_trainee(mail_app, client, auth, db, bank, smtp_server):
    quiz = make_quiz(db, add_gift(db, bank, ESSAY_GIFT))
    trainee = auth.make_user("trainee")
    attempt = _take(db, quiz, trainee, {"bonded": "Goods wait before duty is paid.", "port": True})
    teaching(db, auth.as_role("instructor"), trainee)
    item = next(i for i in attempt_items_of(db, attempt) if i.fraction is None)
    assert auth.post(f"/instructor/grading/{item.id}", {"percent": "50", "comment": ""}).status_code == 302
    (notice,) = _notices(db, trainee)
    assert (notice.kind, notice.title) == ("essay_graded", "Your essay in Geography quiz was graded")
    assert notice.url == f"http://localhost/attempts/{attempt.id}/review"
    assert db.get(User, trainee.id).unread_notifications == 1
    send_mail(mail_app)
    assert "Your attempt now scores 75.0%." in text_of(smtp_server.to(trainee.email)[0])


def test_a_regrade_that_changes_a_score_tells_the_trainee(mail_app, client, auth, db, bank, smtp_server):
    [capital] = add_gift(db, bank, CAPITALS_GIFT)
    quiz = make_quiz(db, [capital])
    trainee, unchanged = auth.make_user("trainee"), auth.make_user("official")
    _take(db, quiz, trainee, {"capital": "a1"})  # Mombasa: wrong, then right once the key is fixed
    _take(db, quiz, unchanged, {"capital": "a2"})  # Kisumu: wrong before and after
    auth.as_role("instructor")
    fixed_key = (
        COMMON
        | {"name": "capital", "category": "geography", "text": "Which city is the capital of Kenya?"}
        | rows(
            "options",
            {"text": "Nairobi", "fraction": "0"},
            {"text": "Mombasa", "fraction": "100"},
            {"text": "Kisumu", "fraction": "0"},
        )
    )
    auth.post(f"/instructor/questions/{capital.id}", fixed_key)
    assert auth.post(f"/instructor/questions/{capital.id}/regrade").status_code == 302
    (notice,) = _notices(db, trainee)
    assert notice.title == "Your score in Geography quiz changed"
    assert _notices(db, unchanged) == []
    send_mail(mail_app)
    assert "your score went from 0.0% to 100.0%" in text_of(smtp_server.to(trainee.email)[0])
