"""Explicit regrading after a question is fixed: preview before/after, then apply."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from course.models import Attempt, AttemptItem, Question, QuestionVersion, Regrade, User
from course.questions import grading
from course.questions.types import Question as QuestionData
from course.quizzes.attempts import apply_grade, recompute_score
from course.quizzes.banks import current_version
from course.quizzes.translations import version_in_every_language


@dataclass
class RegradeRow:
    attempt: Attempt
    user: User
    item: AttemptItem
    from_version: int
    fraction_before: float | None
    fraction_after: float | None
    score_before: float | None
    score_after: float | None


def regrade_preview(session: Session, question: Question) -> list[RegradeRow]:
    """What regrading every submitted attempt on an older version would change."""
    latest = current_version(session, question)
    new_data = version_in_every_language(session, latest.id, QuestionData.from_dict(latest.data))
    rows = session.exec(
        select(AttemptItem, Attempt, User, QuestionVersion)
        .join(Attempt, AttemptItem.attempt_id == Attempt.id)
        .join(User, Attempt.user_id == User.id)
        .join(QuestionVersion, AttemptItem.version_id == QuestionVersion.id)
        .where(
            AttemptItem.question_id == question.id, AttemptItem.version_id != latest.id, Attempt.state == "submitted"
        )
        .order_by(Attempt.id)
    ).all()
    preview = []
    for item, attempt, user, version in rows:
        after = _new_fraction(item, new_data)
        delta = ((after or 0) - (item.fraction or 0)) * item.mark
        score_after = round((attempt.marks + delta) / attempt.max_marks, 7) if attempt.max_marks else attempt.score
        preview.append(
            RegradeRow(attempt, user, item, version.version, item.fraction, after, attempt.score, score_after)
        )
    return preview


def _new_fraction(item: AttemptItem, question: QuestionData) -> float | None:
    if question.type == "essay":
        return item.fraction  # a hand-given grade stays until the instructor changes it
    response = item.response["value"] if item.response else None
    return grading.grade(question, response).fraction


def apply_regrade(session: Session, question: Question, by_user: int) -> list[RegradeRow]:
    """Move older attempts to the current version, regrade them and keep a record of each change."""
    latest = current_version(session, question)
    new_data = version_in_every_language(session, latest.id, QuestionData.from_dict(latest.data))
    preview = regrade_preview(session, question)
    for row in preview:
        old_version_id = row.item.version_id
        row.item.version_id = latest.id
        if new_data.type != "essay":  # a hand-given grade stays until the instructor changes it
            apply_grade(row.item, grading.grade(new_data, row.item.response["value"] if row.item.response else None))
        session.flush()
        recompute_score(session, row.attempt)
        session.add(
            Regrade(
                attempt_id=row.attempt.id,
                question_id=question.id,
                from_version_id=old_version_id,
                to_version_id=latest.id,
                score_before=row.score_before,
                score_after=row.attempt.score,
                by_user=by_user,
            )
        )
    return preview
