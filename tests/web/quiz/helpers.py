"""Arranging quiz attempts through the real pages."""

import re

from sqlmodel import select

from course.models import Attempt, AttemptItem, Question, QuestionVersion, Quiz
from course.questions.types import Question as QuestionData
from course.questions.types import public_view


def quiz_by_slug(db, slug):
    db.expire_all()
    return db.exec(select(Quiz).where(Quiz.slug == slug)).one()


def start(auth, quiz, mode="graded"):
    response = auth.post(f"/quizzes/{quiz.id}/start", {"mode": mode})
    assert response.status_code == 302, response.get_data(as_text=True)
    match = re.search(r"/attempts/(\d+)", response.headers["Location"])
    assert match, response.headers["Location"]
    return int(match.group(1))


def items(db, attempt_id):
    """(item, question data) of an attempt, in order."""
    db.expire_all()
    rows = db.exec(
        select(AttemptItem, QuestionVersion)
        .join(QuestionVersion)
        .where(AttemptItem.attempt_id == attempt_id)
        .order_by(AttemptItem.position)
    ).all()
    return [(item, QuestionData.from_dict(version.data)) for item, version in rows]


def right_answers(db, attempt_id):
    """Form data answering every question of the attempt correctly (as a trainee who knows)."""
    form = {}
    for item, q in items(db, attempt_id):
        name = f"q{item.id}"
        if q.type == "single":
            form[name] = f"a{next(i for i, o in enumerate(q.options) if o.fraction == 1)}"
        elif q.type == "multi":
            form[name] = [f"a{i}" for i, o in enumerate(q.options) if o.fraction > 0]
        elif q.type == "truefalse":
            form[name] = "true" if q.answer else "false"
        elif q.type == "short":
            form[name] = q.answers[0].text
        elif q.type == "numerical":
            form[name] = str(q.answers[0].value)
        elif q.type == "matching":
            view = public_view(q)
            choice_ids = {c["text"]: c["id"] for c in view["choices"]}
            for sub_id, pair in q.subquestions():
                form[f"{name}_{sub_id}"] = choice_ids[pair.answer]
        elif q.type == "essay":
            form[name] = "We lack bonded warehouses."
    return form


def attempt(db, attempt_id):
    db.expire_all()
    return db.get(Attempt, attempt_id)


def question_named(db, name):
    return db.exec(select(Question).where(Question.name == name)).one()
