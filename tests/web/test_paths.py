"""Learning paths: choose one, see what is next, prerequisites lock modules on the server."""

from sqlmodel import select

from course.content import catalogue
from course.models import PathEnrolment
from course.progress import enrolments
from tests.conftest import rival_commits_after
from tests.web.quiz.helpers import quiz_by_slug, right_answers, start


def test_paths_page_lists_paths_with_prerequisites(synced, client):
    page = client.get("/paths").get_data(as_text=True)
    assert "Officials path" in page and "(after Pilot zones)" in page


def test_follow_path_locks_modules_until_prerequisites_are_complete(synced, client, auth, db):
    user = auth.as_role("official")
    assert auth.post("/paths/officials/follow").status_code == 302
    assert db.exec(select(PathEnrolment).where(PathEnrolment.user_id == user.id)).one()
    mine = client.get("/my-learning").get_data(as_text=True)
    assert 'Next: <a href="/modules/pilot-zones">Pilot zones</a>' in mine
    assert "locked until Pilot zones is complete" in mine
    locked = client.get("/lessons/rail-freight")
    assert locked.status_code == 403 and "This module is locked" in locked.get_data(as_text=True)
    module_page = client.get("/modules/logistics-basics").get_data(as_text=True)
    assert "This module unlocks when you complete" in module_page and "Locked" in module_page
    assert 'href="/lessons/rail-freight"' not in module_page  # a locked module offers no lesson link
    assert auth.post("/lessons/rail-freight/complete").status_code == 403
    assert auth.post("/lessons/rail-freight/visit").status_code == 403  # a locked lesson's visit is refused too
    for slug in ("harbour-city-pilot", "river-town-bonded-zone"):
        auth.post(f"/lessons/{slug}/complete")
    assert client.get("/lessons/rail-freight").status_code == 200
    assert 'href="/lessons/rail-freight"' in client.get("/modules/logistics-basics").get_data(as_text=True)
    mine = client.get("/my-learning").get_data(as_text=True)
    assert 'Next: <a href="/modules/logistics-basics">Logistics basics</a>' in mine


def test_a_path_followed_twice_at_once_is_followed_once(synced, client, auth, app, db):
    """A double click, or two servers: the other request enrols the trainee just after this one looked for an
    enrolment. This one still answers as a follow does, and one enrolment is left."""
    user = auth.as_role("official")

    def follow_on_the_other_server(other):
        enrolments.enrol(other, user_id=user.id, path=catalogue.path_by_slug(other, "officials"))

    with rival_commits_after(app.extensions["db_engine"], r'FROM "?user"?\b', follow_on_the_other_server) as ran:
        response = auth.post("/paths/officials/follow")
    assert ran
    assert response.status_code == 302 and response.headers["Location"] == "/my-learning"
    assert "You now follow the path" in client.get("/my-learning").get_data(as_text=True)
    assert len(db.exec(select(PathEnrolment).where(PathEnrolment.user_id == user.id)).all()) == 1


def test_without_a_path_nothing_is_locked(synced, client, auth):
    auth.as_role("trainee")
    assert client.get("/lessons/rail-freight").status_code == 200


def test_module_quiz_is_part_of_module_completion_and_dashboard(synced_quizzes, client, auth, db):
    auth.as_role("trainee")
    auth.post("/paths/officials/follow")
    for slug in ("harbour-city-pilot", "river-town-bonded-zone"):
        auth.post(f"/lessons/{slug}/complete")
    assert client.get("/lessons/rail-freight").status_code == 403  # quiz not passed yet
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    assert client.get("/lessons/rail-freight").status_code == 200
    mine = client.get("/my-learning").get_data(as_text=True)
    assert "End-of-module quiz: Pilot zones" in mine and "100.0%" in mine and "Passed" in mine


def test_continue_where_you_left_off(synced, client, auth):
    auth.as_role("trainee")
    auth.post("/lessons/river-town-bonded-zone/visit")
    mine = client.get("/my-learning").get_data(as_text=True)
    assert 'Continue where you left off: <a href="/lessons/river-town-bonded-zone">' in mine
