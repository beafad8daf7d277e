"""Event, study-tour and practice-case news reach people: an in-app notice and a queued email, in the action's transaction."""

from sqlmodel import select

from course.models import Notification, OutboxMessage
from tests.web.events.helpers import make_event


def test_enrolling_and_being_promoted_are_notified_in_app_and_by_email(client, auth, db, synced):
    event = make_event(db, auth.make_user("instructor"), capacity=1)
    official = auth.as_role("official")
    assert auth.post(f"/events/{event.id}/enrol").status_code == 302
    auth.logout()
    trainee = auth.as_role("trainee")
    assert auth.post(f"/events/{event.id}/enrol").status_code == 302  # full: waiting list
    auth.logout()
    auth.login(official.email)
    assert auth.post(f"/events/{event.id}/withdraw").status_code == 302
    db.expire_all()
    notices = {(n.user_id, n.kind) for n in db.exec(select(Notification)).all()}
    assert {
        (official.id, "event_confirmed"),
        (trainee.id, "event_waitlisted"),
        (trainee.id, "event_promoted"),
    } <= notices
    promoted = db.exec(select(Notification).where(Notification.kind == "event_promoted")).one()
    assert promoted.title and event.title in promoted.title and promoted.url.endswith(f"/events/{event.id}")
    mails = db.exec(select(OutboxMessage).where(OutboxMessage.to_address == trainee.email)).all()
    assert sorted(m.kind for m in mails) == ["event_promoted", "event_waitlisted"]
    assert all(m.data["title"] == event.title and m.data["url"].endswith(f"/events/{event.id}") for m in mails)
