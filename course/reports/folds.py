"""A cohort's learning record folded per member by the database, in plain GROUP BY queries.

Each function is one aggregate query over LessonProgress or Attempt for the members of a cohort:
a cohort of ten thousand costs a handful of queries, never one per trainee. Quiz grades use the
SQL twin of the grading methods from `course.quizzes.grades`; the completion rules are applied
to the folded rows in `course.reports.member_standing`.
"""

from __future__ import annotations

from sqlalchemy import and_, case, exists, func, literal
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from course.models import Attempt, CohortMember, Lesson, LessonProgress, Quiz, User
from course.quizzes.grades import COUNTED, grade_column, needs_ranks, ranked_attempts
from course.reports.cohort import GainRow, ModuleInfo
from course.reports.member_standing import LessonFacts, QuizFacts, module_quizzes


def in_cohort(user_column, cohort_id: int):
    """Join condition: the row belongs to a member of the cohort."""
    return and_(CohortMember.user_id == user_column, CohortMember.cohort_id == cohort_id)


def _members(cohort_id: int, user_ids: list[int] | None):
    """The cohort's member ids (or those of them given), as a subquery for IN."""
    query = select(CohortMember.user_id).where(CohortMember.cohort_id == cohort_id)
    return query if user_ids is None else query.where(CohortMember.user_id.in_(user_ids))


def _path_lesson(lesson, modules: list[ModuleInfo]):
    """The lesson is active and in one of the path's modules."""
    return and_(lesson.module_id.in_([m.id for m in modules]), lesson.archived == False)


def lesson_facts(
    session: Session, cohort_id: int, modules: list[ModuleInfo], user_ids: list[int] | None = None
) -> list[LessonFacts]:
    """One row per member who opened a path lesson: lessons opened, and lessons completed per module."""
    if not modules:
        return []
    completed = LessonProgress.completed_at.is_not(None)
    per_module = [func.count(case((and_(Lesson.module_id == m.id, completed), 1))) for m in modules]
    query = (
        select(LessonProgress.user_id, func.count(), *per_module)
        .join(Lesson, and_(Lesson.id == LessonProgress.lesson_id, _path_lesson(Lesson, modules)))
        .where(LessonProgress.user_id.in_(_members(cohort_id, user_ids)))
        .group_by(LessonProgress.user_id)
    )
    return [LessonFacts(row[0], row[1], tuple(row[2:])) for row in session.exec(query)]


def stop_points(session: Session, cohort_id: int, modules: list[ModuleInfo]) -> dict[int, int]:
    """Member id -> the path lesson they opened last, for members who have not completed it."""
    if not modules:
        return {}
    later, later_lesson = aliased(LessonProgress), aliased(Lesson)
    opened_later = (
        select(literal(1))
        .select_from(later)
        .join(later_lesson, and_(later_lesson.id == later.lesson_id, _path_lesson(later_lesson, modules)))
        .where(later.user_id == LessonProgress.user_id, later.last_opened_at > LessonProgress.last_opened_at)
    )
    query = (
        select(LessonProgress.user_id, LessonProgress.lesson_id)
        .join(CohortMember, in_cohort(LessonProgress.user_id, cohort_id))
        .join(Lesson, and_(Lesson.id == LessonProgress.lesson_id, _path_lesson(Lesson, modules)))
        .where(LessonProgress.completed_at.is_(None), ~exists(opened_later))
    )
    return dict(session.exec(query).all())


def _path_quiz_ids(modules: list[ModuleInfo], kinds: tuple[str, ...] = ("module", "pretest", "posttest")):
    """Ids of the quizzes of these kinds in the path's modules, as a subquery for IN."""
    return select(Quiz.id).where(Quiz.module_id.in_([m.id for m in modules]), Quiz.kind.in_(kinds))


def quiz_facts(
    session: Session,
    cohort_id: int,
    modules: list[ModuleInfo],
    user_ids: list[int] | None = None,
    *,
    detail: bool = False,
) -> list[QuizFacts]:
    """One row per member who attempted a path quiz: attempts, and the grade on each end-of-module quiz
    by its grading method; with `detail`, the best score and the open attempts on each (the trainee
    table and the export need them)."""
    if not modules:
        return []
    quizzes = [quiz for _, quiz in module_quizzes(modules)]
    ranked = ranked_attempts(
        Attempt.user_id.in_(_members(cohort_id, user_ids)),
        Attempt.quiz_id.in_(_path_quiz_ids(modules)),
        ranks=needs_ranks(q.grading_method for q in quizzes),
    )
    columns = [grade_column(ranked, q.id, q.grading_method) for q in quizzes]
    if detail:
        columns += [
            func.max(case((and_(ranked.c.quiz_id == q.id, ranked.c.finished == 1), ranked.c.score))) for q in quizzes
        ]
        open_attempt = and_(ranked.c.practice == False, ranked.c.state == "in_progress")
        columns += [func.count(case((and_(ranked.c.quiz_id == q.id, open_attempt), 1))) for q in quizzes]
    query = select(ranked.c.user_id, func.count(), *columns).group_by(ranked.c.user_id)
    n = len(quizzes)
    return [
        QuizFacts(row[0], row[1], tuple(row[2 : 2 + n]), tuple(row[2 + n : 2 + 2 * n]), tuple(row[2 + 2 * n :]))
        for row in session.exec(query)
    ]


def knowledge_gains(
    session: Session, cohort_id: int, modules: list[ModuleInfo], by: str | None = None
) -> list[GainRow]:
    """Per module (and per value of the profile attribute `by`): how many members took both its
    pre-test and post-test, and the sums of their two grades (each test's grading method)."""
    tested = [m for m in modules if m.pretest is not None and m.posttest is not None]
    if not tested:
        return []
    ranked = ranked_attempts(
        Attempt.user_id.in_(_members(cohort_id, None)),
        Attempt.quiz_id.in_(_path_quiz_ids(tested, ("pretest", "posttest"))),
        COUNTED,
        ranks=needs_ranks(q.grading_method for m in tested for q in (m.pretest, m.posttest)),
    )
    grades = [
        grade_column(ranked, q.id, q.grading_method).label(f"g{k}")
        for k, q in enumerate(q for m in tested for q in (m.pretest, m.posttest))
    ]
    per_member = select(ranked.c.user_id, *grades).group_by(ranked.c.user_id).subquery()
    sums = []
    for i in range(len(tested)):
        pre, post = per_member.c[f"g{2 * i}"], per_member.c[f"g{2 * i + 1}"]
        both = and_(pre.is_not(None), post.is_not(None))
        sums += [func.count(case((both, 1))), func.sum(case((both, pre))), func.sum(case((both, post)))]
    if by is None:
        query = select(literal(""), *sums).select_from(per_member)
    else:
        group = getattr(User, by)
        query = select(group, *sums).join(User, User.id == per_member.c.user_id).group_by(group)
    return [
        GainRow(row[0] or "", m.id, row[1 + 3 * i] or 0, row[2 + 3 * i] or 0.0, row[3 + 3 * i] or 0.0)
        for row in session.exec(query)
        for i, m in enumerate(tested)
    ]
