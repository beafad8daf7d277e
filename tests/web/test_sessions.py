"""Sessions end: log-out, "sign out of all devices" and a password change make old cookies worthless."""

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from sqlalchemy import event

from course.models import User
from course.web.auth.loader import load_user

NEW_PASSWORD = "quiet river lantern"


def _cookies(client) -> dict[str, str]:
    return {name: client.get_cookie(name).value for name in ("session", "remember_token") if client.get_cookie(name)}


def _signed_in_with(app, cookies: dict[str, str]) -> bool:
    """Whether a fresh browser holding only these cookies is signed in."""
    fresh = app.test_client()
    for name, value in cookies.items():
        fresh.set_cookie(name, value)
    return fresh.get("/my-learning").status_code == 200


def test_after_log_out_the_old_session_and_remember_cookies_are_not_signed_in(app, client, auth):
    auth.make_user("trainee")
    auth.login(remember=True)
    cookies = _cookies(client)
    assert set(cookies) == {"session", "remember_token"}
    assert _signed_in_with(app, {"session": cookies["session"]})
    assert _signed_in_with(app, {"remember_token": cookies["remember_token"]})
    assert auth.logout().status_code == 302
    assert not _signed_in_with(app, {"session": cookies["session"]})
    assert not _signed_in_with(app, {"remember_token": cookies["remember_token"]})
    assert not _signed_in_with(app, cookies)


def test_get_logout_shows_a_styled_page_and_keeps_the_session(client, auth):
    auth.as_role("trainee")
    page = client.get("/logout")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Log out of CBEC Academy?" in html and "style.css" in html
    assert 'name="csrf_token"' in html
    assert client.get("/my-learning").status_code == 200
    assert client.post("/logout").status_code == 400  # no CSRF token: nothing happens
    assert client.get("/my-learning").status_code == 200


def test_sign_out_of_all_devices_ends_every_session(app, client, auth, db):
    user = auth.make_user("trainee")
    old_token = user.session_token
    other_device = app.test_client()
    other = type(auth)(other_device, db)
    other.login(remember=True)
    phone = _cookies(other_device)
    auth.login()
    profile = client.get("/account").get_data(as_text=True)
    assert 'action="/account/sessions"' in profile and "Sign out of all devices" in profile
    assert client.post("/account/sessions").status_code == 400  # CSRF
    assert auth.post("/account/sessions").headers["Location"] == "/login"
    assert client.get("/my-learning").status_code == 302
    assert not _signed_in_with(app, phone) and not _signed_in_with(app, {"remember_token": phone["remember_token"]})
    db.expire_all()
    assert db.get(User, user.id).session_token != old_token


def test_changing_the_password_ends_other_sessions_and_keeps_this_one(app, client, auth, db):
    auth.make_user("trainee")
    other_device = app.test_client()
    type(auth)(other_device, db).login(remember=True)
    phone = _cookies(other_device)
    auth.login(remember=True)
    response = auth.post(
        "/account/password",
        {"current": "correct horse battery", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/my-learning").status_code == 200  # this device, with the new token
    mine = _cookies(client)
    assert _signed_in_with(app, {"remember_token": mine["remember_token"]})  # its remember cookie was renewed
    assert not _signed_in_with(app, phone)
    assert not _signed_in_with(app, {"remember_token": phone["remember_token"]})


def test_remember_me_lasts_thirty_days_by_default_and_is_configurable(app, client, auth):
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)
    app.config["REMEMBER_COOKIE_DURATION"] = timedelta(days=7)
    auth.make_user("trainee")
    response = auth.login(remember=True)
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token="))
    expires = parsedate_to_datetime(cookie.split("Expires=")[1].split(";")[0])
    assert abs(expires - (datetime.now(UTC) + timedelta(days=7))) < timedelta(minutes=1)


def test_the_user_loader_makes_one_query_and_refuses_a_stale_or_forged_id(app, auth):
    user = auth.make_user("trainee")
    engine = app.extensions["db_engine"]
    statements = []

    def count(*_args):
        statements.append(1)

    with app.test_request_context("/"):
        event.listen(engine, "before_cursor_execute", count)
        try:
            assert load_user(user.get_id()).id == user.id
        finally:
            event.remove(engine, "before_cursor_execute", count)
        assert len(statements) == 1
        for forged in (str(user.id), f"{user.id}.", f"{user.id}.wrong", "x.y", "", f"{2**70}.{user.session_token}"):
            assert load_user(forged) is None
