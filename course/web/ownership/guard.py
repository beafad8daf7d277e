"""The views' side of course/ownership.py: an object the current user may not reach answers 404.

404, not 403, so that ids in URLs do not tell an instructor which objects exist (docs/security.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort
from flask_login import current_user

from course import ownership
from course.db import get_session
from course.models import PracticeCase, Question, QuestionBank, User


def managed_or_404(obj):
    """The object, when the current user may change it."""
    if obj is None or not ownership.may_manage(get_session(), current_user, obj):
        abort(404)
    return obj


def readable_or_404(obj):
    """The object, when the current user may see it (shared banks included)."""
    if obj is None or not ownership.may_read(get_session(), current_user, obj):
        abort(404)
    return obj


def question_bank(question: Question | None, *, manage: bool) -> tuple[Question, QuestionBank]:
    """A question and its bank, when the current user may change (or, `manage=False`, see) the bank."""
    if question is None:
        abort(404)
    bank = ownership.bank_of(get_session(), question)
    (managed_or_404 if manage else readable_or_404)(bank)
    return question, bank


def practice_case_or_404(case_id: int, *, as_author: bool = False) -> PracticeCase:
    """A practice case the current user may see (or, `as_author`, that they wrote); 404 otherwise, so that
    nobody learns which unpublished cases exist."""
    case = get_session().get(PracticeCase, case_id)
    allowed = ownership.wrote if as_author else ownership.may_read_practice_case
    if case is None or not allowed(current_user, case):
        abort(404)
    return case


def trainee_or_404(trainee_id: int) -> None:
    """Refuse unless the current user teaches this trainee (a cohort they manage), or is an admin."""
    if not ownership.teaches(get_session(), current_user, trainee_id):
        abort(404)


def work_or_404(author_id: int | None) -> None:
    """Refuse unless the current user may read this author's shared work (the author, cohort peers, their
    instructors, admins)."""
    if author_id is None or not ownership.may_see_work(get_session(), current_user, author_id):
        abort(404)


@dataclass(frozen=True)
class Panel:
    """What an object page shows about who manages the object, and whether this user may change that."""

    kind: str
    obj: object
    owner: User | None
    co_instructors: list[User]
    may_share: bool
    may_manage: bool


def panel(obj) -> Panel:
    session = get_session()
    return Panel(
        ownership.kind_of(obj),
        obj,
        session.get(User, obj.owner_id) if obj.owner_id else None,
        ownership.co_instructors(session, obj),
        ownership.may_share(current_user, obj),
        ownership.may_manage(session, current_user, obj),
    )
