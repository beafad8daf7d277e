"""Quizzes: settings, slots, preview, and per-trainee extensions."""

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from course.models import Attempt, Module, Quiz, QuizExtension
from tests.web.instructor.conftest import CAPITALS_GIFT, add_gift, make_quiz

SETTINGS = {
    "title": "Ports quiz",
    "slug": "ports-quiz",
    "description": "Ten questions on ports.",
    "module_id": "",
    "kind": "posttest",
    "pass_mark": "60",
    "attempts_allowed": "2",
    "time_limit_minutes": "25",
    "shuffle_questions": "y",
    "shuffle_options": "y",
    "grading_method": "average",
    "review": "answers",
    "allow_practice": "",
    "opens_at": "2030-01-01T09:00",
    "closes_at": "2030-01-31T17:30",
}


def test_instructor_creates_a_quiz_with_every_setting(client, auth, db, instructor, synced):
    module = db.exec(select(Module)).first()
    assert client.get("/instructor/quizzes/new").status_code == 200
    response = auth.post("/instructor/quizzes/new", SETTINGS | {"module_id": str(module.id)})
    assert response.status_code == 302, response.get_data(as_text=True)
    quiz = db.exec(select(Quiz).where(Quiz.slug == "ports-quiz")).one()
    assert (quiz.title, quiz.description, quiz.module_id, quiz.kind) == (
        "Ports quiz",
        "Ten questions on ports.",
        module.id,
        "posttest",
    )
    assert (quiz.pass_mark, quiz.attempts_allowed, quiz.time_limit_minutes) == (60, 2, 25)
    assert (quiz.shuffle_questions, quiz.shuffle_options, quiz.allow_practice) == (True, True, False)
    assert (quiz.grading_method, quiz.review) == ("average", "answers")
    assert quiz.opens_at == datetime(2030, 1, 1, 9, 0, tzinfo=UTC)
    assert quiz.closes_at == datetime(2030, 1, 31, 17, 30, tzinfo=UTC)
    assert not quiz.from_file
    page = client.get("/instructor/quizzes").get_data(as_text=True)
    assert "Ports quiz" in page and module.title in page and "Post-test" in page and "60%" in page


def test_quiz_settings_are_edited(client, auth, db, instructor):
    auth.post("/instructor/quizzes/new", SETTINGS)
    quiz = db.exec(select(Quiz)).one()
    page = client.get(f"/instructor/quizzes/{quiz.id}").get_data(as_text=True)
    assert 'value="2030-01-31T17:30"' in page and 'value="ports-quiz"' in page
    changed = SETTINGS | {
        "title": "Ports quiz (2)",
        "attempts_allowed": "",
        "time_limit_minutes": "",
        "shuffle_questions": "",
        "grading_method": "last",
        "review": "score",
        "allow_practice": "y",
        "opens_at": "",
        "closes_at": "",
    }
    assert auth.post(f"/instructor/quizzes/{quiz.id}", changed).status_code == 302
    db.expire_all()
    quiz = db.get(Quiz, quiz.id)
    assert (quiz.title, quiz.attempts_allowed, quiz.time_limit_minutes, quiz.shuffle_questions) == (
        "Ports quiz (2)",
        None,
        None,
        False,
    )
    assert (quiz.grading_method, quiz.review, quiz.allow_practice, quiz.opens_at, quiz.closes_at) == (
        "last",
        "score",
        True,
        None,
        None,
    )


def test_invalid_settings_are_refused(client, auth, db, instructor):
    bad = SETTINGS | {
        "slug": "Ports Quiz",
        "pass_mark": "120",
        "attempts_allowed": "0",
        "closes_at": "2029-12-31T00:00",
        "grading_method": "best",
    }
    response = auth.post("/instructor/quizzes/new", bad)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in (
        "lower-case letters",
        "between 0 and 100",
        "at least 1",
        "close after it opens",
        "Not a valid choice",
    ):
        assert message in page, message
    assert db.exec(select(Quiz)).first() is None


def test_slugs_are_unique(client, auth, db, instructor):
    auth.post("/instructor/quizzes/new", SETTINGS)
    response = auth.post("/instructor/quizzes/new", SETTINGS | {"title": "Other"})
    assert response.status_code == 422 and "already uses this slug" in response.get_data(as_text=True)


def test_slots_are_added_and_removed(client, auth, db, instructor, bank):
    [capital] = add_gift(db, bank, CAPITALS_GIFT)
    add_gift(
        db, bank, "$CATEGORY: geography/asia\n\n::tokyo::Tokyo is in Japan. {T}\n\n::seoul::Seoul is in Korea. {T}\n"
    )
    quiz = make_quiz(db, [])
    page = client.get(f"/instructor/quizzes/{quiz.id}").get_data(as_text=True)
    assert f'<option value="{bank.id}:geography/asia">geography/asia</option>' in page
    picker = client.get(f"/instructor/quizzes/{quiz.id}/questions?q=capital").get_data(as_text=True)
    assert f'name="question_id" value="{capital.id}"' in picker
    assert (
        auth.post(
            f"/instructor/quizzes/{quiz.id}/slots/fixed", {"question_id": str(capital.id), "fixed_mark": "2"}
        ).status_code
        == 302
    )
    assert (
        auth.post(
            f"/instructor/quizzes/{quiz.id}/slots/random",
            {"source": f"{bank.id}:geography/asia", "count": "2", "random_mark": "1"},
        ).status_code
        == 302
    )
    db.expire_all()
    assert db.get(Quiz, quiz.id).slots == [
        {"kind": "fixed", "question_id": capital.id, "mark": 2.0},
        {"kind": "random", "bank_id": bank.id, "category": "geography/asia", "count": 2, "mark": 1.0},
    ]
    page = client.get(f"/instructor/quizzes/{quiz.id}").get_data(as_text=True)
    assert "2 at random from geography › geography/asia" in page
    assert auth.post(f"/instructor/quizzes/{quiz.id}/slots/0/remove").status_code == 302
    db.expire_all()
    assert [slot["kind"] for slot in db.get(Quiz, quiz.id).slots] == ["random"]


def test_the_question_picker_searches_words_categories_and_types(client, auth, db, instructor, bank):
    [capital] = add_gift(db, bank, CAPITALS_GIFT)
    _, tokyo, seoul, essay = add_gift(
        db,
        bank,
        "$CATEGORY: geography/asia\n\n::tokyo::Tokyo is in Japan. {T}\n\n::seoul::Seoul is in Korea. {T}\n\n"
        "::essay::Describe a Korean port city. {}\n",
    )
    quiz = make_quiz(db, [])

    def found(query: str) -> set[int]:
        page = client.get(f"/instructor/quizzes/{quiz.id}/questions?{query}").get_data(as_text=True)
        return {q.id for q in (capital, tokyo, seoul, essay) if f'name="question_id" value="{q.id}"' in page}

    assert found("") == {capital.id, tokyo.id, seoul.id, essay.id}
    assert found("q=KOREA") == {seoul.id, essay.id}  # in the text, any case
    assert found("q=korea+port") == {essay.id}  # every word
    assert found(f"source={bank.id}:geography/asia&qtype=truefalse") == {tokyo.id, seoul.id}
    assert found(f"source={bank.id}:geography") == {capital.id, tokyo.id, seoul.id, essay.id}  # subcategories too
    assert found("q=%25") == set()  # a wildcard is a plain character
    assert "No question matches" in client.get(f"/instructor/quizzes/{quiz.id}/questions?q=zzz").get_data(as_text=True)


def test_a_draw_larger_than_its_category_is_refused(client, auth, db, instructor, bank):
    add_gift(db, bank, CAPITALS_GIFT)
    quiz = make_quiz(db, [])
    response = auth.post(
        f"/instructor/quizzes/{quiz.id}/slots/random", {"source": f"{bank.id}:", "count": "5", "random_mark": "1"}
    )
    assert response.status_code == 422 and "only 1 questions" in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Quiz, quiz.id).slots == []


def test_quizzes_from_files_warn_that_sync_overwrites_them(client, db, instructor, bank):
    quiz = make_quiz(db, [], from_file=True)
    assert "overwrites its settings" in client.get(f"/instructor/quizzes/{quiz.id}").get_data(as_text=True)


def test_quiz_preview_shows_fixed_questions_and_a_sample_draw_without_answers(client, db, instructor, bank):
    [capital] = add_gift(db, bank, CAPITALS_GIFT)
    add_gift(db, bank, "$CATEGORY: asia\n\n::tokyo::Tokyo is in Japan. {T}\n\n::seoul::Seoul is in Korea. {T}\n")
    quiz = make_quiz(db, [capital])
    quiz.slots = [*quiz.slots, {"kind": "random", "bank_id": bank.id, "category": "asia", "count": 1, "mark": 1}]
    db.commit()
    page = client.get(f"/instructor/quizzes/{quiz.id}/preview").get_data(as_text=True)
    assert "Which city is the capital of Kenya?" in page and "Mombasa" in page
    assert page.count("Nairobi") == 1 and "the main port" not in page and "Right answer" not in page
    assert ("Tokyo is in Japan." in page) != ("Seoul is in Korea." in page)
    assert "Question 2" in page and "Question 3" not in page


def test_quiz_preview_shuffles_as_trainees_get_it_and_shows_authored_order_on_request(client, db, instructor, bank):
    questions = add_gift(
        db,
        bank,
        "::intro::Read the case first.\n\n"
        + "\n\n".join(f"::q{n}::Statement number {n}. {{T}}" for n in range(1, 9))
        + "\n\n::choice::Pick one. {=Alpha ~Bravo ~Charlie ~Delta ~Echo}\n",
    )
    quiz = make_quiz(db, questions, shuffle_questions=True, shuffle_options=True)

    def order(page: str, words: list[str]) -> list[str]:
        return sorted(words, key=page.index)

    statements = [f"Statement number {n}." for n in range(1, 9)]
    options = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
    authored = client.get(f"/instructor/quizzes/{quiz.id}/preview?order=authored").get_data(as_text=True)
    assert order(authored, statements) == statements and order(authored, options) == options
    assert "Show as a trainee sees it" in authored
    shuffled_pages = [client.get(f"/instructor/quizzes/{quiz.id}/preview").get_data(as_text=True) for _ in range(4)]
    for page in shuffled_pages:
        assert "Show authored order" in page
        assert page.index("Read the case first.") < min(page.index(s) for s in statements)  # the description stays
    assert any(order(page, statements) != statements for page in shuffled_pages)
    assert any(order(page, options) != options for page in shuffled_pages)


def test_an_extension_lets_a_trainee_start_after_the_close_date(client, auth, db, bank):
    [capital] = add_gift(db, bank, CAPITALS_GIFT)
    quiz = make_quiz(db, [capital], closes_at=datetime.now(UTC) - timedelta(days=1))
    trainee = auth.make_user("trainee")
    auth.login(trainee.email)
    auth.post(f"/quizzes/{quiz.id}/start", {"mode": "graded"})
    assert db.exec(select(Attempt)).first() is None
    auth.logout()

    auth.as_role("instructor")
    later = (datetime.now(UTC) + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = auth.post(
        f"/instructor/quizzes/{quiz.id}/extensions",
        {"email": "TRAINEE@example.org", "extension_closes_at": later, "extra_attempts": "1", "extra_minutes": "15"},
    )
    assert response.status_code == 302
    assert "trainee@example.org" in client.get(f"/instructor/quizzes/{quiz.id}").get_data(as_text=True)
    auth.post(
        f"/instructor/quizzes/{quiz.id}/extensions",
        {"email": "trainee@example.org", "extension_closes_at": later, "extra_attempts": "2", "extra_minutes": ""},
    )
    [extension] = db.exec(select(QuizExtension)).all()
    assert (extension.user_id, extension.extra_attempts, extension.extra_minutes) == (trainee.id, 2, 0)
    assert extension.closes_at.tzinfo is not None
    auth.logout()

    auth.login(trainee.email)
    response = auth.post(f"/quizzes/{quiz.id}/start", {"mode": "graded"})
    attempt = db.exec(select(Attempt)).one()
    assert response.headers["Location"].endswith(f"/attempts/{attempt.id}")


def test_an_extension_needs_a_known_email(client, auth, db, instructor, bank):
    quiz = make_quiz(db, [])
    response = auth.post(f"/instructor/quizzes/{quiz.id}/extensions", {"email": "nobody@example.org"})
    assert response.status_code == 422 and "No account has this email" in response.get_data(as_text=True)
    assert db.exec(select(QuizExtension)).first() is None
