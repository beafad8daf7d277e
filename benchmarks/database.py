"""A scratch database for the benchmark, filled like a real installation: curriculum, cohorts, accounts."""

from __future__ import annotations

import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from benchmarks import synthetic
from course import accounts, create_app, migrate
from course.content import catalogue
from course.models import Lesson, Quiz

POSTGRESQL_URL = "postgresql+psycopg://127.0.0.1:5432/test"
TRAINEE_EMAIL, ADMIN_EMAIL = "trainee@bench.example", "admin@bench.example"
PASSWORD = "benchmark password"
SECRET_KEY = "benchmark secret key, the same for every server of one run"


@dataclass
class Prepared:
    """What the measurements need to know about the prepared database."""

    url: str
    cohorts: dict[int, int]  # trainees -> cohort id
    path_slug: str
    module_slug: str
    lesson_slugs: list[str]  # the first lessons of the path's first module, which the trainee opens
    quiz_id: int | None  # that module's end-of-module quiz
    seconds: dict[str, float] = field(default_factory=dict)  # how long each preparation step took


@contextmanager
def scratch_database(engine: str, postgresql_url: str = POSTGRESQL_URL) -> Iterator[str]:
    """A temporary SQLite file, or a fresh PostgreSQL schema; removed afterwards, whatever happens."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory(prefix="cbec-bench-") as folder:
            yield f"sqlite:///{folder}/benchmark.db"
        return
    schema = f"bench_{secrets.token_hex(4)}"
    admin = create_engine(postgresql_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield f"{postgresql_url}?options=-csearch_path%3D{schema}"
    finally:
        try:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        except Exception as problem:  # report and carry on: the figures are already out
            print(f"could not drop schema {schema} ({problem}); drop it by hand", file=sys.stderr)
        admin.dispose()


@contextmanager
def _timed(seconds: dict[str, float], step: str) -> Iterator[None]:
    """Time a preparation step, note it in seconds and print it."""
    started = time.perf_counter()
    yield
    seconds[step] = round(time.perf_counter() - started, 2)
    print(f"  {step}: {seconds[step]:.1f} s", flush=True)


def prepare(url: str, cohort_sizes: list[int]) -> Prepared:
    """Migrate, sync the curriculum, generate one synthetic cohort per size and make the two accounts."""
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": SECRET_KEY})
    engine, seconds = app.extensions["db_engine"], {}
    try:
        with _timed(seconds, "migrate"):
            migrate.upgrade(engine)
        with _timed(seconds, "course sync"):
            result = app.test_cli_runner().invoke(args=["course", "sync"])
            if result.exit_code != 0:
                raise RuntimeError(f"course sync failed:\n{result.output}")
        cohorts = {size: _cohort(engine, size, seconds) for size in cohort_sizes}
        if engine.dialect.name == "postgresql":
            with _timed(seconds, "ANALYZE"), engine.begin() as conn:  # what autovacuum does soon after a bulk load
                conn.execute(text("ANALYZE"))
        with app.app_context(), Session(engine) as session:
            accounts.create_user(session, email=TRAINEE_EMAIL, name="Bench Trainee", password=PASSWORD)
            accounts.create_user(session, email=ADMIN_EMAIL, name="Bench Admin", password=PASSWORD, role="admin")
            session.commit()
            return Prepared(url, cohorts, seconds=seconds, **_first_steps(session))
    finally:
        engine.dispose()


def _cohort(engine, size: int, seconds: dict[str, float]) -> int:
    with _timed(seconds, f"synthetic cohort of {size}"), Session(engine) as session:
        made = synthetic.generate(session, trainees=size, name=f"Benchmark cohort of {size}", seed=size)
        session.commit()
        return made.cohort_id


def _first_steps(session: Session) -> dict:
    """The first path, its first module, the first three lessons of that module and its quiz."""
    path = catalogue.active_paths(session)[0]
    module = catalogue.module_by_slug(session, path.steps[0]["module"])
    lessons = path.steps[0].get("lessons") or [
        lesson.slug
        for lesson in session.exec(
            select(Lesson).where(Lesson.module_id == module.id, Lesson.archived == False).order_by(Lesson.position)
        )
    ]
    quiz = session.exec(select(Quiz).where(Quiz.module_id == module.id, Quiz.kind == "module")).first()
    return {
        "path_slug": path.slug,
        "module_slug": module.slug,
        "lesson_slugs": lessons[:3],
        "quiz_id": quiz.id if quiz else None,
    }
