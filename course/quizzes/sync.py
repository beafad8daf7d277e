"""Load quizzes/ (question banks and quizzes.yml) into the database; the caller commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from course.content.errors import ContentError, ContentProblem
from course.content.translation_sync import sync_question_translations
from course.content.translations import read_bank_translations
from course.models import Module, Question, Quiz
from course.questions.errors import Problem
from course.quizzes.banks import get_or_create_bank, import_questions
from course.quizzes.definitions import QuizDefinition, module_slug_for_bank, read_banks, read_quiz_definitions


@dataclass
class QuizSyncReport:
    """What a sync of quizzes/ did, in one line, and the questions the bank files left out."""

    summary: str
    skipped: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return self.summary


def sync_quizzes(session: Session, folder: str | Path, *, questions_per_import: int) -> QuizSyncReport:
    """Import every bank and define every quiz; raises ContentError and changes nothing on error.

    A bank file of more than `questions_per_import` questions is such an error, found before anything is written.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return QuizSyncReport("no quiz folder")
    banks = read_banks(folder, questions_per_import=questions_per_import)
    translations = read_bank_translations(folder, {name: parsed.questions for name, parsed in banks.items()})
    definitions = read_quiz_definitions(folder / "quizzes.yml")
    modules = {m.slug: m.id for m in session.exec(select(Module))}
    created = revised = unchanged = translated = 0
    bank_rows = {}
    for name, parsed in banks.items():
        bank = get_or_create_bank(session, name, modules.get(module_slug_for_bank(name)))
        report = import_questions(session, bank, parsed.questions, limit=questions_per_import)
        created, revised, unchanged = (
            created + len(report.created),
            revised + len(report.revised),
            unchanged + report.unchanged,
        )
        bank_rows[name] = bank
        translated += sync_question_translations(session, bank.id, translations.get(name, {}))
    problems: list[ContentProblem] = []
    for definition in definitions:
        _define_quiz(session, definition, bank_rows, modules, problems)
    if problems:
        raise ContentError(problems)
    skipped = [problem for parsed in banks.values() for problem in parsed.skipped]
    summary = (
        f"{len(banks)} banks ({created} new questions, {revised} revised, {unchanged} unchanged, "
        f"{translated} translated texts added, changed or removed), {len(definitions)} quizzes"
        + (f"; {len(skipped)} questions skipped" if skipped else "")
    )
    return QuizSyncReport(summary, skipped)


def _define_quiz(session, definition: QuizDefinition, banks, modules, problems) -> None:
    where = "quizzes/quizzes.yml"
    bank = banks.get(definition.bank)
    if bank is None:
        problems.append(ContentProblem(where, definition.line, f"unknown bank '{definition.bank}'"))
        return
    module_id = None
    if definition.module:
        module_id = modules.get(definition.module)
        if module_id is None:
            problems.append(ContentProblem(where, definition.line, f"unknown module '{definition.module}'"))
            return
    slots = []
    for slot in definition.slots:
        mark = float(slot.get("mark", 1))
        if "question" in slot:
            question = session.exec(
                select(Question).where(Question.bank_id == bank.id, Question.name == slot["question"])
            ).first()
            if question is None:
                problems.append(ContentProblem(where, slot["line"], f"no question named '{slot['question']}'"))
                continue
            slots.append({"kind": "fixed", "question_id": question.id, "mark": mark})
        else:
            slots.append(
                {
                    "kind": "random",
                    "bank_id": bank.id,
                    "category": slot.get("category", definition.bank),
                    "count": slot["random"],
                    "mark": mark,
                }
            )
    quiz = session.exec(select(Quiz).where(Quiz.slug == definition.slug)).first()
    if quiz is None:
        quiz = Quiz(slug=definition.slug, title=definition.title)
        session.add(quiz)
    quiz.title, quiz.description, quiz.module_id, quiz.kind = (
        definition.title,
        definition.description,
        module_id,
        definition.kind,
    )
    quiz.slots, quiz.from_file, quiz.archived = slots, True, False
    for key, value in definition.settings.items():
        setattr(quiz, key, value)
