"""Queries for cohort reports: the path, the members, certificates, and answers grouped for item analysis."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import String, and_, case, cast, func
from sqlmodel import Session, select

from course.content import catalogue
from course.models import (
    Attempt,
    AttemptItem,
    Attendance,
    Certificate,
    Cohort,
    CohortMember,
    EventEnrolment,
    Feedback,
    LearningPath,
    QuestionVersion,
    Quiz,
    TourApplication,
    User,
)
from course.reports.cohort import LessonInfo, Member, ModuleInfo, QuizInfo
from course.reports.items import ItemSums, ResponseGroup, stored_response
from course.reports.participation import NONE, Participation, participation_of

QUIZ_KINDS = ("module", "pretest", "posttest")


def in_cohort(user_column, cohort_id: int):
    """Join condition: the row belongs to a member of the cohort."""
    return and_(CohortMember.user_id == user_column, CohortMember.cohort_id == cohort_id)


def cohort_modules(session: Session, cohort: Cohort) -> list[ModuleInfo]:
    """The modules of the cohort's path in path order (all active modules when it has no path)."""
    active = catalogue.active_modules(session)
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    if path is not None:
        by_slug = {m.slug: m for m in active}
        active = [by_slug[step["module"]] for step in path.steps if step["module"] in by_slug]
    lessons = catalogue.lessons_by_module(session)
    quizzes: dict[int, list[Quiz]] = defaultdict(list)
    ids = [m.id for m in active]
    for quiz in session.exec(
        select(Quiz).where(Quiz.module_id.in_(ids), Quiz.archived == False, Quiz.kind.in_(QUIZ_KINDS)).order_by(Quiz.id)
    ):
        quizzes[quiz.module_id].append(quiz)
    return [_module_info(m, lessons.get(m.id, []), quizzes[m.id]) for m in active]


def cohort_attendance(session: Session, cohort: Cohort) -> tuple[str, ...]:
    """The event series the cohort's path requires its learners to attend (none without a path)."""
    path = session.get(LearningPath, cohort.path_id) if cohort.path_id else None
    return tuple(need["series"] for need in path.attendance) if path is not None and not path.archived else ()


def _module_info(module, lessons, quizzes) -> ModuleInfo:
    infos = [QuizInfo(q.id, q.slug, q.title, q.kind, q.pass_mark, q.grading_method) for q in quizzes]
    first = {}
    for info in infos:
        first.setdefault(info.kind, info)
    return ModuleInfo(
        module.id,
        module.slug,
        module.title,
        tuple(LessonInfo(lesson.id, lesson.slug, lesson.title) for lesson in lessons),
        tuple(i for i in infos if i.kind == "module"),
        first.get("pretest"),
        first.get("posttest"),
    )


def cohort_members(
    session: Session, cohort_id: int, *, with_enrolment: bool = False, offset: int = 0, limit: int | None = None
) -> list[Member]:
    """Members' profiles by name, all or one page (with the enrolment time when asked: the export needs it)."""
    columns = [
        User.id,
        User.name,
        User.email,
        User.organisation,
        User.org_type,
        User.country,
        User.firm_size,
        User.sex,
    ] + ([CohortMember.enrolled_at] if with_enrolment else [])
    query = (
        select(*columns)
        .join(CohortMember, in_cohort(User.id, cohort_id))
        .order_by(func.lower(User.name), User.id)
        .offset(offset)
        .limit(limit)
    )
    return [Member(*row) for row in session.exec(query)]


def item_response_groups(session: Session, cohort_id: int, quiz_id: int) -> list[ResponseGroup]:
    """A quiz's attempt items grouped by question, version and response, with score sums for analysis.

    Only submitted, non-practice attempts of cohort members count.
    """
    x = AttemptItem.fraction
    rest = Attempt.marks - x * AttemptItem.mark  # NULL while the item is ungraded, like x: the sums skip both
    response = cast(AttemptItem.response, String)
    query = (
        select(
            AttemptItem.question_id,
            AttemptItem.version_id,
            response,
            func.count(),
            func.count(x),
            func.sum(x),
            func.sum(rest),
            func.sum(x * x),
            func.sum(rest * rest),
            func.sum(x * rest),
        )
        .join(Attempt, Attempt.id == AttemptItem.attempt_id)
        .join(CohortMember, in_cohort(Attempt.user_id, cohort_id))
        .where(Attempt.quiz_id == quiz_id, Attempt.state == "submitted", Attempt.practice == False)
        .group_by(AttemptItem.question_id, AttemptItem.version_id, response)
    )
    return [
        ResponseGroup(
            qid,
            vid,
            stored_response(text),
            attempts,
            graded,
            sx or 0.0,
            ItemSums(graded, sx or 0.0, sy or 0.0, sxx or 0.0, syy or 0.0, sxy or 0.0),
        )
        for qid, vid, text, attempts, graded, sx, sy, sxx, syy, sxy in session.exec(query)
    ]


def question_versions(session: Session, version_ids: set[int]) -> dict[int, dict]:
    """Question-version id -> the question's data (`Question.to_dict()`)."""
    if not version_ids:
        return {}
    query = select(QuestionVersion.id, QuestionVersion.data).where(QuestionVersion.id.in_(sorted(version_ids)))
    return dict(session.exec(query).all())


def certificate_codes(session: Session, path_id: int | None, user_ids: list[int]) -> dict[int, str]:
    """Member id -> code of their valid certificate for the cohort's path, for these members."""
    if path_id is None or not user_ids:
        return {}
    query = select(Certificate.user_id, Certificate.code).where(
        Certificate.user_id.in_(user_ids), Certificate.path_id == path_id, Certificate.revoked_at.is_(None)
    )
    return dict(session.exec(query).all())


def participation(session: Session, user_ids: list[int]) -> dict[int, Participation]:
    """Member id -> their participation, for these members (four grouped queries, whatever their number)."""
    if not user_ids:
        return {}
    counts: dict[int, dict] = {uid: {} for uid in user_ids}

    def add(query, *names):
        for uid, *values in session.exec(query).all():
            counts[uid].update(zip(names, values, strict=True))

    add(
        select(EventEnrolment.user_id, func.count())
        .where(EventEnrolment.user_id.in_(user_ids), EventEnrolment.status == "enrolled")
        .group_by(EventEnrolment.user_id),
        "events_enrolled",
    )
    add(
        select(Attendance.user_id, func.count())
        .where(Attendance.user_id.in_(user_ids), Attendance.present.is_(True))
        .group_by(Attendance.user_id),
        "sessions_attended",
    )
    add(
        select(TourApplication.user_id, func.count())
        .where(TourApplication.user_id.in_(user_ids), TourApplication.status == "accepted")
        .group_by(TourApplication.user_id),
        "tours_accepted",
    )
    add(
        select(
            Feedback.user_id,
            func.count(),
            func.avg(Feedback.relevance),
            func.avg(Feedback.usefulness),
            func.sum(case((Feedback.will_apply.is_(True), 1), else_=0)),
        )
        .where(Feedback.user_id.in_(user_ids))
        .group_by(Feedback.user_id),
        "feedback_answers",
        "relevance_mean",
        "usefulness_mean",
        "will_apply",
    )
    return {uid: participation_of(found) if found else NONE for uid, found in counts.items()}
