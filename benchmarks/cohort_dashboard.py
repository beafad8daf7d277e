"""Time the cohort dashboard and the progress CSV for a synthetic cohort of 10 000 trainees.

    python benchmarks/cohort_dashboard.py [--trainees 10000] [--runs 5]

The database is DATABASE_URL, or a temporary SQLite file by default. For PostgreSQL give a
scratch schema in the URL and --schema to create it first and drop it afterwards:

    DATABASE_URL='postgresql+psycopg://127.0.0.1:5432/test?options=-csearch_path%3Dbench' \\
        python benchmarks/cohort_dashboard.py --schema bench

It migrates, syncs the real curriculum, generates the cohort with benchmarks/synthetic.py,
then requests the dashboard through the Flask test client logged in as an instructor and prints
the median of the runs; it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import Session, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import synthetic
from course import accounts, create_app, migrate
from course.models import Cohort
from course.reports import cohort_report, queries

PASSWORD = "benchmark password"


def main() -> None:
    options = _arguments()
    url = os.environ.get("DATABASE_URL")
    with _database(url, options.schema) as url:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False})
        print(f"database: {app.extensions['db_engine'].url.render_as_string(hide_password=True)}")
        cohort_id, quiz_id = _prepare(app, options)
        client = app.test_client()
        client.post("/login", data={"email": "instructor@bench.example", "password": PASSWORD})
        print(f"load average before timing: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
        _time_requests(client, cohort_id, quiz_id, options.runs)
        _time_queries(app, cohort_id)
        app.extensions["db_engine"].dispose()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schema", help="PostgreSQL scratch schema to create first and drop afterwards")
    return parser.parse_args()


@contextmanager
def _database(url: str | None, schema: str | None):
    if url is None:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/benchmark.db"
        return
    if not schema:
        yield url
        return
    admin = create_engine(url.split("?")[0])
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _prepare(app, options) -> tuple[int, int | None]:
    """Migrate, sync, generate the cohort and an instructor; returns the cohort and its first module quiz."""
    engine = app.extensions["db_engine"]
    migrate.upgrade(engine)
    runner = app.test_cli_runner()
    started = time.perf_counter()
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    print(f"course sync: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with Session(engine) as session:
        made = synthetic.generate(session, trainees=options.trainees, name="Benchmark cohort", seed=options.seed)
        session.commit()
    print(
        f"synthetic cohort: {made.trainees} trainees, {made.attempts} attempts in {time.perf_counter() - started:.1f} s"
    )
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # what autovacuum does shortly after a bulk load
            conn.execute(text("ANALYZE"))
    with Session(engine) as session:
        instructor = accounts.create_user(
            session, email="instructor@bench.example", name="Bench Instructor", password=PASSWORD, role="instructor"
        )
        cohort = session.exec(select(Cohort).where(Cohort.name == "Benchmark cohort")).one()
        cohort.owner_id = instructor.id  # instructors open only the dashboards of their own cohorts
        session.commit()
        modules = queries.cohort_modules(session, cohort)
        quiz = next((q for m in modules for q in m.quizzes), None)
        return cohort.id, quiz.id if quiz else None


def _median_seconds(call, runs: int) -> tuple[float, object]:
    call()  # warm up: templates compiled, connections opened
    times, response = [], None
    for _ in range(runs):
        started = time.perf_counter()
        response = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), response


def _time_requests(client, cohort_id: int, quiz_id: int | None, runs: int) -> None:
    pages = [("dashboard", ""), ("dashboard, page 3, broken down by country", "?by=country&page=3")]
    if quiz_id:
        pages.append(("dashboard with item analysis of the first module quiz", f"?quiz={quiz_id}"))
    pages.append(("progress.csv (every trainee)", "/progress.csv"))
    for label, suffix in pages:
        url = f"/reports/cohorts/{cohort_id}{suffix}"
        seconds, response = _median_seconds(lambda url=url: client.get(url, buffered=True), runs)
        assert response.status_code == 200, response.status_code
        print(f"{label}: median {seconds * 1000:.0f} ms over {runs} runs ({len(response.data) / 1024:.0f} KiB)")


def _time_queries(app, cohort_id: int) -> None:
    """Where the dashboard's time goes, step by step (median of 3)."""
    with app.app_context(), Session(app.extensions["db_engine"]) as session:
        cohort = session.get(Cohort, cohort_id)
        report = cohort_report.cohort_report(session, cohort)
        steps = {
            "cohort_modules": lambda: queries.cohort_modules(session, cohort),
            "cohort_report (tally rows and the summary)": lambda: cohort_report.cohort_report(session, cohort),
            "one page of members and their detail": lambda: cohort_report.trainee_progress(
                session, report, [m.user_id for m in queries.cohort_members(session, cohort_id, limit=50)]
            ),
            "breakdown by country": lambda: cohort_report.breakdown(session, report, "country"),
        }
        for label, step in steps.items():
            seconds, _ = _median_seconds(step, 3)
            print(f"  {label}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
