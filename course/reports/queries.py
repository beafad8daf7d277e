"""Aggregate queries for cohort reports: one row per member (lessons, quizzes) or per answer given."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Integer, String, and_, case, cast, func, literal, select
from sqlmodel import Session

from course import learning
from course.analytics.cohort import LessonInfo, Member, ModuleInfo, QuizInfo
from course.analytics.items import ItemSums, ResponseGroup, stored_response
from course.analytics.standing import LessonFacts, OpenLesson, PrePost, QuizFacts, module_quizzes
from course.models import (
    Attempt,
    AttemptItem,
    Certificate,
    Cohort,
    CohortMember,
    LearningPath,
    Lesson,
    LessonProgress,
    QuestionVersion,
    Quiz,
    User,
)

QUIZ_KINDS = ("module", "pretest", "posttest")
# Attempts that count toward a grade: submitted, fully graded, not practice.
_FINISHED = and_(Attempt.state == "submitted", Attempt.needs_grading == False, Attempt.practice == False)  # noqa: E712
_COUNTED = Attempt.practice == False  # noqa: E712


def _in_cohort(user_column, cohort_id: int):
    """Join condition: the row belongs to a member of the cohort."""
    return and_(CohortMember.user_id == user_column, CohortMember.cohort_id == cohort_id)


def cohort_modules(session: Session, cohort: Cohort) -> list[ModuleInfo]:
    """The modules of the cohort's path in path order (all active modules when it has no path)."""
    active = learning.active_modules(session)
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    if path is not None:
        by_slug = {m.slug: m for m in active}
        active = [by_slug[step["module"]] for step in path.steps if step["module"] in by_slug]
    lessons = learning.lessons_by_module(session)
    quizzes: dict[int, list[Quiz]] = defaultdict(list)
    ids = [m.id for m in active]
    for quiz in session.execute(select(Quiz).where(Quiz.module_id.in_(ids), Quiz.archived == False,  # noqa: E712
                                                   Quiz.kind.in_(QUIZ_KINDS)).order_by(Quiz.id)).scalars():
        quizzes[quiz.module_id].append(quiz)
    return [_module_info(m, lessons.get(m.id, []), quizzes[m.id]) for m in active]


def _module_info(module, lessons, quizzes) -> ModuleInfo:
    infos = [QuizInfo(q.id, q.slug, q.title, q.kind, q.pass_mark, q.grading_method) for q in quizzes]
    first = {}
    for info in infos:
        first.setdefault(info.kind, info)
    return ModuleInfo(module.id, module.slug, module.title,
                      tuple(LessonInfo(lesson.id, lesson.slug, lesson.title) for lesson in lessons),
                      tuple(i for i in infos if i.kind == "module"), first.get("pretest"), first.get("posttest"))


def cohort_members(session: Session, cohort_id: int, *, with_enrolment: bool = False) -> list[Member]:
    """Every member's profile, by name (with the enrolment time when asked: the export needs it)."""
    columns = [User.id, User.name, User.email, User.organisation, User.org_type, User.country, User.firm_size,
               User.sex] + ([CohortMember.enrolled_at] if with_enrolment else [])
    query = select(*columns).join(CohortMember, _in_cohort(User.id, cohort_id)).order_by(func.lower(User.name), User.id)
    return [Member(*row) for row in session.execute(query)]


def _path_lessons(cohort_id: int, modules: list[ModuleInfo]):
    """Join conditions for "a member's progress on an active lesson of the path's modules".

    Filtering on the lesson's module, not on a list of lesson ids, lets the database walk each
    member's rows once instead of probing an index once per lesson.
    """
    return (_in_cohort(LessonProgress.user_id, cohort_id),
            and_(Lesson.id == LessonProgress.lesson_id, Lesson.module_id.in_([m.id for m in modules]),
                 Lesson.archived == False))  # noqa: E712


def _for_users(query, user_column, user_ids: list[int] | None):
    return query if user_ids is None else query.where(user_column.in_(user_ids))


def lesson_facts(session: Session, cohort_id: int, modules: list[ModuleInfo],
                 user_ids: list[int] | None = None) -> list[LessonFacts]:
    """One row per member: lessons opened, latest opening, modules with every lesson done, done per module."""
    if not modules:
        return []
    member, lesson = _path_lessons(cohort_id, modules)
    done = [func.sum(case((and_(Lesson.module_id == m.id, LessonProgress.completed_at.is_not(None)), 1), else_=0))
            .label(f"done_{i}") for i, m in enumerate(modules)]
    # Grouping by the member row keeps the rows in the order the join walks them: no sort needed.
    counts = _for_users(select(CohortMember.user_id, func.count().label("opened"),
                               func.max(LessonProgress.last_opened_at).label("latest"), *done)
                        .select_from(LessonProgress).join(CohortMember, member).join(Lesson, lesson)
                        .group_by(CohortMember.user_id), CohortMember.user_id, user_ids).subquery()
    columns = [counts.c[f"done_{i}"] for i in range(len(modules))]
    all_done = sum((case((columns[i] >= len(m.lessons), 1 << i), else_=0) for i, m in enumerate(modules) if m.lessons),
                   literal(0))
    query = select(counts.c.user_id, counts.c.opened, counts.c.latest, all_done, *columns)
    return [LessonFacts(row[0], row[1], row[2], row[3], tuple(row[4:])) for row in session.execute(query)]


def open_lessons(session: Session, cohort_id: int, modules: list[ModuleInfo]) -> list[OpenLesson]:
    """Every path lesson a member opened and has not completed."""
    if not modules:
        return []
    member, lesson = _path_lessons(cohort_id, modules)
    query = (select(LessonProgress.user_id, LessonProgress.lesson_id, LessonProgress.last_opened_at)
             .join(CohortMember, member).join(Lesson, lesson).where(LessonProgress.completed_at.is_(None)))
    return [OpenLesson(*row) for row in session.execute(query)]


def quiz_facts(session: Session, cohort_id: int, modules: list[ModuleInfo], user_ids: list[int] | None = None,
               *, detail: bool = False) -> list[QuizFacts]:
    """One row per member: attempts at the path's quizzes and which end-of-module quizzes they passed
    (grade by grading method against the pass mark); with `detail`, best score and open attempts
    per end-of-module quiz too (the trainee table and the export need them, the summary does not)."""
    if not modules:
        return []
    quizzes = module_quizzes(modules)
    grades = [_grade(q).label(f"grade_{j}") for j, (_, q) in enumerate(quizzes)]
    best = [func.max(case((and_(Attempt.quiz_id == q.id, _FINISHED), Attempt.score))).label(f"best_{j}")
            for j, (_, q) in enumerate(quizzes)] if detail else []
    open_ = [func.sum(case((and_(Attempt.quiz_id == q.id, _COUNTED, Attempt.state == "in_progress"), 1), else_=0))
             .label(f"open_{j}") for j, (_, q) in enumerate(quizzes)] if detail else []
    folded = _for_users(select(CohortMember.user_id, func.count().label("attempts"), *grades, *best, *open_)
                        .select_from(Attempt).join(CohortMember, _in_cohort(Attempt.user_id, cohort_id))
                        .join(Quiz, _path_quiz(modules)).group_by(CohortMember.user_id),
                        CohortMember.user_id, user_ids).subquery()
    passed = sum((case((folded.c[f"grade_{j}"] * 100 >= q.pass_mark - 1e-9, 1 << j), else_=0)
                  for j, (_, q) in enumerate(quizzes)), literal(0))
    n = len(quizzes) if detail else 0
    query = select(folded.c.user_id, folded.c.attempts, passed, *(folded.c[f"best_{j}"] for j in range(n)),
                   *(folded.c[f"open_{j}"] for j in range(n)))
    return [QuizFacts(row[0], row[1], row[2], tuple(row[3:3 + n]), tuple(row[3 + n:])) for row in session.execute(query)]


def pre_post_grades(session: Session, cohort_id: int, modules: list[ModuleInfo]) -> list[PrePost]:
    """Per member and module: pre-test and post-test grade, for members who took both."""
    tested = [m for m in modules if m.pretest is not None and m.posttest is not None]
    if not tested:
        return []
    grades = [_grade(q) for m in tested for q in (m.pretest, m.posttest)]
    query = (select(CohortMember.user_id, *grades).select_from(Attempt)
             .join(CohortMember, _in_cohort(Attempt.user_id, cohort_id))
             .join(Quiz, and_(Quiz.id == Attempt.quiz_id, Quiz.module_id.in_([m.id for m in tested]),
                              Quiz.kind.in_(("pretest", "posttest"))))
             .group_by(CohortMember.user_id))
    return [PrePost(row[0], m.id, row[1 + 2 * i], row[2 + 2 * i]) for row in session.execute(query)
            for i, m in enumerate(tested) if row[1 + 2 * i] is not None and row[2 + 2 * i] is not None]


def _path_quiz(modules: list[ModuleInfo]):
    """Join condition: the attempt is at an end-of-module, pre- or post-test quiz of the path's modules.

    Filtering on the quiz's module, not on a list of quiz ids, keeps the database from probing
    the attempt index once per quiz and member.
    """
    return and_(Quiz.id == Attempt.quiz_id, Quiz.module_id.in_([m.id for m in modules]), Quiz.kind.in_(QUIZ_KINDS))


def _grade(quiz: QuizInfo):
    """A member's grade on this quiz by its grading method, as an aggregate over their attempts."""
    mine = and_(Attempt.quiz_id == quiz.id, _FINISHED)
    return _by_method(quiz.grading_method, mine)


def _by_method(method: str, counted):
    """An aggregate over the scores of the `counted` attempts, as `grading.combine_attempt_scores` combines them.

    First and last come from MIN/MAX over number × 10 + score: a score is at most 1, so the
    attempt number survives division by 10 (CAST truncates on SQLite and rounds on PostgreSQL,
    the same here) and the remainder is the score. No window functions are needed.
    """
    if method in ("first", "last"):
        ordered = case((counted, Attempt.number * 10 + Attempt.score))
        encoded = func.min(ordered) if method == "first" else func.max(ordered)
        return encoded - 10 * cast(encoded / 10, Integer)
    return (func.avg if method == "average" else func.max)(case((counted, Attempt.score)))


def item_response_groups(session: Session, cohort_id: int, quiz_id: int) -> list[ResponseGroup]:
    """A quiz's attempt items grouped by question, version and response, with score sums for analysis.

    Only submitted, non-practice attempts of cohort members count.
    """
    graded = and_(AttemptItem.fraction.is_not(None), Attempt.max_marks - AttemptItem.mark > 0)
    rest = case((graded, (Attempt.marks - AttemptItem.fraction * AttemptItem.mark)
                 / (Attempt.max_marks - AttemptItem.mark)))
    x = case((graded, AttemptItem.fraction))
    response = cast(AttemptItem.response, String)
    query = (select(AttemptItem.question_id, AttemptItem.version_id, response, func.count(),
                    func.count(AttemptItem.fraction), func.sum(AttemptItem.fraction), func.count(rest),
                    func.sum(x), func.sum(rest), func.sum(x * x), func.sum(rest * rest), func.sum(x * rest))
             .join(Attempt, Attempt.id == AttemptItem.attempt_id)
             .join(CohortMember, _in_cohort(Attempt.user_id, cohort_id))
             .where(Attempt.quiz_id == quiz_id, Attempt.state == "submitted", Attempt.practice == False)  # noqa: E712
             .group_by(AttemptItem.question_id, AttemptItem.version_id, response))
    return [ResponseGroup(qid, vid, stored_response(text), attempts, graded_n, sum_f or 0.0,
                          ItemSums(n, sx or 0.0, sy or 0.0, sxx or 0.0, syy or 0.0, sxy or 0.0))
            for qid, vid, text, attempts, graded_n, sum_f, n, sx, sy, sxx, syy, sxy in session.execute(query)]


def question_versions(session: Session, version_ids: set[int]) -> dict[int, dict]:
    """Question-version id -> the question's data (`Question.to_dict()`)."""
    if not version_ids:
        return {}
    query = select(QuestionVersion.id, QuestionVersion.data).where(QuestionVersion.id.in_(sorted(version_ids)))
    return dict(session.execute(query).all())


def certificate_codes(session: Session, cohort_id: int, path_id: int | None) -> dict[int, str]:
    """Member id -> code of their valid certificate for the cohort's path."""
    if path_id is None:
        return {}
    query = (select(Certificate.user_id, Certificate.code).join(CohortMember, _in_cohort(Certificate.user_id, cohort_id))
             .where(Certificate.path_id == path_id, Certificate.revoked_at.is_(None)))
    return dict(session.execute(query).all())


def cohorts_with_counts(session: Session) -> list[tuple[Cohort, LearningPath | None, int]]:
    """Every cohort not archived, newest first, with its path and number of members."""
    counts = dict(session.execute(select(CohortMember.cohort_id, func.count()).group_by(CohortMember.cohort_id)).all())
    query = (select(Cohort, LearningPath).outerjoin(LearningPath, Cohort.path_id == LearningPath.id)
             .where(Cohort.archived == False).order_by(Cohort.created_at.desc(), Cohort.id.desc()))  # noqa: E712
    return [(cohort, path, counts.get(cohort.id, 0)) for cohort, path in session.execute(query)]
