"""Trainees take quizzes: keys never leak, answers persist, submit counts once, rules enforced."""

from datetime import timedelta

import pytest
from sqlmodel import select

from course.models import ActivityEvent, Attempt, Quiz, QuizExtension
from course.models.base import utcnow
from tests.web.quiz.helpers import attempt, items, question_named, quiz_by_slug, right_answers, start


@pytest.fixture
def trainee(synced_quizzes, auth):
    return auth.as_role("trainee")


def test_module_page_links_its_quiz(trainee, client, db):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    page = client.get("/modules/pilot-zones").get_data(as_text=True)
    assert f"/quizzes/{quiz.id}" in page
    start_page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "Pass mark: 70%" in start_page and "0 used, 2 left" in start_page


def test_attempt_page_never_contains_answers_or_feedback(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    html = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "Lake Port" in html and "Tourism visas" in html  # options are shown
    for secret in (
        "Yes, in 2015",
        "2015",
        "twenty-foot equivalent unit",
        "TEU",
        "%50%",
        "-100",
        "Lake Port is not in the lessons",
        "fraction",
    ):
        assert secret not in html, secret


def test_answers_are_saved_and_survive_a_reload(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    form = right_answers(db, attempt_id)
    response = auth.post(f"/attempts/{attempt_id}/save", form)
    assert response.status_code == 302
    again = start(auth, quiz)  # "start" again resumes the open attempt
    assert again == attempt_id
    html = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert 'value="2015.0"' in html and "checked" in html
    saved = [item.response for item, _ in items(db, attempt_id)]
    assert all(r is not None for r in saved)


def test_autosave_answers_json(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    response = auth.post(
        f"/attempts/{attempt_id}/save", right_answers(db, attempt_id), headers={"Accept": "application/json"}
    )
    assert response.get_json()["saved"] == 6


def test_full_marks_pass_and_complete_the_module(trainee, client, db, auth):
    for slug in ("harbour-city-pilot", "river-town-bonded-zone"):
        auth.post(f"/lessons/{slug}/complete")
    assert "100% complete" not in client.get("/modules/pilot-zones").get_data(as_text=True)
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    response = auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    assert response.status_code == 302
    done = attempt(db, attempt_id)
    assert done.state == "submitted" and done.score == 1.0 and done.marks == 6
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert "Score: <strong>100.0%</strong>" in review and "Passed" in review and "Yes, in 2015." in review
    assert "100% complete" in client.get("/modules/pilot-zones").get_data(as_text=True)


def test_partial_credit_and_negative_weights(trainee, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    multi = next(item for item, q in items(db, attempt_id) if q.type == "multi")
    auth.post(f"/attempts/{attempt_id}/submit", {f"q{multi.id}": ["a0", "a2"], f"q{multi.id}__present": "1"})
    graded = next(item for item, q in items(db, attempt_id) if q.type == "multi")
    assert graded.fraction == 0  # 50 % - 100 % clamps at 0
    assert attempt(db, attempt_id).score == 0


def test_double_submit_grades_exactly_once(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    form = right_answers(db, attempt_id)
    first = auth.post(f"/attempts/{attempt_id}/submit", form)
    wrong = {key: "a1" for key in form}
    second = auth.post(f"/attempts/{attempt_id}/submit", wrong)
    assert first.status_code == second.status_code == 302
    assert attempt(db, attempt_id).score == 1.0
    events = db.exec(select(ActivityEvent).where(ActivityEvent.object_type == "quiz")).all()
    assert [e.verb for e in events] == ["passed"]
    assert len(db.exec(select(Attempt)).all()) == 1


def test_saving_after_submit_is_refused(trainee, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    response = auth.post(f"/attempts/{attempt_id}/save", {}, headers={"Accept": "application/json"})
    assert response.status_code == 409


def test_attempt_limit(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    for _ in range(2):
        attempt_id = start(auth, quiz)
        auth.post(f"/attempts/{attempt_id}/submit", {})
    response = auth.post(f"/quizzes/{quiz.id}/start", {"mode": "graded"})
    assert response.headers["Location"].endswith(f"/quizzes/{quiz.id}")
    assert "You have used all your attempts." in client.get(response.headers["Location"]).get_data(as_text=True)
    assert len(db.exec(select(Attempt)).all()) == 2


def test_practice_never_counts(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    for _ in range(3):
        attempt_id = start(auth, quiz, mode="practice")
        auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "0 used, 2 left" in page and "Your grade" not in page and "Practice attempts" in page


def test_time_limit_is_enforced_on_the_server(trainee, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    quiz.time_limit_minutes = 10
    db.add(quiz)
    db.commit()
    attempt_id = start(auth, quiz)
    form = right_answers(db, attempt_id)
    first_key = sorted(form)[0]
    auth.post(f"/attempts/{attempt_id}/save", {first_key: form[first_key]})
    row = attempt(db, attempt_id)
    row.deadline = utcnow() - timedelta(minutes=5)
    db.add(row)
    db.commit()
    late = auth.post(f"/attempts/{attempt_id}/save", form, headers={"Accept": "application/json"})
    assert late.status_code == 409 and "not counted" in late.get_json()["error"]
    auth.post(f"/attempts/{attempt_id}/submit", form)
    answered = [item for item, _ in items(db, attempt_id) if item.response is not None]
    assert len(answered) == 1  # only the answer saved before the deadline counts
    assert attempt(db, attempt_id).state == "submitted"


def test_grace_period_accepts_a_submit_just_after_the_deadline(trainee, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    form = right_answers(db, attempt_id)
    row = attempt(db, attempt_id)
    row.deadline = utcnow() - timedelta(seconds=5)
    db.add(row)
    db.commit()
    auth.post(f"/attempts/{attempt_id}/submit", form)
    assert attempt(db, attempt_id).score == 1.0


def test_closed_quiz_refuses_and_extension_reopens(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    quiz.closes_at = utcnow() - timedelta(days=1)
    db.add(quiz)
    db.commit()
    response = auth.post(f"/quizzes/{quiz.id}/start", {"mode": "graded"})
    assert "/attempts/" not in response.headers["Location"]
    db.add(QuizExtension(quiz_id=quiz.id, user_id=trainee.id, closes_at=utcnow() + timedelta(days=2)))
    db.commit()
    assert start(auth, quiz)


def test_not_yet_open_quiz(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    quiz.opens_at = utcnow() + timedelta(days=1)
    db.add(quiz)
    db.commit()
    page = client.get(f"/quizzes/{quiz.id}").get_data(as_text=True)
    assert "This quiz opens on" in page


def test_random_draw_is_stable_and_prefers_unseen_questions(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-draw")
    first = start(auth, quiz)
    first_questions = [item.question_id for item, _ in items(db, first)]
    assert len(first_questions) == 3
    client.get(f"/attempts/{first}")
    assert [item.question_id for item, _ in items(db, first)] == first_questions
    auth.post(f"/attempts/{first}/submit", {})
    second = start(auth, quiz)
    second_questions = [item.question_id for item, _ in items(db, second)]
    assert set(first_questions).isdisjoint(second_questions)  # 6 auto-graded questions, 3 per draw


def test_essay_awaits_grading(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-essay")
    attempt_id = start(auth, quiz)
    auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    row = attempt(db, attempt_id)
    assert row.needs_grading and row.marks == 1
    assert "Awaiting grading" in client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)


def test_other_trainees_cannot_see_my_attempt(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    auth.logout()
    auth.as_role("official", email="other@example.org")
    assert client.get(f"/attempts/{attempt_id}").status_code == 404
    assert auth.post(f"/attempts/{attempt_id}/submit", {}).status_code == 404


def test_edited_question_keeps_old_attempts_on_their_version(trainee, db, auth):
    from course.quizzes.banks import revise_question
    from course.quizzes.regrade import apply_regrade, regrade_preview

    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id))
    question = question_named(db, "year")
    data = next(q for item, q in items(db, attempt_id) if q.name == "year")
    data.answers[0].value = 2016.0  # the key was wrong: fix it
    assert revise_question(db, question, data)
    db.commit()
    assert attempt(db, attempt_id).score == 1.0  # no silent change
    preview = regrade_preview(db, question)
    assert [(r.fraction_before, r.fraction_after) for r in preview] == [(1.0, 0.0)]
    apply_regrade(db, question, by_user=trainee.id)
    db.commit()
    assert round(attempt(db, attempt_id).score, 4) == round(5 / 6, 4)


def test_quiz_settings_reach_the_database(synced_quizzes, db):
    quiz = db.exec(select(Quiz).where(Quiz.slug == "pilot-zones-draw")).one()
    assert quiz.shuffle_questions and quiz.shuffle_options and quiz.slots[0]["count"] == 3


def test_opening_an_attempt_after_its_deadline_writes_nothing_and_offers_the_result(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    row = attempt(db, attempt_id)
    row.deadline = utcnow() - timedelta(minutes=5)
    db.add(row)
    db.commit()
    page = client.get(f"/attempts/{attempt_id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Time is up" in html and f'action="/attempts/{attempt_id}/submit"' in html
    assert 'name="q' not in html  # no editable answers
    db.expire_all()
    assert attempt(db, attempt_id).state == "in_progress"  # the GET changed nothing
    auth.post(f"/attempts/{attempt_id}/submit")
    db.expire_all()
    assert attempt(db, attempt_id).state == "submitted"
    assert client.get(f"/attempts/{attempt_id}").headers["Location"].endswith(f"/attempts/{attempt_id}/review")


def test_a_number_typed_with_a_thousands_separator_scores_and_the_rule_is_shown(trainee, client, db, auth):
    from course.questions.numbers import HINT
    from course.web.quiz.responses import field_name

    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert HINT in page and "-hint" in page
    form = right_answers(db, attempt_id)
    year = next(item for item, q in items(db, attempt_id) if q.name == "year")
    form[field_name(year.id)] = "2,015"
    auth.post(f"/attempts/{attempt_id}/submit", form)
    assert attempt(db, attempt_id).score == 1.0


def test_a_pre_test_is_completed_never_passed(trainee, client, db, auth):
    module_quiz = quiz_by_slug(db, "pilot-zones-quiz")
    pretest = Quiz(
        slug="zones-pre",
        title="Pilot zones: what you know",
        kind="pretest",
        pass_mark=0,
        module_id=module_quiz.module_id,
    )
    pretest.slots = module_quiz.slots[:2]
    db.add(pretest)
    db.commit()
    attempt_id = start(auth, pretest)
    auth.post(f"/attempts/{attempt_id}/submit", {})
    assert attempt(db, attempt_id).score == 0.0
    for page in (f"/attempts/{attempt_id}/review", f"/quizzes/{pretest.id}", "/my-learning"):
        text = client.get(page).get_data(as_text=True)
        assert "Completed" in text and "Passed" not in text, page


def test_flags_for_review_are_saved_and_shown_in_the_question_navigator(trainee, client, db, auth):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    attempt_id = start(auth, quiz)
    first, second, *_ = [item for item, _ in items(db, attempt_id)]
    html = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert '<nav class="question-nav" aria-label="Questions">' in html and html.count('class="question-nav"') == 1
    assert f'href="#question-{first.id}"' in html and f'id="flag-{first.id}"' in html
    form = right_answers(db, attempt_id)
    answered_one = {key: value for key, value in form.items() if key.startswith(f"q{first.id}")}
    auth.post(f"/attempts/{attempt_id}/save", answered_one | {"flags__present": "1", "flagged": [str(second.id)]})
    assert [item.flagged for item, _ in items(db, attempt_id)][:2] == [False, True]
    html = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert f'id="nav-{first.id}" data-item="{first.id}"\n      class="answered"' in html
    assert f'id="nav-{second.id}" data-item="{second.id}"\n      class=" flagged"' in html
    assert "not answered, flagged" in html
    # A save without the flags (an old page, a script) leaves them as they were; unticking clears them.
    auth.post(f"/attempts/{attempt_id}/save", answered_one)
    assert [item.flagged for item, _ in items(db, attempt_id)][:2] == [False, True]
    auth.post(f"/attempts/{attempt_id}/save", {"flags__present": "1"})
    assert not any(item.flagged for item, _ in items(db, attempt_id))


def test_a_timed_attempt_shows_its_deadline_for_the_countdown_and_the_timer_submission_says_so(
    trainee, client, db, auth
):
    quiz = quiz_by_slug(db, "pilot-zones-quiz")
    quiz.time_limit_minutes = 20
    db.add(quiz)
    db.commit()
    attempt_id = start(auth, quiz)
    deadline = attempt(db, attempt_id).deadline
    html = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert f'data-deadline="{deadline.replace(tzinfo=None).isoformat(timespec="seconds")}Z"' in html
    assert 'role="timer"' in html and 'aria-live="polite"' in html and "attempt.js" in html
    assert "UTC</time>" in html and "data-browser-zone" in html  # no zone set: UTC, rewritten in the browser's zone
    trainee.time_zone = "Asia/Shanghai"
    db.add(trainee)
    db.commit()
    html = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "CST</time>" in html and "data-browser-zone" not in html  # the trainee's own zone, from the profile
    response = auth.post(f"/attempts/{attempt_id}/submit", right_answers(db, attempt_id) | {"timed_out": "1"})
    review = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Time is up: your answers were saved and submitted." in review
    assert attempt(db, attempt_id).score == 1.0  # answers sent by the timer at the deadline count
