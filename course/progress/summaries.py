"""Each learner's standing per module, worked out from their lesson and attempt records.

`summarise` is pure: the completion rules of `course.progress.rules` and the grading rules of
`course.quizzes.grades`, applied to one learner's rows of one module. `summaries_of` gathers the rows
of some learners (or all of them) and returns their `ModuleSummary` values; `course.upkeep` writes
them in the transaction that changed the records, and `rebuild` writes them all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from sqlalchemy import delete, insert
from sqlmodel import Session, select

from course.content import catalogue
from course.models import Attempt, Lesson, LessonProgress, ModuleSummary, Quiz
from course.progress import rules
from course.quizzes.grades import final_score, grade_of, has_passed

SUMMARY_KINDS = ("module", "pretest", "posttest")
_BATCH = 5000
_CHUNK = 1000  # learners read at a time by a rebuild


@dataclass(frozen=True)
class ModuleQuizzes:
    """The quizzes a module's standing depends on."""

    ends: tuple[Quiz, ...] = ()  # end-of-module quizzes: all must be passed
    pretest: Quiz | None = None  # the first active pre-test, as the reports take it
    posttest: Quiz | None = None

    @property
    def ids(self) -> set[int]:
        return {q.id for q in (*self.ends, self.pretest, self.posttest) if q is not None}


@dataclass(frozen=True)
class Curriculum:
    """What summaries depend on besides a learner's rows: active lessons and quizzes per module."""

    lessons: dict[int, tuple[int, ...]]  # module id -> active lesson ids
    quizzes: dict[int, ModuleQuizzes]  # module id -> its quizzes
    module_of_lesson: dict[int, int]
    module_of_quiz: dict[int, int]


def curriculum(session: Session) -> Curriculum:
    """The active lessons and quizzes of every module, from the cached catalogue."""
    lessons = {m: tuple(lesson.id for lesson in group) for m, group in catalogue.lessons_by_module(session).items()}
    grouped: dict[int, list[Quiz]] = defaultdict(list)
    for quiz in catalogue.module_quizzes(session):
        if quiz.kind in SUMMARY_KINDS:
            grouped[quiz.module_id].append(quiz)
    quizzes = {
        module_id: ModuleQuizzes(
            tuple(q for q in group if q.kind == "module"),
            next((q for q in group if q.kind == "pretest"), None),
            next((q for q in group if q.kind == "posttest"), None),
        )
        for module_id, group in grouped.items()
    }
    return Curriculum(
        lessons,
        quizzes,
        {lesson: module for module, ids in lessons.items() for lesson in ids},
        {q.id: module for module, group in grouped.items() for q in group},
    )


def summarise(
    user_id: int,
    module_id: int,
    lesson_ids: tuple[int, ...],
    quizzes: ModuleQuizzes,
    progress: list,
    attempts: list,
    previous_completed_at: datetime | None = None,
) -> dict:
    """One learner's ModuleSummary values on one module from their rows of it.

    `progress` holds rows with lesson_id, first_opened_at, last_opened_at, completed_at; `attempts` rows with
    quiz_id, practice, state, needs_grading, score, started_at, submitted_at, in the order taken. The dates the
    programme report counts by month: first activity (a lesson opened or an attempt started, practice too),
    the first finished end-of-module attempt, and when the learner first held both a pre- and a post-test grade.
    """
    active = set(lesson_ids)
    progress = [p for p in progress if p.lesson_id in active]
    done = {p.lesson_id for p in progress if p.completed_at is not None}
    last = max(progress, key=lambda p: (p.last_opened_at, p.lesson_id), default=None)
    counted: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        if not attempt.practice:
            counted[attempt.quiz_id].append(attempt)
    passed = all(has_passed(q, grade_of(q, counted[q.id])) for q in quizzes.ends)
    status = rules.module_status(list(lesson_ids), done, bool(quizzes.ends), passed)
    scores = [final_score(a) for q in quizzes.ends for a in counted[q.id]]
    finished = [s for s in scores if s is not None]
    pre_score = grade_of(quizzes.pretest, counted[quizzes.pretest.id]) if quizzes.pretest else None
    post_score = grade_of(quizzes.posttest, counted[quizzes.posttest.id]) if quizzes.posttest else None
    completed_at = None
    if status.complete:
        completed_at = previous_completed_at or max(
            [p.completed_at for p in progress if p.completed_at]
            + [a.submitted_at for q in quizzes.ends for a in counted[q.id] if a.submitted_at],
            default=None,
        )
    return dict(
        user_id=user_id,
        module_id=module_id,
        lessons_opened=len(progress),
        lessons_done=status.lessons_done,
        last_opened_at=last.last_opened_at if last else None,
        last_lesson_id=last.lesson_id if last else None,
        last_lesson_done=bool(last and last.completed_at is not None),
        attempts=len(attempts),
        quiz_best=max(finished) if finished else None,
        quiz_open=any(a.state == "in_progress" for q in quizzes.ends for a in counted[q.id]),
        passed=bool(quizzes.ends) and passed,
        percent=status.percent,
        complete=status.complete,
        completed_at=completed_at,
        pre_score=pre_score,
        post_score=post_score,
        first_active_at=min(
            [p.first_opened_at for p in progress] + [a.started_at for a in attempts if a.started_at], default=None
        ),
        quiz_taken_at=_first_finished([a for q in quizzes.ends for a in counted[q.id]]),
        gain_at=max(_first_finished(counted[quizzes.pretest.id]), _first_finished(counted[quizzes.posttest.id]))
        if pre_score is not None and post_score is not None
        else None,
    )


def _first_finished(attempts: list) -> datetime | None:
    """When the first of these attempts to count as finished (submitted and fully graded) was submitted (started,
    for rows without a submission time)."""
    finished = [a.submitted_at or a.started_at for a in attempts if final_score(a) is not None]
    return min((moment for moment in finished if moment is not None), default=None)


_PROGRESS_COLUMNS = (
    LessonProgress.user_id,
    LessonProgress.lesson_id,
    LessonProgress.first_opened_at,
    LessonProgress.last_opened_at,
    LessonProgress.completed_at,
)
_ATTEMPT_COLUMNS = (
    Attempt.user_id,
    Attempt.quiz_id,
    Attempt.practice,
    Attempt.state,
    Attempt.needs_grading,
    Attempt.score,
    Attempt.started_at,
    Attempt.submitted_at,
)


def summaries_of(
    session: Session, course: Curriculum, user_ids: Iterable[int] | None = None
) -> Iterator[tuple[int, list[dict]]]:
    """(learner id, their ModuleSummary values) for these learners, or for everyone with records, in chunks."""
    quiz_ids = list(course.module_of_quiz) or [-1]
    if user_ids is None:
        user_ids = set(session.exec(select(LessonProgress.user_id).distinct()))
        user_ids |= set(session.exec(select(Attempt.user_id).where(Attempt.quiz_id.in_(quiz_ids)).distinct()))
    user_ids = sorted(user_ids)
    for start in range(0, len(user_ids), _CHUNK):
        chunk = user_ids[start : start + _CHUNK]
        progress = session.execute(select(*_PROGRESS_COLUMNS).where(LessonProgress.user_id.in_(chunk))).all()
        attempts = session.execute(
            select(*_ATTEMPT_COLUMNS)
            .where(Attempt.user_id.in_(chunk), Attempt.quiz_id.in_(quiz_ids))
            .order_by(Attempt.user_id, Attempt.quiz_id, Attempt.number)
        ).all()
        previous = _completed_at(session, chunk)
        by_progress = {uid: list(rows) for uid, rows in groupby(sorted(progress, key=_user), key=_user)}
        by_attempts = {uid: list(rows) for uid, rows in groupby(attempts, key=_user)}
        for uid in chunk:
            yield uid, _user_summaries(uid, course, by_progress.get(uid, []), by_attempts.get(uid, []), previous)


def _user(row) -> int:
    return row.user_id


def _user_summaries(uid: int, course: Curriculum, progress, attempts, previous) -> list[dict]:
    progress_by_module: dict[int, list] = defaultdict(list)
    for row in progress:
        module_id = course.module_of_lesson.get(row.lesson_id)
        if module_id is not None:
            progress_by_module[module_id].append(row)
    attempts_by_module: dict[int, list] = defaultdict(list)
    for attempt in attempts:
        attempts_by_module[course.module_of_quiz[attempt.quiz_id]].append(attempt)
    return [
        summarise(
            uid,
            module_id,
            course.lessons.get(module_id, ()),
            course.quizzes.get(module_id, ModuleQuizzes()),
            progress_by_module[module_id],
            attempts_by_module[module_id],
            previous.get((uid, module_id)),
        )
        for module_id in sorted(progress_by_module.keys() | attempts_by_module.keys())
    ]


def _completed_at(session: Session, user_ids: list[int]) -> dict[tuple[int, int], datetime]:
    """When each stored summary became complete: kept while the module stays complete."""
    query = select(ModuleSummary.user_id, ModuleSummary.module_id, ModuleSummary.completed_at).where(
        ModuleSummary.completed_at.is_not(None), ModuleSummary.user_id.in_(user_ids)
    )
    return {(uid, mid): at for uid, mid, at in session.exec(query)}


def write(session: Session, user_ids: Iterable[int] | None, rows: Iterable[dict]) -> None:
    """Replace the summaries of these learners (of everyone when None) by `rows`, in batches."""
    if user_ids is None:
        session.exec(delete(ModuleSummary))
    else:
        ids = sorted(user_ids)
        for start in range(0, len(ids), _CHUNK):  # a statement takes at most 65 535 parameters (PostgreSQL)
            session.exec(delete(ModuleSummary).where(ModuleSummary.user_id.in_(ids[start : start + _CHUNK])))
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            session.exec(insert(ModuleSummary), params=batch)
            batch = []
    if batch:
        session.exec(insert(ModuleSummary), params=batch)


def stored(
    session: Session, user_ids: Iterable[int], module_ids: Iterable[int] | None = None
) -> dict[int, dict[int, ModuleSummary]]:
    """Learner id -> module id -> their stored summary, for these learners (and only these modules)."""
    query = select(ModuleSummary).where(ModuleSummary.user_id.in_(list(user_ids)))
    if module_ids is not None:
        query = query.where(ModuleSummary.module_id.in_(list(module_ids)))
    found: dict[int, dict[int, ModuleSummary]] = {}
    for row in session.exec(query):
        found.setdefault(row.user_id, {})[row.module_id] = row
    return found


def learners_in_modules(session: Session, course: Curriculum, module_ids: set[int]) -> set[int]:
    """Everyone with a summary or records in these modules (whose summaries a curriculum change may move)."""
    quizzes = [q for q, m in course.module_of_quiz.items() if m in module_ids]
    found = set(session.exec(select(ModuleSummary.user_id).where(ModuleSummary.module_id.in_(module_ids))))
    found |= set(
        session.exec(
            select(LessonProgress.user_id)
            .join(Lesson, Lesson.id == LessonProgress.lesson_id)
            .where(Lesson.module_id.in_(module_ids))
        )
    )
    if quizzes:
        found |= set(session.exec(select(Attempt.user_id).where(Attempt.quiz_id.in_(quizzes))))
    return found
