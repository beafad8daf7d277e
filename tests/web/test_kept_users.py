"""Signed-in users' rows kept per process on PostgreSQL (course/web/auth/kept_users.py): a repeat page view reads
no user row, and any change of the row — a log-out, a new role, a new password — is heard by every process (here:
two apps on one database, as two servers) before their next page. SQLite keeps nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlmodel import Session

from course.models import User
from tests.conftest import make_app

PASSWORD = "correct horse battery"


@pytest.fixture
def servers(database_url, content_dir, tmp_path, db):
    """Two apps on the test's database, each keeping users as a production process does."""
    if not database_url.startswith("postgresql"):
        pytest.skip("users are kept on PostgreSQL only (SQLite reads the row in-process)")
    apps = [make_app(database_url, content_dir, tmp_path / "no-quizzes", KEEP_SIGNED_IN_USERS=True) for _ in range(2)]
    yield apps
    for one in apps:
        one.extensions["kept_users"].close()
        one.extensions["db_engine"].dispose()


def _signed_in(app, email=None):
    client = app.test_client()
    if email:
        page = client.get("/login").get_data(as_text=True)
        token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
        response = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 302
    return client


def _user_reads(app, client, path):
    """The response to GET `path` and how many statements read the user table."""
    reads = []

    def count(_conn, _cursor, statement, *_args):
        if 'FROM "user"' in statement:
            reads.append(statement)

    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", count)
    try:
        return client.get(path), len(reads)
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _copy_cookies(source, target):
    for name in ("session", "remember_token"):
        if (cookie := source.get_cookie(name)) is not None:
            target.set_cookie(name, cookie.value)


def test_a_repeat_view_reads_no_user_row_and_a_write_reads_it_afresh(servers, auth):
    app, _other = servers
    user = auth.make_user("trainee")
    client = _signed_in(app, user.email)
    first, first_reads = _user_reads(app, client, "/my-learning")
    again, again_reads = _user_reads(app, client, "/my-learning")
    assert first.status_code == again.status_code == 200 and user.name in again.get_data(as_text=True)
    assert first_reads == 1 and again_reads == 0
    page = client.get("/account").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    engine, reads = app.extensions["db_engine"], []

    def count(_conn, _cursor, statement, *_args):
        reads.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert 'FROM "user"' in reads[0], "a request that writes loads the user row afresh"


def test_a_log_out_on_one_server_ends_the_session_on_the_other_at_once(servers, auth):
    one, two = servers
    user = auth.make_user("trainee")
    browser = _signed_in(one, user.email)
    thief = two.test_client()
    _copy_cookies(browser, thief)
    assert thief.get("/my-learning").status_code == 200  # kept on server two now
    assert _user_reads(two, thief, "/my-learning")[1] == 0
    page = browser.get("/account").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    assert browser.post("/logout", data={"csrf_token": token}).status_code == 302
    response = thief.get("/my-learning")  # the very next request, on the other server
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_changes_made_outside_the_app_are_heard_too(servers, auth, db):
    """A role changed by a command or by hand in the database (the trigger, not the app, tells)."""
    one, _two = servers
    user = auth.make_user("trainee")
    client = _signed_in(one, user.email)
    assert client.get("/instructor/banks").status_code == 403
    with Session(one.extensions["db_engine"]) as session:
        row = session.get(User, user.id)
        row.role, row.name = "instructor", "Renamed Person"
        session.commit()  # outside any request: nothing waits for the notice here
    kept = one.extensions["kept_users"]
    assert kept.wait_heard({user.id}), "the database tells the listening process"
    assert client.get("/instructor/banks").status_code == 200
    assert "Renamed Person" in client.get("/my-learning").get_data(as_text=True)


def test_a_lost_listening_connection_drops_what_was_kept_and_users_are_read_again(servers, auth):
    one, _two = servers
    user = auth.make_user("trainee")
    client = _signed_in(one, user.email)
    client.get("/my-learning")
    kept = one.extensions["kept_users"]
    assert user.id in kept.rows
    kept.listener.close()  # as when the database restarts
    response, reads = _user_reads(one, client, "/my-learning")
    assert response.status_code == 200 and reads == 1  # read again, and kept again on a new connection
    assert _user_reads(one, client, "/my-learning")[1] == 0


def test_progress_made_on_one_server_shows_on_the_other_at_once(synced, servers, auth):
    """Completing a lesson moves the learner's progress_version (a bulk UPDATE, not an ORM change): the server
    that did it answers once the notice is out, and the other server's next page is redone."""
    one, two = servers
    user = auth.make_user("trainee")
    here = _signed_in(one, user.email)
    there = two.test_client()
    _copy_cookies(here, there)
    assert "You completed this lesson" not in there.get("/lessons/harbour-city-pilot").get_data(as_text=True)
    assert _user_reads(two, there, "/lessons/harbour-city-pilot")[1] == 0  # kept on server two
    page = here.get("/lessons/harbour-city-pilot").get_data(as_text=True)
    token = page.split('<meta name="csrf-token" content="')[1].split('"')[0]
    assert here.post("/lessons/harbour-city-pilot/complete", data={"csrf_token": token}).status_code == 302
    assert "You completed this lesson" in there.get("/lessons/harbour-city-pilot").get_data(as_text=True)
