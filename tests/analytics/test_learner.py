"""The trainee's progress document: best scores, attempts left, due dates."""

from datetime import UTC, datetime, timedelta, timezone

from course.analytics.learner import CountedAttempt, best_score, due_date, quiz_standing


def test_best_score_counts_only_finished_attempts():
    attempts = [CountedAttempt("submitted", False, 0.0), CountedAttempt("in_progress", False, None),
                CountedAttempt("submitted", True, 0.9)]
    assert best_score(attempts) == 0.0
    assert best_score([CountedAttempt("in_progress", False, None)]) is None
    assert best_score([CountedAttempt("submitted", False, 0.6667)]) == 66.7


def test_quiz_standing_flags_an_open_attempt():
    standing = quiz_standing(3, "q", "Quiz", [CountedAttempt("submitted", False, 0.5),
                                              CountedAttempt("in_progress", False, None)], False, 1)
    assert (standing.best_score, standing.attempts_used, standing.attempts_left, standing.in_progress) == (50.0, 2, 1, True)


def test_due_date_is_the_earliest_set():
    soon = datetime(2025, 5, 1, 12, tzinfo=timezone(timedelta(hours=2)))
    assert due_date(None, datetime(2025, 6, 1, tzinfo=UTC), soon) == "2025-05-01T10:00:00+00:00"
    assert due_date(None, None) is None
