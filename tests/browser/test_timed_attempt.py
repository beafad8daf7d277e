"""A timed attempt in a real browser: the countdown, the polite announcements, and the submission at the deadline."""

import re
from datetime import timedelta

from sqlmodel import Session, select

from course.models import Attempt, AttemptItem
from course.models.base import utcnow
from tests.browser.conftest import login_new_trainee


def _move_deadline(live_server, attempt_id: int, from_now: timedelta) -> None:
    with Session(live_server["app"].extensions["db_engine"]) as session:
        attempt = session.get(Attempt, attempt_id)
        attempt.deadline = utcnow() + from_now
        session.add(attempt)
        session.commit()


def _start_timed_attempt(page, live_server) -> int:
    login_new_trainee(page, live_server)
    page.goto("/modules/dispute-resolution")
    page.get_by_role("link", name="Go to the quiz").first.click()
    page.get_by_role("button", name="Start attempt").click()
    return int(re.search(r"/attempts/(\d+)$", page.url).group(1))


def test_the_countdown_announces_five_minutes_politely_and_leaves_the_focus_alone(page, live_server):
    attempt_id = _start_timed_attempt(page, live_server)
    _move_deadline(live_server, attempt_id, timedelta(minutes=5) - timedelta(seconds=3))
    page.reload()
    page.locator("#countdown", has_text=re.compile(r"Time left: 4:5\d")).wait_for()
    page.locator("#time-announcement", has_text="5 minutes left.").wait_for(state="attached")
    assert page.locator("#time-announcement").get_attribute("aria-live") == "polite"
    assert page.evaluate("document.activeElement === document.body")  # nothing stole the focus
    assert "UTC" not in page.locator("#timer time").inner_text() or page.evaluate(
        "Intl.DateTimeFormat().resolvedOptions().timeZone === 'UTC'"
    )


def test_when_the_time_is_up_the_answers_on_the_page_are_submitted(page, live_server):
    attempt_id = _start_timed_attempt(page, live_server)
    _move_deadline(live_server, attempt_id, timedelta(seconds=4))
    page.reload()
    first = page.locator("fieldset.question").first
    choice = first.locator("input[type=radio], input[type=checkbox]").first
    answered = choice.count() == 1
    if answered:
        choice.check()
    page.wait_for_url(re.compile(r"/review$"), timeout=20_000)
    assert page.get_by_text("Time is up: your answers were saved and submitted.").is_visible()
    with Session(live_server["app"].extensions["db_engine"]) as session:
        assert session.get(Attempt, attempt_id).state == "submitted"
        responses = session.exec(select(AttemptItem.response).where(AttemptItem.attempt_id == attempt_id)).all()
    if answered:
        assert any(response is not None for response in responses)
