"""Registration, login, logout, remember me, profile and password change through the real forms."""

import pytest
from sqlmodel import select

from course.accounts import create_user
from course.models import User
from tests.conftest import rival_commits_after


def test_register_creates_hashed_account_then_the_trainee_logs_in(client, auth, db):
    client.application.config["PASSWORD_HASH_METHOD"] = None  # the production default, not the tests' cheap one
    response = auth.register()
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    user = db.exec(select(User).where(User.email == "trainee@example.org")).one()
    assert user.role == "trainee" and user.country == "Kenya" and user.org_type == "sme"
    assert user.password_hash.startswith("scrypt:") and "correct horse" not in user.password_hash
    assert "your account is ready" in client.get("/login").get_data(as_text=True)
    assert auth.login().status_code == 302
    page = client.get("/my-learning")
    assert page.status_code == 200 and "My learning" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("email", "not-an-email", "Invalid email address"),
        ("password", "short", "at least 10"),
        ("name", "", "This field is required"),
    ],
)
def test_register_rejects_bad_input_with_error_next_to_field(auth, db, field, value, message):
    data = {field: value}
    if field == "password":
        data["confirm"] = value
    response = auth.register(**data)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert message in page
    assert f'id="{field}-error"' in page
    assert db.exec(select(User)).all() == []


def test_the_same_registration_sent_twice_at_once_makes_one_account(auth, client, app, db):
    """A double click, or the form sent to two servers: the other request creates the account just after this
    one checked the address was free. This one answers as every registration does (no error page), and one
    account is left."""

    def register_on_the_other_server(other):
        create_user(other, email="trainee@example.org", name="Amina Trainee", password="correct horse battery")

    with rival_commits_after(app.extensions["db_engine"], r'FROM "?user"?\b', register_on_the_other_server) as ran:
        response = auth.register()
    assert ran
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    db.expire_all()
    assert [u.email for u in db.exec(select(User)).all()] == ["trainee@example.org"]


def test_login_logout(client, auth):
    auth.make_user("trainee")
    assert auth.login(password="wrong password!").status_code == 422
    assert client.get("/my-learning").status_code == 302
    response = auth.login()
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/my-learning").status_code == 200
    assert auth.logout().status_code == 302
    assert client.get("/my-learning").headers["Location"].startswith("/login")


def test_logout_by_get_only_asks(client, auth):
    auth.as_role("trainee")
    page = client.get("/logout")
    assert page.status_code == 200 and 'action="/logout"' in page.get_data(as_text=True)
    assert client.get("/my-learning").status_code == 200


def test_remember_me_sets_persistent_cookie(client, auth):
    auth.make_user("trainee")
    auth.login(remember=True)
    assert client.get_cookie("remember_token") is not None


def test_login_without_remember_me_sets_no_persistent_cookie(client, auth):
    auth.make_user("trainee")
    auth.login()
    assert client.get_cookie("remember_token") is None


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/my-learning", "/my-learning"),
        ("https://evil.example/phish", "/"),
        ("//evil.example", "/"),
    ],
)
def test_login_next_only_follows_local_paths(client, auth, target, expected):
    auth.make_user("trainee")
    response = auth.post(f"/login?next={target}", {"email": "trainee@example.org", "password": "correct horse battery"})
    assert response.headers["Location"] == expected


def test_change_password(client, auth, db):
    auth.as_role("trainee")
    wrong = auth.post(
        "/account/password",
        {"current": "nope nope nope", "password": "a new long password", "confirm": "a new long password"},
    )
    assert wrong.status_code == 422 and "not your current password" in wrong.get_data(as_text=True)
    ok = auth.post(
        "/account/password",
        {"current": "correct horse battery", "password": "a new long password", "confirm": "a new long password"},
    )
    assert ok.status_code == 302
    auth.logout()
    assert auth.login(password="correct horse battery").status_code == 422
    assert auth.login(password="a new long password").status_code == 302


def test_profile_update(client, auth, db):
    user = auth.as_role("trainee")
    response = auth.post(
        "/account",
        {
            "name": "New Name",
            "organisation": "Ministry of Trade",
            "org_type": "government",
            "country": "Ghana",
            "firm_size": "",
            "sex": "female",
        },
    )
    assert response.status_code == 302
    db.expire_all()
    stored = db.get(User, user.id)
    assert (stored.name, stored.org_type, stored.country, stored.sex) == ("New Name", "government", "Ghana", "female")


@pytest.mark.parametrize("password", ["aaaaaaaaaa", "1234567890"])
def test_every_form_that_sets_a_password_refuses_a_guessable_one(client, auth, db, password):
    from course.cohorts import invitations
    from course.models.base import utcnow

    registered = auth.register(email="new@example.org", password=password)
    assert registered.status_code == 422 and "too easy to guess" in registered.get_data(as_text=True)
    assert db.exec(select(User).where(User.email == "new@example.org")).first() is None

    invited = create_invited(db)
    link = f"/invite/{invitations.invite(db, user=invited, now=utcnow())}"
    db.commit()
    accepted = auth.post(link, {"password": password, "confirm": password})
    assert accepted.status_code == 422 and "too easy to guess" in accepted.get_data(as_text=True)

    auth.as_role("trainee")
    changed = auth.post(
        "/account/password", {"current": "correct horse battery", "password": password, "confirm": password}
    )
    assert changed.status_code == 422 and 'id="password-error"' in changed.get_data(as_text=True)
    auth.logout()
    assert auth.login(password="correct horse battery").status_code == 302


def create_invited(db):
    from course.accounts import create_user

    user = create_user(db, email="invited@example.org", name="Invited", password=None)
    db.commit()
    return user
