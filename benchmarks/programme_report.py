"""Time the programme report for a synthetic programme (10 000 trainees by default) and what keeping it costs.

    python benchmarks/programme_report.py [--trainees 10000] [--cohorts 4] [--runs 7] [--events 1000]

The database is DATABASE_URL, or a temporary SQLite file by default; for PostgreSQL give a scratch schema in
the URL and --schema to create it first and drop it afterwards (as benchmarks/cohort_dashboard.py):

    DATABASE_URL='postgresql+psycopg://127.0.0.1:5432/test?options=-csearch_path%3Dbench' \\
        python benchmarks/programme_report.py --schema bench

It migrates, syncs the real curriculum and generates the trainees with benchmarks/synthetic.py in several
cohorts (on the learning paths in turn, and without one) whose activity is spread over the past year and a
half, publishes the impact page, then requests each report through the Flask test client and prints the
median of the runs with the SQL statements each request ran. It also times recounting every programme tally
from the summaries, and a lesson completed by a trainee with and without the programme tallies' upkeep. It
asserts nothing about time. With --events N it also makes N events (one to three sessions each, first sessions
spread over the past year and a half, a tenth of them cancelled, every fifth run by the instructor) with enrolments,
waiting lists, attendance and feedback from the trainees, and N / 10 study tours with applications, then times the
events' figures alone (course/reports/programme_events.py) before the pages.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import event, func, text
from sqlmodel import Session, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import synthetic
from benchmarks.cohort_dashboard import _database
from course import accounts, create_app, migrate
from course.content import catalogue
from course.models import (
    APPLICATION_STATUSES,
    ENROLLED,
    EVENT_KINDS,
    WAITLISTED,
    WITHDRAWN,
    Attendance,
    Cohort,
    CohortMember,
    Event,
    EventEnrolment,
    EventSession,
    Feedback,
    ImpactPage,
    LessonProgress,
    ProgrammeTally,
    StudyTour,
    TourApplication,
    User,
)
from course.models.base import utcnow
from course.progress import records
from course.reports import reach, reach_tallies
from course.reports.impact import last_complete_month
from course.reports.programme import EventScope, Period, shift
from course.reports.programme_events import programme_events

PASSWORD = "benchmark password"
TARGET_MS = 300


def main() -> None:
    options = _arguments()
    with _database(os.environ.get("DATABASE_URL"), options.schema) as url:
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "benchmark", "WTF_CSRF_ENABLED": False})
        engine = app.extensions["db_engine"]
        print(f"database: {engine.url.render_as_string(hide_password=True)}")
        _prepare(app, options)
        if options.facts:
            _add_facts(app.extensions["db_engine"], options.facts, options.seed)
        if options.events:
            _add_events(engine, options.events, options.seed)
        print(f"load average before timing: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
        if options.events:
            _time_events(engine, options.runs)
        _time_pages(app, options.runs)
        _time_recount(engine, options)
        _time_upkeep(engine)
        engine.dispose()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=10_000)
    parser.add_argument("--cohorts", type=int, default=4, help="cohorts the trainees are shared among")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--schema", help="PostgreSQL scratch schema to create first and drop afterwards")
    parser.add_argument("--skip-recount", action="store_true", help="do not time recounting every tally")
    parser.add_argument(
        "--facts", type=int, default=0, help="that many more learners' tallies, from synthetic facts (no records)"
    )
    parser.add_argument("--events", type=int, default=0, help="that many events (and a tenth as many study tours)")
    return parser.parse_args()


def _prepare(app, options) -> None:
    """Migrate, sync, generate the cohorts, an admin and an instructor who owns the first cohort; publish /impact."""
    engine = app.extensions["db_engine"]
    migrate.upgrade(engine)
    result = app.test_cli_runner().invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output
    started = time.perf_counter()
    with Session(engine) as session:
        paths = [p.slug for p in catalogue.active_paths(session)] + [None]
        for n in range(options.cohorts):
            size = options.trainees // options.cohorts + (1 if n < options.trainees % options.cohorts else 0)
            synthetic.generate(
                session,
                trainees=size,
                name=f"Programme cohort {n + 1}",
                seed=options.seed + n,
                path_slug=paths[n % len(paths)],
                now=utcnow() - timedelta(days=120 * n),  # activity spread over the past year and a half
            )
            session.commit()
        admin = accounts.create_user(
            session, email="admin@bench.example", name="Bench Admin", password=PASSWORD, role="admin"
        )
        instructor = accounts.create_user(
            session, email="instructor@bench.example", name="Bench Instructor", password=PASSWORD, role="instructor"
        )
        first = session.exec(select(Cohort).where(Cohort.name == "Programme cohort 1")).one()
        first.owner_id = instructor.id
        session.add(ImpactPage(id=1, published=True, since=shift(last_complete_month(utcnow().date()), -11)))
        session.commit()
        del admin
        rows = session.exec(select(func.count()).select_from(ProgrammeTally)).one()
    print(
        f"{options.trainees} trainees in {options.cohorts} cohorts generated (tallies counted) in "
        f"{time.perf_counter() - started:.1f} s; {rows} programme tally rows"
    )
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:  # what autovacuum does shortly after a bulk load
            conn.execute(text("ANALYZE"))


def _add_facts(engine, count: int, seed: int) -> None:
    """Add `count` learners' worth of programme tallies, from facts made up the way learners' records give them."""
    rng = random.Random(seed)
    started = time.perf_counter()
    now = utcnow()
    with Session(engine) as session:
        plan = reach_tallies.programme(session)
        cohorts = list(session.exec(select(Cohort.id, Cohort.path_id)))
        rows: dict = {}
        for _ in range(count):
            facts = reach.learner_facts(_made_up(rng, now, plan, cohorts), plan)
            for key, amounts in reach.tally_amounts(facts).items():
                into = rows.get(key)
                if into is None:
                    rows[key] = {"n": 0, "pre_sum": 0.0, "post_sum": 0.0} | amounts
                else:
                    for name, amount in amounts.items():
                        into[name] += amount
        reach_tallies.add_changes(session, rows)
        session.commit()
        total = session.exec(select(func.count()).select_from(ProgrammeTally)).one()
    print(f"{count} learners' synthetic facts added in {time.perf_counter() - started:.1f} s; {total} tally rows")


def _add_events(engine, count: int, seed: int) -> None:
    """`count` events with sessions, enrolments, attendance and feedback, and count // 10 study tours."""
    rng = random.Random(seed)
    started = time.perf_counter()
    now = utcnow()
    with Session(engine) as session:
        people = list(session.exec(select(User.id).where(User.role == "trainee")))
        instructor = session.exec(select(User.id).where(User.email == "instructor@bench.example")).one()
        paths = catalogue.active_paths(session)
        slugs = [lesson.slug for group in catalogue.lessons_by_module(session).values() for lesson in group]
        for n in range(count):
            first = now - timedelta(days=rng.uniform(0, 540))
            event = Event(
                title=f"Bench event {n}",
                kind=rng.choice(list(EVENT_KINDS)),
                time_zone="UTC",
                capacity=rng.choice((20, 30, 50)),
                audience=rng.choice(["", *(p.audience for p in paths)]),
                lessons=rng.sample(slugs, 2),
                owner_id=instructor if n % 5 == 0 else None,
                cancelled_at=now if rng.random() < 0.1 else None,
            )
            session.add(event)
            session.flush()
            sessions = []
            for day in range(rng.randint(1, 3)):
                meeting = EventSession(
                    event_id=event.id,
                    starts_at=first + timedelta(days=day),
                    ends_at=first + timedelta(days=day, hours=2),
                )
                session.add(meeting)
                sessions.append(meeting)
            session.flush()
            for i, person in enumerate(rng.sample(people, min(len(people), event.capacity + 5))):
                status = (ENROLLED if i < event.capacity else WAITLISTED) if rng.random() < 0.9 else WITHDRAWN
                session.add(EventEnrolment(event_id=event.id, user_id=person, status=status))
                if status != ENROLLED:
                    continue
                for meeting in sessions:
                    session.add(Attendance(session_id=meeting.id, user_id=person, present=rng.random() < 0.8))
                if rng.random() < 0.4:
                    session.add(_answer(rng, "event", event.id, person))
        for n in range(count // 10):
            starts_on = (now - timedelta(days=rng.uniform(0, 540))).date()
            tour = StudyTour(
                title=f"Bench tour {n}",
                starts_on=starts_on,
                ends_on=starts_on + timedelta(days=3),
                capacity=15,
                owner_id=instructor if n % 5 == 0 else None,
            )
            session.add(tour)
            session.flush()
            for person in rng.sample(people, min(len(people), 25)):
                status = rng.choice(APPLICATION_STATUSES)
                session.add(TourApplication(tour_id=tour.id, user_id=person, motivation="To learn.", status=status))
                if status == "accepted" and rng.random() < 0.5:
                    session.add(_answer(rng, "studytour", tour.id, person))
        session.commit()
        rows = {
            model.__tablename__: session.exec(select(func.count()).select_from(model)).one()
            for model in (EventSession, EventEnrolment, Attendance, Feedback)
        }
    print(f"{count} events and {count // 10} study tours generated in {time.perf_counter() - started:.1f} s; {rows}")
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def _answer(rng: random.Random, kind: str, object_id: int, person: int) -> Feedback:
    return Feedback(
        object_type=kind,
        object_id=object_id,
        user_id=person,
        relevance=rng.randint(2, 5),
        usefulness=rng.randint(1, 5),
        will_apply=rng.random() < 0.7,
    )


def _time_events(engine, runs: int) -> None:
    """The events' figures of the report's two periods, for everyone, the instructor, and one country."""
    this_month = utcnow().strftime("%Y-%m")
    period = Period(shift(this_month, -11), this_month)
    with Session(engine) as session:
        instructor = session.exec(select(User.id).where(User.email == "instructor@bench.example")).one()
        for label, scope in (
            ("everyone", EventScope()),
            ("the instructor's", EventScope(owner_id=instructor)),
            ("one country (Kenya)", EventScope(country="Kenya")),
        ):
            ms, figures = _median_ms(lambda scope=scope: programme_events(session, period, scope), runs)
            print(
                f"events' figures, {label}: {ms:.1f} ms per period ({figures.events.held} events held, "
                f"{figures.events.enrolled} enrolled, {figures.tours.held} tours)"
            )


def _made_up(rng: random.Random, now, plan, cohorts) -> reach.Learner:
    """A learner whose milestones fall at random over the past 540 days."""

    def day(after=None):
        start = after or now - timedelta(days=540)
        return start + timedelta(days=rng.uniform(0, max(1.0, (now - start).days)))

    registered = day()
    cohort_id, path_id = rng.choice(cohorts)
    summaries = {}
    for module_id in plan.modules:
        if rng.random() < 0.5:
            active = day(registered)
            complete = rng.random() < 0.6
            taken = day(active) if rng.random() < 0.7 else None
            gained = day(active) if rng.random() < 0.4 else None
            summaries[module_id] = SimpleNamespace(
                complete=complete,
                completed_at=day(active) if complete else None,
                passed=taken is not None and rng.random() < 0.7,
                pre_score=rng.random() * 0.7 if gained else None,
                post_score=0.3 + rng.random() * 0.7 if gained else None,
                first_active_at=active,
                quiz_taken_at=taken,
                gain_at=gained,
            )
    profile = {
        "org_type": rng.choices([o for o, _ in synthetic.ORG_TYPES], [w for _, w in synthetic.ORG_TYPES])[0],
        "country": rng.choice(synthetic.COUNTRIES),
        "firm_size": rng.choice(synthetic.FIRM_SIZES),
        "sex": rng.choice(synthetic.SEXES),
    }
    certified = {path_id: day(registered)} if path_id and rng.random() < 0.2 else {}
    return reach.Learner(
        "trainee",
        registered,
        profile,
        cohorts={cohort_id: (path_id, registered)},
        certificates=certified,
        summaries=summaries,
    )


class _Statements:
    def __init__(self, engine):
        self.engine, self.count = engine, 0

    def _seen(self, *_args):
        self.count += 1

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc):
        event.remove(self.engine, "before_cursor_execute", self._seen)


def _median_ms(call, runs: int) -> tuple[float, object]:
    call()  # warm up: templates compiled, connections opened, the catalogue read
    times, response = [], None
    for _ in range(runs):
        started = time.perf_counter()
        response = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, response


def _client(app, email: str | None):
    client = app.test_client()
    if email:
        response = client.post("/login", data={"email": email, "password": PASSWORD})
        assert response.status_code == 302, response.status_code
    return client


def _time_pages(app, runs: int) -> None:
    engine = app.extensions["db_engine"]
    admin, instructor, visitor = (
        _client(app, "admin@bench.example"),
        _client(app, "instructor@bench.example"),
        _client(app, None),
    )
    with Session(engine) as session:
        path = catalogue.active_paths(session)[0].slug
    this_month = utcnow().strftime("%Y-%m")
    pages = [
        ("admin: report, last 12 months", admin, "/reports/programme"),
        (
            "admin: report, 24 months",
            admin,
            f"/reports/programme?from={shift(this_month, -23)}&to={this_month}",
        ),
        ("admin: one country (Kenya)", admin, "/reports/programme?country=Kenya"),
        (f"admin: one path ({path})", admin, f"/reports/programme?path={path}"),
        ("admin: one audience (official)", admin, "/reports/programme?audience=official"),
        ("instructor: their cohort", instructor, "/reports/programme"),
        ("admin: CSV", admin, "/reports/programme.csv"),
        ("admin: PDF", admin, "/reports/programme.pdf"),
        ("admin: JSON API", admin, "/api/v1/reports/programme"),
        ("visitor: public impact page", visitor, "/impact"),
    ]
    print(f"{'request':<40} {'median':>8} {'statements':>11}  (target < {TARGET_MS} ms, {runs} runs)")
    for label, client, url in pages:
        ms, response = _median_ms(lambda client=client, url=url: client.get(url, buffered=True), runs)
        assert response.status_code == 200, (url, response.status_code)
        with _Statements(engine) as counted:
            client.get(url, buffered=True)
        print(f"{label:<40} {ms:>6.0f} ms {counted.count:>11}  {len(response.data) / 1024:.0f} KiB")


def _time_recount(engine, options) -> None:
    if options.skip_recount:
        return
    with Session(engine) as session:
        started = time.perf_counter()
        reach_tallies.recount(session)
        session.commit()
    print(f"recounting every programme tally from the summaries: {time.perf_counter() - started:.1f} s")


def _time_upkeep(engine, learners: int = 40) -> None:
    """A lesson completed by a trainee (record, upkeep, commit), every other one without the programme tallies'
    upkeep: the difference is what keeping them costs a write."""
    with Session(engine) as session:
        ids = list(session.exec(select(CohortMember.user_id).order_by(CohortMember.user_id).limit(learners)))
        lessons = [lesson for group in catalogue.lessons_by_module(session).values() for lesson in group]
    original = reach_tallies.count_learners
    times: dict[bool, list[float]] = {True: [], False: []}
    try:
        for n, uid in enumerate(ids):
            counted = n % 2 == 0
            reach_tallies.count_learners = original if counted else (lambda *_args, **_kwargs: None)
            with Session(engine) as session:
                done = set(session.exec(select(LessonProgress.lesson_id).where(LessonProgress.user_id == uid)))
                lesson = next((lesson for lesson in lessons if lesson.id not in done), lessons[0])
                started = time.perf_counter()
                records.mark_complete(session, user_id=uid, lesson=lesson)
                session.commit()
                times[counted].append(time.perf_counter() - started)
    finally:
        reach_tallies.count_learners = original
    print(
        f"a lesson completed (record, upkeep, commit), median of {learners // 2} each: "
        f"{statistics.median(times[True]) * 1000:.1f} ms with the programme tallies, "
        f"{statistics.median(times[False]) * 1000:.1f} ms without"
    )


if __name__ == "__main__":
    main()
