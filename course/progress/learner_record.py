"""A trainee's own record: progress document and xAPI statements, from a few queries."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func
from sqlmodel import Session, select

from course.models import (
    ActivityEvent,
    Attempt,
    Cohort,
    CohortMember,
    Event,
    EventSession,
    Lesson,
    Module,
    Quiz,
    QuizExtension,
    User,
)
from course.progress import document as doc
from course.progress import xapi
from course.progress.standing import learner_state
from course.quizzes.attempts import availability, extensions_of
from course.quizzes.standing import QuizStanding

# (kind, key) -> absolute URL; kind is "lesson" (key: slug), "quiz" (key: id), "module" (key: slug),
# "event" (key: event id) or "session" (key: (event id, session id))
UrlFor = Callable[[str, object], str]


def my_progress(session: Session, user_id: int) -> dict:
    """Modules with lessons and quiz standing, and the paths followed with percent and due date."""
    state = learner_state(session, user_id)
    extensions = extensions_of(session, user_id)
    modules = [
        doc.ModuleReport(
            slug,
            p.module.title,
            p.status.lessons_done,
            p.status.lessons_total,
            p.status.percent,
            p.status.complete,
            state.is_locked(slug),
            [_quiz_report(session, user_id, s, extensions) for s in p.quizzes],
        )
        for slug, p in state.modules.items()
    ]
    cohort_due = dict(
        session.exec(
            select(Cohort.path_id, func.min(Cohort.due_date))
            .join(CohortMember, CohortMember.cohort_id == Cohort.id)
            .where(CohortMember.user_id == user_id, Cohort.path_id.is_not(None))
            .group_by(Cohort.path_id)
        ).all()
    )
    paths = [
        doc.PathReport(
            p.path.slug,
            p.path.title,
            p.percent,
            p.complete,
            p.next.module if p.next else None,
            doc.due_date(p.enrolment.due_date if p.enrolment else None, cohort_due.get(p.path.id)),
        )
        for p in state.paths
    ]
    return doc.progress_document(modules, paths)


def _quiz_report(
    session: Session, user_id: int, standing: QuizStanding, extensions: dict[int, QuizExtension]
) -> doc.QuizReport:
    quiz = standing.quiz
    window = availability(session, quiz, user_id, attempts_used=len(standing.attempts), extensions=extensions)
    return doc.QuizReport(
        quiz.id,
        quiz.slug,
        quiz.title,
        doc.percent(standing.best),
        standing.passed,
        len(standing.attempts),
        window.attempts_left,
        standing.in_progress,
    )


def my_statements(session: Session, user: User, url_for: UrlFor) -> list[dict]:
    """The trainee's learning record as xAPI statements, oldest first."""
    events = [
        xapi.Event(e.id, e.verb, e.object_type, e.object_id, e.label, e.score, e.at, e.user_id)
        for e in session.exec(select(ActivityEvent).where(ActivityEvent.user_id == user.id))
    ]
    attempts = [
        xapi.AttemptRecord(*row)
        for row in session.exec(
            select(
                Attempt.quiz_id, Attempt.submitted_at, Attempt.score, Attempt.marks, Attempt.max_marks, Attempt.practice
            ).where(Attempt.user_id == user.id, Attempt.state == "submitted")
        )
    ]
    return xapi.statements(xapi.Actor(user.name, user.email), events, attempts, _activities(session, events, url_for))


def statements_of_events(session: Session, rows: list[ActivityEvent], url_for: UrlFor) -> list[dict]:
    """The statements of these activity events, whoever's they are (for the learning record store feed)."""
    by_user: dict[int, list[xapi.Event]] = {}
    for e in rows:
        by_user.setdefault(e.user_id, []).append(
            xapi.Event(e.id, e.verb, e.object_type, e.object_id, e.label, e.score, e.at, e.user_id)
        )
    if not by_user:
        return []
    users = {u.id: u for u in session.exec(select(User).where(User.id.in_(by_user)))}
    attempts: dict[int, list[xapi.AttemptRecord]] = {}
    quiz_ids = {e.object_id for e in rows if e.object_type == "quiz"}
    if quiz_ids:
        for user_id, *row in session.exec(
            select(
                Attempt.user_id,
                Attempt.quiz_id,
                Attempt.submitted_at,
                Attempt.score,
                Attempt.marks,
                Attempt.max_marks,
                Attempt.practice,
            ).where(Attempt.user_id.in_(by_user), Attempt.quiz_id.in_(quiz_ids), Attempt.state == "submitted")
        ):
            attempts.setdefault(user_id, []).append(xapi.AttemptRecord(*row))
    activities = _activities(session, [e for events in by_user.values() for e in events], url_for)
    statements = []
    for user_id, events in by_user.items():
        user = users[user_id]
        actor = xapi.Actor(user.name, user.email)
        statements += xapi.statements(actor, events, attempts.get(user_id, []), activities)
    return statements


def _activities(session: Session, events: list[xapi.Event], url_for: UrlFor) -> dict[tuple[str, int], xapi.Activity]:
    """The lessons and quizzes the events are about, with their URLs and the module page above them."""
    lesson_ids = {e.object_id for e in events if e.object_type == "lesson"}
    quiz_ids = {e.object_id for e in events if e.object_type == "quiz"}
    modules = {m.id: m for m in session.exec(select(Module))}
    activities = {}
    for lesson in session.exec(select(Lesson).where(Lesson.id.in_(lesson_ids))):
        module = modules.get(lesson.module_id)
        activities[("lesson", lesson.id)] = xapi.Activity(
            url_for("lesson", lesson.slug),
            lesson.title,
            "lesson",
            url_for("module", module.slug) if module else None,
            module.title if module else "",
        )
    for quiz in session.exec(select(Quiz).where(Quiz.id.in_(quiz_ids))):
        module = modules.get(quiz.module_id)
        activities[("quiz", quiz.id)] = xapi.Activity(
            url_for("quiz", quiz.id),
            quiz.title,
            "quiz",
            url_for("module", module.slug) if module else None,
            module.title if module else "",
        )
    session_ids = {e.object_id for e in events if e.object_type == "session"}
    if session_ids:
        for meeting, event in session.exec(
            select(EventSession, Event)
            .join(Event, Event.id == EventSession.event_id)
            .where(EventSession.id.in_(session_ids))
        ):
            activities[("session", meeting.id)] = xapi.Activity(
                url_for("session", (event.id, meeting.id)),
                f"{event.title} ({meeting.starts_at:%Y-%m-%d %H:%M} UTC)",
                "session",
                url_for("event", event.id),
                event.title,
                event.kind,
            )
    return activities
