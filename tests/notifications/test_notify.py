"""notify(): in the notification list always, by email unless the user said no, at most once with `once`; every
kind's templates render from plain data."""

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from course.mail.compose import render
from course.mail.kinds import KINDS, UnknownKind
from course.models import Notification, OutboxMessage, User
from course.notifications import preferences
from course.notifications.notify import notify
from tests.conftest import send_mail, text_of

SEMINAR = {
    "title": "Seminar: customs data for SMEs",
    "start": datetime(2026, 5, 5, 14, 0, tzinfo=UTC),
    "location": "Nairobi, Room 4",
    "url": "/events/3",
}


def _notify(app, db, user, kind, **data):
    with app.test_request_context():
        told = notify(db, user, kind, **data)
    db.commit()
    return told


def test_an_event_notice_is_listed_counted_and_emailed_with_its_plain_data(mail_app, db, auth, smtp_server):
    user = auth.make_user("trainee")
    assert _notify(mail_app, db, user, "event_confirmed", **SEMINAR)
    db.expire_all()
    (notice,) = db.exec(select(Notification)).all()
    assert notice.title == "Your place at Seminar: customs data for SMEs is confirmed"
    assert notice.url == "http://localhost/events/3" and notice.read_at is None
    assert notice.data["start"] == "2026-05-05T14:00:00+00:00"
    assert db.get(User, user.id).unread_notifications == 1
    send_mail(mail_app)
    (email,) = smtp_server.received
    assert email["To"] == user.email and email["Subject"] == notice.title
    body = text_of(email)
    assert "When: 5 May 2026, 14:00 UTC" in body and "Where: Nairobi, Room 4" in body
    assert "http://localhost/events/3" in body
    assert email["List-Unsubscribe"].startswith("<http://localhost/unsubscribe/")


def test_a_kind_turned_off_is_still_listed_but_not_emailed(mail_app, db, auth, smtp_server):
    user = auth.make_user("trainee")
    preferences.choose(db, user.id, "event_cancelled", False)
    db.commit()
    _notify(mail_app, db, user, "event_cancelled", reason="The speaker is ill.", **SEMINAR)
    _notify(mail_app, db, user, "event_confirmed", **SEMINAR)
    db.expire_all()
    assert db.get(User, user.id).unread_notifications == 2
    assert [m.kind for m in db.exec(select(OutboxMessage))] == ["event_confirmed"]


def test_once_tells_a_user_only_once(mail_app, db, auth):
    user, other = auth.make_user("trainee"), auth.make_user("official")
    assert _notify(mail_app, db, user, "event_reminder", once="event:3:reminder", **SEMINAR)
    assert not _notify(mail_app, db, user, "event_reminder", once="event:3:reminder", **SEMINAR)
    assert _notify(mail_app, db, other, "event_reminder", once="event:3:reminder", **SEMINAR)
    db.expire_all()
    assert db.get(User, user.id).unread_notifications == 1
    assert len(db.exec(select(Notification)).all()) == 2 and len(db.exec(select(OutboxMessage)).all()) == 2


def test_kinds_that_are_not_notices_are_refused(app, db, auth):
    user = auth.make_user("trainee")
    with pytest.raises(UnknownKind, match="not a notice"):
        _notify(app, db, user, "password_reset", url="/x")
    with pytest.raises(UnknownKind, match="unknown message kind"):
        _notify(app, db, user, "event_rescheduled", url="/x")
    with pytest.raises(TypeError, match="plain"):
        _notify(app, db, user, "event_confirmed", title=object(), url="/x")


DATA = {
    "name": "Amina",
    "url": "http://localhost/x",
    "title": "A <b>title</b>",
    "start": "2026-05-05T14:00:00+00:00",
    "location": "Nairobi",
    "reason": "The venue closed.",
    "decision": "accepted",
    "score": 75.0,
    "before": 50.0,
    "after": 100.0,
    "due": "2030-11-30T23:59:59+00:00",
    "days": 3,
    "code": "ABCD-EFGH-JKMN",
    "minutes": 60,
    "cohort": "Officials",
    "login_url": "http://localhost/login",
    "reset_url": "http://localhost/forgot-password",
    "unsubscribe_url": "http://localhost/unsubscribe/t",
    "preferences_url": "http://localhost/account#email",
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_renders_a_subject_text_and_escaped_html(app, kind):
    with app.app_context():
        rendered = render(kind, DATA)
    assert rendered.subject and "\n" not in rendered.subject and "{" not in rendered.subject
    assert "Hello Amina," in rendered.text and "{{" not in rendered.text
    assert "<b>title</b>" not in rendered.html  # data is escaped in the HTML part
    if KINDS[kind].notice:
        assert "http://localhost/unsubscribe/t" in rendered.text and "http://localhost/unsubscribe/t" in rendered.html
