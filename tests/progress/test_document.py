"""The trainee's progress document: quiz reports, percentages, due dates, the JSON shape."""

from datetime import UTC, datetime, timedelta, timezone

from course.progress.document import ModuleReport, PathReport, QuizReport, due_date, percent, progress_document


def test_percent_has_one_decimal_and_keeps_none():
    assert percent(0.66667) == 66.7 and percent(0.0) == 0.0 and percent(None) is None


def test_due_date_is_the_earliest_set():
    soon = datetime(2025, 5, 1, 12, tzinfo=timezone(timedelta(hours=2)))
    assert due_date(None, datetime(2025, 6, 1, tzinfo=UTC), soon) == "2025-05-01T10:00:00+00:00"
    assert due_date(None, None) is None


def test_document_lists_every_module_quiz_and_the_first_as_quiz():
    first = QuizReport(1, "a", "A", 50.0, False, 1, None, False)
    second = QuizReport(2, "b", "B", None, False, 0, 3, True)
    modules = [
        ModuleReport("m", "M", 1, 2, 25, False, False, [first, second]),
        ModuleReport("n", "N", 0, 1, 0, False, True, []),
    ]
    body = progress_document(modules, [PathReport("p", "P", 12, False, "m", None)])
    assert [q["id"] for q in body["modules"][0]["quizzes"]] == [1, 2]
    assert body["modules"][0]["quiz"]["id"] == 1 and body["modules"][0]["quiz"]["attempts_left"] is None
    assert body["modules"][1]["quizzes"] == [] and body["modules"][1]["quiz"] is None
    assert body["paths"] == [
        {"slug": "p", "title": "P", "percent": 12, "complete": False, "next_module": "m", "due_date": None}
    ]
