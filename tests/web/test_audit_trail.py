"""Each audited staff action leaves exactly one entry with its before and after; a failed one leaves none.
Admins read the trail on a filtered, paginated page and as a formula-safe CSV."""

from datetime import UTC, datetime

import pytest
from sqlmodel import func, select

from course import audit
from course.accounts import create_user
from course.certificates.codes import new_code
from course.models import Attempt, AuditEntry, Certificate, Cohort, LearningPath, Question, Quiz, User
from course.questions import parse_gift
from course.quizzes.attempts import attempt_items, save_responses, start_attempt, submit_attempt
from course.quizzes.banks import get_or_create_bank, import_questions, revise_question
from tests.conftest import csrf_token, refuse, teaching

GIFT = "::port::Mombasa is a port. {T}\n\n::essay::Describe a bonded warehouse. {}\n"


def entries(db) -> list[tuple]:
    db.expire_all()
    rows = db.exec(select(AuditEntry).order_by(AuditEntry.id)).all()
    db.rollback()
    return [(e.action, e.object_type, e.object_id, e.before, e.after) for e in rows]


@pytest.fixture
def quiz(db, auth):
    """An instructor's quiz of a true/false and an essay question, and a trainee's submitted attempt."""
    instructor = auth.make_user("instructor")
    trainee = auth.make_user("trainee")
    bank = get_or_create_bank(db, "geography")
    bank.owner_id = instructor.id
    import_questions(db, bank, parse_gift(GIFT).questions)
    db.flush()
    questions = db.exec(select(Question).where(Question.bank_id == bank.id).order_by(Question.id)).all()
    quiz = Quiz(
        slug="geo",
        title="Geography",
        pass_mark=50,
        owner_id=instructor.id,
        slots=[{"kind": "fixed", "question_id": q.id, "mark": 1} for q in questions],
    )
    db.add(quiz)
    db.flush()
    attempt = start_attempt(db, quiz, trainee.id)
    items = attempt_items(db, attempt)
    save_responses(db, attempt, {items[0][0].id: False, items[1][0].id: "Goods wait."})
    submit_attempt(db, attempt)
    db.commit()
    teaching(db, instructor, trainee)
    return quiz


def test_a_role_change_is_recorded_once(client, auth, db):
    trainee = auth.make_user("trainee")
    admin = auth.as_role("admin")
    auth.post(f"/admin/users/{trainee.id}/role", {f"u{trainee.id}-role": "instructor"})
    [(action, kind, object_id, before, after)] = entries(db)
    assert (action, kind, object_id, before, after) == (
        "user.role",
        "user",
        trainee.id,
        {"role": "trainee"},
        {"role": "instructor"},
    )
    assert db.exec(select(AuditEntry.actor_id)).one() == admin.id


def test_refused_role_changes_record_nothing(client, auth, db):
    trainee = auth.make_user("trainee")
    admin = auth.as_role("admin")
    auth.post(f"/admin/users/{trainee.id}/role", {f"u{trainee.id}-role": "emperor"})
    auth.post(f"/admin/users/{admin.id}/role", {f"u{admin.id}-role": "trainee"})
    auth.post(f"/admin/users/{trainee.id}/role", {f"u{trainee.id}-role": "trainee"})  # no change
    assert entries(db) == []


def test_essay_grading_is_recorded_with_the_old_and_new_grade(client, auth, db, quiz):
    auth.as_role("instructor")
    essay = next(i for i, d in attempt_items(db, db.exec(select(Attempt)).one()) if d.type == "essay")
    assert auth.post(f"/instructor/grading/{essay.id}", {"percent": "150"}).status_code == 422
    assert entries(db) == []
    auth.post(f"/instructor/grading/{essay.id}", {"percent": "80", "comment": "Good."})
    assert entries(db) == [
        (
            "essay.grade",
            "attemptitem",
            essay.id,
            {"fraction": None, "comment": ""},
            {"fraction": 0.8, "comment": "Good."},
        )
    ]


def test_a_regrade_is_recorded_with_every_score_it_moved(client, auth, db, quiz):
    question = db.exec(select(Question).where(Question.name == "port")).one()
    attempt = db.exec(select(Attempt)).one()
    score_before = attempt.score
    revised = parse_gift("::port::Mombasa is a port. {F}\n").questions[0]
    revise_question(db, question, revised)
    db.commit()
    auth.as_role("instructor")
    auth.post(f"/instructor/questions/{question.id}/regrade", {})
    [(action, kind, object_id, before, after)] = entries(db)
    assert (action, kind, object_id) == ("question.regrade", "question", question.id)
    assert before == {"attempts": {str(attempt.id): score_before}}
    db.refresh(attempt)
    assert after == {"version": 2, "attempts": {str(attempt.id): attempt.score}}
    assert score_before != attempt.score  # the true/false key flipped


def test_archiving_and_settings_changes_are_recorded(client, auth, db, quiz):
    auth.as_role("instructor")
    question = db.exec(select(Question).where(Question.name == "port")).one()
    auth.post(f"/instructor/questions/{question.id}/archive", {"archive": "1"})
    settings = {"title": "Geography", "slug": "geo", "kind": "module", "pass_mark": "60", "module_id": ""}
    settings |= {"grading_method": "highest", "review": "feedback", "allow_practice": "y"}
    assert auth.post(f"/instructor/quizzes/{quiz.id}", settings | {"pass_mark": "500"}).status_code == 422
    auth.post(f"/instructor/quizzes/{quiz.id}", settings)
    auth.post(f"/instructor/quizzes/{quiz.id}/slots/1/remove", {})
    recorded = entries(db)
    assert recorded[0] == ("question.archive", "question", question.id, {"archived": False}, {"archived": True})
    assert recorded[1] == ("quiz.settings", "quiz", quiz.id, {"pass_mark": 50.0}, {"pass_mark": 60.0})
    assert recorded[2][:3] == ("quiz.slot_remove", "quiz", quiz.id)
    assert len(recorded[2][3]["slots"]) == 2 and len(recorded[2][4]["slots"]) == 1
    assert len(recorded) == 3


@pytest.fixture
def certificate(db, synced):
    holder = create_user(db, email="holder@example.org", name="Holder", password=None)
    path = db.exec(select(LearningPath)).first()
    found = Certificate(
        code=new_code(), user_id=holder.id, path_id=path.id, holder_name="Holder", path_title=path.title
    )
    db.add(found)
    db.commit()
    return found


def _revoke(auth, certificate, reason):
    return auth.post(
        f"/certificates/{certificate.code}/revoke",
        {
            f"certificate-{certificate.id}-reason": reason,
            f"certificate-{certificate.id}-csrf_token": csrf_token(auth.client),
        },
    )


def test_a_revocation_is_recorded_once(client, auth, db, certificate):
    auth.as_role("admin")
    _revoke(auth, certificate, "")  # no reason: refused
    assert entries(db) == []
    _revoke(auth, certificate, "Issued by mistake")
    _revoke(auth, certificate, "Again")  # already revoked: nothing to record
    [(action, kind, object_id, before, after)] = entries(db)
    assert (action, kind, object_id, before) == (
        "certificate.revoke",
        "certificate",
        certificate.id,
        {"revoked_at": None},
    )
    assert after["revoked_reason"] == "Issued by mistake" and after["revoked_at"]


def test_a_revocation_the_database_refuses_records_nothing(app, client, auth, db, certificate):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    auth.as_role("admin")
    refuse(app.extensions["db_engine"], "certificate", "revoked_reason", "Refused")
    assert _revoke(auth, certificate, "Refused").status_code == 500
    assert entries(db) == []


def test_a_roster_upload_is_recorded_once_and_a_failed_one_not_at_all(app, client, auth, db, synced):
    from tests.cohorts.conftest import GOOD_CSV, HEADER, upload

    instructor = auth.as_role("instructor")
    cohort = Cohort(name="Roster cohort", owner_id=instructor.id, path_id=db.exec(select(LearningPath.id)).first())
    db.add(cohort)
    db.commit()
    assert upload(auth, cohort.id, HEADER + "No Email,,Org,sme,Kenya\n").status_code == 422
    app.config["PROPAGATE_EXCEPTIONS"] = False
    refuse(app.extensions["db_engine"], "user", "email", "amina@example.org")
    upload(auth, cohort.id, GOOD_CSV)
    assert entries(db) == []
    from tests.conftest import allow

    allow(app.extensions["db_engine"], "user", "email")
    assert upload(auth, cohort.id, GOOD_CSV).status_code == 200  # the page that shows the invitation links once
    [(action, kind, object_id, before, after)] = entries(db)
    assert (action, kind, object_id, before) == ("cohort.roster", "cohort", cohort.id, None)
    users = {u.email: u.id for u in db.exec(select(User))}
    new = sorted(users[e] for e in ("amina@example.org", "chen@example.org", "trainee@example.org"))
    assert after == {"added": new, "invited": new, "already_members": []}


def test_unknown_actions_are_refused(db):
    with pytest.raises(ValueError):
        audit.record(db, None, "user.delete_everything", Cohort(id=1, name="x"), None, None)


def _many(db, actor, n):
    cohort = Cohort(name="Logged cohort")
    db.add(cohort)
    db.flush()
    for i in range(n):
        audit.record(db, actor, "cohort.enrol", cohort, None, {"added": [i]})
    db.commit()
    return cohort


def test_only_admins_read_the_trail(client, auth, db):
    auth.as_role("instructor")
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/audit.csv").status_code == 403


def test_the_trail_page_is_paginated_and_filtered(client, auth, db):
    admin = auth.as_role("admin")
    cohort = _many(db, admin, 55)
    other = create_user(db, email="other-admin@example.org", name="Other", password=None, role="admin")
    audit.record(db, other, "user.role", admin, {"role": "admin"}, {"role": "admin"})
    db.commit()
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "56 entries (page 1 of 2)" in page and "user.role" in page  # newest first
    assert "56 entries (page 2 of 2)" in client.get("/admin/audit?page=2").get_data(as_text=True)
    page = client.get("/admin/audit?actor=other-admin").get_data(as_text=True)
    assert "1 entry" in page and '<th scope="row">cohort.enrol</th>' not in page
    page = client.get(f"/admin/audit?action=cohort.enrol&object_type=cohort&object_id={cohort.id}").get_data(
        as_text=True
    )
    assert "55 entries" in page
    assert "0 entries" in client.get("/admin/audit?object_id=999999").get_data(as_text=True)
    # filters that cannot be ids are ignored rather than sent to the database; a NUL byte is refused as bad input
    assert client.get("/admin/audit?object_id=99999999999999999999999&action=x").status_code == 200
    assert client.get("/admin/audit?actor=%00").status_code == 400


def test_the_csv_export_is_formula_safe_and_filtered(client, auth, db):
    admin = auth.as_role("admin")
    sly = create_user(db, email="=cmd@example.org", name="Sly", password=None, role="admin")
    audit.record(db, sly, "user.role", admin, {"role": "trainee"}, {"role": "admin"})
    _many(db, admin, 2)
    response = client.get("/admin/audit.csv?action=user.role")
    assert response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == ",".join(audit.CSV_COLUMNS)
    assert len(lines) == 2
    assert ",'=cmd@example.org,user.role,user," in lines[1]
    assert '"{""role"": ""trainee""}"' in lines[1]
    assert db.exec(select(func.count(AuditEntry.id))).one() == 3


def test_entries_keep_their_time_in_utc(db):
    entry = audit.record(db, None, "cohort.enrol", Cohort(id=1, name="x"), None, None)
    assert entry.at.tzinfo is not None and entry.at <= datetime.now(UTC)
