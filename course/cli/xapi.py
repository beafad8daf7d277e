"""`flask xapi …`: send the learning record to a learning record store (LRS_URL), from cron."""

from __future__ import annotations

from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from course.db import engine
from course.progress import lrs
from course.progress.lrs_client import LrsError, send_statements
from course.web.api.routes import activity_url

xapi_cli = AppGroup("xapi", help="Send xAPI statements to a learning record store.")


@xapi_cli.command("send")
@click.option(
    "--batch-size", default=lrs.BATCH_SIZE, show_default=True, help="Statements of this many events a request."
)
@click.option(
    "--max-batches", default=50, show_default=True, help="Stop after this many requests (the next run goes on)."
)
@click.option("--now", "ignore_backoff", is_flag=True, help="Try now, even while backing off after failures.")
def send(batch_size: int, max_batches: int, ignore_backoff: bool) -> None:
    """Send the activity events not sent yet, in batches; each batch is one transaction (cron: every minute)."""
    config = current_app.config
    if not config["LRS_URL"]:
        raise click.ClickException(
            "no learning record store is configured: set LRS_URL (and LRS_USERNAME, LRS_PASSWORD)"
        )
    if not config["SITE_URL"]:
        raise click.ClickException(
            "set CBEC_SITE_URL: statements name lessons and quizzes by their addresses on the site"
        )
    sent = 0
    with current_app.test_request_context(base_url=config["SITE_URL"]):
        for _ in range(max_batches):
            outcome = _send_one(batch_size, ignore_backoff)
            if outcome is None:
                break
            sent += outcome
    click.echo(f"Sent {sent} statement(s) to {config['LRS_URL']}.")


def _send_one(batch_size: int, ignore_backoff: bool) -> int | None:
    """Send one batch: the number of statements sent, or None when there is nothing (more) to do now."""
    config = current_app.config
    now = datetime.now(UTC)
    with Session(engine()) as session:
        lease, why_not = lrs.take_lease(session, now, ignore_backoff=ignore_backoff)
        session.commit()
    if lease is None:
        click.echo(f"Not sending: {why_not}.")
        return None
    with Session(engine()) as session:
        batch = lrs.next_batch(session, now=now, url_for=activity_url, size=batch_size)
    error = ""
    if batch is not None and batch.statements:
        try:
            send_statements(config["LRS_URL"], config["LRS_USERNAME"], config["LRS_PASSWORD"], batch.statements)
        except LrsError as exc:
            error = str(exc)
    with Session(engine()) as session:
        kept = lrs.finish(session, lease, datetime.now(UTC), batch=batch, error=error)
        session.commit()
    if error:
        raise click.ClickException(f"not sent ({error}); nothing counts as sent, the next run tries again")
    if batch is None or not kept:
        return None
    return len(batch.statements)


@xapi_cli.command("status")
def status() -> None:
    """How far the store has been sent the learning record."""
    with Session(engine()) as session:
        feed = lrs.read_feed(session)
        if feed is None:
            click.echo("Nothing sent yet.")
            return
        click.echo(f"{feed.statements_sent} statement(s) sent, up to activity event {feed.last_event_id}.")
        if feed.failures:
            click.echo(
                f"{feed.failures} failure(s) in a row; last: {feed.last_error}; next try {feed.next_attempt_at}."
            )
