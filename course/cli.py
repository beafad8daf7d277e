"""Command-line groups: `flask db …`, `flask users …`, `flask course …`."""

from __future__ import annotations

import secrets
import sys

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from course import accounts, migrate
from course.accounts import MIN_PASSWORD_LENGTH
from course.content.errors import ContentError
from course.content.loader import load_course
from course.content.sync import sync_course
from course.db import engine
from course.quizzes.sync import sync_quizzes

db_cli = AppGroup("db", help="Database schema migrations.")
users_cli = AppGroup("users", help="Manage accounts.")
course_cli = AppGroup("course", help="Load course content.")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head)."""
    migrate.upgrade(engine(), revision)
    click.echo(f"Database at {revision}.")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    """Revert migrations down to REVISION."""
    migrate.downgrade(engine(), revision)
    click.echo(f"Database at {revision}.")


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message: str) -> None:
    """Autogenerate a migration from model changes (developers)."""
    migrate.revision(current_app.config["DATABASE_URL"], message)


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@users_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator")
def create_admin(email: str, name: str) -> None:
    """Create an administrator; the password is read from a prompt or stdin, never argv."""
    password = _read_password()
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    with Session(engine()) as session:
        user = accounts.find_user(session, email=email)
        if user is not None:
            user.role = "admin"
            accounts.set_password(user, password)
            click.echo(f"{user.email} already existed: now admin, password changed.")
        else:
            user = accounts.create_user(session, email=email, name=name, password=password, role="admin")
            click.echo(f"Admin {user.email} created.")
        session.commit()


@course_cli.command("sync")
@click.option("--content", "content_dir", default=None, help="Content folder (default: modules/).")
def sync(content_dir: str | None) -> None:
    """Load modules/ and quizzes/ into the database in one transaction."""
    folder = content_dir or current_app.config["CONTENT_DIR"]
    try:
        course = load_course(folder)
        with Session(engine()) as session:
            report = sync_course(session, course)
            quiz_report = sync_quizzes(session, current_app.config["QUIZ_DIR"])
            session.commit()
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise click.ClickException(f"sync stopped: {len(exc.problems)} problem(s); nothing was changed") from None
    click.echo(f"Content: {report.summary()}.")
    click.echo(f"Quizzes: {quiz_report}.")


@course_cli.command("demo")
def demo() -> None:
    """Migrate, load the content and create a demo admin with a generated password."""
    migrate.upgrade(engine())
    ctx = click.get_current_context()
    ctx.invoke(sync)
    email = "admin@demo.cbec-academy.org"
    with Session(engine()) as session:
        if accounts.find_user(session, email=email):
            click.echo(f"Demo admin {email} exists already (its password was shown when it was made; "
                       f"reset it with: flask --app app users create-admin {email}).")
            return
        password = secrets.token_urlsafe(12)
        accounts.create_user(session, email=email, name="Demo Administrator", password=password, role="admin")
        session.commit()
    click.echo(f"Demo admin created. Log in as {email} with password: {password}")
    click.echo("This password is shown once; note it now.")
