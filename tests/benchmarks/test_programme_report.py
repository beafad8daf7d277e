"""benchmarks/programme_report.py: its synthetic facts are counted as learners' records would be."""

from sqlmodel import select

from benchmarks.programme_report import _add_facts
from benchmarks.synthetic import generate
from course.models import ProgrammeTally
from course.reports.programme import Period
from course.reports.programme_report import programme_report


def test_synthetic_facts_add_up_to_the_learners_made(synced_quizzes, app, db):
    generate(db, trainees=5, name="Facts cohort", seed=1, path_slug="officials")
    db.commit()
    _add_facts(app.extensions["db_engine"], 40, seed=2)
    db.expire_all()
    registered = sum(
        t.n
        for t in db.exec(select(ProgrammeTally).where(ProgrammeTally.scope == "all", ProgrammeTally.country == ""))
        if t.measure == "registered" and not t.grouping
    )
    assert registered == 45
    report = programme_report(db, None, Period("2000-01", "2099-12"))
    assert report.current.reach.registered == 45
    assert sum(g.reach.registered for g in report.current.groups["sex"]) == 45
