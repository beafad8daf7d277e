"""Question banks: import (all or nothing), versioned edits, export. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, func, select

from course.models import Question, QuestionBank, QuestionVersion
from course.models.base import utcnow
from course.questions.types import Question as QuestionData
from course.quizzes.settings import QUESTIONS_PER_IMPORT

# Rows per INSERT or UPDATE: statements grow by the batch, not by the question, and stay well under
# SQLite's limit of bound parameters in one statement.
IMPORT_BATCH_SIZE = 500
# Imports write through the tables (SQLAlchemy Core): the ORM's per-row bookkeeping would cost more than the SQL.
_QUESTIONS, _VERSIONS = Question.__table__, QuestionVersion.__table__


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return f"{len(self.created)} new, {len(self.revised)} revised, {self.unchanged} unchanged"


class TooManyQuestions(ValueError):
    """More questions than one import may hold; nothing was imported."""

    def __init__(self, found: int, limit: int):
        self.found, self.limit = found, limit
        super().__init__(
            f"{found:,} questions found, more than the {limit:,} that one import may hold; "
            "split them into smaller files. Nothing was imported."
        )


def bank_by_name(session: Session, name: str) -> QuestionBank | None:
    return session.exec(select(QuestionBank).where(QuestionBank.name == name)).first()


def get_or_create_bank(session: Session, name: str, module_id: int | None = None) -> QuestionBank:
    bank = bank_by_name(session, name)
    if bank is None:
        bank = QuestionBank(name=name, module_id=module_id)
        session.add(bank)
        session.flush()
    elif module_id is not None and bank.module_id != module_id:
        bank.module_id = module_id
    return bank


def current_version(session: Session, question: Question) -> QuestionVersion:
    """The version trainees get in new attempts."""
    return session.exec(
        select(QuestionVersion).where(
            QuestionVersion.question_id == question.id, QuestionVersion.version == question.current_version
        )
    ).one()


def next_position(session: Session, bank: QuestionBank) -> int:
    """The position after the bank's last question (0 for an empty bank)."""
    last = session.exec(select(func.max(Question.position)).where(Question.bank_id == bank.id)).one()
    return 0 if last is None else last + 1


def add_question(
    session: Session, bank: QuestionBank, data: QuestionData, *, user_id: int | None = None, position: int | None = None
) -> Question:
    """Store a new question with its first version."""
    if position is None:
        position = next_position(session, bank)
    question = Question(
        bank_id=bank.id, category=data.category or bank.name, name=data.name, qtype=data.type, position=position
    )
    session.add(question)
    session.flush()
    data.category = question.category
    session.add(QuestionVersion(question_id=question.id, version=1, data=data.to_dict(), created_by=user_id))
    session.flush()
    return question


def revise_question(session: Session, question: Question, data: QuestionData, *, user_id: int | None = None) -> bool:
    """Save an edit as a new version (old attempts keep theirs); False when nothing changed."""
    data.category = data.category or question.category
    if current_version(session, question).data == data.to_dict() and not question.archived:
        return False
    question.current_version += 1
    question.name, question.category, question.qtype, question.archived = data.name, data.category, data.type, False
    session.add(
        QuestionVersion(
            question_id=question.id, version=question.current_version, data=data.to_dict(), created_by=user_id
        )
    )
    session.flush()
    return True


def check_import_size(count: int, limit: int) -> None:
    """Refuse an import of more questions than one import may hold (QUESTIONS_PER_IMPORT)."""
    if count > limit:
        raise TooManyQuestions(count, limit)


def import_questions(
    session: Session,
    bank: QuestionBank,
    questions: list[QuestionData],
    *,
    limit: int = QUESTIONS_PER_IMPORT,
    user_id: int | None = None,
    batch_size: int = IMPORT_BATCH_SIZE,
) -> ImportReport:
    """Add or revise questions matched by category and name, in batches; nothing is committed here.

    Raises TooManyQuestions before anything is read or written when there are more than `limit`. Everything is
    read and prepared before the first write, so that SQLite's write lock is held for the writes alone.
    """
    check_import_size(len(questions), limit)
    report = ImportReport()
    existing = _existing_questions(session, bank)
    seen: set[tuple[str, str]] = set()
    new: list[tuple[QuestionData, dict]] = []
    matched: list[tuple[_Existing, QuestionData]] = []
    for data in questions:
        data.category = data.category or bank.name
        data.name = _unique_name(data, seen)
        row = existing.get((data.category, data.name))
        if row is None:
            new.append((data, data.to_dict()))
            report.created.append(data.name)
        else:
            matched.append((row, data))
    revisions = _changed(session, matched, batch_size)
    report.revised = [data.name for _, data, _ in revisions]
    report.unchanged = len(matched) - len(revisions)
    position = next_position(session, bank) if new else 0
    stamp = utcnow()
    _insert_new(session, bank, new, position, user_id, stamp, batch_size)
    _store_revisions(session, revisions, user_id, stamp, batch_size)
    return report


@dataclass(frozen=True)
class _Existing:
    id: int
    current_version: int
    archived: bool


def _existing_questions(session: Session, bank: QuestionBank) -> dict[tuple[str, str], _Existing]:
    """The bank's questions by category and name, read in one query."""
    rows = session.exec(
        select(Question.category, Question.name, Question.id, Question.current_version, Question.archived).where(
            Question.bank_id == bank.id
        )
    )
    return {(category, name): _Existing(id, version, archived) for category, name, id, version, archived in rows}


def _changed(
    session: Session, matched: list[tuple[_Existing, QuestionData]], batch_size: int
) -> list[tuple[_Existing, QuestionData, dict]]:
    """The matched questions whose text differs from their current version (or that are archived)."""
    changed = []
    for batch in _batches(matched, batch_size):
        current = dict(
            session.exec(
                select(QuestionVersion.question_id, QuestionVersion.data)
                .join(Question, QuestionVersion.question_id == Question.id)
                .where(
                    QuestionVersion.version == Question.current_version,
                    Question.id.in_([row.id for row, _ in batch]),
                )
            ).all()
        )
        for row, data in batch:
            stored = data.to_dict()
            # Read back with today's fields, so that a field added since it was stored is not a change.
            if row.archived or QuestionData.from_dict(current[row.id]).to_dict() != stored:
                changed.append((row, data, stored))
    return changed


def _insert_new(session, bank, new: list[tuple[QuestionData, dict]], position: int, user_id, stamp, batch_size):
    """Insert the new questions and their first versions, one INSERT of each per batch."""
    for batch in _batches(new, batch_size):
        rows = [
            {
                "bank_id": bank.id,
                "category": data.category,
                "name": data.name,
                "qtype": data.type,
                "current_version": 1,
                "position": position + offset,
                "archived": False,
            }
            for offset, (data, _) in enumerate(batch)
        ]
        position += len(rows)
        # (category, name) is unique in a bank, so the returned ids are matched by it, whatever their order.
        ids = {
            (category, name): id
            for id, category, name in session.execute(
                _QUESTIONS.insert().returning(_QUESTIONS.c.id, _QUESTIONS.c.category, _QUESTIONS.c.name), rows
            )
        }
        versions = [_version_row(ids[(data.category, data.name)], 1, stored, user_id, stamp) for data, stored in batch]
        session.execute(_VERSIONS.insert(), versions)


def _store_revisions(session, revisions: list[tuple[_Existing, QuestionData, dict]], user_id, stamp, batch_size):
    """A new current version for each changed question, one UPDATE and one INSERT per batch."""
    for batch in _batches(revisions, batch_size):
        session.execute(
            update(Question),
            [
                {
                    "id": row.id,
                    "current_version": row.current_version + 1,
                    "name": data.name,
                    "category": data.category,
                    "qtype": data.type,
                    "archived": False,
                }
                for row, data, _ in batch
            ],
        )
        session.execute(
            _VERSIONS.insert(),
            [_version_row(row.id, row.current_version + 1, stored, user_id, stamp) for row, _, stored in batch],
        )
    _expire_loaded(session, {row.id for row, _, _ in revisions})


def _batches(items: list, size: int) -> list[list]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _version_row(question_id: int, version: int, data: dict, user_id: int | None, stamp: datetime) -> dict:
    return {"question_id": question_id, "version": version, "data": data, "created_at": stamp, "created_by": user_id}


def _expire_loaded(session: Session, question_ids: set[int]) -> None:
    """Bulk updates bypass the loaded Question objects: reload any the session holds."""
    for loaded in list(session.identity_map.values()):
        if isinstance(loaded, Question) and loaded.id in question_ids:
            session.expire(loaded)


def bank_questions(session: Session, bank: QuestionBank, include_archived: bool = False) -> list[Question]:
    query = select(Question).where(Question.bank_id == bank.id)
    if not include_archived:
        query = query.where(Question.archived == False)
    return list(session.exec(_in_bank_order(query)))


def export_bank(session: Session, bank: QuestionBank) -> list[QuestionData]:
    """The current version of every active question in the bank, ready for write_gift (one query)."""
    rows = session.exec(
        _in_bank_order(select(QuestionVersion.data))
        .join(Question, QuestionVersion.question_id == Question.id)
        .where(
            Question.bank_id == bank.id, Question.archived == False, QuestionVersion.version == Question.current_version
        )
    )
    return [QuestionData.from_dict(data) for data in rows]


def _in_bank_order(query):
    """A bank's questions as instructors see them: by category, then as added."""
    return query.order_by(Question.category, Question.position, Question.id)


def _unique_name(data: QuestionData, seen: set[tuple[str, str]]) -> str:
    """The question's name, numbered when the same file already used it in this category."""
    base = (data.name or data.text[:60] or data.type).strip()[:240] or data.type
    name, number = base, 1
    while (data.category, name) in seen:
        number += 1
        name = f"{base} ({number})"
    seen.add((data.category, name))
    return name
