"""Command-line tools."""

import pytest
from sqlmodel import select

from course.models import User
from course.progress import records


def test_create_admin_reads_password_from_stdin(app, runner, db):
    app.config["PASSWORD_HASH_METHOD"] = None  # the production default, not the tests' cheap one
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"], input="a strong password\n")
    assert result.exit_code == 0, result.output
    user = db.exec(select(User).where(User.email == "boss@example.org")).one()
    assert user.role == "admin" and user.password_hash.startswith("scrypt:")
    assert "a strong password" not in result.output


def test_create_admin_rejects_short_password(runner, db):
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"], input="short\n")
    assert result.exit_code != 0 and "at least 10" in result.output
    assert db.exec(select(User)).all() == []


@pytest.mark.parametrize("password", ["aaaaaaaaaa", "1234567890", "boss@example.org"])
def test_create_admin_refuses_a_guessable_password(runner, db, password):
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"], input=f"{password}\n")
    assert result.exit_code != 0 and "too easy to guess" in result.output
    assert db.exec(select(User)).all() == []


@pytest.mark.parametrize("email", ["not an email", "boss@", "boss.example.org"])
def test_create_admin_refuses_what_is_not_an_email(runner, db, email):
    result = runner.invoke(args=["users", "create-admin", email], input="quiet river lantern\n")
    assert result.exit_code != 0 and "Not an email address" in result.output
    assert db.exec(select(User)).all() == []


def test_set_password_reads_password_from_stdin(runner, db, auth):
    auth.make_user("instructor", email="teacher@example.org")
    result = runner.invoke(args=["users", "set-password", "Teacher@example.org"], input="a new long password\n")
    assert result.exit_code == 0, result.output
    assert "a new long password" not in result.output
    assert auth.login("teacher@example.org", "a new long password").status_code == 302


def test_set_password_refuses_unknown_accounts_and_short_passwords(runner, db, auth):
    unknown = runner.invoke(args=["users", "set-password", "nobody@example.org"], input="a new long password\n")
    assert unknown.exit_code != 0 and "no account" in unknown.output
    auth.make_user("trainee", email="amina@example.org")
    short = runner.invoke(args=["users", "set-password", "amina@example.org"], input="short\n")
    assert short.exit_code != 0 and "at least 10" in short.output
    common = runner.invoke(args=["users", "set-password", "amina@example.org"], input="1234567890\n")
    assert common.exit_code != 0 and "too easy to guess" in common.output
    assert auth.login("amina@example.org").status_code == 302


DEMO_ROLES = ("trainee", "official", "instructor", "admin")


def _demo_passwords(output: str) -> dict[str, tuple[str, str]]:
    """role -> (email, password) read from the table the demo prints."""
    rows = {}
    for line in output.splitlines():
        cells = line.split()
        if len(cells) == 3 and cells[0] in DEMO_ROLES and "@" in cells[1]:
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def test_demo_creates_one_account_per_role_and_prints_each_password_once(runner, db, auth):
    first = runner.invoke(args=["course", "demo"])
    assert first.exit_code == 0, first.output
    accounts = _demo_passwords(first.output)
    assert set(accounts) == set(DEMO_ROLES)
    assert len({password for _, password in accounts.values()}) == 4
    for role, (email, password) in accounts.items():
        assert len(password) >= 12
        assert first.output.count(password) == 1
        user = db.exec(select(User).where(User.email == email)).one()
        assert user.role == role and user.name and user.organisation
        response = auth.login(email, password)
        assert response.status_code == 302, f"{role} could not log in"
        auth.logout()

    again = runner.invoke(args=["course", "demo"])
    assert again.exit_code == 0, again.output
    assert _demo_passwords(again.output) == {}
    for _, password in accounts.values():
        assert password not in again.output
    assert "exist already" in again.output
    assert "users set-password" in again.output and "users create-admin" in again.output
    assert len(db.exec(select(User)).all()) == 4


def test_demo_trainee_and_official_follow_a_path(runner, db, auth):
    result = runner.invoke(args=["course", "demo"])
    assert result.exit_code == 0, result.output
    accounts = _demo_passwords(result.output)
    for role in ("trainee", "official"):
        user = db.exec(select(User).where(User.email == accounts[role][0])).one()
        assert records.enrolments(db, user.id), f"the demo {role} follows no path"
        auth.login(*accounts[role])
        page = auth.client.get("/my-learning").get_data(as_text=True)
        assert "Officials path" in page
        auth.logout()
    for role in ("instructor", "admin"):
        user = db.exec(select(User).where(User.email == accounts[role][0])).one()
        assert records.enrolments(db, user.id) == []


def test_demo_schedules_a_seminar_and_a_study_tour_once(runner, db, auth):
    from course.models import Event, EventSession, StudyTour, TourVisit

    result = runner.invoke(args=["course", "demo"])
    assert result.exit_code == 0, result.output
    assert "Added the seminar" in result.output and "the study tour" in result.output
    (event,) = db.exec(select(Event)).all()
    (tour,) = db.exec(select(StudyTour)).all()
    instructor = db.exec(select(User).where(User.email == "instructor@demo.cbec-academy.org")).one()
    assert event.owner_id == tour.owner_id == instructor.id
    assert len(db.exec(select(EventSession)).all()) == 2 and len(db.exec(select(TourVisit)).all()) == 4
    accounts = _demo_passwords(result.output)
    auth.login(*accounts["trainee"])
    assert event.title in auth.client.get("/events/").get_data(as_text=True)
    assert tour.title in auth.client.get("/tours/").get_data(as_text=True)
    again = runner.invoke(args=["course", "demo"])
    assert again.exit_code == 0 and "Added the seminar" not in again.output
    assert len(db.exec(select(Event)).all()) == 1 and len(db.exec(select(StudyTour)).all()) == 1
