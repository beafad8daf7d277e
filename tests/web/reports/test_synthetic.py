"""`flask reports synthetic-cohort` fills a cohort quickly; the dashboard reads it."""

from sqlmodel import func, select

from course.models import Attempt, AttemptItem, Cohort, CohortMember, LessonProgress, User


def test_fifty_synthetic_trainees(synced_quizzes, runner, client, auth, db):
    result = runner.invoke(args=["reports", "synthetic-cohort", "--trainees", "50", "--seed", "3",
                                 "--name", "Synthetic test", "--path", "officials"])
    assert result.exit_code == 0, result.output
    assert "50 trainees" in result.output
    cohort = db.exec(select(Cohort).where(Cohort.name == "Synthetic test")).one()
    members = db.exec(select(func.count()).select_from(CohortMember).where(CohortMember.cohort_id == cohort.id)).one()
    assert members == 50
    assert db.exec(select(func.count()).select_from(User).where(User.password_hash == "")).one() == 50
    assert db.exec(select(func.count()).select_from(LessonProgress)).one() > 0
    assert db.exec(select(func.count()).select_from(Attempt).where(Attempt.state == "submitted")).one() > 0
    assert db.exec(select(func.count()).select_from(AttemptItem)).one() > 0
    auth.as_role("instructor")
    page = client.get(f"/reports/cohorts/{cohort.id}")
    assert page.status_code == 200 and 'data-figure="enrolled">50<' in page.get_data(as_text=True)
    assert client.get(f"/reports/cohorts/{cohort.id}/progress.csv").get_data(as_text=True).count("\n") == 51


def test_same_seed_same_cohort_size_and_names_refused_twice(synced, runner):
    args = ["reports", "synthetic-cohort", "--trainees", "5", "--name", "Twice"]
    assert runner.invoke(args=args).exit_code == 0
    again = runner.invoke(args=args)
    assert again.exit_code != 0 and "exists already" in again.output


def test_needs_the_curriculum(runner):
    result = runner.invoke(args=["reports", "synthetic-cohort", "--trainees", "5"])
    assert result.exit_code != 0 and "course sync" in result.output


def test_unknown_path(synced, runner):
    result = runner.invoke(args=["reports", "synthetic-cohort", "--trainees", "5", "--path", "nope"])
    assert result.exit_code != 0 and "no learning path" in result.output
