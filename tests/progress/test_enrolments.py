"""Enrolling on a path and issuing its certificate are "create if absent": two at once both answer normally and
leave one row, on both engines."""

import threading

from sqlmodel import Session, select

from course.certificates.issuing import issue_due_certificates
from course.models import Certificate, LearningPath, Lesson, LessonProgress, PathEnrolment
from course.models.base import utcnow
from course.progress import enrolments


def _two_at_once(engine, first_step, second_step):
    """Run `first_step` in one session and, while it is written but not committed, `second_step` in another
    (which waits for the first's commit on the unique key); both commit. Returns what each step returned."""
    written = threading.Event()
    results, errors = {}, []

    def first():
        try:
            with Session(engine, expire_on_commit=False) as session:
                results["first"] = first_step(session)
                session.flush()
                written.set()
                threading.Event().wait(0.5)  # the second is now waiting on the key (or the lock)
                session.commit()
        except Exception as error:  # reported by the assertion below
            errors.append(error)
            written.set()

    def second():
        written.wait(10)
        try:
            with Session(engine, expire_on_commit=False) as session:
                results["second"] = second_step(session)
                session.commit()
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    return results


def test_two_simultaneous_enrolments_make_one(synced, auth, db):
    user = auth.make_user("trainee")
    path = db.exec(select(LearningPath)).first()
    engine = synced.extensions["db_engine"]

    def enrol(session):
        return enrolments.enrol(session, user_id=user.id, path=session.get(LearningPath, path.id)).id

    results = _two_at_once(engine, enrol, enrol)
    rows = db.exec(select(PathEnrolment).where(PathEnrolment.user_id == user.id)).all()
    assert len(rows) == 1 and results == {"first": rows[0].id, "second": rows[0].id}


def test_enrolling_again_keeps_the_enrolment_and_takes_a_new_due_date(synced, auth, db):
    user = auth.make_user("trainee")
    path = db.exec(select(LearningPath)).first()
    first = enrolments.enrol(db, user_id=user.id, path=path)
    db.commit()
    due = utcnow().replace(microsecond=0)
    again = enrolments.enrol(db, user_id=user.id, path=path, due_date=due)
    db.commit()
    assert again.id == first.id and again.due_date == due
    assert enrolments.enrol(db, user_id=user.id, path=path).due_date == due  # no date given: kept


def test_two_simultaneous_certificate_issues_make_one(synced, auth, db):
    user = auth.make_user("trainee")
    path = db.exec(select(LearningPath)).first()
    enrolments.enrol(db, user_id=user.id, path=path)
    now = utcnow()
    for lesson in db.exec(select(Lesson)):
        db.add(
            LessonProgress(
                user_id=user.id, lesson_id=lesson.id, first_opened_at=now, last_opened_at=now, completed_at=now
            )
        )
    db.commit()
    engine = synced.extensions["db_engine"]

    def issue(session):
        with synced.app_context():  # issuing tells the learner (course.notifications)
            return [c.path_id for c in issue_due_certificates(session, user.id)]

    results = _two_at_once(engine, issue, issue)
    assert results == {"first": [path.id], "second": []}
    assert len(db.exec(select(Certificate).where(Certificate.user_id == user.id)).all()) == 1
