"""xAPI statements: verbs, activity ids, scores, timestamps and stable ids."""

import uuid
from datetime import UTC, datetime

import pytest

from course.progress.xapi import Activity, Actor, AttemptRecord, Event, statement_id, statements

ACTOR = Actor("Ama Mensah", "ama@example.org")
LESSON = Activity(
    "https://academy.example/lessons/harbour",
    "Harbour City",
    "lesson",
    "https://academy.example/modules/zones",
    "Pilot zones",
)
QUIZ = Activity(
    "https://academy.example/quizzes/4", "Zones quiz", "quiz", "https://academy.example/modules/zones", "Pilot zones"
)
ACTIVITIES = {("lesson", 1): LESSON, ("quiz", 4): QUIZ}
AT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def _event(id_, verb, kind="lesson", object_id=1, score=None, at=AT):
    return Event(id_, verb, kind, object_id, "label", score, at)


def test_lesson_statement():
    (stmt,) = statements(ACTOR, [_event(5, "experienced")], [], ACTIVITIES)
    assert stmt["actor"] == {"objectType": "Agent", "name": "Ama Mensah", "mbox": "mailto:ama@example.org"}
    assert stmt["verb"] == {"id": "http://adlnet.gov/expapi/verbs/experienced", "display": {"en-US": "experienced"}}
    assert stmt["object"] == {
        "objectType": "Activity",
        "id": "https://academy.example/lessons/harbour",
        "definition": {"type": "http://adlnet.gov/expapi/activities/lesson", "name": {"en-US": "Harbour City"}},
    }
    assert stmt["timestamp"] == "2025-03-01T09:30:00.000+00:00"
    assert stmt["context"]["contextActivities"]["parent"][0]["id"] == "https://academy.example/modules/zones"
    assert "result" not in stmt
    assert uuid.UUID(stmt["id"]).version == 5


def test_ids_are_stable_and_distinct():
    assert statement_id(5) == statement_id(5) != statement_id(6)
    first = statements(ACTOR, [_event(5, "completed")], [], ACTIVITIES)
    again = statements(ACTOR, [_event(5, "completed")], [], ACTIVITIES)
    assert first == again and first[0]["result"] == {"completion": True}


@pytest.mark.parametrize("verb, success", [("passed", True), ("failed", False)])
def test_quiz_result_with_its_attempt(verb, success):
    attempt = AttemptRecord(4, AT, 0.75, 7.5, 10.0, False)
    (stmt,) = statements(ACTOR, [_event(9, verb, "quiz", 4, 0.75)], [attempt], ACTIVITIES)
    assert stmt["verb"]["id"] == f"http://adlnet.gov/expapi/verbs/{verb}"
    assert stmt["result"] == {
        "completion": True,
        "success": success,
        "score": {"scaled": 0.75, "raw": 7.5, "min": 0, "max": 10.0},
    }


def test_answered_practice_has_a_score_but_no_success():
    (stmt,) = statements(ACTOR, [_event(9, "answered", "quiz", 4, 0.5)], [], ACTIVITIES)
    assert stmt["result"] == {"completion": True, "score": {"scaled": 0.5}}


def test_unknown_objects_and_verbs_are_left_out_and_order_is_oldest_first():
    later = datetime(2025, 3, 2, tzinfo=UTC)
    events = [
        _event(3, "completed", at=later),
        _event(2, "experienced"),
        _event(4, "liked"),
        _event(5, "experienced", object_id=99),
        _event(6, "experienced", at=datetime(2025, 3, 1, 8)),
    ]
    got = statements(ACTOR, events, [], ACTIVITIES)
    assert [s["id"] for s in got] == [statement_id(6), statement_id(2), statement_id(3)]
    assert got[0]["timestamp"] == "2025-03-01T08:00:00.000+00:00"  # a naive time is taken as UTC
