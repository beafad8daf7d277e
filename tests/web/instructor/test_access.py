"""Only instructors and administrators reach the authoring pages, whatever the method."""

import pytest
from sqlmodel import select

from course.models import QuestionBank

GET_URLS = [
    "/instructor/banks",
    "/instructor/banks/1",
    "/instructor/banks/1/export.gift",
    "/instructor/banks/1/export.xml",
    "/instructor/banks/1/questions/new?type=single",
    "/instructor/questions/1",
    "/instructor/questions/1/preview",
    "/instructor/questions/1/regrade",
    "/instructor/quizzes",
    "/instructor/quizzes/new",
    "/instructor/quizzes/1",
    "/instructor/quizzes/1/preview",
    "/instructor/grading",
    "/instructor/grading/1",
]
POST_URLS = [
    "/instructor/banks",
    "/instructor/banks/1/paste",
    "/instructor/banks/1/upload",
    "/instructor/banks/1/questions/new?type=single",
    "/instructor/questions/1",
    "/instructor/questions/1/archive",
    "/instructor/questions/1/preview",
    "/instructor/questions/1/regrade",
    "/instructor/quizzes/new",
    "/instructor/quizzes/1",
    "/instructor/quizzes/1/slots/fixed",
    "/instructor/quizzes/1/slots/random",
    "/instructor/quizzes/1/slots/0/remove",
    "/instructor/quizzes/1/extensions",
    "/instructor/grading/1",
]


@pytest.mark.parametrize("url", GET_URLS)
def test_trainee_is_refused_every_page(client, auth, url):
    auth.as_role("trainee")
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", POST_URLS)
def test_trainee_is_refused_every_form(client, auth, url):
    auth.as_role("trainee")
    assert auth.post(url, {"name": "sneaky", "gift": "Q {T}"}).status_code == 403


def test_trainee_cannot_create_a_bank(client, auth, db):
    auth.as_role("trainee")
    auth.post("/instructor/banks", {"name": "sneaky"})
    assert db.exec(select(QuestionBank)).first() is None


@pytest.mark.parametrize("url", ["/instructor/banks", "/instructor/quizzes", "/instructor/grading"])
def test_visitor_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_every_instructor_route_is_for_staff_only(app):
    views = {name: view for name, view in app.view_functions.items() if name.startswith("instructor.")}
    assert len(views) >= 20
    assert all(view.access == ("instructor", "admin") for view in views.values())


def test_admin_may_use_the_pages(client, auth):
    auth.as_role("admin")
    assert client.get("/instructor/banks").status_code == 200


def test_staff_navigation_links_to_the_banks(client, auth):
    auth.as_role("instructor")
    page = client.get("/instructor/quizzes").get_data(as_text=True)
    assert 'href="/instructor/banks"' in page
