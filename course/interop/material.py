"""Read what a package needs from the stored curriculum (catalogue rows and question versions). Reads only."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session, col, select

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
from course.languages import LANGUAGES, SOURCE, Language
from course.models import ContentTranslation, Module, Question, QuestionTranslation, QuestionVersion, Quiz
from course.questions.types import Question as QuestionData
from course.quizzes.attempts import category_questions


class UnknownModule(LookupError):
    """No active module has this slug."""


def course_material(
    session: Session, *, module_slug: str | None = None, site_url: str = "", translations: bool = True
) -> CourseMaterial:
    """The whole course (or the module `module_slug`) as a package's plain data, in English; with `translations`,
    also in every other language the content has been translated into (`CourseMaterial.translations`)."""
    english = _material(session, module_slug, site_url, SOURCE)
    if not translations:
        return english
    others = tuple(_material(session, module_slug, site_url, language) for language in content_languages(session))
    return replace(english, translations=others)


def content_languages(session: Session) -> list[Language]:
    """The languages (other than English) that `course sync` loaded translated content in, in the site's order."""
    codes = set(session.exec(select(ContentTranslation.language).distinct()))
    return [language for language in LANGUAGES if language is not SOURCE and language.content in codes]


def _material(session: Session, module_slug: str | None, site_url: str, language: Language) -> CourseMaterial:
    texts = _Texts(session, language.content)
    modules = catalogue.active_modules(session)
    if module_slug is not None:
        modules = [m for m in modules if m.slug == module_slug]
        if not modules:
            raise UnknownModule(module_slug)
    lessons = catalogue.lessons_by_module(session)
    quizzes = {q.module_id: q for q in reversed(catalogue.module_quizzes(session)) if q.kind == "module"}
    packs = tuple(_module_pack(session, texts, m, lessons.get(m.id, []), quizzes.get(m.id)) for m in modules)
    glossary = tuple(
        GlossaryEntry(
            t.slug, texts.of("term", t.slug, "term", t.term), texts.of("term", t.slug, "definition", t.definition)
        )
        for t in catalogue.glossary_terms(session)
    )
    title = SITE_NAME if module_slug is None else f"{SITE_NAME}: {packs[0].title}"
    identifier = "cbec-academy" if module_slug is None else f"cbec-academy-{module_slug}"
    return CourseMaterial(
        title,
        packs,
        glossary,
        site_url.rstrip("/"),
        language=language.tag,
        identifier=identifier,
        content=language.content,
        locale=language.locale,
        direction=language.direction,
        language_name=language.name,
    )


class _Texts:
    """The translated texts of one language (from the catalogue snapshot), the English where there are none."""

    def __init__(self, session: Session, language: str) -> None:
        self.session, self.language = session, language

    def of(self, kind: str, slug: str, field: str, english):
        if self.language == SOURCE.content:
            return english
        fields = catalogue.translation(self.session, kind, slug, self.language) or {}
        value = fields.get(field)
        return value if value else english

    def questions(self, version_ids: list[int]) -> dict[int, dict]:
        """Translated question data by version id (none for English)."""
        if self.language == SOURCE.content or not version_ids:
            return {}
        rows = self.session.exec(
            select(QuestionTranslation.version_id, QuestionTranslation.data).where(
                col(QuestionTranslation.version_id).in_(version_ids), QuestionTranslation.language == self.language
            )
        )
        return dict(rows.all())


def module_choices(session: Session) -> list[Module]:
    """The modules a package can be made of, in course order."""
    return catalogue.active_modules(session)


SECTION_HEADINGS = (("facts_html", FACTS), ("reading_html", READING), ("reflection_html", REFLECTION))


def _sections(lesson, texts: _Texts) -> tuple[tuple[str, str], ...]:
    """A lesson's parts as the sync stored them (sanitised), in the language of `texts`: its free text, then the
    facts, our reading and the reflection (course/content/sections.py)."""
    names = ("body_html", *(name for name, _ in SECTION_HEADINGS))
    found = ((name, texts.of("lesson", lesson.slug, name, getattr(lesson, name))) for name in names)
    return tuple((name, html) for name, html in found if html)


def _page_html(sections: tuple[tuple[str, str], ...]) -> str:
    """A lesson as one page: its free text, then each part under its (English) heading."""
    headings = dict(SECTION_HEADINGS)
    return "\n".join(html if name == "body_html" else f"<h2>{headings[name]}</h2>\n{html}" for name, html in sections)


def _module_pack(session: Session, texts: _Texts, module: Module, lessons: list, quiz: Quiz | None) -> ModulePack:
    pages = []
    for lesson in lessons:
        sections = _sections(lesson, texts)
        pages.append(
            LessonPage(
                lesson.slug,
                texts.of("lesson", lesson.slug, "title", lesson.title),
                texts.of("lesson", lesson.slug, "summary", lesson.summary),
                lesson.minutes,
                tuple(lesson.cases),
                _page_html(sections),
                sections,
            )
        )
    quiz_pack, bank_ids = _quiz_pack(session, texts, quiz) if quiz is not None else (None, [])
    bank = tuple(_bank_questions(session, texts, bank_ids))
    return ModulePack(
        module.slug,
        texts.of("module", module.slug, "title", module.title),
        module.chapter,
        texts.of("module", module.slug, "summary", module.summary),
        texts.of("module", module.slug, "overview_html", module.overview_html),
        tuple(texts.of("module", module.slug, "objectives", module.objectives) or ()),
        tuple(pages),
        quiz_pack,
        bank,
    )


def _quiz_pack(session: Session, texts: _Texts, quiz: Quiz) -> tuple[QuizPack, list[int]]:
    """The quiz's fixed questions and draws, and the banks it takes questions from."""
    fixed, draws, bank_ids = [], [], []
    for slot in quiz.slots:
        mark = float(slot.get("mark", 1))
        if slot.get("kind") == "fixed":
            question = _questions(session, texts, [slot["question_id"]])
            if question:
                fixed.append((question[0], mark))
                bank_ids.append(session.get(Question, slot["question_id"]).bank_id)
            continue
        pool = _questions(session, texts, category_questions(session, slot["bank_id"], slot.get("category", "")))
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


def _bank_questions(session: Session, texts: _Texts, bank_ids: list[int]) -> list[BankQuestion]:
    if not bank_ids:
        return []
    ids = session.exec(
        select(Question.id)
        .where(Question.bank_id.in_(bank_ids), Question.archived == False)
        .order_by(Question.bank_id, Question.position, Question.id)
    ).all()
    return _questions(session, texts, list(ids))


def _questions(session: Session, texts: _Texts, ids: list[int]) -> list[BankQuestion]:
    """The active questions with these ids at their current versions (their texts in the language of `texts` where
    the version was translated: same options and marks), in the order given."""
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
    translated = texts.questions([v.id for _, v in rows])
    found = {
        q.id: BankQuestion(q.id, q.name, q.category, QuestionData.from_dict(translated.get(v.id, v.data)))
        for q, v in rows
    }
    return [found[i] for i in ids if i in found]
