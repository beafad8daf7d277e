"""`flask users …`: accounts from the command line."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup
from sqlmodel import Session

from course import accounts
from course.credentials import email_problem, password_problem
from course.db import engine

users_cli = AppGroup("users", help="Manage accounts.")


def _read_password(*related: str) -> str:
    """A new password from a prompt (typed twice) or the first line of stdin, that the password policy accepts."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    problem = password_problem(password, related=related)
    if problem:
        raise click.ClickException(problem)
    return password


@users_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator")
def create_admin(email: str, name: str) -> None:
    """Create an administrator; the password is read from a prompt or stdin, never argv."""
    problem = email_problem(email)
    if problem:
        raise click.ClickException(problem)
    password = _read_password(email, name)
    with Session(engine()) as session:
        user = accounts.find_user(session, email=email)
        if user is not None:
            user.role = "admin"
            accounts.set_password(user, password)
            click.echo(f"{user.email} already existed: now admin, password changed.")
        else:
            user = accounts.create_user(session, email=email, name=name, password=password, role="admin", verified=True)
            click.echo(f"Admin {user.email} created.")
        session.commit()


@users_cli.command("set-password")
@click.argument("email")
def set_password(email: str) -> None:
    """Give an existing account a new password, read from a prompt or stdin, never argv."""
    with Session(engine()) as session:
        user = accounts.find_user(session, email=email)
        if user is None:
            raise click.ClickException(f"no account with the email {email}")
        accounts.set_password(user, _read_password(user.email, user.name))
        session.commit()
        click.echo(f"Password of {user.email} ({user.role}) changed.")
