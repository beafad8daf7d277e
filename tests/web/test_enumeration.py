"""No account enumeration: registration and log-in answer alike, and hash a password alike, whether an email
has an account, an unclaimed invitation or nothing."""

import pytest
from sqlmodel import select
from werkzeug import security

import course.accounts
from course.accounts import create_user
from course.models import User


def _arrange(db, auth):
    auth.make_user("trainee", email="known@example.org")
    create_user(db, email="invited@example.org", name="Invited Person", password=None)
    db.commit()


def _answer(app, db, email: str):
    """What a fresh visitor sees when registering with `email`: the response, then the page it leads to."""
    from tests.conftest import Auth

    visitor = Auth(app.test_client(), db)
    response = visitor.register(email=email, name="Someone Else", password="quiet river lantern")
    follow = visitor.client.get(response.headers["Location"]).get_data(as_text=True)
    follow = follow.replace(visitor.client.get_cookie("session").value, "")  # the session differs, of course
    return response.status_code, response.headers["Location"], response.get_data(as_text=True), _flash(follow)


def _flash(html: str) -> str:
    return html.split('<div class="flashes"', 1)[1].split("</div>", 1)[0]


def test_registration_answers_the_same_for_a_known_an_invited_and_a_new_email(app, auth, db):
    _arrange(db, auth)
    known = _answer(app, db, "Known@example.org")
    invited = _answer(app, db, "invited@example.org")
    new = _answer(app, db, "new@example.org")
    assert known == invited == new
    assert known[0] == 302 and "your account is ready" in known[3]
    db.expire_all()
    accounts = {u.email: u for u in db.exec(select(User))}
    assert accounts["known@example.org"].name == "Trainee User"  # the existing accounts are left as they were
    assert accounts["invited@example.org"].password_hash == ""
    assert accounts["new@example.org"].name == "Someone Else"


@pytest.fixture
def hashing(monkeypatch):
    """Counts the password hashes made and checked (werkzeug's functions, spied on, still doing their work)."""
    counts = {"made": 0, "checked": 0}

    def generate(*args, **kwargs):
        counts["made"] += 1
        return security.generate_password_hash(*args, **kwargs)

    def check(*args, **kwargs):
        counts["checked"] += 1
        return security.check_password_hash(*args, **kwargs)

    monkeypatch.setattr(course.accounts, "generate_password_hash", generate)
    monkeypatch.setattr(course.accounts, "check_password_hash", check)
    return counts


@pytest.mark.parametrize("email", ["known@example.org", "invited@example.org", "nobody@example.org"])
def test_log_in_checks_a_password_hash_whether_or_not_the_account_exists(app, auth, db, hashing, email):
    _arrange(db, auth)
    auth.login("known@example.org", "warming up the dummy hash")  # made once per process and method
    hashing.update(made=0, checked=0)
    response = auth.login(email, "not the right password")
    assert response.status_code == 422 and "Email or password is wrong." in response.get_data(as_text=True)
    assert hashing["checked"] == 1


@pytest.mark.parametrize("email", ["known@example.org", "invited@example.org", "new@example.org"])
def test_registration_hashes_a_password_whether_or_not_the_account_exists(app, auth, db, hashing, email):
    _arrange(db, auth)
    hashing.update(made=0, checked=0)
    assert auth.register(email=email, password="quiet river lantern").status_code == 302
    assert hashing["made"] == 1
