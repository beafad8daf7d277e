"""A page view never writes: every GET a trainee or an instructor makes commits nothing."""

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

TRAINEE_PAGES = [
    "/",
    "/modules/pilot-zones",
    "/lessons/harbour-city-pilot",
    "/lessons/rail-freight",
    "/paths",
    "/glossary",
    "/my-learning",
    "/certificates",
    "/api/v1/me/progress",
    "/api/v1/me/xapi",
    "/api/v1/catalog",
    "/library",
    "/library?q=rail",
    "/library/compare?case=lesson:harbour-city-pilot&case=lesson:rail-freight",
    "/library/cases/mine",
    "/library/cases/new",
    "/account",
    "/account/password",
    "/modules/pilot-zones/synthesis",
    "/portfolio/",
    "/portfolio/shared",
    "/portfolio/export.md",
    "/portfolio/export.pdf",
    "/action-plans/",
    "/action-plans/action-plan",
]
STAFF_PAGES = [
    "/instructor/banks",
    "/instructor/quizzes",
    "/instructor/grading",
    "/cohorts/",
    "/reports/cohorts",
    "/admin/users",
    "/certificates/admin",
    "/action-plans/",
    "/portfolio/shared",
    "/library/review",
    "/admin/settings",
]


@pytest.fixture
def commits():
    """Counts session commits while a test runs."""
    seen = []

    def count(session):
        seen.append(session)

    event.listen(Session, "after_commit", count)
    yield seen
    event.remove(Session, "after_commit", count)


def test_trainee_pages_commit_nothing(synced_quizzes, client, auth, db, commits):
    from course.models import Attempt, Quiz

    auth.as_role("trainee")
    auth.post("/paths/officials/follow")
    auth.post("/lessons/harbour-city-pilot/complete")
    quiz = db.exec(select(Quiz).where(Quiz.kind == "module")).first()
    auth.post(f"/quizzes/{quiz.id}/start")
    attempt = db.exec(select(Attempt)).one()
    commits.clear()
    for url in [*TRAINEE_PAGES, f"/quizzes/{quiz.id}", f"/attempts/{attempt.id}"]:
        assert client.get(url).status_code in (200, 403), url
    assert commits == []


def test_staff_pages_commit_nothing(synced_quizzes, client, auth, commits):
    auth.as_role("admin")
    commits.clear()
    for url in STAFF_PAGES:
        assert client.get(url).status_code == 200, url
    assert commits == []
