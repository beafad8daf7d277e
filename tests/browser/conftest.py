"""A real server on a free port and Debian's chromium driven by Playwright."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from course import create_app
from course.mail import background
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(
            "browser tests skipped: Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(tmp_path, sqlite_template):
    """The platform with the real curriculum, served over HTTP on 127.0.0.1."""
    db_file = tmp_path / "live.db"
    shutil.copy(sqlite_template, db_file)
    app = create_app(
        {
            "SECRET_KEY": "browser-test",
            "DATABASE_URL": f"sqlite:///{db_file}",
            "CONTENT_DIR": str(ROOT / "modules"),
            "QUIZ_DIR": str(ROOT / "quizzes"),
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    result = app.test_cli_runner().invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield {"url": f"http://127.0.0.1:{server.server_port}", "app": app}
    server.shutdown()
    thread.join()
    background.stop(app)  # the app's mail sender thread, started by its first request
    app.extensions["db_engine"].dispose()


def csp_violations(page) -> list[str]:
    """Start collecting what the page's Content-Security-Policy refused (Chromium reports it on the console)."""
    refused: list[str] = []

    def listen(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            refused.append(message.text)

    page.on("console", listen)
    return refused


@pytest.fixture
def page(browser, live_server):
    """A browser tab on the live server; the test fails if the page's CSP refused anything along the journey."""
    context = browser.new_context(base_url=live_server["url"])
    page = context.new_page()
    refused = csp_violations(page)
    yield page
    context.close()
    assert refused == [], "the Content-Security-Policy refused: " + "; ".join(refused)


def login_new_trainee(page, live_server, email="trainee@example.org", password="a long enough password"):
    """Create a trainee in the live server's database and log in through the form."""
    from sqlmodel import Session

    from course.accounts import create_user

    with Session(live_server["app"].extensions["db_engine"]) as session:
        create_user(session, email=email, name="Browser Trainee", password=password)
        session.commit()
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
