"""`flask mail due-reminders`: learners whose path is due within N days and not complete are told once."""

from datetime import timedelta

from sqlmodel import select

from course.content import catalogue
from course.models import Notification, PathEnrolment
from course.models.base import utcnow
from course.progress import enrolments
from tests.certificates.conftest import complete_path
from tests.conftest import send_mail, text_of


def _enrol(db, user, days: float):
    path = catalogue.path_by_slug(db, "officials")
    enrolments.enrol(db, user_id=user.id, path=path, due_date=utcnow() + timedelta(days=days))
    db.commit()


def _remind(app, *args) -> str:
    result = app.test_cli_runner().invoke(args=["mail", "due-reminders", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_learner_due_soon_is_told_once_however_often_it_runs(synced, mail_app, db, auth, smtp_server):
    soon, later = auth.make_user("trainee"), auth.make_user("official")
    _enrol(db, soon, 2)
    _enrol(db, later, 10)
    assert "1 learner told (paths due within 3 days)" in _remind(mail_app)
    assert "0 learners told" in _remind(mail_app)  # run twice, sent once
    send_mail(mail_app)
    (email,) = smtp_server.received
    title = catalogue.path_by_slug(db, "officials").title
    assert email["To"] == soon.email and email["Subject"] == f"{title} is due in 2 days"
    assert "http://127.0.0.1:5000/my-learning" in text_of(email)  # a command has no request, SITE_URL is unset
    assert "1 learner told" in _remind(mail_app, "--days", "14")  # the other one, now within the window
    assert len(db.exec(select(Notification).where(Notification.kind == "due_reminder")).all()) == 2


def test_links_in_emails_made_by_commands_use_the_one_site_address(synced, mail_app, db, auth, smtp_server):
    """CBEC_SITE_URL is the address packages, badges and xAPI use: e-mails from commands link there too."""
    mail_app.config["SITE_URL"] = "https://academy.example.org"
    _enrol(db, auth.make_user("trainee"), 2)
    _remind(mail_app)
    send_mail(mail_app)
    (email,) = smtp_server.received
    assert "https://academy.example.org/my-learning" in text_of(email) and "127.0.0.1" not in text_of(email)


def test_the_former_name_of_the_site_address_is_still_read(monkeypatch, tmp_path):
    from course.config import default_config

    monkeypatch.delenv("CBEC_SITE_URL", raising=False)
    monkeypatch.setenv("CBEC_BASE_URL", "https://old.example.org")
    assert default_config(str(tmp_path))["SITE_URL"] == "https://old.example.org"
    monkeypatch.setenv("CBEC_SITE_URL", "https://academy.example.org")
    assert default_config(str(tmp_path))["SITE_URL"] == "https://academy.example.org"


def test_a_new_due_date_is_reminded_anew(synced, mail_app, db, auth):
    user = auth.make_user("trainee")
    _enrol(db, user, 2)
    _remind(mail_app)
    enrolment = db.exec(select(PathEnrolment)).one()
    enrolment.due_date = utcnow() + timedelta(days=1)
    db.commit()
    assert "1 learner told" in _remind(mail_app)


def test_a_completed_path_is_not_reminded(synced, mail_app, db, auth):
    user = auth.as_role("trainee")
    complete_path(auth)
    enrolment = db.exec(select(PathEnrolment).where(PathEnrolment.user_id == user.id)).one()
    enrolment.due_date = utcnow() + timedelta(days=1)
    db.commit()
    assert "0 learners told" in _remind(mail_app)
