"""A trainee's own progress and xAPI record over the JSON API; never anybody else's."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from course.models import ActivityEvent, Attempt, Cohort, CohortMember, LearningPath, Lesson, LessonProgress, Quiz
from course.progress import enrolments


def _quiz(db, slug="harbour-city-pilot"):
    module_id = db.exec(select(Lesson).where(Lesson.slug == slug)).one().module_id
    quiz = Quiz(slug="zones-quiz", title="Zones quiz", module_id=module_id, kind="module", attempts_allowed=2)
    db.add(quiz)
    db.commit()
    return quiz


def _someone_else_did_everything(auth, db, quiz):
    other = auth.make_user("trainee", email="other@example.org")
    for lesson in db.exec(select(Lesson)):
        db.add(LessonProgress(user_id=other.id, lesson_id=lesson.id, completed_at=datetime.now(UTC)))
    db.add(Attempt(quiz_id=quiz.id, user_id=other.id, number=1, state="submitted", score=1.0))
    db.add(ActivityEvent(user_id=other.id, verb="passed", object_type="quiz", object_id=quiz.id, label="x", score=1.0))
    db.commit()
    return other


def test_progress_document(synced, client, auth, db):
    quiz = _quiz(db)
    me = auth.as_role("trainee")
    _someone_else_did_everything(auth, db, quiz)
    path = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    enrolments.enrol(db, user_id=me.id, path=path, due_date=datetime(2025, 6, 30, tzinfo=UTC))
    cohort = Cohort(name="Spring", path_id=path.id, due_date=datetime(2025, 5, 31, tzinfo=UTC))
    db.add(cohort)
    db.flush()
    db.add(CohortMember(cohort_id=cohort.id, user_id=me.id))
    db.add(Attempt(quiz_id=quiz.id, user_id=me.id, number=1, state="submitted", score=0.0))
    db.commit()
    auth.post("/lessons/harbour-city-pilot/complete")
    body = client.get("/api/v1/me/progress").get_json()
    zones, logistics = body["modules"]
    standing = {
        "id": quiz.id,
        "slug": "zones-quiz",
        "title": "Zones quiz",
        "best_score": 0.0,
        "passed": False,
        "attempts_used": 1,
        "attempts_left": 1,
        "in_progress": False,
    }
    assert zones == {
        "slug": "pilot-zones",
        "title": "Pilot zones",
        "lessons_done": 1,
        "lessons_total": 2,
        "percent": 33,
        "complete": False,
        "locked": False,
        "quizzes": [standing],
        "quiz": standing,
    }
    assert (logistics["lessons_done"], logistics["locked"], logistics["quiz"], logistics["quizzes"]) == (
        0,
        True,
        None,
        [],
    )
    assert body["paths"] == [
        {
            "slug": "officials",
            "title": "Officials path",
            "percent": 16,
            "complete": False,
            "next_module": "pilot-zones",
            "due_date": "2025-05-31T00:00:00+00:00",
        }
    ]


def test_progress_of_a_new_trainee_is_all_zero(synced, client, auth, db):
    _someone_else_did_everything(auth, db, _quiz(db))
    auth.as_role("trainee")
    body = client.get("/api/v1/me/progress").get_json()
    assert [m["lessons_done"] for m in body["modules"]] == [0, 0]
    assert body["modules"][0]["quiz"]["best_score"] is None and body["paths"] == []


def test_visitors_get_a_json_401_not_the_login_page(client):
    for url in ("/api/v1/me/progress", "/api/v1/me/xapi"):
        response = client.get(url)
        assert response.status_code == 401 and response.is_json and "Location" not in response.headers
        assert response.get_json()["error"] == "unauthorized"


def test_xapi_statements(synced, client, auth, db):
    quiz = _quiz(db)
    me = auth.as_role("trainee")
    _someone_else_did_everything(auth, db, quiz)
    client.get("/lessons/harbour-city-pilot")
    auth.post("/lessons/harbour-city-pilot/complete")
    submitted = datetime.now(UTC) + timedelta(minutes=1)
    db.add(
        Attempt(
            quiz_id=quiz.id,
            user_id=me.id,
            number=1,
            state="submitted",
            score=0.25,
            marks=1.0,
            max_marks=4.0,
            submitted_at=submitted,
        )
    )
    db.add(
        ActivityEvent(
            user_id=me.id,
            verb="failed",
            object_type="quiz",
            object_id=quiz.id,
            label=quiz.title,
            score=0.25,
            at=submitted,
        )
    )
    db.commit()
    statements = client.get("/api/v1/me/xapi").get_json()
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in statements] == ["experienced", "completed", "failed"]
    assert all(
        s["actor"] == {"objectType": "Agent", "name": me.name, "mbox": "mailto:trainee@example.org"} for s in statements
    )
    lesson, _, result = statements
    assert lesson["object"]["id"] == "http://localhost/lessons/harbour-city-pilot"
    assert lesson["object"]["definition"]["name"] == {"en-US": "Harbour City pilot area"}
    assert lesson["context"]["contextActivities"]["parent"][0]["id"] == "http://localhost/modules/pilot-zones"
    assert lesson["verb"]["display"] == {"en-US": "experienced"}
    assert result["object"]["id"] == f"http://localhost/quizzes/{quiz.id}"
    assert result["result"] == {
        "completion": True,
        "success": False,
        "score": {"scaled": 0.25, "raw": 1.0, "min": 0, "max": 4.0},
    }
    assert all(s["timestamp"].endswith("+00:00") for s in statements)
    assert len({uuid.UUID(s["id"]) for s in statements}) == 3
    assert client.get("/api/v1/me/xapi").get_json() == statements  # stable ids


def test_xapi_of_a_new_trainee_is_empty(synced, client, auth, db):
    _someone_else_did_everything(auth, db, _quiz(db))
    auth.as_role("trainee")
    assert client.get("/api/v1/me/xapi").get_json() == []
