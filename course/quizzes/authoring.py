"""Instructors' work on banks and questions: lists, imports, archiving. The caller commits."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import ColumnElement, String, cast, distinct, true
from sqlmodel import Session, func, select

from course.models import Attempt, AttemptItem, Module, Question, QuestionBank, QuestionVersion, Regrade, User
from course.questions.errors import Problem
from course.questions.files import read_question_file, write_question_file
from course.questions.types import Question as QuestionData
from course.quizzes.banks import ImportReport, bank_questions, current_version, export_bank, import_questions


@dataclass
class BankSummary:
    bank: QuestionBank
    module: Module | None
    question_count: int


def bank_summaries(session: Session, where: ColumnElement | None = None) -> list[BankSummary]:
    """Every bank (that `where` lets through: course/ownership.py) with its module and active question count."""
    counts = dict(
        session.exec(
            select(Question.bank_id, func.count(Question.id))
            .where(Question.archived == False)
            .group_by(Question.bank_id)
        ).all()
    )
    modules = {m.id: m for m in session.exec(select(Module))}
    banks = session.exec(select(QuestionBank).where(_narrowed(where)).order_by(QuestionBank.name)).all()
    return [BankSummary(bank, modules.get(bank.module_id), counts.get(bank.id, 0)) for bank in banks]


def bank_name_taken(session: Session, name: str) -> bool:
    return session.exec(select(QuestionBank.id).where(QuestionBank.name == name)).first() is not None


def _narrowed(where: ColumnElement | None) -> ColumnElement:
    return true() if where is None else where


def create_bank(
    session: Session, *, name: str, module_id: int | None = None, description: str = "", owner_id: int | None = None
) -> QuestionBank:
    """A new, empty bank owned by `owner_id` (None: admin-managed)."""
    bank = QuestionBank(name=name, module_id=module_id, description=description, owner_id=owner_id)
    session.add(bank)
    session.flush()
    return bank


def questions_by_category(session: Session, bank: QuestionBank) -> list[tuple[str, list[Question]]]:
    """The bank's questions, archived ones included, grouped by category in order."""
    questions = bank_questions(session, bank, include_archived=True)
    return [(category, list(rows)) for category, rows in groupby(questions, key=lambda q: q.category)]


def name_taken(session: Session, bank_id: int, category: str, name: str, except_id: int | None = None) -> bool:
    """Whether another question of the bank already has this name in this category."""
    query = select(Question.id).where(Question.bank_id == bank_id, Question.category == category, Question.name == name)
    if except_id is not None:
        query = query.where(Question.id != except_id)
    return session.exec(query).first() is not None


def current_data(session: Session, question: Question) -> QuestionData:
    """The question as trainees get it in new attempts."""
    return QuestionData.from_dict(current_version(session, question).data)


def set_archived(question: Question, archived: bool) -> None:
    """Archived questions stay in old attempts but are no longer drawn or exported."""
    question.archived = archived


def older_version_attempts(session: Session, question: Question) -> int:
    """How many submitted attempts were graded with an older version of the question."""
    latest = current_version(session, question)
    query = (
        select(func.count(distinct(AttemptItem.attempt_id)))
        .join(Attempt, AttemptItem.attempt_id == Attempt.id)
        .where(
            AttemptItem.question_id == question.id, AttemptItem.version_id != latest.id, Attempt.state == "submitted"
        )
    )
    return session.exec(query).one()


def import_text(
    session: Session,
    bank: QuestionBank,
    text: str,
    filename: str,
    *,
    file_format: str = "auto",
    limit: int,
    user_id: int | None = None,
) -> tuple[ImportReport, list[Problem]]:
    """Add every question of the text to the bank, or raise QuestionFileError (or TooManyQuestions) and add none;
    with the report, the questions the file had that this platform cannot hold (left out)."""
    parsed = read_question_file(text, filename, file_format)
    return import_questions(session, bank, parsed.questions, limit=limit, user_id=user_id), parsed.skipped


def export_file(session: Session, bank: QuestionBank, file_format: str) -> str:
    """The bank's active questions as a GIFT or Moodle XML file."""
    return write_question_file(export_bank(session, bank), file_format)


def bank_categories(session: Session, where: ColumnElement | None = None) -> list[tuple[QuestionBank, list[str]]]:
    """Every bank (that `where` lets through) with the categories of its active questions, for random draws."""
    rows = session.exec(
        select(QuestionBank, Question.category)
        .join(Question, Question.bank_id == QuestionBank.id)
        .where(Question.archived == False, _narrowed(where))
        .distinct()
        .order_by(QuestionBank.name, Question.category)
    ).all()
    return [(bank, [category for _, category in group]) for bank, group in groupby(rows, key=lambda r: r[0])]


@dataclass
class QuestionMatch:
    question: Question
    bank: QuestionBank
    data: dict  # the current version's data


@dataclass(frozen=True)
class QuestionSearch:
    """What the question picker looks for: every word (in the name, category or current text, any case), in one
    bank, one category (and its subcategories), one type; empty means any."""

    words: str = ""
    bank_id: int | None = None
    category: str = ""
    qtype: str = ""


def _searched(search: QuestionSearch, where: ColumnElement | None):
    query = (
        select(Question, QuestionBank, QuestionVersion.data)
        .join(QuestionBank, QuestionBank.id == Question.bank_id)
        .join(
            QuestionVersion,
            (QuestionVersion.question_id == Question.id) & (QuestionVersion.version == Question.current_version),
        )
        .where(Question.archived == False, _narrowed(where))
    )
    haystack = func.lower(Question.name + " " + Question.category + " " + cast(QuestionVersion.data, String))
    for word in search.words.lower().split()[:10]:
        query = query.where(haystack.contains(word, autoescape=True))
    if search.bank_id is not None:
        query = query.where(Question.bank_id == search.bank_id)
    if search.category:
        sub = search.category + "/"
        query = query.where((Question.category == search.category) | Question.category.startswith(sub, autoescape=True))
    if search.qtype:
        query = query.where(Question.qtype == search.qtype)
    return query


def count_questions(session: Session, search: QuestionSearch, where: ColumnElement | None = None) -> int:
    """How many active questions of the banks `where` lets through match the search."""
    return session.exec(select(func.count()).select_from(_searched(search, where).subquery())).one()


def find_questions(
    session: Session, search: QuestionSearch, where: ColumnElement | None = None, *, offset: int = 0, limit: int = 25
) -> list[QuestionMatch]:
    """One page of the matching questions, in bank order."""
    query = _searched(search, where).order_by(QuestionBank.name, Question.category, Question.position, Question.id)
    return [QuestionMatch(q, bank, data) for q, bank, data in session.exec(query.offset(offset).limit(limit)).all()]


@dataclass
class RegradeRecord:
    regrade: Regrade
    attempt: Attempt
    trainee: User
    from_version: int
    to_version: int


def regrade_history(session: Session, question: Question) -> list[RegradeRecord]:
    """The regrades already applied to attempts at this question, newest first."""
    versions = dict(
        session.exec(
            select(QuestionVersion.id, QuestionVersion.version).where(QuestionVersion.question_id == question.id)
        ).all()
    )
    rows = session.exec(
        select(Regrade, Attempt, User)
        .join(Attempt, Regrade.attempt_id == Attempt.id)
        .join(User, Attempt.user_id == User.id)
        .where(Regrade.question_id == question.id)
        .order_by(Regrade.at.desc(), Regrade.id.desc())
    ).all()
    return [
        RegradeRecord(
            regrade, attempt, user, versions.get(regrade.from_version_id, 0), versions.get(regrade.to_version_id, 0)
        )
        for regrade, attempt, user in rows
    ]
