"""`flask db …`: schema migrations (Alembic)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from sqlmodel import Session

from course import migrate, upkeep
from course.db import engine

db_cli = AppGroup("db", help="Database schema migrations.")


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: head); a database that had data gets its standing rebuilt."""
    before = migrate.current(engine())
    migrate.upgrade(engine(), revision)
    click.echo(f"Database at {revision}.")
    if before is not None and migrate.current(engine()) != before and revision == "head":
        with Session(engine()) as session:
            upkeep.rebuild(session)
            session.commit()
        click.echo("Module summaries, cohort tallies and programme tallies rebuilt from the records.")


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
