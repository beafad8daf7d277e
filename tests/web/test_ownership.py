"""Instructors see and change only what they own or co-teach; owners share; admins see everything."""

import pytest
from sqlmodel import select

from course.models import AuditEntry, Cohort, CoInstructor, Question, QuestionBank, Quiz
from course.questions import parse_gift
from course.quizzes.attempts import attempt_items, save_responses, start_attempt, submit_attempt
from course.quizzes.banks import get_or_create_bank, import_questions
from tests.conftest import teaching

GIFT = "::port::Mombasa is a port. {T}\n\n::essay::Describe a bonded warehouse. {}\n"


@pytest.fixture
def staff(auth):
    """Instructor A (owner), instructor B (other) and an admin; nobody logged in."""
    return {
        "owner": auth.make_user("instructor", email="a@example.org"),
        "other": auth.make_user("instructor", email="b@example.org"),
        "admin": auth.make_user("admin"),
    }


@pytest.fixture
def owned(db, staff):
    """A's cohort, bank (one question) and quiz; plus an admin-managed cohort from before owners existed."""
    owner = staff["owner"]
    cohort = Cohort(name="A cohort", owner_id=owner.id)
    legacy = Cohort(name="Old cohort")
    bank = get_or_create_bank(db, "A bank")
    bank.owner_id = owner.id
    db.add_all([cohort, legacy])
    import_questions(db, bank, parse_gift(GIFT).questions[:1])
    db.flush()
    quiz = Quiz(slug="a-quiz", title="A quiz", owner_id=owner.id)
    db.add(quiz)
    db.commit()
    return {"cohort": cohort, "legacy": legacy, "bank": bank, "quiz": quiz}


def _as(auth, user):
    auth.logout()
    assert auth.login(user.email).status_code == 302


def test_lists_show_only_what_the_instructor_may_see(client, auth, staff, owned):
    pages = ["/cohorts/", "/reports/cohorts", "/instructor/banks", "/instructor/quizzes"]
    _as(auth, staff["other"])
    for url in pages:
        page = client.get(url).get_data(as_text=True)
        assert "A cohort" not in page and "A bank" not in page and "A quiz" not in page, url
        assert "Old cohort" not in page, url
    _as(auth, staff["owner"])
    assert "A cohort" in client.get("/cohorts/").get_data(as_text=True)
    assert "A bank" in client.get("/instructor/banks").get_data(as_text=True)
    assert "A quiz" in client.get("/instructor/quizzes").get_data(as_text=True)
    _as(auth, staff["admin"])
    page = client.get("/cohorts/").get_data(as_text=True)
    assert "A cohort" in page and "Old cohort" in page


def test_rows_from_before_owners_are_admin_managed(client, auth, staff, owned):
    url = f"/cohorts/{owned['legacy'].id}"
    _as(auth, staff["owner"])
    assert client.get(url).status_code == 404
    _as(auth, staff["admin"])
    assert client.get(url).status_code == 200


def test_objects_created_by_an_instructor_are_theirs(client, auth, db, staff, synced):
    _as(auth, staff["other"])
    auth.post("/instructor/banks", {"name": "B bank", "module_id": ""})
    bank = db.exec(select(QuestionBank).where(QuestionBank.name == "B bank")).one()
    assert bank.owner_id == staff["other"].id


@pytest.mark.parametrize("kind, key", [("cohort", "cohort"), ("questionbank", "bank"), ("quiz", "quiz")])
def test_the_owner_adds_and_removes_a_co_instructor(client, auth, db, staff, owned, kind, key):
    obj = owned[key]
    page = {"cohort": "/cohorts/{}", "questionbank": "/instructor/banks/{}", "quiz": "/instructor/quizzes/{}"}[kind]
    _as(auth, staff["other"])
    assert client.get(page.format(obj.id)).status_code == 404
    _as(auth, staff["owner"])
    response = auth.post(f"/staff/{kind}/{obj.id}/co-instructors", {"email": "b@example.org"})
    assert response.status_code == 302
    assert "b@example.org" in client.get(page.format(obj.id)).get_data(as_text=True)
    _as(auth, staff["other"])
    assert client.get(page.format(obj.id)).status_code == 200
    # a co-instructor manages the object but does not decide who else does
    refused = auth.post(f"/staff/{kind}/{obj.id}/co-instructors/{staff['other'].id}/remove")
    assert refused.status_code == 403
    _as(auth, staff["owner"])
    auth.post(f"/staff/{kind}/{obj.id}/co-instructors/{staff['other'].id}/remove")
    _as(auth, staff["other"])
    assert client.get(page.format(obj.id)).status_code == 404
    actions = [e.action for e in db.exec(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["owner.co_instructor_add", "owner.co_instructor_remove"]


def test_only_instructors_can_co_teach(client, auth, db, staff, owned):
    auth.make_user("trainee")
    _as(auth, staff["owner"])
    response = auth.post(f"/staff/cohort/{owned['cohort'].id}/co-instructors", {"email": "trainee@example.org"})
    assert "No instructor has this email address" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert db.exec(select(CoInstructor)).all() == [] and db.exec(select(AuditEntry)).all() == []


def test_a_shared_bank_is_readable_and_drawable_but_not_editable(client, auth, db, staff, owned):
    bank = owned["bank"]
    question = db.exec(select(Question).where(Question.bank_id == bank.id)).one()
    _as(auth, staff["owner"])
    assert auth.post(f"/staff/questionbank/{bank.id}/shared", {"shared": "1"}).status_code == 302
    db.refresh(bank)
    assert bank.shared
    assert [(e.action, e.before, e.after) for e in db.exec(select(AuditEntry))] == [
        ("bank.shared", {"shared": False}, {"shared": True})
    ]
    _as(auth, staff["other"])
    assert "A bank" in client.get("/instructor/banks").get_data(as_text=True)
    page = client.get(f"/instructor/banks/{bank.id}").get_data(as_text=True)
    assert "shared read-only" in page and "Paste GIFT" not in page
    assert client.get(f"/instructor/questions/{question.id}/preview").status_code == 200
    assert client.get(f"/instructor/banks/{bank.id}/export.gift").status_code == 200
    for url in (f"/instructor/questions/{question.id}", f"/instructor/questions/{question.id}/regrade"):
        assert client.get(url).status_code == 404, url
    assert auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": "::x::X? {T}"}).status_code == 404
    assert auth.post(f"/instructor/questions/{question.id}/archive", {"archive": "1"}).status_code == 404
    # usable in B's own quiz
    auth.post(
        "/instructor/quizzes/new",
        {
            "title": "B quiz",
            "slug": "b-quiz",
            "kind": "other",
            "pass_mark": "50",
            "grading_method": "highest",
            "review": "feedback",
        },
    )
    b_quiz = db.exec(select(Quiz).where(Quiz.slug == "b-quiz")).one()
    assert b_quiz.owner_id == staff["other"].id
    picker = client.get(f"/instructor/quizzes/{b_quiz.id}/questions").get_data(as_text=True)
    assert f'name="question_id" value="{question.id}"' in picker


def test_an_unshared_bank_cannot_be_drawn_from_by_others(client, auth, db, staff, owned):
    question = db.exec(select(Question).where(Question.bank_id == owned["bank"].id)).one()
    _as(auth, staff["other"])
    b_quiz = Quiz(slug="b-quiz", title="B quiz", owner_id=staff["other"].id)
    db.add(b_quiz)
    db.commit()
    picker = client.get(f"/instructor/quizzes/{b_quiz.id}/questions").get_data(as_text=True)
    assert f'value="{question.id}"' not in picker
    response = auth.post(
        f"/instructor/quizzes/{b_quiz.id}/slots/fixed", {"question_id": str(question.id), "fixed_mark": "1"}
    )
    assert response.status_code == 404
    db.refresh(b_quiz)
    assert b_quiz.slots == []


def test_essays_are_graded_only_by_instructors_of_the_trainee(client, auth, db, staff):
    trainee = auth.make_user("trainee")
    bank = get_or_create_bank(db, "essays")
    import_questions(db, bank, parse_gift(GIFT).questions)
    db.flush()
    questions = db.exec(select(Question).where(Question.bank_id == bank.id).order_by(Question.id)).all()
    quiz = Quiz(
        slug="essay-quiz", title="Essay quiz", slots=[{"kind": "fixed", "question_id": q.id} for q in questions]
    )
    db.add(quiz)
    db.flush()
    attempt = start_attempt(db, quiz, trainee.id)
    essay = next(item for item, data in attempt_items(db, attempt) if data.type == "essay")
    save_responses(db, attempt, {essay.id: "Goods wait for duty."})
    submit_attempt(db, attempt)
    db.commit()
    teaching(db, staff["owner"], trainee)
    _as(auth, staff["other"])
    assert "Essay quiz" not in client.get("/instructor/grading").get_data(as_text=True)
    assert client.get(f"/instructor/grading/{essay.id}").status_code == 404
    assert auth.post(f"/instructor/grading/{essay.id}", {"percent": "100"}).status_code == 404
    db.refresh(essay)
    assert essay.fraction is None
    _as(auth, staff["owner"])
    assert "Essay quiz" in client.get("/instructor/grading").get_data(as_text=True)
    assert auth.post(f"/instructor/grading/{essay.id}", {"percent": "80"}).status_code == 302
    db.refresh(essay)
    assert essay.fraction == 0.8
