"""The learning record store feed: `flask xapi send` posts the JSON export's statements to an LRS in batches,
retries after failures with a back-off, never sends a statement twice and never runs in a trainee's request.
The LRS is a small stand-in server on a loopback port that records what it is sent."""

from __future__ import annotations

import base64
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import update
from sqlmodel import select

from course.models import ActivityEvent, LrsFeed
from course.models.base import utcnow

LESSONS = ["harbour-city-pilot", "river-town-bonded-zone", "rail-freight", "returns-hub"]


class StandInLrs:
    """Records each POST to /xapi/statements; answers 503 to the next `failing` requests."""

    def __init__(self):
        self.requests: list[dict] = []
        self.failing = 0
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if stand_in.failing:
                    stand_in.failing -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                stand_in.requests.append(
                    {
                        "path": self.path,
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": json.loads(body),
                    }
                )
                ids = [statement["id"] for statement in json.loads(body)]
                answer = json.dumps(ids).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xapi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def statements(self) -> list[dict]:
        return [statement for request in self.requests for statement in request["body"]]

    def close(self):
        if self.thread is None:
            return
        self.server.shutdown()
        self.thread.join()
        self.server.server_close()
        self.thread = None


@pytest.fixture
def lrs(app):
    stand_in = StandInLrs()
    app.config.update(LRS_URL=stand_in.url, LRS_USERNAME="cbec", LRS_PASSWORD="s3cret", SITE_URL="http://localhost")
    yield stand_in
    stand_in.close()


def _learn(auth, db, lessons=LESSONS, *, minutes_ago=5):
    """Complete lessons through the pages; their events are then `minutes_ago` old (settled)."""
    for slug in lessons:
        assert auth.post(f"/lessons/{slug}/visit").status_code in (200, 204)
        assert auth.post(f"/lessons/{slug}/complete").status_code == 302
    db.exec(update(ActivityEvent).values(at=utcnow() - timedelta(minutes=minutes_ago)))
    db.commit()


def _send(runner, *args):
    return runner.invoke(args=["xapi", "send", *args])


def test_the_store_gets_the_statements_of_the_json_export_once(synced, auth, db, client, runner, lrs):
    auth.as_role("trainee")
    _learn(auth, db)
    assert lrs.requests == []  # a trainee's request never talks to the store
    result = _send(runner)
    assert result.exit_code == 0, result.output
    exported = client.get("/api/v1/me/xapi").get_json()
    assert len(exported) == 8 and f"Sent {len(exported)} statement(s)" in result.output
    assert sorted(lrs.statements, key=lambda s: s["id"]) == sorted(exported, key=lambda s: s["id"])
    (request,) = lrs.requests
    assert request["path"] == "/xapi/statements"
    assert request["headers"]["x-experience-api-version"] == "1.0.3"
    assert request["headers"]["authorization"] == "Basic " + base64.b64encode(b"cbec:s3cret").decode()
    again = _send(runner)
    assert again.exit_code == 0 and "Sent 0 statement(s)" in again.output
    assert len(lrs.requests) == 1  # nothing is sent twice
    feed = db.exec(select(LrsFeed)).one()
    db.refresh(feed)
    assert feed.statements_sent == 8 and feed.last_event_id == max(db.exec(select(ActivityEvent.id)))


def test_new_events_are_sent_after_the_earlier_ones_in_batches(synced, auth, db, runner, lrs):
    auth.as_role("trainee")
    _learn(auth, db, LESSONS[:1])
    assert _send(runner).exit_code == 0
    _learn(auth, db, LESSONS[1:])
    result = _send(runner, "--batch-size", "2")
    assert result.exit_code == 0, result.output
    assert [len(r["body"]) for r in lrs.requests] == [2, 2, 2, 2]
    ids = [s["id"] for s in lrs.statements]
    assert len(ids) == len(set(ids)) == 8


def test_events_are_sent_only_once_settled(synced, auth, db, runner, lrs):
    auth.as_role("trainee")
    _learn(auth, db, LESSONS[:1], minutes_ago=0)
    assert "Sent 0 statement(s)" in _send(runner).output
    assert lrs.requests == []


def test_a_failed_send_changes_nothing_but_the_retry_time(synced, auth, db, runner, lrs):
    auth.as_role("trainee")
    _learn(auth, db, LESSONS[:2])
    lrs.failing = 1
    result = _send(runner)
    assert result.exit_code != 0
    assert "not sent (the store answered 503" in result.output and "the next run tries again" in result.output
    feed = db.exec(select(LrsFeed)).one()
    assert (feed.last_event_id, feed.statements_sent, feed.failures) == (0, 0, 1)
    assert feed.next_attempt_at is not None and feed.lease_holder == ""
    waiting = _send(runner)
    assert waiting.exit_code == 0 and "Not sending: backing off after 1 failure(s)" in waiting.output
    assert lrs.requests == []
    retried = _send(runner, "--now")
    assert retried.exit_code == 0 and "Sent 4 statement(s)" in retried.output
    db.refresh(feed)
    assert (feed.failures, feed.next_attempt_at, feed.statements_sent) == (0, None, 4)


def test_an_unreachable_store_is_a_failure_with_a_reason(synced, auth, db, runner, lrs, app):
    auth.as_role("trainee")
    _learn(auth, db, LESSONS[:1])
    lrs.close()
    result = _send(runner)
    assert result.exit_code != 0 and "the store could not be reached" in result.output
    assert db.exec(select(LrsFeed)).one().last_event_id == 0


def test_one_run_sends_at_a_time(synced, auth, db, runner, lrs):
    auth.as_role("trainee")
    _learn(auth, db, LESSONS[:1])
    db.add(LrsFeed(id=1, lease_holder="other-run", lease_until=utcnow() + timedelta(minutes=1)))
    db.commit()
    result = _send(runner)
    assert result.exit_code == 0 and "Not sending: another run is sending" in result.output
    assert lrs.requests == []


def test_sending_needs_a_store_and_the_site_address(synced, app, runner):
    result = _send(runner)
    assert result.exit_code != 0 and "set LRS_URL" in result.output
    app.config["LRS_URL"] = "http://127.0.0.1:9/xapi"
    result = _send(runner)
    assert result.exit_code != 0 and "set CBEC_SITE_URL" in result.output


def test_attendance_marked_present_is_sent_once_as_attended(synced, auth, db, runner, lrs):
    """Staff mark people present (the form and the CSV); the store gets one "attended" statement per person and
    session, beside the lesson statements, and marking absent then present again sends nothing more."""
    import io

    from course.events import seats
    from course.events.scheduling import sessions_of
    from course.progress.xapi import EVENT_KIND, attendance_statement_id
    from tests.web.events.helpers import make_event

    instructor = auth.as_role("instructor")
    with synced.app_context():
        event = make_event(db, instructor, capacity=5)
        a, b = (auth.make_user("trainee", email=f"t{n}@example.org") for n in range(2))
        for person in (a, b):
            seats.enrol(db, event, person)
        db.commit()
        first, second = sessions_of(db, event.id)
    url = f"/events/{event.id}/sessions/{first.id}/attendance"
    auth.post(url, {"present": [str(a.id)]})
    csv = "email,session,present\nt1@example.org,2,yes\n"
    auth.post(f"/events/{event.id}/attendance/upload", {"attendance": (io.BytesIO(csv.encode()), "attendance.csv")})
    db.exec(update(ActivityEvent).values(at=utcnow() - timedelta(minutes=5)))
    db.commit()
    assert _send(runner).exit_code == 0
    attended = [s for s in lrs.statements if s["verb"]["id"].endswith("/attended")]
    assert {s["id"] for s in attended} == {
        attendance_statement_id(first.id, a.id),
        attendance_statement_id(second.id, b.id),
    }
    statement = next(s for s in attended if s["id"] == attendance_statement_id(first.id, a.id))
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attended"
    assert statement["object"]["id"] == f"http://localhost/events/{event.id}#session-{first.id}"
    assert statement["context"]["extensions"][EVENT_KIND] == event.kind
    assert statement["context"]["contextActivities"]["parent"][0]["id"] == f"http://localhost/events/{event.id}"
    assert statement["actor"]["mbox"] == "mailto:t0@example.org"

    auth.post(url, {"present": []})  # a marked absent
    auth.post(url, {"present": [str(a.id)]})  # and present again
    db.exec(update(ActivityEvent).values(at=utcnow() - timedelta(minutes=5)))
    db.commit()
    before = len(lrs.statements)
    assert _send(runner).exit_code == 0
    assert len(lrs.statements) == before  # no second "attended"
