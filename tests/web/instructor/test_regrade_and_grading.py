"""Regrading attempts after a question's key is fixed, and grading essays by hand."""

from sqlmodel import select

from course.models import Attempt, AttemptItem, Question, Regrade
from course.questions.moodle_xml import parse_moodle_xml
from course.quizzes.attempts import attempt_items, save_responses, start_attempt, submit_attempt
from course.quizzes.banks import import_questions
from tests.conftest import teaching
from tests.web.instructor.conftest import CAPITALS_GIFT, add_gift, make_quiz
from tests.web.instructor.test_questions import COMMON, rows
from tests.web.quiz.helpers import start


def _take(db, quiz, user, answers) -> Attempt:
    """The trainee answers (by question name) and submits an attempt."""
    attempt = start_attempt(db, quiz, user.id)
    items = attempt_items(db, attempt)
    save_responses(db, attempt, {item.id: answers[question.name] for item, question in items})
    submit_attempt(db, attempt)
    db.commit()
    return attempt


def test_regrade_after_the_key_is_fixed(client, auth, db, bank):
    [capital] = add_gift(db, bank, CAPITALS_GIFT)
    quiz = make_quiz(db, [capital])
    trainee = auth.make_user("trainee")
    attempt = _take(db, quiz, trainee, {"capital": "a1"})  # Mombasa, wrong by the first key
    assert attempt.score == 0.0
    auth.as_role("instructor")

    fixed_key = (
        COMMON
        | {"name": "capital", "category": "geography", "text": "Which city is the capital of Kenya?"}
        | rows(
            "options",
            {"text": "Nairobi", "fraction": "0"},
            {"text": "Mombasa", "fraction": "100"},
            {"text": "Kisumu", "fraction": "0"},
        )
    )
    assert auth.post(f"/instructor/questions/{capital.id}", fixed_key).status_code == 302
    page = client.get(f"/instructor/questions/{capital.id}").get_data(as_text=True)
    assert "1 attempt was graded with an older version — " in page
    assert f'href="/instructor/questions/{capital.id}/regrade">Review regrade</a>' in page

    preview = client.get(f"/instructor/questions/{capital.id}/regrade").get_data(as_text=True)
    assert "Trainee User" in preview and "trainee@example.org" in preview
    assert "<td>0.0%</td><td>100.0%</td>" in preview  # question before and after
    assert "<td>0.0%</td><td>100.0%</td></tr>" in preview  # score before and after
    db.expire_all()
    assert db.get(Attempt, attempt.id).score == 0.0  # the preview changes nothing

    response = auth.post(f"/instructor/questions/{capital.id}/regrade")
    assert response.status_code == 302
    assert "Regraded 1 attempt: 1 score changed." in client.get(response.headers["Location"]).get_data(as_text=True)
    db.expire_all()
    assert db.get(Attempt, attempt.id).score == 1.0
    [regrade] = db.exec(select(Regrade)).all()
    assert (regrade.attempt_id, regrade.score_before, regrade.score_after) == (attempt.id, 0.0, 1.0)
    assert "graded with an older version" not in client.get(f"/instructor/questions/{capital.id}").get_data(
        as_text=True
    )


ESSAY_GIFT = """::bonded::Describe a bonded warehouse. {####Mention customs duty.}

::port::Mombasa is a port. {T}
"""


def test_essay_grading_completes_the_attempt(client, auth, db, bank):
    questions = add_gift(db, bank, ESSAY_GIFT)
    quiz = make_quiz(db, questions)
    trainee = auth.make_user("trainee")
    answer = "<script>alert(1)</script>Goods wait there\nbefore duty is paid."
    attempt = _take(db, quiz, trainee, {"bonded": answer, "port": True})
    assert attempt.needs_grading and attempt.marks == 1.0
    instructor = auth.as_role("instructor")
    teaching(db, instructor, trainee)

    queue = client.get("/instructor/grading").get_data(as_text=True)
    assert "Trainee User" in queue and "Geography quiz" in queue and "bonded" in queue
    item = db.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id, AttemptItem.fraction == None)).one()  # noqa: E711
    page = client.get(f"/instructor/grading/{item.id}").get_data(as_text=True)
    assert "Describe a bonded warehouse." in page and "Mention customs duty." in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Goods wait there<br>before duty is paid." in page
    assert "<script>alert" not in page

    response = auth.post(f"/instructor/grading/{item.id}", {"percent": "150", "comment": ""})
    assert response.status_code == 422 and "Enter a mark from 0 to 100." in response.get_data(as_text=True)
    response = auth.post(f"/instructor/grading/{item.id}", {"percent": "50", "comment": "Say who pays the duty."})
    assert response.status_code == 302
    db.expire_all()
    attempt = db.get(Attempt, attempt.id)
    assert not attempt.needs_grading and attempt.score == 0.75
    item = db.get(AttemptItem, item.id)
    assert (item.fraction, item.comment, item.graded_by) == (0.5, "Say who pays the duty.", instructor.id)
    assert "Nothing to grade." in client.get("/instructor/grading").get_data(as_text=True)
    auth.logout()

    auth.login(trainee.email)
    review = client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    assert "Score: <strong>75.0%</strong>" in review
    assert "Awaiting grading" not in review and "Say who pays the duty." in review


def test_only_essays_can_be_graded_by_hand(client, auth, db, bank):
    questions = add_gift(db, bank, ESSAY_GIFT)
    quiz = make_quiz(db, questions)
    attempt = _take(db, quiz, auth.make_user("trainee"), {"bonded": "", "port": False})
    auth.as_role("instructor")
    port_item = db.exec(
        select(AttemptItem).where(AttemptItem.attempt_id == attempt.id, AttemptItem.position == 2)
    ).one()
    assert client.get(f"/instructor/grading/{port_item.id}").status_code == 404


MOODLE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="essay">
    <name><text>bonded</text></name>
    <questiontext format="html"><text>Describe a bonded warehouse.</text></questiontext>
    <graderinfo format="html"><text><![CDATA[<p>Give full marks for <b>customs duty</b>.</p><script>x()</script>]]></text></graderinfo>
    <responsetemplate format="html"><text><![CDATA[<p>A bonded warehouse is …</p>]]></text></responsetemplate>
  </question>
  <question type="numerical">
    <name><text>quay</text></name>
    <questiontext format="html"><text>How long is the quay?</text></questiontext>
    <answer fraction="100"><text>1.5</text><tolerance>0.01</tolerance></answer>
    <units><unit><multiplier>1</multiplier><unit_name>km</unit_name></unit>
      <unit><multiplier>1000</multiplier><unit_name>m</unit_name></unit></units>
    <unitgradingtype>1</unitgradingtype><unitpenalty>0.5</unitpenalty><showunits>0</showunits>
  </question>
</quiz>
"""


def test_moodle_xml_essays_and_units_reach_trainees_and_graders(client, auth, db, bank):
    import_questions(db, bank, parse_moodle_xml(MOODLE_XML).questions, limit=10)
    db.commit()
    questions = list(db.exec(select(Question).where(Question.bank_id == bank.id).order_by(Question.id)))
    quiz = make_quiz(db, questions)
    trainee = auth.make_user("trainee")
    auth.login(trainee.email)
    attempt_id = start(auth, quiz)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert ">A bonded warehouse is …</textarea>" in page  # the response template starts the answer box
    assert "Write the unit after the number: km, m." in page and "1000" not in page
    auth.logout()

    attempt = _take(db, quiz, trainee, {"bonded": "Goods wait there.", "quay": "1 500 m"})
    item = db.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id, AttemptItem.fraction == None)).one()  # noqa: E711
    units = db.exec(select(AttemptItem).where(AttemptItem.attempt_id == attempt.id, AttemptItem.id != item.id)).one()
    assert units.fraction == 1.0  # 1 500 m is 1.5 km
    assert _take(db, quiz, auth.make_user("official"), {"bonded": "x", "quay": "1.5"}).marks == 0.5  # no unit: penalty
    instructor = auth.as_role("instructor")
    teaching(db, instructor, trainee)
    page = client.get(f"/instructor/grading/{item.id}").get_data(as_text=True)
    assert "Information for graders:" in page and "<b>customs duty</b>" in page and "<script>x()" not in page
