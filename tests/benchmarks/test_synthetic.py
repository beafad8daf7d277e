"""benchmarks/synthetic.py fills a cohort quickly; the dashboard reads it."""

import pytest
from sqlmodel import func, select

from benchmarks.synthetic import generate
from course.models import Attempt, AttemptItem, Cohort, CohortMember, LessonProgress, User


def test_fifty_synthetic_trainees(synced_quizzes, client, auth, db):
    made = generate(db, trainees=50, name="Synthetic test", seed=3, path_slug="officials")
    db.commit()
    assert made.trainees == 50
    cohort = db.exec(select(Cohort).where(Cohort.name == "Synthetic test")).one()
    members = db.exec(select(func.count()).select_from(CohortMember).where(CohortMember.cohort_id == cohort.id)).one()
    assert members == 50
    assert db.exec(select(func.count()).select_from(User).where(User.password_hash == "")).one() == 50
    assert db.exec(select(func.count()).select_from(LessonProgress)).one() > 0
    assert db.exec(select(func.count()).select_from(Attempt).where(Attempt.state == "submitted")).one() > 0
    assert db.exec(select(func.count()).select_from(AttemptItem)).one() > 0
    cohort.owner_id = auth.as_role("instructor").id  # a generated cohort is admin-managed until given an owner
    db.commit()
    page = client.get(f"/reports/cohorts/{cohort.id}")
    assert page.status_code == 200 and 'data-figure="enrolled">50<' in page.get_data(as_text=True)
    assert client.get(f"/reports/cohorts/{cohort.id}/progress.csv").get_data(as_text=True).count("\n") == 51


def test_the_same_name_is_refused_twice(synced, db):
    generate(db, trainees=5, name="Twice", seed=0)
    db.commit()
    with pytest.raises(ValueError, match="exists already"):
        generate(db, trainees=5, name="Twice", seed=0)


def test_needs_the_curriculum(app, db):
    with pytest.raises(ValueError, match="course sync"):
        generate(db, trainees=5, name="Empty", seed=0)


def test_unknown_path(synced, db):
    with pytest.raises(ValueError, match="no learning path"):
        generate(db, trainees=5, name="Nope", seed=0, path_slug="nope")


def test_command_line(synced, app, capsys, monkeypatch):
    from benchmarks.synthetic import main

    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    assert main(["--trainees", "3", "--name", "From the shell"]) == 0
    assert "3 trainees" in capsys.readouterr().out
