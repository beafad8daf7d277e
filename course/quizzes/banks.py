"""Question banks: import (all or nothing), versioned edits, export. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from course.models import Question, QuestionBank, QuestionVersion
from course.questions.types import Question as QuestionData


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return f"{len(self.created)} new, {len(self.revised)} revised, {self.unchanged} unchanged"


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


def question_data(version: QuestionVersion) -> QuestionData:
    return QuestionData.from_dict(version.data)


def add_question(
    session: Session, bank: QuestionBank, data: QuestionData, *, user_id: int | None = None, position: int | None = None
) -> Question:
    """Store a new question with its first version."""
    if position is None:
        position = len(session.exec(select(Question.id).where(Question.bank_id == bank.id)).all())
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


def import_questions(
    session: Session, bank: QuestionBank, questions: list[QuestionData], *, user_id: int | None = None
) -> ImportReport:
    """Add or revise questions matched by category and name; nothing is committed here."""
    report = ImportReport()
    existing = {(q.category, q.name): q for q in session.exec(select(Question).where(Question.bank_id == bank.id))}
    seen: set[tuple[str, str]] = set()
    for data in questions:
        data.category = data.category or bank.name
        data.name = _unique_name(data, seen)
        row = existing.get((data.category, data.name))
        if row is None:
            existing[(data.category, data.name)] = add_question(session, bank, data, user_id=user_id)
            report.created.append(data.name)
        elif revise_question(session, row, data, user_id=user_id):
            report.revised.append(data.name)
        else:
            report.unchanged += 1
    return report


def bank_questions(session: Session, bank: QuestionBank, include_archived: bool = False) -> list[Question]:
    query = select(Question).where(Question.bank_id == bank.id)
    if not include_archived:
        query = query.where(Question.archived == False)
    return list(session.exec(query.order_by(Question.category, Question.position, Question.id)))


def export_bank(session: Session, bank: QuestionBank) -> list[QuestionData]:
    """The current version of every active question in the bank, ready for write_gift."""
    return [question_data(current_version(session, q)) for q in bank_questions(session, bank)]


def _unique_name(data: QuestionData, seen: set[tuple[str, str]]) -> str:
    """The question's name, numbered when the same file already used it in this category."""
    base = (data.name or data.text[:60] or data.type).strip()[:240] or data.type
    name, number = base, 1
    while (data.category, name) in seen:
        number += 1
        name = f"{base} ({number})"
    seen.add((data.category, name))
    return name
