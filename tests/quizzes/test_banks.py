"""Importing questions into a bank: batched (statements grow by the batch, not the question), positions
counted on from the bank's last one, names matched and numbered as before, and a limit per import."""

from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlmodel import select

from course.models import Question, QuestionVersion
from course.questions import parse_gift
from course.quizzes.banks import TooManyQuestions, add_question, export_bank, get_or_create_bank, import_questions

BATCH = 100


def _gift(count: int, wording: str = "Is {i} a whole number?") -> str:
    return "\n\n".join(f"::q{i}::{wording.format(i=i)} {{T}}" for i in range(count)) + "\n"


@contextmanager
def _statements(engine):
    """Every SQL statement sent to the database within the block."""
    sent: list[str] = []

    def before(_conn, _cursor, statement, _parameters, _context, _executemany):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", before)


def _import(db, bank, text: str, **options):
    return import_questions(db, bank, parse_gift(text).questions, limit=10_000, batch_size=BATCH, **options)


def _rows(db, bank) -> list[tuple[str, int, int]]:
    db.expire_all()
    query = select(Question).where(Question.bank_id == bank.id).order_by(Question.position)
    return [(q.name, q.position, q.current_version) for q in db.exec(query)]


def _statement_count(app, db, name: str, count: int, wording: str = "Is {i} a whole number?") -> int:
    bank = get_or_create_bank(db, name)
    db.commit()
    with _statements(app.extensions["db_engine"]) as sent:
        _import(db, bank, _gift(count, wording))
    db.commit()
    return len(sent)


def _batches(count: int) -> int:
    return -(-count // BATCH)


@pytest.mark.parametrize("case", ["new", "unchanged", "revised"])
def test_statements_grow_with_batches_not_questions(app, db, case):
    counts = {}
    for count in (50, 500):
        name = f"bank-{count}"
        if case != "new":
            _statement_count(app, db, name, count)
        wording = "Is {i} an integer?" if case == "revised" else "Is {i} a whole number?"
        counts[count] = _statement_count(app, db, name, count, wording)
    per_batch = {"new": 2, "unchanged": 1, "revised": 3}[case]  # INSERTs; the SELECT of texts; both and an UPDATE
    assert counts[500] - counts[50] <= per_batch * (_batches(500) - _batches(50))
    assert counts[50] <= 4 + per_batch  # the bank's names, its last position, the transaction, one batch


def test_versions_and_revisions_of_a_batched_import(app, db):
    bank = get_or_create_bank(db, "numbers")
    report = _import(db, bank, _gift(250))
    assert len(report.created) == 250
    stored = db.exec(select(Question.id, Question.name).where(Question.bank_id == bank.id)).all()
    ids = dict((name, id) for id, name in stored)
    versions = db.exec(select(QuestionVersion.question_id, QuestionVersion.data)).all()
    assert sorted(ids[data["name"]] for _, data in versions) == sorted(ids.values())
    assert all(ids[data["name"]] == question_id for question_id, data in versions)
    text = _gift(250).replace("::q7::Is 7", "::q7::Is seven")
    report = _import(db, bank, text + "\n::extra::One more {F}\n")
    assert report.created == ["extra"] and report.revised == ["q7"] and report.unchanged == 249
    db.commit()
    q7 = db.exec(select(Question).where(Question.name == "q7")).one()
    [first, second] = db.exec(
        select(QuestionVersion).where(QuestionVersion.question_id == q7.id).order_by(QuestionVersion.version)
    ).all()
    assert q7.current_version == 2 and "Is 7" in first.data["text"] and "Is seven" in second.data["text"]


def test_positions_continue_after_the_last_question(app, db):
    bank = get_or_create_bank(db, "ordered")
    _import(db, bank, "::a::A {T}\n\n::b::B {T}\n")
    _import(db, bank, "::c::C {T}\n\n::a::A {T}\n\n::d::D {T}\n")
    [single] = parse_gift("::e::E {T}\n").questions
    add_question(db, bank, single)
    assert _rows(db, bank) == [("a", 0, 1), ("b", 1, 1), ("c", 2, 1), ("d", 3, 1), ("e", 4, 1)]


def test_the_same_name_twice_in_a_file_is_numbered(app, db):
    bank = get_or_create_bank(db, "twice")
    report = _import(db, bank, "::port::Mombasa is a port. {T}\n\n::port::Lamu is a port. {T}\n")
    assert report.created == ["port", "port (2)"]
    again = _import(db, bank, "::port::Mombasa is a port. {T}\n\n::port::Lamu is a port. {T}\n")
    assert again.unchanged == 2 and not again.created


def test_reimporting_an_archived_question_brings_it_back_as_a_new_version(app, db):
    bank = get_or_create_bank(db, "archive")
    _import(db, bank, "::port::Mombasa is a port. {T}\n")
    question = db.exec(select(Question).where(Question.bank_id == bank.id)).one()
    question.archived = True
    db.commit()
    report = _import(db, bank, "::port::Mombasa is a port. {T}\n")
    assert report.revised == ["port"]
    assert not question.archived and question.current_version == 2  # the loaded row is refreshed


def test_more_questions_than_the_limit_are_refused_before_anything_is_read(app, db):
    bank = get_or_create_bank(db, "limited")
    db.commit()
    with _statements(app.extensions["db_engine"]) as sent, pytest.raises(TooManyQuestions) as refused:
        import_questions(db, bank, parse_gift(_gift(4)).questions, limit=3)
    assert str(refused.value) == (
        "4 questions found, more than the 3 that one import may hold; split them into smaller files. "
        "Nothing was imported."
    )
    assert sent == []
    assert (
        import_questions(db, bank, parse_gift(_gift(3)).questions, limit=3).summary() == "3 new, 0 revised, 0 unchanged"
    )


def test_export_reads_the_bank_in_one_query_in_bank_order(app, db):
    bank = get_or_create_bank(db, "exported")
    _import(db, bank, "$CATEGORY: b\n\n" + _gift(150) + "\n$CATEGORY: a\n\n::first::First {F}\n")
    db.commit()
    with _statements(app.extensions["db_engine"]) as sent:
        exported = export_bank(db, bank)
    assert len(sent) <= 2  # the query, and the bank's reload after the commit
    assert [q.name for q in exported] == ["first"] + [f"q{i}" for i in range(150)]


def test_a_version_stored_before_a_field_was_added_is_unchanged_on_reimport(db):
    bank = get_or_create_bank(db, "older")
    text = "::c::Pick one {=a ~b}\n\n::n::How many? {#3}\n\n::e::Explain. {}\n"
    _import(db, bank, text)
    db.commit()
    added = ("shuffle", "correct_feedback", "units", "unit_grading", "grader_info", "response_template")
    for version in db.exec(select(QuestionVersion)):
        version.data = {key: value for key, value in version.data.items() if not key.startswith(added)}
    db.commit()
    report = _import(db, bank, text)
    assert report.summary() == "0 new, 0 revised, 3 unchanged"
