"""`flask reports …`: reporting commands."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup
from sqlmodel import Session

from course.db import engine
from course.reports import synthetic

reports_cli = AppGroup("reports", help="Cohort reports and synthetic data.")


@reports_cli.command("synthetic-cohort")
@click.option("--trainees", type=click.IntRange(1, 1_000_000), default=1000, show_default=True)
@click.option("--name", default=None, help="Cohort name (default: Synthetic cohort <date and time>).")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed: the same seed gives the same data.")
@click.option("--path", "path_slug", default=None, help="Learning path slug (default: the whole curriculum).")
def synthetic_cohort(trainees: int, name: str | None, seed: int, path_slug: str | None) -> None:
    """Generate a cohort of synthetic trainees with progress and quiz attempts (run `course sync` first)."""
    name = name or f"Synthetic cohort {time.strftime('%Y-%m-%d %H:%M:%S')}"
    started = time.perf_counter()
    with Session(engine()) as session:
        try:
            made = synthetic.generate(session, trainees=trainees, name=name, seed=seed, path_slug=path_slug)
        except ValueError as problem:
            raise click.ClickException(str(problem)) from None
        session.commit()
    click.echo(f"Cohort {made.cohort_id} “{name}”: {made.trainees} trainees, {made.lesson_rows} lesson records, "
               f"{made.attempts} attempts, {made.items} attempt items in {time.perf_counter() - started:.1f} s.")
