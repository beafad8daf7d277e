"""`flask events …`: the programme's scheduled work."""

from __future__ import annotations

from datetime import timedelta

import click
from flask.cli import AppGroup
from sqlmodel import Session

from course.db import engine
from course.events import reminders

events_cli = AppGroup("events", help="The training programme's events.")


@events_cli.command("remind")
@click.option("--hours", default=24, show_default=True, help="Remind of sessions starting within this many hours.")
def remind(hours: int) -> None:
    """Announce each session starting soon to everyone enrolled, once (run it every hour, e.g. from cron)."""
    with Session(engine()) as session:
        sent = reminders.send_due(session, within=timedelta(hours=hours))
        session.commit()
    click.echo(f"Reminders announced: {sent}.")
