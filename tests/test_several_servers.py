"""Two app servers started separately (each gunicorn with two workers, nothing shared but PostgreSQL and the
SECRET_KEY) stay consistent while trainees use both at once over real HTTP.

The servers run the fixture course in a scratch schema of the test database. Each trainee's browser sends its
requests to the two servers in turn, and a few of them to both servers at the same moment (a quiz started twice,
the path's last two lessons, the certificate claim). Marked `servers`: `pytest -m "not servers"` leaves it out.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from course import migrate
from course.db import make_engine
from course.models import Quiz
from tests.conftest import PG_AVAILABLE, PG_URL, ROOT, _sync_fixture_course
from tests.web.quiz.helpers import right_answers

pytestmark = [
    pytest.mark.servers,
    pytest.mark.skipif(not PG_AVAILABLE, reason="PostgreSQL is not reachable on 127.0.0.1:5432 (database test)"),
]

TRAINEES = 12
PILOT_LESSONS = ["harbour-city-pilot", "river-town-bonded-zone"]  # module pilot-zones, which ends with the quiz
LOGISTICS_LESSONS = ["rail-freight", "returns-hub"]  # module logistics-basics, locked until pilot-zones is complete
PASSWORD = "correct horse battery"
_TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')
_ATTEMPT = re.compile(r"/attempts/(\d+)")


# --- two servers on one scratch schema ----------------------------------------------------------------------


@dataclass
class Deployment:
    """The servers' addresses (host, port), the scratch schema's engine and each server's log file."""

    servers: list[tuple[str, int]]
    engine: object
    logs: list[Path]

    def log_tails(self) -> str:
        return "\n".join(f"--- {log.name} ---\n{log.read_text()[-4000:]}" for log in self.logs)


def _start_gunicorn(env: dict, log: Path) -> tuple[subprocess.Popen, int]:
    """`gunicorn -w 2 app:app` on a loopback port of its own, bound here and handed over (no race for the port)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    with log.open("w") as output:
        process = subprocess.Popen(
            # --no-control-socket: gunicorn's default control socket is one path per user ($HOME/.gunicorn), which
            # two servers on one host (and anyone else's gunicorn) would share. --preload: the app is imported once
            # and forked, half the start-up time; it opens no connection before the fork (pools are per worker).
            [sys.executable, "-m", "gunicorn", "--no-control-socket", "--preload", "-w", "2"]
            + ["-b", f"fd://{listener.fileno()}", "app:app"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            pass_fds=[listener.fileno()],
        )
    listener.close()
    return process, port


def _wait_until_serving(process: subprocess.Popen, port: int, log: Path, timeout: float = 30) -> None:
    give_up = time.monotonic() + timeout
    while time.monotonic() < give_up:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped with code {process.returncode}:\n{log.read_text()[-4000:]}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/glossary")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    pytest.fail(f"gunicorn did not answer within {timeout} s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Migrate and sync the fixture course into a scratch schema, then start two servers on it."""
    schema = f"cbec_servers_{os.getpid()}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    workdir = tmp_path_factory.mktemp("servers")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CBEC_")} | {
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_hex(32),  # the same on both servers: a session signed by one is valid on the other
        "CBEC_CONTENT_DIR": str(workdir / "modules"),  # where _sync_fixture_course copies the fixture course
        "CBEC_QUIZ_DIR": str(workdir / "quizzes"),
    }
    logs = [workdir / "server-a.log", workdir / "server-b.log"]
    started = [_start_gunicorn(env, log) for log in logs]  # they boot while the schema is made: no query until asked
    try:
        migrate.upgrade(engine)
        _sync_fixture_course(url, workdir, with_quizzes=True)
        for (process, port), log in zip(started, logs, strict=True):
            _wait_until_serving(process, port, log)
        yield Deployment([("127.0.0.1", port) for _, port in started], engine, logs)
    finally:
        for process, _ in started:
            process.send_signal(signal.SIGQUIT)  # gunicorn's quick stop: every request has been answered
        for process, _ in started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


# --- a trainee's browser ------------------------------------------------------------------------------------


@dataclass
class Reply:
    server: int
    method: str
    path: str
    status: int
    location: str
    body: str


@dataclass
class Browser:
    """One trainee's browser: its cookies and the CSRF token of the last page it read. Each request goes to the
    next server in turn unless the caller names one; every reply is kept in `replies` (shared by all browsers)."""

    servers: list[tuple[str, int]]
    replies: list[Reply]
    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""
    turn: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_server(self) -> int:
        with self.lock:
            self.turn += 1
            return self.turn % len(self.servers)

    def get(self, path: str, server: int | None = None) -> Reply:
        return self._send("GET", path, None, server)

    def post(self, path: str, form: dict | None = None, server: int | None = None) -> Reply:
        return self._send("POST", path, dict(form or {}) | {"csrf_token": self.token}, server)

    def _send(self, method: str, path: str, form: dict | None, server: int | None) -> Reply:
        server = self.next_server() if server is None else server
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(*self.servers[server], timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            reply = Reply(
                server,
                method,
                path,
                response.status,
                response.getheader("Location", ""),
                response.read().decode("utf-8", "replace"),
            )
            self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        finally:
            connection.close()
        self.replies.append(reply)
        if token := _TOKEN.search(reply.body):
            self.token = token.group(1)
        return reply

    def _keep_cookies(self, headers: list[str]) -> None:
        with self.lock:
            for header in headers:
                for name, morsel in SimpleCookie(header).items():
                    if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value


def at_once(*calls):
    """Run the calls in threads released at the same moment; their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(run, call) for call in calls]]


def expect(reply: Reply, status: int, deployment: Deployment) -> Reply:
    assert reply.status == status, (
        f"{reply.method} {reply.path} on server {'AB'[reply.server]}: {reply.status}, expected {status}\n"
        f"{reply.body[:2000]}\n{deployment.log_tails()}"
    )
    return reply


# --- what each trainee does ---------------------------------------------------------------------------------


@dataclass
class Journey:
    email: str
    simultaneous_starts: list[int] = field(default_factory=list)  # the attempt each server's start led to


def _quiz_id(deployment: Deployment, slug: str) -> int:
    with Session(deployment.engine) as db:
        return db.exec(select(Quiz.id).where(Quiz.slug == slug)).one()


def _attempt_of(reply: Reply) -> int:
    match = _ATTEMPT.search(reply.location)
    assert match, f"{reply.path} led to {reply.location!r}, not an attempt"
    return int(match.group(1))


def _register(browser: Browser, email: str, deployment: Deployment, log_in_again: bool = False) -> None:
    """Register and log in (on the next server); with `log_in_again`, log out and log in again on the other one."""
    browser.get("/register")
    form = {
        "email": email,
        "password": PASSWORD,
        "confirm": PASSWORD,
        "name": "Servers Trainee",
        "organisation": "Kilimo Exports",
        "org_type": "sme",
        "country": "Kenya",
    }
    expect(browser.post("/register", form), 302, deployment)
    logins = 2 if log_in_again else 1
    for n in range(logins):
        if n:
            expect(browser.post("/logout"), 302, deployment)
        browser.get("/login")
        expect(browser.post("/login", {"email": email, "password": PASSWORD}), 302, deployment)


def _complete_lesson(browser: Browser, slug: str, deployment: Deployment) -> int:
    """Open the lesson, let its page report the visit, mark it complete; the server that completed it."""
    expect(browser.get(f"/lessons/{slug}"), 200, deployment)
    expect(browser.post(f"/lessons/{slug}/visit"), 204, deployment)
    return expect(browser.post(f"/lessons/{slug}/complete"), 302, deployment).server


def _take_the_quiz(browser: Browser, journey: Journey, quiz_id: int, deployment: Deployment) -> None:
    """Start on both servers at once (one attempt comes of it), fail it, then pass a second attempt."""
    expect(browser.get(f"/quizzes/{quiz_id}"), 200, deployment)
    starts = at_once(*(lambda s=s: browser.post(f"/quizzes/{quiz_id}/start", server=s) for s in (0, 1)))
    journey.simultaneous_starts = [_attempt_of(expect(reply, 302, deployment)) for reply in starts]
    first = journey.simultaneous_starts[0]
    expect(browser.get(f"/attempts/{first}"), 200, deployment)
    expect(browser.post(f"/attempts/{first}/save"), 302, deployment)
    expect(browser.post(f"/attempts/{first}/submit"), 302, deployment)  # nothing answered: not passed
    expect(browser.get(f"/attempts/{first}/review"), 200, deployment)
    second = _attempt_of(expect(browser.post(f"/quizzes/{quiz_id}/start"), 302, deployment))
    with Session(deployment.engine) as db:
        answers = right_answers(db, second)
    expect(browser.post(f"/attempts/{second}/submit", answers), 302, deployment)


def trainee_journey(number: int, deployment: Deployment, replies: list[Reply], quiz_id: int) -> Journey:
    """Register (every other trainee logs in again), follow the officials path at once on both servers, do its
    lessons and quiz, finish the path and claim the certificate."""
    browser = Browser(deployment.servers, replies)
    journey = Journey(f"trainee{number}@servers.example.org")
    _register(browser, journey.email, deployment, log_in_again=number % 2 == 1)
    for follow in at_once(*(lambda s=s: browser.post("/paths/officials/follow", server=s) for s in (0, 1))):
        expect(follow, 302, deployment)
    for slug in PILOT_LESSONS:
        last = _complete_lesson(browser, slug, deployment)
    progress = expect(browser.get("/my-learning", server=1 - last), 200, deployment).body
    assert "River Town bonded zone" in progress and "2 / 2" in progress, "the other server's page lags behind"
    _take_the_quiz(browser, journey, quiz_id, deployment)
    for slug in LOGISTICS_LESSONS:
        expect(browser.get(f"/lessons/{slug}"), 200, deployment)
        expect(browser.post(f"/lessons/{slug}/visit"), 204, deployment)
    finishing = at_once(
        *(
            lambda s=s, slug=slug: browser.post(f"/lessons/{slug}/complete", server=s)
            for s, slug in enumerate(LOGISTICS_LESSONS)
        )
    )
    for reply in finishing:  # either, or neither, sees the path complete: the claims below settle it
        expect(reply, 302, deployment)
    for claim in at_once(*(lambda s=s: browser.post("/certificates/claim", server=s) for s in (0, 1))):
        expect(claim, 302, deployment)
    assert "Officials path" in expect(browser.get("/certificates"), 200, deployment).body
    page = expect(browser.get("/my-learning"), 200, deployment).body
    assert "Path complete" in page and "Passed" in page
    return journey


# --- the test -----------------------------------------------------------------------------------------------


def _rows(deployment: Deployment, sql: str, **params) -> list[tuple]:
    with deployment.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql), params)]


def test_trainees_on_two_servers_at_once_leave_consistent_records(deployment):
    quiz_id = _quiz_id(deployment, "pilot-zones-quiz")
    replies: list[Reply] = []
    with ThreadPoolExecutor(TRAINEES) as pool:
        futures = [pool.submit(trainee_journey, n, deployment, replies, quiz_id) for n in range(TRAINEES)]
        journeys = [future.result() for future in futures]

    failed = [(r.method, r.path, "AB"[r.server], r.status) for r in replies if r.status >= 400]
    assert failed == [], deployment.log_tails()
    assert {r.server for r in replies} == {0, 1}
    for journey in journeys:
        assert journey.simultaneous_starts[0] == journey.simultaneous_starts[1], "two attempts from one start"

    emails = [j.email for j in journeys]
    attempts = _rows(
        deployment,
        'SELECT u.email, a.number, a.score FROM attempt a JOIN "user" u ON u.id = a.user_id '
        "WHERE a.quiz_id = :quiz AND NOT a.practice ORDER BY u.email, a.number",
        quiz=quiz_id,
    )
    numbers = {email: [n for e, n, _ in attempts if e == email] for email in emails}
    assert numbers == {email: [1, 2] for email in emails}  # unique and consecutive
    assert {email: [s for e, _, s in attempts if e == email] for email in emails} == {e: [0.0, 1.0] for e in emails}
    assert _rows(deployment, "SELECT user_id, lesson_id FROM lessonprogress GROUP BY 1, 2 HAVING COUNT(*) > 1") == []
    completed = _rows(
        deployment,
        'SELECT u.email, COUNT(*) FROM lessonprogress p JOIN "user" u ON u.id = p.user_id '
        "WHERE p.completed_at IS NOT NULL GROUP BY u.email",
    )
    assert dict(completed) == {email: 4 for email in emails}
    certificates = _rows(
        deployment,
        'SELECT u.email, c.path_title, COUNT(*) FROM certificate c JOIN "user" u ON u.id = c.user_id GROUP BY 1, 2',
    )
    assert sorted(certificates) == sorted((email, "Officials path", 1) for email in emails)


def _lesson_events(deployment: Deployment, emails: list[str]) -> dict:
    rows = _rows(
        deployment,
        'SELECT u.email, e.verb, e.object_id, COUNT(*) FROM activityevent e JOIN "user" u ON u.id = e.user_id '
        "WHERE e.object_type = 'lesson' AND u.email = ANY(:emails) GROUP BY 1, 2, 3",
        emails=emails,
    )
    return {(email, verb, lesson): count for email, verb, lesson, count in rows}


def same_lesson_on_both_servers(number: int, deployment: Deployment, replies: list[Reply]) -> str:
    """Open, then complete, each lesson on both servers at the same moment (two tabs on two servers). The
    trainee follows no path, so that no lesson is locked."""
    browser = Browser(deployment.servers, replies)
    email = f"twotabs{number}@servers.example.org"
    _register(browser, email, deployment)
    for slug in PILOT_LESSONS + LOGISTICS_LESSONS:
        expect(browser.get(f"/lessons/{slug}"), 200, deployment)
        for action in ("visit", "complete"):
            at_once(*(lambda s=s, url=f"/lessons/{slug}/{action}": browser.post(url, server=s) for s in (0, 1)))
    return email


def test_the_same_lesson_on_both_servers_at_once_is_recorded_once(deployment):
    replies: list[Reply] = []
    with ThreadPoolExecutor(6) as pool:
        emails = list(pool.map(lambda n: same_lesson_on_both_servers(n, deployment, replies), range(6)))
    failed = [(r.method, r.path, "AB"[r.server], r.status) for r in replies if r.status >= 400]
    events = _lesson_events(deployment, emails)
    repeated = {key: count for key, count in events.items() if count > 1}
    assert failed == [], deployment.log_tails()
    assert repeated == {}  # one "experienced" and one "completed" event per lesson
    assert len(events) == len(emails) * len(PILOT_LESSONS + LOGISTICS_LESSONS) * 2
