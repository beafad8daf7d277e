"""Time the cohort dashboard and the progress CSV for a synthetic cohort of 10 000 trainees.

    python benchmarks/cohort_dashboard.py [--trainees 10000] [--runs 5]

The database is DATABASE_URL, or a temporary SQLite file by default. For PostgreSQL give a
scratch schema in the URL and --schema to create it first and drop it afterwards:

    DATABASE_URL='postgresql+psycopg://127.0.0.1:5432/test?options=-csearch_path%3Dbench' \\
        python benchmarks/cohort_dashboard.py --schema bench

It migrates, syncs the real curriculum, generates the cohort with `flask reports synthetic-cohort`,
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

from sqlalchemy import text
from sqlmodel import Session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import accounts, create_app, migrate  # noqa: E402
from course.analytics import cohort as analysis  # noqa: E402
from course.analytics import standing  # noqa: E402
from course.db import make_engine  # noqa: E402
from course.models import Cohort  # noqa: E402
from course.reports import cohort_report, queries  # noqa: E402

PASSWORD = "benchmark password"


def main() -> None:
    options = _arguments()
    url = os.environ.get("DATABASE_URL")
    with _database(url, options.schema) as url:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False})
        print(f"database: {make_engine(url).url.render_as_string(hide_password=True)}")
        cohort_id = _prepare(app, options)
        client = app.test_client()
        client.post("/login", data={"email": "instructor@bench.example", "password": PASSWORD})
        _time_requests(client, cohort_id, options.runs)
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
    admin = make_engine(url.split("?")[0])
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _prepare(app, options) -> int:
    """Migrate, sync, generate the cohort and an instructor; returns the cohort id."""
    migrate.upgrade(app.extensions["db_engine"])
    runner = app.test_cli_runner()
    started = time.perf_counter()
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    print(f"course sync: {time.perf_counter() - started:.1f} s")
    result = runner.invoke(args=["reports", "synthetic-cohort", "--trainees", str(options.trainees),
                                 "--seed", str(options.seed), "--name", "Benchmark cohort"])
    assert result.exit_code == 0, result.output
    print(result.output.strip())
    with Session(app.extensions["db_engine"]) as session:
        accounts.create_user(session, email="instructor@bench.example", name="Bench Instructor", password=PASSWORD,
                             role="instructor")
        session.commit()
        return session.query(Cohort.id).filter(Cohort.name == "Benchmark cohort").scalar()


def _median_seconds(call, runs: int) -> tuple[float, object]:
    call()  # warm up: templates compiled, connections opened
    times, response = [], None
    for _ in range(runs):
        started = time.perf_counter()
        response = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), response


def _time_requests(client, cohort_id: int, runs: int) -> None:
    for label, url in (("dashboard", f"/reports/cohorts/{cohort_id}"),
                       ("dashboard ?by=country&page=3", f"/reports/cohorts/{cohort_id}?by=country&page=3"),
                       ("progress.csv", f"/reports/cohorts/{cohort_id}/progress.csv")):
        seconds, response = _median_seconds(lambda url=url: client.get(url), runs)
        assert response.status_code == 200, response.status_code
        print(f"{label}: median {seconds * 1000:.0f} ms over {runs} runs, {len(response.data) / 1024:.0f} KiB")


def _time_queries(app, cohort_id: int) -> None:
    """Where the dashboard's time goes, query by query."""
    with app.app_context(), Session(app.extensions["db_engine"]) as session:
        cohort = session.get(Cohort, cohort_id)
        modules = queries.cohort_modules(session, cohort)
        ids = [m.user_id for m in queries.cohort_members(session, cohort_id)]
        steps = {
            "cohort_members": lambda: queries.cohort_members(session, cohort_id),
            "lesson_facts": lambda: queries.lesson_facts(session, cohort_id, modules),
            "quiz_facts": lambda: queries.quiz_facts(session, cohort_id, modules),
            "open_lessons": lambda: queries.open_lessons(session, cohort_id, modules),
            "member_facts + summarise (pure)": lambda: _summary(modules, ids, session, cohort_id),
            "item_response_groups (first module quiz)": lambda: queries.item_response_groups(
                session, cohort_id, modules[0].quizzes[0].id) if modules and modules[0].quizzes else [],
            "cohort_report (all of the above but items)": lambda: cohort_report.cohort_report(session, cohort),
        }
        for label, step in steps.items():
            seconds, rows = _median_seconds(step, 3)
            size = len(rows) if hasattr(rows, "__len__") else ""
            print(f"  {label}: {seconds * 1000:.0f} ms {f'({size} rows)' if size != '' else ''}")


def _summary(modules, ids, session, cohort_id):
    lessons, quizzes = queries.lesson_facts(session, cohort_id, modules), queries.quiz_facts(session, cohort_id, modules)
    opened = queries.open_lessons(session, cohort_id, modules)
    started = time.perf_counter()
    facts = standing.member_facts(modules, ids, lessons, quizzes, opened)
    analysis.summarise(modules, facts.values())
    return [time.perf_counter() - started]


if __name__ == "__main__":
    main()
