"""The public impact page: off until an admin publishes it, aggregate figures only, small groups protected."""

import re
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from course.accounts import create_user
from course.models import AuditEntry, ImpactPage
from course.reports.programme import shift

THIS_MONTH = datetime.now(UTC).strftime("%Y-%m")
LAST_MONTH = shift(THIS_MONTH, -1)


def _learners(db, month: str, sexes: dict[str, int], country="Ghana"):
    """Learners who registered in the middle of `month`, so many of each sex."""
    registered = datetime.fromisoformat(f"{month}-15T12:00:00+00:00")
    n = len(db.exec(select(AuditEntry)).all())  # any number that keeps emails unique across calls
    for sex, count in sexes.items():
        for i in range(count):
            create_user(
                db,
                email=f"{month}-{sex or 'none'}-{i}-{n}@example.org",
                name=f"Learner {sex} {i}",
                password=None,
                sex=sex,
                country=country,
                created_at=registered,
            )
    db.commit()


def _publish(auth, since=None, published=True):
    data = {"since": since or shift(THIS_MONTH, -6)}
    if published:
        data["published"] = "y"
    return auth.post("/impact/settings", data)


def test_the_page_is_off_until_an_admin_publishes_it(client, auth, synced, db):
    assert client.get("/impact").status_code == 404
    auth.as_role("admin")
    preview = client.get("/impact").get_data(as_text=True)
    assert "Preview: this page is not published" in preview
    assert _publish(auth).status_code == 302
    entry = db.exec(select(AuditEntry).where(AuditEntry.action == "impact.settings")).one()
    assert entry.after == {"published": True, "since": shift(THIS_MONTH, -6)} and entry.before is None
    auth.logout()
    page = client.get("/impact")
    assert page.status_code == 200 and "Preview" not in page.get_data(as_text=True)
    auth.login("admin@example.org")
    _publish(auth, published=False)
    auth.logout()
    assert client.get("/impact").status_code == 404
    assert db.get(ImpactPage, 1).published is False


def test_small_groups_show_as_fewer_than_five_and_cannot_be_subtracted(client, auth, synced, db):
    _learners(db, LAST_MONTH, {"female": 9, "male": 3, "": 8})
    _learners(db, THIS_MONTH, {"male": 1})  # this month has not ended: not shown
    auth.as_role("admin")
    _publish(auth)
    auth.logout()
    html = client.get("/impact").get_data(as_text=True)
    assert re.search(r'data-figure="registered">20<', html)
    sex = html[html.index("By sex") : html.index("By sex") + 2500]
    cells = dict(re.findall(r'<th scope="row">([^<]+)</th><td data-figure="registered">([^<]+)</td>', sex))
    # Male (3) is fewer than 5; with the total 20 shown, 20 - 9 - 8 would give it back: the smallest other
    # group (not stated, 8) is withheld too.
    assert cells == {"Female": "9", "Male": "&lt; 5", "Not stated": "not shown"}
    assert "Learner" not in html and "@example.org" not in html  # aggregates only


def test_months_before_the_first_and_this_month_are_left_out(client, auth, synced, db):
    _learners(db, shift(THIS_MONTH, -8), {"female": 7})
    _learners(db, LAST_MONTH, {"female": 6})
    auth.as_role("admin")
    _publish(auth, since=shift(THIS_MONTH, -3))
    auth.logout()
    html = client.get("/impact").get_data(as_text=True)
    assert re.search(r'data-figure="registered">6<', html)


def test_bad_settings_are_refused_and_change_nothing(client, auth, synced, db):
    auth.as_role("admin")
    for since, message in (
        ("2026-13", "must be a month written YYYY-MM"),
        (THIS_MONTH, "must have ended"),
        ((datetime.now(UTC) - timedelta(days=365 * 12)).strftime("%Y-%m"), "at most 120 months"),
    ):
        response = _publish(auth, since=since)
        assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert db.get(ImpactPage, 1) is None
    assert not db.exec(select(AuditEntry).where(AuditEntry.action == "impact.settings")).all()


def _event_of(db, month: str, enrolled: int, present: int, answers: int, capacity=30):
    """An event whose first session is in `month`: so many enrolled, the first `present` of them present, and the
    first `answers` of those answering the feedback (relevance 4, usefulness 5, all will apply)."""
    from course.models import Attendance, Event, EventEnrolment, EventSession, Feedback

    starts = datetime.fromisoformat(f"{month}-10T09:00:00+00:00")
    event = Event(title="Seminar", kind="seminar", time_zone="UTC", capacity=capacity)
    db.add(event)
    db.flush()
    meeting = EventSession(event_id=event.id, starts_at=starts, ends_at=starts + timedelta(hours=2))
    db.add(meeting)
    db.flush()
    n = len(db.exec(select(AuditEntry)).all()) + event.id * 1000
    for i in range(enrolled):
        person = create_user(db, email=f"attendee{n + i}@example.org", name=f"Attendee {i}", password=None)
        db.add(EventEnrolment(event_id=event.id, user_id=person.id, status="enrolled"))
        if i < present:
            db.add(Attendance(session_id=meeting.id, user_id=person.id, present=True))
        if i < answers:
            db.add(
                Feedback(
                    object_type="event",
                    object_id=event.id,
                    user_id=person.id,
                    relevance=4,
                    usefulness=5,
                    will_apply=i < 3,
                )
            )
    db.commit()


def _events_row(html: str, label: str) -> dict[str, str]:
    table = html[html.index("data-events") :]
    row = table[table.index(f'<th scope="row">{label}</th>') :]
    row = row[: row.index("</tr>")]
    return dict(re.findall(r'<td data-figure="([a-z_]+)">([^<]*)</td>', row))


def test_event_figures_of_fewer_than_five_people_are_not_shown(client, auth, synced, db):
    _event_of(db, LAST_MONTH, enrolled=12, present=6, answers=3)
    _event_of(db, THIS_MONTH, enrolled=9, present=9, answers=0)  # this month has not ended: not shown
    auth.as_role("admin")
    _publish(auth)
    auth.logout()
    html = client.get("/impact").get_data(as_text=True)
    assert "appear here once the platform records them" not in html
    events = _events_row(html, "Events")
    assert (events["held"], events["seats_offered"], events["enrolled"]) == ("1", "30", "12")
    assert (events["attended"], events["attendance_percent"]) == ("6", "50%")  # 6 present, 6 absent: both 5+
    # Three answers: their count is "< 5", and their means and "will apply" are not shown.
    assert events["feedback_responses"] == "&lt; 5"
    assert (events["relevance_mean"], events["usefulness_mean"]) == ("not shown", "not shown")
    assert (events["will_apply"], events["will_apply_percent"]) == ("&lt; 5", "not shown")
    tours = _events_row(html, "Study tours")
    assert (tours["held"], tours["enrolled"], tours["relevance_mean"]) == ("0", "&lt; 5", "—")


def test_event_figures_of_five_people_or_more_are_shown(client, auth, synced, db):
    _event_of(db, LAST_MONTH, enrolled=14, present=8, answers=8)
    auth.as_role("admin")
    _publish(auth)
    auth.logout()
    events = _events_row(client.get("/impact").get_data(as_text=True), "Events")
    assert (events["enrolled"], events["attended"], events["attendance_percent"]) == ("14", "8", "57%")
    assert (events["feedback_responses"], events["relevance_mean"], events["usefulness_mean"]) == ("8", "4.0", "5.0")
    assert (events["will_apply"], events["will_apply_percent"]) == ("&lt; 5", "not shown")  # 3 of 8
