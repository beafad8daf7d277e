"""The question editor: every type created and edited through the form, validation, preview."""

import re

import pytest
from sqlmodel import select

from course.models import Question
from course.questions.types import Question as QuestionData
from tests.web.instructor.conftest import CAPITALS_GIFT, add_gift, versions


def rows(prefix: str, *rows_: dict) -> dict:
    """Form fields of repeating rows, e.g. options-0-text."""
    return {f"{prefix}-{i}-{key}": value for i, row in enumerate(rows_) for key, value in row.items()}


COMMON = {"name": "", "category": "", "text_format": "moodle", "general_feedback": ""}

# type: (form data to create, changes for the edit, check of version 1, check of version 2)
CASES = {
    "single": (
        {"text": "Which port handles most of Kenya's trade?"}
        | rows(
            "options",
            {"text": "Mombasa", "fraction": "100", "feedback": "Yes"},
            {"text": "Lamu", "fraction": "0"},
            {"text": "", "fraction": ""},
        ),
        rows("options", {"text": "Mombasa", "fraction": "0"}, {"text": "Lamu", "fraction": "100"}),
        lambda q: [(o.text, o.fraction, o.feedback) for o in q.options] == [("Mombasa", 1.0, "Yes"), ("Lamu", 0.0, "")],
        lambda q: [o.fraction for o in q.options] == [0.0, 1.0],
    ),
    "multi": (
        {"text": "Which are East African ports?"}
        | rows(
            "options",
            {"text": "Mombasa", "fraction": "50"},
            {"text": "Dar es Salaam", "fraction": "50"},
            {"text": "Lagos", "fraction": "-100", "feedback": "West Africa"},
        ),
        rows(
            "options",
            {"text": "Mombasa", "fraction": "50"},
            {"text": "Dar es Salaam", "fraction": "50"},
            {"text": "Lagos", "fraction": "-50"},
        ),
        lambda q: [o.fraction for o in q.options] == [0.5, 0.5, -1.0] and q.options[2].feedback == "West Africa",
        lambda q: q.options[2].fraction == -0.5,
    ),
    "truefalse": (
        {
            "text": "Nairobi is the capital of Kenya.",
            "answer": "true",
            "feedback_true": "Right.",
            "feedback_false": "It is.",
        },
        {"answer": "false"},
        lambda q: q.answer is True and q.feedback_true == "Right." and q.feedback_false == "It is.",
        lambda q: q.answer is False,
    ),
    "short": (
        {"text": "Capital of Kenya?", "case_sensitive": "y"}
        | rows(
            "answers",
            {"text": "Nairobi", "fraction": "100"},
            {"text": "Nai*", "fraction": "50", "feedback": "Spell it"},
        ),
        {"case_sensitive": ""},
        lambda q: [(a.text, a.fraction) for a in q.answers] == [("Nairobi", 1.0), ("Nai*", 0.5)] and q.case_sensitive,
        lambda q: not q.case_sensitive,
    ),
    "numerical": (
        {"text": "How many berths?"}
        | rows(
            "answers",
            {"value": "42", "tolerance": "0.5", "fraction": "100"},
            {"low": "40", "high": "44", "fraction": "50"},
            {"value": "*", "feedback": "Count again"},
        ),
        rows(
            "answers",
            {"value": "43", "tolerance": "0.5", "fraction": "100"},
            {"low": "40", "high": "44", "fraction": "50"},
            {"value": "*", "feedback": "Count again"},
        ),
        lambda q: (
            [(a.value, a.tolerance, a.low, a.high, a.fraction) for a in q.answers]
            == [(42.0, 0.5, None, None, 1.0), (None, 0.0, 40.0, 44.0, 0.5), (None, 0.0, None, None, 0.0)]
        ),
        lambda q: q.answers[0].value == 43.0,
    ),
    "matching": (
        {"text": "Match each country with its capital."}
        | rows(
            "pairs",
            {"text": "Kenya", "answer": "Nairobi"},
            {"text": "Uganda", "answer": "Kampala"},
            {"text": "", "answer": "Dodoma"},
        ),
        rows(
            "pairs",
            {"text": "Kenya", "answer": "Nairobi"},
            {"text": "Uganda", "answer": "Kampala"},
            {"text": "Rwanda", "answer": "Kigali"},
        ),
        lambda q: (
            [(p.text, p.answer) for p in q.pairs] == [("Kenya", "Nairobi"), ("Uganda", "Kampala"), ("", "Dodoma")]
        ),
        lambda q: q.pairs[2].answer == "Kigali",
    ),
    "essay": (
        {"text": "Describe a bonded warehouse.", "general_feedback": "Mention customs."},
        {"text": "Describe a bonded warehouse in your own words."},
        lambda q: q.general_feedback == "Mention customs.",
        lambda q: q.text.endswith("own words."),
    ),
    "description": (
        {"text": "The next questions are about ports.", "text_format": "markdown"},
        {"text": "The next questions are about **ports**."},
        lambda q: q.text_format == "markdown",
        lambda q: "**ports**" in q.text,
    ),
}


def _create(auth, bank, qtype, data):
    return auth.post(f"/instructor/banks/{bank.id}/questions/new?type={qtype}", COMMON | {"name": f"my {qtype}"} | data)


@pytest.mark.parametrize("qtype", list(CASES))
def test_every_type_is_created_and_edited_through_the_form(client, auth, db, instructor, bank, qtype):
    create, change, check_v1, check_v2 = CASES[qtype]
    assert client.get(f"/instructor/banks/{bank.id}/questions/new?type={qtype}").status_code == 200
    response = _create(auth, bank, qtype, create)
    assert response.status_code == 302, response.get_data(as_text=True)
    question = db.exec(select(Question).where(Question.bank_id == bank.id)).one()
    assert response.headers["Location"].endswith(f"/instructor/questions/{question.id}")
    assert (question.qtype, question.name, question.category) == (qtype, f"my {qtype}", "geography")
    [v1] = versions(db, question.id)
    first = QuestionData.from_dict(v1.data)
    assert first.type == qtype and check_v1(first)

    page = client.get(f"/instructor/questions/{question.id}").get_data(as_text=True)
    assert f"my {qtype}" in page and "Version 1" in page
    response = auth.post(f"/instructor/questions/{question.id}", COMMON | {"name": f"my {qtype}"} | create | change)
    assert response.status_code == 302, response.get_data(as_text=True)
    old, new = versions(db, question.id)
    assert (old.version, new.version) == (1, 2)
    assert old.data == v1.data  # attempts taken with version 1 keep it
    assert check_v2(QuestionData.from_dict(new.data))
    db.expire_all()
    assert db.get(Question, question.id).current_version == 2


def test_edit_form_shows_the_stored_question(client, db, instructor, bank):
    question = add_gift(db, bank, CAPITALS_GIFT)[0]
    page = client.get(f"/instructor/questions/{question.id}").get_data(as_text=True)
    assert 'name="options-0-text"' in page and "\nNairobi</textarea>" in page
    assert (
        'name="options-0-fraction" type="text" value="100"' in page
        and 'name="options-1-fraction" type="text" value="0"' in page
    )
    assert "Kisumu lies on Lake Victoria." in page
    assert 'name="options-5-text"' in page and 'name="options-6-text"' not in page  # 3 filled, 3 blank


def test_saving_without_changes_makes_no_new_version(client, auth, db, instructor, bank):
    _create(auth, bank, "essay", CASES["essay"][0])
    question = db.exec(select(Question)).one()
    auth.post(f"/instructor/questions/{question.id}", COMMON | {"name": "my essay"} | CASES["essay"][0])
    assert len(versions(db, question.id)) == 1


def test_editing_keeps_the_settings_the_form_does_not_show(client, auth, db, instructor, bank):
    [question] = add_gift(db, bank, "::my essay::Describe a bonded warehouse. {}\n")
    [v1] = versions(db, question.id)
    v1.data = v1.data | {"grader_info": "Look for customs.", "response_template": "A bonded warehouse is"}
    db.commit()
    change = {"text": "Describe a bonded warehouse in your own words."}
    response = auth.post(f"/instructor/questions/{question.id}", COMMON | {"name": "my essay"} | change)
    assert response.status_code == 302, response.get_data(as_text=True)
    new = QuestionData.from_dict(versions(db, question.id)[-1].data)
    assert new.text.endswith("own words.")
    assert (new.grader_info, new.response_template) == ("Look for customs.", "A bonded warehouse is")
    page = client.get(f"/instructor/questions/{question.id}").get_data(as_text=True)
    assert (
        "will not come back unchanged from a GIFT export" in page
        and "GIFT cannot carry information for graders" in page
    )
    assert "from a Moodle XML export" not in page


def _error_next_to(page: str, field_id: str) -> str:
    match = re.search(rf'<p class="error" id="{re.escape(field_id)}-error">([^<]*)</p>', page)
    assert match, f"no error next to {field_id}"
    return match.group(1)


INVALID = [
    (
        "single",
        {"text": "Q"} | rows("options", {"text": "A", "fraction": "50"}, {"text": "B", "fraction": "0"}),
        "options",
        "Give the right option a grade of 100%.",
    ),
    (
        "single",
        {"text": "Q"} | rows("options", {"text": "A", "fraction": "100"}),
        "options",
        "Give at least 2 options.",
    ),
    (
        "single",
        {"text": "Q"} | rows("options", {"text": "A", "fraction": "all"}, {"text": "B"}),
        "options-0-fraction",
        "Enter a percentage",
    ),
    (
        "multi",
        {"text": "Q"} | rows("options", {"text": "A", "fraction": "50"}, {"text": "B", "fraction": "30"}),
        "options",
        "must add up to 100%",
    ),
    ("truefalse", {"text": "Q"}, "answer", "Choose whether the statement is true or false."),
    ("short", {"text": "Q"}, "answers", "Give at least 1 accepted answer."),
    (
        "short",
        {"text": "Q"} | rows("answers", {"text": "A", "fraction": "-20"}),
        "answers-0-fraction",
        "Enter a percentage from 0 to 100",
    ),
    (
        "numerical",
        {"text": "Q"} | rows("answers", {"value": "forty", "fraction": "100"}),
        "answers-0-value",
        "Enter a number",
    ),
    (
        "numerical",
        {"text": "Q"} | rows("answers", {"value": "4", "low": "3", "high": "5", "fraction": "100"}),
        "answers-0-value",
        "not both",
    ),
    ("numerical", {"text": "Q"} | rows("answers", {"low": "3", "fraction": "100"}), "answers-0-high", "Enter a number"),
    (
        "matching",
        {"text": "Q"} | rows("pairs", {"text": "Kenya", "answer": "Nairobi"}, {"text": "", "answer": "Dodoma"}),
        "pairs",
        "Give at least 2 pairs with a subquestion.",
    ),
    (
        "matching",
        {"text": "Q"} | rows("pairs", {"text": "Kenya", "answer": "Nairobi"}, {"text": "Uganda"}),
        "pairs-1-answer",
        "Enter the answer that matches",
    ),
    ("essay", {"text": "   "}, "text", "Enter the question text."),
]


@pytest.mark.parametrize("qtype, data, field_id, message", INVALID, ids=[f"{c[0]}-{c[2]}" for c in INVALID])
def test_invalid_questions_are_refused_with_the_error_next_to_the_field(
    client, auth, db, instructor, bank, qtype, data, field_id, message
):
    response = _create(auth, bank, qtype, data)
    assert response.status_code == 422
    assert message in _error_next_to(response.get_data(as_text=True), field_id)
    assert db.exec(select(Question)).first() is None


def test_invalid_edit_keeps_the_current_version(client, auth, db, instructor, bank):
    question = add_gift(db, bank, CAPITALS_GIFT)[0]
    data = COMMON | {"name": "capital", "text": "Q"} | rows("options", {"text": "A", "fraction": "10"}, {"text": "B"})
    response = auth.post(f"/instructor/questions/{question.id}", data)
    assert response.status_code == 422
    assert "Give the right option a grade of 100%." in response.get_data(as_text=True)
    assert len(versions(db, question.id)) == 1


def test_question_names_are_unique_within_a_category(client, auth, db, instructor, bank):
    add_gift(db, bank, CAPITALS_GIFT)
    response = _create(auth, bank, "essay", {"name": "capital", "text": "Why?"})
    assert response.status_code == 422
    assert "already called" in _error_next_to(response.get_data(as_text=True), "name")
    assert len(db.exec(select(Question)).all()) == 1


def test_blank_name_is_made_from_the_text(client, auth, db, instructor, bank):
    auth.post(f"/instructor/banks/{bank.id}/questions/new?type=essay", COMMON | {"text": "Explain <b>bonded</b> zones"})
    assert db.exec(select(Question)).one().name == "Explain bonded zones"


def test_unknown_question_type_is_not_found(client, instructor, bank):
    assert client.get(f"/instructor/banks/{bank.id}/questions/new?type=cloze").status_code == 404


def test_preview_shows_the_question_without_its_answers(client, db, instructor, bank):
    question = add_gift(db, bank, CAPITALS_GIFT.replace("}", "####Nairobi has been the capital since 1907.\n}"))[0]
    response = client.get(f"/instructor/questions/{question.id}/preview")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Which city is the capital of Kenya?" in page
    assert "Mombasa" in page and "Kisumu" in page
    # The right option is shown like the others, only once: no "right answer", no feedback naming it.
    assert page.count("Nairobi") == 1 and '<label for="q1-a0">Nairobi</label>' in page
    for secret in (
        "Right answer",
        "Right:",
        "since 1907",
        "the main port",
        "lies on Lake Victoria",
        "100%",
        'value="100"',
        "fraction",
        "correct",
    ):
        assert secret not in page


def test_checking_an_answer_in_the_preview_grades_it(client, auth, db, instructor, bank):
    question = add_gift(db, bank, CAPITALS_GIFT)[0]
    page = auth.post(f"/instructor/questions/{question.id}/preview", {f"q{question.id}": "a1"}).get_data(as_text=True)
    assert "Incorrect" in page and "Right answer:</strong> Nairobi" in page
    assert "Mombasa is the main port." in page
    assert re.search(rf'id="q{question.id}-a1" value="a1"\s+checked', page)
    page = auth.post(f"/instructor/questions/{question.id}/preview", {f"q{question.id}": "a0"}).get_data(as_text=True)
    assert "Correct" in page and "Right: Nairobi is the capital." in page


def test_the_preview_shuffles_options_like_a_quiz_keeps_them_on_check_and_shows_authored_order(
    client, auth, db, instructor, bank
):
    [question] = add_gift(db, bank, "::abc::Pick one. {=Alpha ~Bravo ~Charlie ~Delta ~Echo ~Foxtrot}")
    options = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]

    def order(page: str) -> list[str]:
        return sorted(options, key=lambda option: page.index(f">{option}<"))

    pages = [client.get(f"/instructor/questions/{question.id}/preview").get_data(as_text=True) for _ in range(4)]
    assert any(order(page) != options for page in pages) and "Show authored order" in pages[0]
    seed = re.search(r'name="seed" value="(\d+)"', pages[0]).group(1)
    checked = auth.post(f"/instructor/questions/{question.id}/preview", {f"q{question.id}": "a1", "seed": seed})
    assert order(checked.get_data(as_text=True)) == order(pages[0])  # the order the instructor answered in
    authored = client.get(f"/instructor/questions/{question.id}/preview?order=authored").get_data(as_text=True)
    assert order(authored) == options and "Show as a trainee sees it" in authored
