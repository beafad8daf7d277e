"""Read what a package needs from the stored curriculum (catalogue rows and question versions). Reads only."""

from __future__ import annotations

from sqlmodel import Session, select

from course.content import catalogue
from course.content.sections import FACTS, READING, REFLECTION
from course.interop.model import (
    SITE_NAME,
    BankQuestion,
    CourseMaterial,
    Draw,
    GlossaryEntry,
    LessonPage,
    ModulePack,
    QuizPack,
)
from course.models import Module, Question, QuestionVersion, Quiz
from course.questions.types import Question as QuestionData
from course.quizzes.attempts import category_questions


class UnknownModule(LookupError):
    """No active module has this slug."""


def course_material(session: Session, *, module_slug: str | None = None, site_url: str = "") -> CourseMaterial:
    """The whole course (or the module `module_slug`) as a package's plain data."""
    modules = catalogue.active_modules(session)
    if module_slug is not None:
        modules = [m for m in modules if m.slug == module_slug]
        if not modules:
            raise UnknownModule(module_slug)
    lessons = catalogue.lessons_by_module(session)
    quizzes = {q.module_id: q for q in reversed(catalogue.module_quizzes(session)) if q.kind == "module"}
    packs = tuple(_module_pack(session, m, lessons.get(m.id, []), quizzes.get(m.id)) for m in modules)
    glossary = tuple(GlossaryEntry(t.slug, t.term, t.definition) for t in catalogue.glossary_terms(session))
    title = SITE_NAME if module_slug is None else f"{SITE_NAME}: {packs[0].title}"
    identifier = "cbec-academy" if module_slug is None else f"cbec-academy-{module_slug}"
    return CourseMaterial(title, packs, glossary, site_url.rstrip("/"), identifier=identifier)


def module_choices(session: Session) -> list[Module]:
    """The modules a package can be made of, in course order."""
    return catalogue.active_modules(session)


SECTION_HEADINGS = (("facts_html", FACTS), ("reading_html", READING), ("reflection_html", REFLECTION))


def _page_html(lesson) -> str:
    """A lesson as one page, as the sync stored it (sanitised): its free text, then the facts, our reading and the
    reflection, each under its heading (course/content/sections.py)."""
    parts = [lesson.body_html] if lesson.body_html else []
    parts += [f"<h2>{title}</h2>\n{getattr(lesson, name)}" for name, title in SECTION_HEADINGS if getattr(lesson, name)]
    return "\n".join(parts)


def _module_pack(session: Session, module: Module, lessons: list, quiz: Quiz | None) -> ModulePack:
    pages = tuple(
        LessonPage(lesson.slug, lesson.title, lesson.summary, lesson.minutes, tuple(lesson.cases), _page_html(lesson))
        for lesson in lessons
    )
    quiz_pack, bank_ids = _quiz_pack(session, quiz) if quiz is not None else (None, [])
    bank = tuple(_bank_questions(session, bank_ids))
    return ModulePack(
        module.slug,
        module.title,
        module.chapter,
        module.summary,
        module.overview_html,
        tuple(module.objectives or ()),
        pages,
        quiz_pack,
        bank,
    )


def _quiz_pack(session: Session, quiz: Quiz) -> tuple[QuizPack, list[int]]:
    """The quiz's fixed questions and draws, and the banks it takes questions from."""
    fixed, draws, bank_ids = [], [], []
    for slot in quiz.slots:
        mark = float(slot.get("mark", 1))
        if slot.get("kind") == "fixed":
            question = _questions(session, [slot["question_id"]])
            if question:
                fixed.append((question[0], mark))
                bank_ids.append(session.get(Question, slot["question_id"]).bank_id)
            continue
        pool = _questions(session, category_questions(session, slot["bank_id"], slot.get("category", "")))
        draws.append(Draw(min(int(slot.get("count", 1)), len(pool)), mark, tuple(pool)))
        bank_ids.append(slot["bank_id"])
    pack = QuizPack(
        quiz.slug,
        quiz.title,
        quiz.description,
        quiz.pass_mark,
        quiz.attempts_allowed,
        quiz.allow_practice,
        tuple(fixed),
        tuple(draws),
    )
    return pack, list(dict.fromkeys(bank_ids))


def _bank_questions(session: Session, bank_ids: list[int]) -> list[BankQuestion]:
    if not bank_ids:
        return []
    ids = session.exec(
        select(Question.id)
        .where(Question.bank_id.in_(bank_ids), Question.archived == False)
        .order_by(Question.bank_id, Question.position, Question.id)
    ).all()
    return _questions(session, list(ids))


def _questions(session: Session, ids: list[int]) -> list[BankQuestion]:
    """The active questions with these ids at their current versions, in the order given."""
    if not ids:
        return []
    rows = session.exec(
        select(Question, QuestionVersion)
        .join(QuestionVersion, QuestionVersion.question_id == Question.id)
        .where(
            Question.id.in_(ids),
            Question.archived == False,
            QuestionVersion.version == Question.current_version,
        )
    ).all()
    found = {q.id: BankQuestion(q.id, q.name, q.category, QuestionData.from_dict(v.data)) for q, v in rows}
    return [found[i] for i in ids if i in found]
