"""`flask mail …`: send what the outbox holds, and the daily due-date reminders."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import AppGroup

from course.mail.sender import send_for_app

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
