"""A learning path that requires attending an event of a series: progress, certificates and cohort figures."""

from sqlmodel import select

from course import upkeep
from course.content import catalogue
from course.events import attendance, scheduling, seats
from course.events.scheduling import sessions_of
from course.models import Certificate, Cohort, CohortMember, CohortTally, LearningPath
from course.progress import enrolments, records
from course.progress.standing import learner_state
from course.reports.cohort_report import cohort_report, trainee_progress
from tests.test_upkeep import _snapshot
from tests.web.events.helpers import make_event

REQUIREMENT = "  attend:\n    - series: policy-seminar\n      title: Attend a policy seminar\n  steps:\n"


def _require_attendance(content_dir, runner):
    paths = content_dir / "paths.yml"
    paths.write_text(paths.read_text().replace("  steps:\n", REQUIREMENT))
    result = runner.invoke(args=["course", "sync"])
    assert result.exit_code == 0, result.output


def _finish_every_lesson(db, user):
    officials = db.exec(select(LearningPath).where(LearningPath.slug == "officials")).one()
    enrolments.enrol(db, user_id=user.id, path=officials)
    for lessons in catalogue.lessons_by_module(db).values():
        for lesson in lessons:
            records.mark_complete(db, user_id=user.id, lesson=lesson)
    db.commit()
    return officials


def _completed(db, cohort):
    db.expire_all()
    row = db.exec(
        select(CohortTally).where(
            CohortTally.cohort_id == cohort.id, CohortTally.grouping == "", CohortTally.module_id == 0
        )
    ).one()
    return row.completed


def test_the_path_completes_only_once_the_event_is_attended(synced, content_dir, runner, client, auth, db):
    _require_attendance(content_dir, runner)
    trainee = auth.make_user("trainee")
    officials = _finish_every_lesson(db, trainee)
    assert officials.attendance == [{"series": "policy-seminar", "title": "Attend a policy seminar"}]
    cohort = Cohort(name="Officials", path_id=officials.id)
    db.add(cohort)
    db.flush()
    db.add(CohortMember(cohort_id=cohort.id, user_id=trainee.id))
    db.commit()

    (path,) = learner_state(db, trainee.id).paths
    assert (path.complete, path.percent, [a.attended for a in path.attendance]) == (False, 67, [False])
    assert _completed(db, cohort) == 0
    report = cohort_report(db, cohort)
    progress = trainee_progress(db, report, [trainee.id])[trainee.id]
    assert (progress.path_complete, progress.percent) == (False, 67)

    instructor = auth.as_role("instructor")
    event = make_event(db, instructor, series="policy-seminar")
    other = make_event(db, instructor, title="Unrelated forum")
    seats.enrol(db, event, trainee)
    seats.enrol(db, other, trainee)
    db.commit()
    first, second = sessions_of(db, event.id)
    auth.post(f"/events/{event.id}/sessions/{first.id}/attendance", {"present": [str(trainee.id)]})
    assert db.exec(select(Certificate)).all() == []  # one session of two: not attended yet
    for s in sessions_of(db, other.id):  # attending an event of no series counts for nothing
        auth.post(f"/events/{other.id}/sessions/{s.id}/attendance", {"present": [str(trainee.id)]})
    assert db.exec(select(Certificate)).all() == []
    response = auth.post(f"/events/{event.id}/sessions/{second.id}/attendance", {"present": [str(trainee.id)]})
    assert "Certificate issued to" in client.get(response.headers["Location"]).get_data(as_text=True)
    (certificate,) = db.exec(select(Certificate)).all()
    assert certificate.user_id == trainee.id
    db.expire_all()
    (path,) = learner_state(db, trainee.id).paths
    assert (path.complete, path.percent) == (True, 100)
    assert _completed(db, cohort) == 1
    report = cohort_report(db, cohort)
    assert trainee_progress(db, report, [trainee.id])[trainee.id].path_complete

    kept = _snapshot(db)
    upkeep.rebuild(db)
    db.commit()
    assert _snapshot(db) == kept

    scheduling.cancel_event(db, db.merge(event), reason="Held by mistake")  # its attendance no longer counts
    db.commit()
    assert _completed(db, cohort) == 0
    assert not learner_state(db, trainee.id).paths[0].complete
    kept = _snapshot(db)
    upkeep.rebuild(db)
    db.commit()
    assert _snapshot(db) == kept


def test_my_learning_shows_the_requirement_and_links_to_events_of_the_series(
    synced, content_dir, runner, client, auth, db
):
    _require_attendance(content_dir, runner)
    trainee = auth.as_role("trainee")
    _finish_every_lesson(db, trainee)
    page = client.get("/my-learning").get_data(as_text=True)
    assert "Attend a policy seminar" in page and "/events/?series=policy-seminar" in page
    event = make_event(db, auth.make_user("instructor"), series="policy-seminar", sessions=1)
    seats.enrol(db, event, trainee)
    db.commit()
    (only,) = sessions_of(db, event.id)
    attendance.mark(db, only, {trainee.id: True}, by=trainee)
    db.commit()
    page = client.get("/my-learning").get_data(as_text=True)
    assert "attended</span>" in page
    listed = client.get("/events/?series=policy-seminar").get_data(as_text=True)
    assert "Pilot zones seminar" in listed
