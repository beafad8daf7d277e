"""Roles are checked on the server for every route; CSRF protects every POST."""

import pytest
from sqlmodel import select

from course.models import User

STAFF_ONLY = ["/admin/users"]


@pytest.mark.parametrize("url", STAFF_ONLY)
def test_trainee_is_refused_admin_pages(client, auth, url):
    auth.as_role("trainee")
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", STAFF_ONLY)
def test_visitor_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_trainee_cannot_change_roles_even_by_posting(client, auth, db):
    trainee = auth.as_role("trainee")
    response = auth.post(f"/admin/users/{trainee.id}/role", {f"u{trainee.id}-role": "admin"})
    assert response.status_code == 403
    db.expire_all()
    assert db.get(User, trainee.id).role == "trainee"


def test_admin_changes_a_role_in_the_web_ui(client, auth, db):
    other = auth.make_user("trainee", email="learner@example.org")
    auth.as_role("admin")
    page = client.get("/admin/users").get_data(as_text=True)
    assert "learner@example.org" in page
    response = auth.post(f"/admin/users/{other.id}/role", {f"u{other.id}-role": "instructor"})
    assert response.status_code == 302
    db.expire_all()
    assert db.get(User, other.id).role == "instructor"


def test_admin_cannot_demote_themself(client, auth, db):
    admin = auth.as_role("admin")
    auth.post(f"/admin/users/{admin.id}/role", {f"u{admin.id}-role": "trainee"})
    db.expire_all()
    assert db.get(User, admin.id).role == "admin"


def test_post_without_csrf_token_is_rejected(client, auth, db):
    auth.make_user("trainee")
    response = client.post("/login", data={"email": "trainee@example.org", "password": "correct horse battery"})
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    response = client.post(
        "/register",
        data={"email": "x@example.org", "password": "long enough pw", "confirm": "long enough pw", "name": "X"},
    )
    assert response.status_code == 400
    assert db.exec(select(User).where(User.email == "x@example.org")).first() is None


def test_every_route_declares_an_access_rule(app):
    for name, view in app.view_functions.items():
        if name != "static":
            assert hasattr(view, "access"), name
