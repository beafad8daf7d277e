"""Emails are written in the recipient's language, whoever caused them: the notice's title when it is made, the
email when the sender composes it (here a sender run outside any request, as the background thread runs)."""

from datetime import UTC, datetime

from sqlmodel import select

from course import password_reset
from course.models import Notification, User
from course.notifications.notify import notify
from tests.conftest import send_mail, text_of

SEMINAR = {
    "title": "Seminar: customs data for SMEs",
    "start": datetime(2026, 5, 5, 14, 0, tzinfo=UTC),
    "location": "Nairobi, Room 4",
    "url": "/events/3",
}


def _speaker_of(db, auth, language, email):
    user = auth.make_user("trainee", email=email)
    user.language = language
    db.add(user)
    db.commit()
    return user


def test_a_notice_reaches_each_user_in_their_own_language(mail_app, db, auth, smtp_server):
    french = _speaker_of(db, auth, "fr", "amelie@example.org")
    english = _speaker_of(db, auth, "", "ann@example.org")
    with mail_app.test_request_context("/?lang=ru"):  # the action's own request is in Russian: it does not count
        notify(db, french, "event_confirmed", **SEMINAR)
        notify(db, english, "event_confirmed", **SEMINAR)
    db.commit()
    titles = {n.user_id: n.title for n in db.exec(select(Notification))}
    assert titles[french.id] == "Votre place à Seminar: customs data for SMEs est confirmée"
    assert titles[english.id] == "Your place at Seminar: customs data for SMEs is confirmed"
    send_mail(mail_app)  # outside any request, as the background sender and `flask mail send-pending` run
    emails = {message["To"]: message for message in smtp_server.received}
    french_mail, english_mail = emails["amelie@example.org"], emails["ann@example.org"]
    assert french_mail["Subject"] == titles[french.id]
    body = text_of(french_mail)
    assert body.startswith("Bonjour ")
    assert "Quand : 5 mai 2026, 14:00 UTC" in body and "Où : Nairobi, Room 4" in body
    assert "Vous recevez cet e-mail" in body and "Hello" not in body and "When:" not in body
    assert '<html lang="fr" dir="ltr">' in french_mail.get_body(("html",)).get_content()
    assert english_mail["Subject"] == titles[english.id]
    english_body = text_of(english_mail)
    assert "When: 5 May 2026, 14:00 UTC" in english_body and "Bonjour" not in english_body


def test_an_account_email_is_in_the_owner_language_not_the_request(mail_app, db, auth, smtp_server):
    _speaker_of(db, auth, "fr", "amelie@example.org")
    _speaker_of(db, auth, "", "ann@example.org")
    with mail_app.test_request_context("/?lang=ar"):
        password_reset.request_reset(db, email="amelie@example.org")
    with mail_app.test_request_context("/"):
        password_reset.request_reset(db, email="ann@example.org")
    db.commit()
    send_mail(mail_app)
    emails = {message["To"]: message for message in smtp_server.received}
    assert emails["amelie@example.org"]["Subject"] == "Réinitialisez votre mot de passe CBEC Academy"
    assert "dans les 60 minutes" in text_of(emails["amelie@example.org"])
    assert emails["ann@example.org"]["Subject"] == "Reset your CBEC Academy password"
    assert "within 60 minutes" in text_of(emails["ann@example.org"])


def test_a_new_account_without_a_language_gets_its_confirmation_in_the_language_it_registered_in(
    mail_app, db, auth, smtp_server
):
    from course import email_verification

    user = _speaker_of(db, auth, "", "nadia@example.org")
    with mail_app.test_request_context("/register?lang=es"):
        email_verification.send_link(db, db.get(User, user.id))
    db.commit()
    send_mail(mail_app)
    (email,) = smtp_server.received
    assert email["Subject"] == "Confirme su dirección de correo electrónico para CBEC Academy"
