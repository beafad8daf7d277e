"""Throttled log-in, registration and invitation POSTs, per account and per address, in memory and in Redis."""

import uuid

import pytest

from course.cohorts import invitations
from tests.conftest import Auth, make_app

REDIS_URL = "redis://127.0.0.1:6379"


def _redis_reachable() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


@pytest.fixture(params=["memory", "redis"])
def throttled(request, database_url, content_dir, tmp_path, db):
    """An app whose throttle allows 3 POSTs per account and 5 per address, counted in memory or in Redis."""
    settings = {"THROTTLE_PER_ACCOUNT": "3 per 15 minutes", "THROTTLE_PER_ADDRESS": "5 per 15 minutes"}
    if request.param == "redis":
        if not _redis_reachable():
            pytest.skip("Redis is not reachable on 127.0.0.1:6379")
        # A prefix of this test's own, so parallel runs sharing the Redis never count each other's attempts.
        settings |= {"RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_KEY_PREFIX": f"cbec-test-{uuid.uuid4().hex}"}
    app = make_app(database_url, content_dir, tmp_path / "no-quizzes", **settings)
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def visitor(throttled, db):
    return Auth(throttled.test_client(), db)


def test_after_the_limit_even_the_right_password_is_refused_with_a_styled_429(throttled, visitor):
    visitor.make_user("trainee")
    for _ in range(3):
        assert visitor.login(password="not the password at all").status_code == 422
    refused = visitor.login()  # the right password
    assert refused.status_code == 429
    retry_after = int(refused.headers["Retry-After"])
    assert 0 < retry_after <= 15 * 60
    html = refused.get_data(as_text=True)
    assert "Too many attempts, try again in" in html and "minutes" in html and "style.css" in html
    assert visitor.client.get("/my-learning").status_code == 302
    assert visitor.client.get("/login").status_code == 200  # reading the form is not counted


def test_the_account_limit_holds_across_addresses_and_other_accounts_still_log_in(throttled, visitor, db):
    visitor.make_user("trainee")
    visitor.make_user("official")
    for number in range(3):
        address = {"REMOTE_ADDR": f"10.0.0.{number}"}
        data = {"email": "trainee@example.org", "password": "wrong guess here", "csrf_token": _token(visitor)}
        assert visitor.client.post("/login", data=data, environ_base=address).status_code == 422
    data = {"email": "trainee@example.org", "password": "correct horse battery", "csrf_token": _token(visitor)}
    assert visitor.client.post("/login", data=data, environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 429
    assert visitor.login("official@example.org").status_code == 302


def test_the_address_limit_counts_every_account_and_route(throttled, visitor):
    for number in range(3):
        assert visitor.login(f"nobody{number}@example.org", "wrong guess here").status_code == 422
    assert visitor.register(email="new@example.org").status_code == 302
    assert visitor.register(email="other@example.org", password="short").status_code == 422
    assert visitor.login("someone@example.org", "wrong guess here").status_code == 429
    assert visitor.register(email="third@example.org").status_code == 429


def test_invitation_links_are_throttled(throttled, visitor, db):
    from course.accounts import create_user

    user = create_user(db, email="amina@example.org", name="Amina", password=None)
    token = invitations.invite(db, user=user)
    db.commit()
    for _ in range(3):
        response = visitor.post(f"/invite/{token}", {"password": "short", "confirm": "short"})
        assert response.status_code == 422
    assert visitor.post(f"/invite/{token}", {"password": "quiet river lantern", "confirm": "x"}).status_code == 429


def test_the_default_limits_are_ten_per_account_and_thirty_per_address(app):
    assert app.config["THROTTLE_PER_ACCOUNT"] == "10 per 15 minutes"
    assert app.config["THROTTLE_PER_ADDRESS"] == "30 per 15 minutes"


def _token(visitor) -> str:
    from tests.conftest import csrf_token

    return csrf_token(visitor.client)
