"""Command-line tools."""

from sqlmodel import select

from course.models import User


def test_create_admin_reads_password_from_stdin(runner, db):
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"], input="a strong password\n")
    assert result.exit_code == 0, result.output
    user = db.exec(select(User).where(User.email == "boss@example.org")).one()
    assert user.role == "admin" and user.password_hash.startswith("scrypt:")
    assert "a strong password" not in result.output


def test_create_admin_rejects_short_password(runner, db):
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"], input="short\n")
    assert result.exit_code != 0 and "at least 10" in result.output
    assert db.exec(select(User)).all() == []


def test_demo_prints_a_generated_password_once(runner, db):
    first = runner.invoke(args=["course", "demo"])
    assert first.exit_code == 0, first.output
    assert "password:" in first.output
    password = first.output.split("password:")[1].split()[0]
    assert len(password) >= 12
    again = runner.invoke(args=["course", "demo"])
    assert again.exit_code == 0 and password not in again.output
