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
    short = [(item, question) for item, question in items if isinstance(question, ShortAnswer)]
    if not short:
        return items
    rows = session.exec(
        select(QuestionTranslation.version_id, QuestionTranslation.data).where(
            QuestionTranslation.version_id.in_({item.version_id for item, _ in short})
        )
    ).all()
    extra: dict[int, list] = {}
    for version_id, data in rows:
        extra.setdefault(version_id, []).append(QuestionData.from_dict(data))
    result = []
    for item, question in items:
        if isinstance(question, ShortAnswer) and item.version_id in extra:
            answers = list(question.answers)
            for translated in extra[item.version_id]:
                answers += [
                    replace(english, text=other.text)
                    for english, other in zip(question.answers, translated.answers, strict=False)
                ]
            question = replace(question, answers=answers)
        result.append((item, question))
    return result


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
