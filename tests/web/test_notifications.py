"""The notification list, the unread count in the header (kept pages included), mark as read, email choices
on the profile, and the one-click unsubscribe of RFC 8058."""

import re

from sqlmodel import select

from course.models import Notification, NotificationPreference, OutboxMessage, User
from course.notifications.notify import notify
from tests.conftest import send_mail

BADGE = re.compile(r'<span class="badge">(\d+)<span class="visually-hidden"> unread</span></span>')
SEMINAR = {"title": "Seminar on customs data", "start": "2026-05-05T14:00:00+00:00", "url": "/events/3"}


def _tell(app, db, user, kind="event_confirmed", **data):
    with app.test_request_context():
        notify(db, user, kind, **(SEMINAR | data))
    db.commit()


def _badge(client, path="/my-learning"):
    found = BADGE.search(client.get(path).get_data(as_text=True))
    return int(found.group(1)) if found else 0


def test_the_header_counts_unread_notices_on_kept_pages_too(synced, app, db, auth, client):
    user = auth.as_role("trainee")
    lesson = "/lessons/harbour-city-pilot"
    assert _badge(client, lesson) == 0 and _badge(client, lesson) == 0  # the second view is the kept page
    _tell(app, db, user)
    assert _badge(client, lesson) == 1  # the kept page of before would say 0
    _tell(app, db, user, title="Another seminar")
    assert _badge(client, lesson) == 2 and _badge(client, "/") == 2
    assert auth.post("/notifications/read").status_code == 302
    assert _badge(client, lesson) == 0


def test_the_list_shows_newest_first_and_each_one_is_marked_read_by_a_post(app, db, auth, client):
    user = auth.as_role("trainee")
    other = auth.make_user("official")
    _tell(app, db, user, title="First seminar")
    _tell(app, db, user, title="Second seminar")
    _tell(app, db, other, title="Not yours")
    page = client.get("/notifications").get_data(as_text=True)
    assert page.index("Second seminar") < page.index("First seminar") and "Not yours" not in page
    assert '<a href="http://localhost/events/3">Your place at Second seminar is confirmed</a>' in page
    first = db.exec(select(Notification).where(Notification.title.contains("First"))).one()
    theirs = db.exec(select(Notification).where(Notification.user_id == other.id)).one()
    assert client.post(f"/notifications/{first.id}/read").status_code == 400  # no CSRF token
    assert auth.post(f"/notifications/{theirs.id}/read").status_code == 404
    assert auth.post(f"/notifications/{first.id}/read").headers["Location"] == "/notifications"
    assert auth.post(f"/notifications/{first.id}/read").status_code == 302  # again: nothing changes
    db.expire_all()
    assert db.get(Notification, first.id).read_at is not None
    assert db.get(Notification, theirs.id).read_at is None
    assert (db.get(User, user.id).unread_notifications, db.get(User, other.id).unread_notifications) == (1, 1)
    assert _badge(client) == 1


def test_email_choices_on_the_profile_stop_one_kind_of_email(mail_app, db, auth, client, smtp_server):
    user = auth.as_role("trainee")
    profile = client.get("/account").get_data(as_text=True)
    assert 'id="email"' in profile and "Your place at an event is confirmed" in profile
    assert '<input checked id="email-event_confirmed"' in profile  # by email unless the user says no
    choices = {"email-essay_graded": "y", "email-certificate_issued": "y"}  # every other box left empty
    assert auth.post("/account/email-choices", choices).headers["Location"] == "/account#email"
    assert '<input id="email-event_confirmed"' in client.get("/account").get_data(as_text=True)
    _tell(mail_app, db, user)
    _tell(mail_app, db, user, kind="certificate_issued", title="Officials", code="AAAA-BBBB-CCCC", url="/certificates")
    send_mail(mail_app)
    assert [m["Subject"] for m in smtp_server.received] == ["Your certificate for Officials"]
    assert _badge(client) == 2  # both listed


def test_one_click_unsubscribe_works_without_a_form_token(mail_app, db, auth, smtp_server):
    user = auth.make_user("trainee")
    _tell(mail_app, db, user)
    send_mail(mail_app)
    url = smtp_server.received[0]["List-Unsubscribe"].strip("<>").removeprefix("http://localhost")
    visitor = mail_app.test_client()
    page = visitor.get(url)
    assert page.status_code == 200 and "Stop these emails?" in page.get_data(as_text=True)
    assert db.exec(select(NotificationPreference)).all() == []  # a GET changes nothing
    # RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no cookie and no CSRF token
    done = visitor.post(url, data={"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and "You are unsubscribed" in done.get_data(as_text=True)
    (choice,) = db.exec(select(NotificationPreference)).all()
    assert (choice.user_id, choice.kind, choice.by_email) == (user.id, "event_confirmed", False)
    assert visitor.post(url).status_code == 200  # twice is fine
    _tell(mail_app, db, user, title="Another")
    _tell(mail_app, db, user, kind="event_cancelled", reason="Rain.")
    assert [m.kind for m in db.exec(select(OutboxMessage).order_by(OutboxMessage.id))] == [
        "event_confirmed",
        "event_cancelled",
    ]


def test_a_forged_or_altered_unsubscribe_token_is_refused(mail_app, db, auth, smtp_server):
    user = auth.make_user("trainee")
    _tell(mail_app, db, user)
    send_mail(mail_app)
    url = smtp_server.received[0]["List-Unsubscribe"].strip("<>").removeprefix("http://localhost")
    visitor = mail_app.test_client()
    assert visitor.post(url[:-2] + ("AA" if not url.endswith("AA") else "BB")).status_code == 404
    assert visitor.post("/unsubscribe/not-a-token").status_code == 404
    assert db.exec(select(NotificationPreference)).all() == []
