"""Instructors' quiz settings: quizzes, their slots, per-trainee extensions, sample draws. The caller commits."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, true
from sqlmodel import Session, select

from course.models import Module, Question, QuestionBank, Quiz, QuizExtension, User
from course.questions.types import Question as QuestionData
from course.quizzes.attempts import category_questions, choose_questions, extension_for, ordered_questions
from course.quizzes.banks import current_version
from course.quizzes.settings import EDITABLE


@dataclass
class QuizRow:
    quiz: Quiz
    module: Module | None


@dataclass
class SlotRow:
    index: int
    kind: str  # fixed | random
    description: str
    mark: float
    problem: str = ""  # e.g. the question was archived or the category has too few questions


@dataclass
class SampleQuestion:
    question_id: int
    data: QuestionData
    mark: float


def quiz_rows(session: Session, where: ColumnElement | None = None) -> list[QuizRow]:
    """Every quiz that is not archived (and that `where` lets through: course/ownership.py), with its module."""
    modules = {m.id: m for m in session.exec(select(Module))}
    query = select(Quiz).where(Quiz.archived == False, true() if where is None else where)
    quizzes = session.exec(query.order_by(Quiz.title)).all()
    return [QuizRow(quiz, modules.get(quiz.module_id)) for quiz in quizzes]


def module_choices(session: Session) -> list[tuple[int, str]]:
    """(id, title) of the active modules, in course order."""
    modules = session.exec(select(Module).where(Module.archived == False).order_by(Module.position)).all()
    return [(m.id, f"Module {m.chapter}: {m.title}") for m in modules]


def slug_taken(session: Session, slug: str, except_id: int | None = None) -> bool:
    query = select(Quiz.id).where(Quiz.slug == slug)
    if except_id is not None:
        query = query.where(Quiz.id != except_id)
    return session.exec(query).first() is not None


def save_quiz(session: Session, quiz: Quiz | None, settings: dict, *, owner_id: int | None = None) -> Quiz:
    """Create the quiz (quiz None, owned by `owner_id`) or change its settings; unknown keys are ignored."""
    quiz = quiz or Quiz(slug=settings["slug"], title=settings["title"], owner_id=owner_id)
    for key in EDITABLE:
        if key in settings:
            setattr(quiz, key, settings[key])
    session.add(quiz)
    session.flush()
    return quiz


def add_fixed_slot(quiz: Quiz, question_id: int, mark: float) -> None:
    """Put one chosen question at the end of the quiz."""
    quiz.slots = [*quiz.slots, {"kind": "fixed", "question_id": question_id, "mark": mark}]


def add_random_slot(quiz: Quiz, bank_id: int, category: str, count: int, mark: float) -> None:
    """Draw `count` questions from a bank's category (and its subcategories) in each attempt."""
    quiz.slots = [
        *quiz.slots,
        {"kind": "random", "bank_id": bank_id, "category": category, "count": count, "mark": mark},
    ]


def remove_slot(quiz: Quiz, index: int) -> bool:
    """Drop the slot at this position; False when there is none."""
    if not 0 <= index < len(quiz.slots):
        return False
    quiz.slots = [slot for i, slot in enumerate(quiz.slots) if i != index]
    return True


def drawable_count(session: Session, bank_id: int, category: str) -> int:
    """How many questions a random draw from this category can choose from."""
    return len(category_questions(session, bank_id, category))


def slot_rows(session: Session, quiz: Quiz) -> list[SlotRow]:
    """The quiz's slots described in words, with what is wrong with them."""
    rows = []
    for index, slot in enumerate(quiz.slots):
        mark = float(slot.get("mark", 1))
        if slot.get("kind") == "fixed":
            question = session.get(Question, slot["question_id"])
            bank = session.get(QuestionBank, question.bank_id) if question else None
            text = f"{bank.name} › {question.category} › {question.name}" if question else "(deleted question)"
            problem = "archived: left out of new attempts" if question and question.archived else ""
            rows.append(SlotRow(index, "fixed", text, mark, problem))
            continue
        bank = session.get(QuestionBank, slot["bank_id"])
        count, category = int(slot.get("count", 1)), slot.get("category", "")
        available = drawable_count(session, slot["bank_id"], category)
        text = f"{count} at random from {bank.name if bank else '(deleted bank)'} › {category or 'all categories'}"
        problem = f"only {available} questions to draw from" if available < count else ""
        rows.append(SlotRow(index, "random", text, mark, problem))
    return rows


def sample_draw(session: Session, quiz: Quiz, seed: int | None = None, authored: bool = False) -> list[SampleQuestion]:
    """The questions one attempt could get (every fixed question and one draw per random slot), in the order a
    trainee would see them, or in authored order."""
    sample, rng = [], random.Random(seed)
    chosen = choose_questions(session, quiz, set(), rng)
    for question_id, mark in ordered_questions(session, quiz, chosen, rng, quiz.shuffle_questions and not authored):
        question = session.get(Question, question_id)
        if question is not None and not question.archived:
            data = QuestionData.from_dict(current_version(session, question).data)
            sample.append(SampleQuestion(question_id, data, mark))
    return sample


def grant_extension(
    session: Session, quiz: Quiz, user: User, *, closes_at: datetime | None, extra_attempts: int, extra_minutes: int
) -> QuizExtension:
    """Give one trainee a later close date, more attempts or more time (replacing an earlier grant)."""
    extension = extension_for(session, quiz, user.id) or QuizExtension(quiz_id=quiz.id, user_id=user.id)
    extension.closes_at, extension.extra_attempts, extension.extra_minutes = closes_at, extra_attempts, extra_minutes
    session.add(extension)
    session.flush()
    return extension


def quiz_extensions(session: Session, quiz: Quiz) -> list[tuple[QuizExtension, User]]:
    """The quiz's extensions with their trainees, by email."""
    return list(
        session.exec(
            select(QuizExtension, User)
            .join(User, QuizExtension.user_id == User.id)
            .where(QuizExtension.quiz_id == quiz.id)
            .order_by(User.email)
        ).all()
    )
