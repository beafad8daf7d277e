"""A cohort's learning record folded to one row per member by the database.

Each function is one aggregate query over LessonProgress or Attempt joined to CohortMember,
grouped by member: a cohort of ten thousand is a handful of queries, never one per trainee, and
Python never loops over member-by-module rows. The rules are applied to the folded rows in
`course.analytics.standing`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from sqlalchemy import BigInteger, Integer, and_, case, cast, exists, func, literal, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from course.analytics.cohort import GainRow, ModuleInfo, QuizInfo
from course.analytics.standing import LessonFacts, QuizFacts, module_quizzes
from course.models import Attempt, CohortMember, Lesson, LessonProgress, Quiz, User

# Attempts that count toward a grade: submitted, fully graded, not practice.
FINISHED = and_(Attempt.state == "submitted", Attempt.needs_grading == False, Attempt.practice == False)  # noqa: E712
COUNTED = Attempt.practice == False  # noqa: E712
BITS = 62  # of a 64-bit signed integer, the widest integer both databases sum


def in_cohort(user_column, cohort_id: int):
    """Join condition: the row belongs to a member of the cohort."""
    return and_(CohortMember.user_id == user_column, CohortMember.cohort_id == cohort_id)


def _path_lesson(lesson, modules: list[ModuleInfo]):
    """The lesson is active and in one of the path's modules.

    Filtering on the lesson's module, not on a list of lesson ids, lets the database walk each
    member's rows once instead of probing an index once per lesson and member.
    """
    return and_(lesson.module_id.in_([m.id for m in modules]), lesson.archived == False)  # noqa: E712


def _for_users(query, user_ids: list[int] | None):
    return query if user_ids is None else query.where(CohortMember.user_id.in_(user_ids))


def lesson_facts(session: Session, cohort_id: int, modules: list[ModuleInfo],
                 user_ids: list[int] | None = None) -> list[LessonFacts]:
    """One row per member who opened a path lesson: lessons opened, and lessons completed per module.

    The per-module counts are packed into a few integers (each module's count in its own bits,
    summed in one pass) because one SUM is much cheaper than one per module.
    """
    if not modules:
        return []
    width = max(len(m.lessons) for m in modules).bit_length() or 1
    per_column = BITS // width
    completed = LessonProgress.completed_at.is_not(None)
    packed = [cast(func.sum(case((completed, case({m.id: 1 << (width * k) for k, m in enumerate(chunk)},
                                                  value=Lesson.module_id, else_=0)), else_=0)), BigInteger)
              for chunk in (modules[i:i + per_column] for i in range(0, len(modules), per_column))]
    # Grouping by the member row keeps rows in the order the join walks them: no sort needed.
    query = (select(CohortMember.user_id, func.count(), *packed).select_from(LessonProgress)
             .join(CohortMember, in_cohort(LessonProgress.user_id, cohort_id))
             .join(Lesson, and_(Lesson.id == LessonProgress.lesson_id, _path_lesson(Lesson, modules)))
             .group_by(CohortMember.user_id))
    mask, size = (1 << width) - 1, len(modules)

    @cache  # members share progress patterns: unpack each once
    def unpack(columns: tuple) -> tuple[int, ...]:
        return tuple(((columns[i // per_column] or 0) >> (width * (i % per_column))) & mask for i in range(size))

    return [LessonFacts(row[0], row[1], unpack(tuple(row[2:]))) for row in session.execute(_for_users(query, user_ids))]


def stop_points(session: Session, cohort_id: int, modules: list[ModuleInfo]) -> dict[int, int]:
    """Member id -> the path lesson they opened last, for members who have not completed it."""
    if not modules:
        return {}
    later, later_lesson = aliased(LessonProgress), aliased(Lesson)
    opened_later = (select(literal(1)).select_from(later)
                    .join(later_lesson, and_(later_lesson.id == later.lesson_id, _path_lesson(later_lesson, modules)))
                    .where(later.user_id == LessonProgress.user_id, later.last_opened_at > LessonProgress.last_opened_at))
    query = (select(LessonProgress.user_id, LessonProgress.lesson_id)
             .join(CohortMember, in_cohort(LessonProgress.user_id, cohort_id))
             .join(Lesson, and_(Lesson.id == LessonProgress.lesson_id, _path_lesson(Lesson, modules)))
             .where(LessonProgress.completed_at.is_(None), ~exists(opened_later)))
    return dict(session.execute(query).all())


def _path_quiz(modules: list[ModuleInfo], kinds: tuple[str, ...] = ("module", "pretest", "posttest")):
    """Join condition: the attempt is at a quiz of these kinds in the path's modules (by module, as above)."""
    return and_(Quiz.id == Attempt.quiz_id, Quiz.module_id.in_([m.id for m in modules]), Quiz.kind.in_(kinds))


def quiz_facts(session: Session, cohort_id: int, modules: list[ModuleInfo], user_ids: list[int] | None = None,
               *, detail: bool = False) -> list[QuizFacts]:
    """One row per member who attempted a path quiz: attempts, and which end-of-module quizzes they
    passed (grade by grading method against the pass mark); with `detail`, best score and open
    attempts per end-of-module quiz too (the trainee table and the export need them)."""
    if not modules:
        return []
    quizzes = module_quizzes(modules)
    grades = [_grade(q) for _, q in quizzes]
    columns = [aggregate.label(f"grade_{j}") for j, (aggregate, _) in enumerate(grades)]
    if detail:
        columns += [func.max(case((and_(Attempt.quiz_id == q.id, FINISHED), Attempt.score))) for _, q in quizzes]
        columns += [func.sum(case((and_(Attempt.quiz_id == q.id, COUNTED, Attempt.state == "in_progress"), 1),
                                  else_=0)) for _, q in quizzes]
    folded = _for_users(select(CohortMember.user_id, func.count().label("attempts"), *columns).select_from(Attempt)
                        .join(CohortMember, in_cohort(Attempt.user_id, cohort_id)).join(Quiz, _path_quiz(modules))
                        .group_by(CohortMember.user_id), user_ids).subquery()
    passed = sum((case((finish(folded.c[f"grade_{j}"]) * 100 >= q.pass_mark - 1e-9, 1 << j), else_=0)
                  for j, ((_, finish), (_, q)) in enumerate(zip(grades, quizzes, strict=True))), literal(0))
    detail_columns = list(folded.c)[2 + len(quizzes):]
    n = len(quizzes) if detail else 0
    return [QuizFacts(row[0], row[1], row[2], tuple(row[3:3 + n]), tuple(row[3 + n:]))
            for row in session.execute(select(folded.c.user_id, folded.c.attempts, passed, *detail_columns))]


def knowledge_gains(session: Session, cohort_id: int, modules: list[ModuleInfo], by: str | None = None
                    ) -> list[GainRow]:
    """Per module (and per value of the profile attribute `by`): how many members took both its
    pre-test and post-test, and the sums of their two grades (each test's grading method)."""
    tested = [m for m in modules if m.pretest is not None and m.posttest is not None]
    if not tested:
        return []
    grades = [_grade(q) for m in tested for q in (m.pretest, m.posttest)]
    per_member = (select(CohortMember.user_id, *(aggregate.label(f"g{k}") for k, (aggregate, _) in enumerate(grades)))
                  .select_from(Attempt).join(CohortMember, in_cohort(Attempt.user_id, cohort_id))
                  .join(Quiz, _path_quiz(tested, ("pretest", "posttest"))).group_by(CohortMember.user_id).subquery())
    sums = []
    for i in range(len(tested)):
        pre, post = grades[2 * i][1](per_member.c[f"g{2 * i}"]), grades[2 * i + 1][1](per_member.c[f"g{2 * i + 1}"])
        both = and_(pre.is_not(None), post.is_not(None))
        sums += [func.count(case((both, 1))), func.sum(case((both, pre))), func.sum(case((both, post)))]
    if by is None:
        query = select(literal(""), *sums).select_from(per_member)
    else:
        group = getattr(User, by)
        query = select(group, *sums).join(User, User.id == per_member.c.user_id).group_by(group)
    return [GainRow(row[0] or "", m.id, row[1 + 3 * i] or 0, row[2 + 3 * i] or 0.0, row[3 + 3 * i] or 0.0)
            for row in session.execute(query) for i, m in enumerate(tested)]


def _grade(quiz: QuizInfo) -> tuple[object, Callable]:
    """(aggregate over a member's attempts, how to turn it into the grade), by the quiz's grading method.

    As `grading.combine_attempt_scores`: highest, average, first or last finished score. First and
    last are MIN/MAX over number × 10 + score: a score is at most 1, so the attempt number
    survives division by 10 (CAST truncates on SQLite and rounds on PostgreSQL, the same here)
    and the remainder is the score. The aggregate is computed once, in an inner query; the
    outer query finishes it, so no window function and no duplicated aggregate are needed.
    """
    mine = and_(Attempt.quiz_id == quiz.id, FINISHED)
    if quiz.grading_method in ("first", "last"):
        ordered = case((mine, Attempt.number * 10 + Attempt.score))
        return (func.min if quiz.grading_method == "first" else func.max)(ordered), _score_part
    return (func.avg if quiz.grading_method == "average" else func.max)(case((mine, Attempt.score))), _same


def _score_part(encoded):
    return encoded - 10 * cast(encoded / 10, Integer)


def _same(column):
    return column
