"""With MAIL_URL set, a server sends on its own: the first request starts one sender thread per process, and a
commit that queued mail wakes it."""

import threading
import time

import pytest

from course.mail import background
from tests.conftest import make_app
from tests.mail.helpers import queue


@pytest.fixture
def sending_app(database_url, content_dir, tmp_path, smtp_server):
    app = make_app(
        database_url,
        content_dir,
        tmp_path / "no-quizzes",
        MAIL_BACKGROUND=True,
        MAIL_URL=smtp_server.url,
        MAIL_POLL_SECONDS=30,  # long: what the test sees within seconds comes from the wake-up at commit
    )
    yield app
    background.stop(app)
    app.extensions["db_engine"].dispose()


def _senders() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "cbec-mail-sender" and t.is_alive()]


def _wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_the_first_request_starts_one_sender_that_sends_within_seconds(sending_app, db, smtp_server):
    before = len(_senders())
    client = sending_app.test_client()
    for _ in range(3):
        assert client.get("/glossary").status_code == 200
    assert len(_senders()) == before + 1
    with sending_app.app_context():  # a commit in the app, as a view's would be
        queue(sending_app, db, 2)
    assert _wait_for(lambda: len(smtp_server.received) == 2)
    background.stop(sending_app)
    assert len(_senders()) == before


def test_without_the_setting_no_thread_starts(app, client):
    before = len(_senders())
    client.get("/glossary")
    assert len(_senders()) == before and "mail_sender" not in app.extensions
