"""Questions in the reader's language: the texts `course sync` loaded from translated banks (`05-logistics.fr.gift`).

A translated question is the same question (same id, version, options and marks) with other texts, so attempts,
grades and item analysis stay one per question whatever the language it was read in.
"""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session, select

from course.models import AttemptItem, QuestionTranslation
from course.questions.types import Question as QuestionData
from course.questions.types import ShortAnswer

Items = list[tuple[AttemptItem, QuestionData]]


def in_language(session: Session, items: Items, language: str) -> Items:
    """The attempt's questions with their texts in `language` where the version was translated (one query;
    none for English)."""
    texts = _texts(session, items, language)
    return [(item, texts.get(item.version_id, question)) for item, question in items]


def answers_in_every_language(session: Session, items: Items) -> Items:
    """For grading: each short-answer question also accepts its translations' answers, with the English answer's
    marks and feedback (a trainee answers in the language they read)."""
    short = {item.version_id for item, question in items if isinstance(question, ShortAnswer)}
    translated = _every_translation(session, short)
    return [(item, _with_answers(question, translated.get(item.version_id, []))) for item, question in items]


def version_in_every_language(session: Session, version_id: int, question: QuestionData) -> QuestionData:
    """One question version as grading reads it (a regrade): short answers accepted in every loaded language."""
    if not isinstance(question, ShortAnswer):
        return question
    return _with_answers(question, _every_translation(session, {version_id}).get(version_id, []))


def _every_translation(session: Session, version_ids: set[int]) -> dict[int, list[QuestionData]]:
    if not version_ids:
        return {}
    found: dict[int, list[QuestionData]] = {}
    query = select(QuestionTranslation.version_id, QuestionTranslation.data)
    for version_id, data in session.exec(query.where(QuestionTranslation.version_id.in_(version_ids))):
        found.setdefault(version_id, []).append(QuestionData.from_dict(data))
    return found


def _with_answers(question: QuestionData, translations: list[QuestionData]) -> QuestionData:
    if not isinstance(question, ShortAnswer) or not translations:
        return question
    answers = list(question.answers)
    for translated in translations:
        answers += [
            replace(english, text=other.text)
            for english, other in zip(question.answers, translated.answers, strict=False)
        ]
    return replace(question, answers=answers)


def _texts(session: Session, items: Items, language: str) -> dict[int, QuestionData]:
    if language == "en" or not items:
        return {}
    rows = session.exec(
        select(QuestionTranslation.version_id, QuestionTranslation.data).where(
            QuestionTranslation.version_id.in_({item.version_id for item, _ in items}),
            QuestionTranslation.language == language,
        )
    ).all()
    return {version_id: QuestionData.from_dict(data) for version_id, data in rows}
