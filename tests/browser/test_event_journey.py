"""In a real browser: a trainee without a time zone reads an event's times in the browser's zone, and enrols."""

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from course.accounts import create_user
from tests.browser.conftest import csp_violations, login_new_trainee
from tests.web.events.helpers import make_event


def test_times_follow_the_browsers_zone_and_the_trainee_enrols(browser, live_server):
    start = (datetime.now(UTC) + timedelta(days=20)).replace(hour=0, minute=30, second=0, microsecond=0)
    with Session(live_server["app"].extensions["db_engine"], expire_on_commit=False) as session:
        instructor = create_user(session, email="lead@example.org", name="Lead", password=None, role="instructor")
        session.commit()
        event = make_event(session, instructor, capacity=1, sessions=1, starts=start)
    context = browser.new_context(base_url=live_server["url"], timezone_id="Asia/Tokyo", locale="en-GB")
    page = context.new_page()
    refused = csp_violations(page)
    try:
        login_new_trainee(page, live_server)
        page.goto(f"/events/{event.id}")
        first = page.locator("td time").first
        assert first.get_attribute("datetime") == start.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert "09:30" in first.inner_text()  # 00:30 UTC is 09:30 in Tokyo: rewritten by local-time.js
        assert "Asia/Tokyo" in first.get_attribute("title")
        page.get_by_role("button", name="Enrol").click()
        assert page.get_by_text("You have a seat.").is_visible()
    finally:
        context.close()
    assert refused == []
