"""Pages kept per learner show every change at once, whoever made it and on whichever server."""

from sqlmodel import Session, select

from course.content import catalogue
from course.models import LearningPath, Quiz, QuizExtension
from course.progress import enrolments, records


def test_a_change_made_elsewhere_shows_on_the_next_view(app, client, synced_quizzes, auth):
    trainee = auth.as_role("trainee")
    lesson = catalogue.lessons_by_module(auth.db)[catalogue.module_by_slug(auth.db, "pilot-zones").id][0]
    assert lesson.title not in client.get("/my-learning").get_data(as_text=True)
    client.get(f"/lessons/{lesson.slug}")  # kept now
    with Session(app.extensions["db_engine"]) as elsewhere:  # another server, say
        records.mark_complete(elsewhere, user_id=trainee.id, lesson=lesson)
        enrolments.enrol(elsewhere, user_id=trainee.id, path=elsewhere.exec(select(LearningPath)).first())
        elsewhere.commit()
    assert "You completed this lesson" in client.get(f"/lessons/{lesson.slug}").get_data(as_text=True)
    page = client.get("/my-learning").get_data(as_text=True)
    assert lesson.title in page and "Officials path" in page


def test_an_extension_granted_by_staff_shows_at_once(app, client, synced_quizzes, auth):
    trainee = auth.as_role("trainee")
    quiz = auth.db.exec(select(Quiz).where(Quiz.slug == "pilot-zones-quiz")).one()
    enrolments.enrol(auth.db, user_id=trainee.id, path=auth.db.exec(select(LearningPath)).first())
    auth.db.commit()
    row = f"{quiz.title}</a></th>\n      <td>—</td>\n      <td>Not taken</td>\n      <td>{{}}</td>"
    assert row.format(2) in client.get("/my-learning").get_data(as_text=True)  # attempts_allowed: 2
    with Session(app.extensions["db_engine"]) as staff:
        staff.add(QuizExtension(quiz_id=quiz.id, user_id=trainee.id, extra_attempts=3))
        staff.commit()
    assert row.format(5) in client.get("/my-learning").get_data(as_text=True)
