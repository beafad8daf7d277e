"""Failed tries wait longer and longer, at most an hour, and stop when the give-up time is reached."""

from datetime import UTC, datetime, timedelta

from course.mail.retry import RetryRule

QUEUED = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
RULE = RetryRule(first_wait=timedelta(minutes=1), give_up_after=timedelta(hours=48))


def test_waits_double_after_each_failed_try_up_to_an_hour():
    now = QUEUED + timedelta(minutes=5)
    waits = [RULE.next_try(attempts=n, queued_at=QUEUED, now=now) - now for n in range(1, 10)]
    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert waits[-1] == timedelta(hours=1)


def test_the_last_try_is_at_the_give_up_time_and_then_it_gives_up():
    near_end = QUEUED + timedelta(hours=47, minutes=50)
    assert RULE.next_try(attempts=40, queued_at=QUEUED, now=near_end) == QUEUED + timedelta(hours=48)
    assert RULE.next_try(attempts=41, queued_at=QUEUED, now=QUEUED + timedelta(hours=48)) is None


def test_many_tries_do_not_overflow():
    assert RULE.next_try(attempts=10_000, queued_at=QUEUED, now=QUEUED) == QUEUED + timedelta(hours=1)
