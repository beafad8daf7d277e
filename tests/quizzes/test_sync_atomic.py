"""Loading and importing questions is all or nothing even when the failure comes after rows were written.

A broken question file is found before anything is written (tests/cli/test_quiz.py,
tests/web/instructor/test_banks.py). Here the banks import fine and only then does quizzes.yml name a bank
or question that does not exist, or the database itself refuses one question part-way through an import.
"""

import pytest
from sqlmodel import func, select

from course.models import Lesson, Question, QuestionBank, QuestionVersion, Quiz
from course.quizzes.banks import IMPORT_BATCH_SIZE, get_or_create_bank
from tests.conftest import recorded_writes, refuse


def _count(db, model) -> int:
    db.expire_all()
    count = db.exec(select(func.count()).select_from(model)).one()
    db.rollback()  # keep no read transaction open
    return count


def _quiz_rows(db):
    """Banks, questions with every version, and quizzes as stored."""
    db.expire_all()
    rows = (
        sorted((b.name, b.module_id) for b in db.exec(select(QuestionBank))),
        sorted((q.category, q.name, q.current_version, q.archived) for q in db.exec(select(Question))),
        sorted((v.question_id, v.version, str(v.data)) for v in db.exec(select(QuestionVersion))),
        sorted((z.slug, z.title, str(z.slots), z.pass_mark) for z in db.exec(select(Quiz))),
    )
    db.rollback()
    return rows


def _sync(runner):
    return runner.invoke(args=["course", "sync"])


BROKEN_DEFINITIONS = {
    "unknown-question": (
        "    - question: match\n- slug: pilot-zones-essay",
        "    - question: match\n    - question: no-such-question\n- slug: pilot-zones-essay",
        "no question named 'no-such-question'",
    ),
    "unknown-bank": (
        "  bank: 01-pilot-zones\n  pass_mark: 50\n  shuffle_questions",
        "  bank: 02-missing\n  pass_mark: 50\n  shuffle_questions",
        "unknown bank '02-missing'",
    ),
}


def _break_definitions(quiz_dir, case):
    old, new, message = BROKEN_DEFINITIONS[case]
    definitions = quiz_dir / "quizzes.yml"
    text = definitions.read_text(encoding="utf-8")
    assert old in text
    definitions.write_text(text.replace(old, new, 1), encoding="utf-8")
    return message


@pytest.mark.parametrize("case", sorted(BROKEN_DEFINITIONS))
def test_a_quiz_naming_a_missing_bank_or_question_undoes_the_imported_banks(synced, runner, db, quiz_dir, case):
    synced.config["QUIZ_DIR"] = str(quiz_dir)
    message = _break_definitions(quiz_dir, case)
    lessons = _count(db, Lesson)
    with recorded_writes(synced.extensions["db_engine"]) as written:
        result = _sync(runner)
    assert result.exit_code != 0 and message in result.output
    assert "nothing was changed" in result.output
    assert {"questionbank", "question", "questionversion"} <= set(written)  # imported before the check failed
    assert _quiz_rows(db) == ([], [], [], [])
    assert _count(db, Lesson) == lessons


def test_a_broken_quiz_definition_keeps_the_questions_unrevised(synced_quizzes, runner, db, quiz_dir):
    before = _quiz_rows(db)
    assert len(before[1]) == 7 and len(before[3]) == 3
    bank = quiz_dir / "01-pilot-zones.gift"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("{#2015}", "{#2016}") + "\n::extra::A new question {T}\n", encoding="utf-8")
    _break_definitions(quiz_dir, "unknown-question")
    with recorded_writes(synced_quizzes.extensions["db_engine"]) as written:
        result = _sync(runner)
    assert result.exit_code != 0
    assert "questionversion" in written and "question" in written  # the revision and the new question
    assert _quiz_rows(db) == before


def _questions_past_one_batch() -> tuple[str, str]:
    """A GIFT text one question longer than an import batch, and the name of its last question: refusing
    that one makes the database refuse the second batch after the first was written."""
    count = IMPORT_BATCH_SIZE + 1
    text = "\n\n".join(f"::q{i}::Is {i} a whole number? {{T}}" for i in range(1, count + 1))
    return text + "\n", f"q{count}"


def test_a_question_the_database_refuses_undoes_the_whole_file_import(app, runner, db, tmp_path):
    path = tmp_path / "long.gift"
    text, last = _questions_past_one_batch()
    path.write_text(text)
    engine = app.extensions["db_engine"]
    refuse(engine, "question", "name", last)
    with recorded_writes(engine) as written:
        result = runner.invoke(args=["quiz", "import", str(path), "--bank", "sums"])
    assert result.exit_code != 0
    assert written == ["questionbank", "question", "questionversion"]  # the bank and the first batch were written
    assert _count(db, QuestionBank) == 0 and _count(db, Question) == 0 and _count(db, QuestionVersion) == 0


def test_a_question_the_database_refuses_undoes_a_pasted_import(app, client, auth, db):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # the trainee-facing error page, as in production
    bank = get_or_create_bank(db, "geography")
    bank.owner_id = auth.as_role("instructor").id
    db.commit()
    gift, last = _questions_past_one_batch()
    engine = app.extensions["db_engine"]
    refuse(engine, "question", "name", last)
    with recorded_writes(engine) as written:
        response = auth.post(f"/instructor/banks/{bank.id}/paste", {"gift": gift})
    assert response.status_code == 500
    assert written == ["question", "questionversion"]  # the first batch was written
    assert _count(db, Question) == 0 and _count(db, QuestionVersion) == 0
    page = client.get(f"/instructor/banks/{bank.id}")
    assert page.status_code == 200 and "This bank has no questions yet" in page.get_data(as_text=True)
