"""`flask mail …`: send what the outbox holds, and the daily due-date reminders."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from course.db import engine
from course.mail.sender import send_for_app
from course.notifications.reminders import send_due_reminders

mail_cli = AppGroup("mail", help="Send email from the outbox; daily reminders.")


@mail_cli.command("send-pending")
@click.option("--loop", is_flag=True, help="Keep sending: check the outbox every MAIL_POLL_SECONDS until stopped.")
def send_pending(loop: bool) -> None:
    """Send every message that is due now (with --loop: a worker that keeps doing so)."""
    while True:
        delivery = send_for_app()
        if not loop:
            click.echo(f"Outbox: {delivery}.")
            return
        if delivery.sent or delivery.retrying or delivery.failed:
            click.echo(f"Outbox: {delivery}.")
        time.sleep(current_app.config["MAIL_POLL_SECONDS"])


@mail_cli.command("due-reminders")
@click.option(
    "--days", type=int, default=None, help="Remind of paths due within this many days (MAIL_DUE_REMINDER_DAYS)."
)
def due_reminders(days: int | None) -> None:
    """Tell learners whose path is due within a few days and not complete; run it daily (twice tells no one twice)."""
    days = current_app.config["MAIL_DUE_REMINDER_DAYS"] if days is None else days
    with Session(engine()) as session:
        told = send_due_reminders(session, days=days)
        session.commit()
    click.echo(f"Due-date reminders: {told} learner{'s' if told != 1 else ''} told (paths due within {days} days).")
