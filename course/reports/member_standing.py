"""Each member's standing on a cohort's path, from rows the database folded per member.

The database returns one row per member for lessons and one for quizzes (no query per trainee):
lessons completed per module, and the grade on each end-of-module quiz by its grading method.
Here the completion rules of `course.progress.rules` and the pass rule of
`course.quizzes.grades` are applied to those rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from course.progress import rules
from course.quizzes.grades import has_passed
from course.reports.cohort import ModuleInfo, QuizInfo


class LessonFacts(NamedTuple):
    """A member's lesson progress on the path, folded by the database."""

    user_id: int
    opened: int  # path lessons opened
    done: tuple[int, ...]  # lessons completed per module


class QuizFacts(NamedTuple):
    """A member's end-of-module quiz results on the path, folded by the database (scores 0..1)."""

    user_id: int
    attempts: int  # attempts at the path's quizzes, practice included
    grades: tuple[float | None, ...]  # per end-of-module quiz (`module_quizzes` order), by its grading method
    best: tuple[float | None, ...] = ()  # per end-of-module quiz: best finished score (detail rows only)
    in_progress: tuple[int, ...] = ()  # per end-of-module quiz: counted attempts still open (detail rows only)


def module_quizzes(modules: list[ModuleInfo]) -> list[tuple[int, QuizInfo]]:
    """(module index, quiz) for every end-of-module quiz: the order of quiz columns."""
    return [(i, quiz) for i, module in enumerate(modules) for quiz in module.quizzes]


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What the cohort summary needs about one member."""

    user_id: int
    started: bool  # opened a path lesson or attempted a path quiz
    modules_complete: tuple[bool, ...]  # per module of the path
    stopped_at: int | None = None  # last opened lesson, when it is not complete


class _Path:
    """What a member's status depends on besides their own rows, worked out once per report."""

    def __init__(self, modules: list[ModuleInfo]):
        self.size = len(modules)
        self.quizzes = module_quizzes(modules)
        self.totals = tuple(len(m.lessons) for m in modules)
        self.quiz_required = tuple(bool(m.quizzes) for m in modules)

    def statuses(self, lesson: LessonFacts | None, quiz: QuizFacts | None) -> tuple[rules.ModuleStatus, ...]:
        """The member's status on each module of the path."""
        passed = [True] * self.size
        for j, (i, info) in enumerate(self.quizzes):
            passed[i] = passed[i] and quiz is not None and has_passed(info, quiz.grades[j])
        done = lesson.done if lesson else (0,) * self.size
        return _statuses(self.totals, self.quiz_required, done, tuple(passed))


@lru_cache(maxsize=4096)
def _statuses(
    totals: tuple[int, ...], quiz_required: tuple[bool, ...], done: tuple[int, ...], passed: tuple[bool, ...]
) -> tuple[rules.ModuleStatus, ...]:
    # Thousands of members share a handful of patterns: the rules decide each pattern once.
    return tuple(map(rules.ModuleStatus, done, totals, quiz_required, passed))


def member_facts(
    modules: list[ModuleInfo],
    lessons: Iterable[LessonFacts],
    quizzes: Iterable[QuizFacts],
    stops: Mapping[int, int] | None = None,
) -> dict[int, MemberFacts]:
    """The compact facts of every member with a row; members without one did nothing yet."""
    stops, path = stops or {}, _Path(modules)
    lessons = {row.user_id: row for row in lessons}
    quizzes = {row.user_id: row for row in quizzes}
    facts = {}
    for uid in lessons.keys() | quizzes.keys():
        lesson, quiz = lessons.get(uid), quizzes.get(uid)
        complete = tuple(s.complete for s in path.statuses(lesson, quiz))
        facts[uid] = MemberFacts(
            uid, bool(lesson and lesson.opened) or bool(quiz and quiz.attempts), complete, stops.get(uid)
        )
    return facts


@dataclass(frozen=True)
class MemberProgress:
    """One member's detail for the trainee table and the export; tuples follow the path's modules."""

    user_id: int
    lessons_done: int
    lessons_total: int
    percent: int  # as rules.path_percent: the mean of the modules' percentages
    modules_complete: tuple[bool, ...]
    quiz_best: tuple[float | None, ...]  # best end-of-module quiz score per module, 0..1
    quiz_in_progress: tuple[bool, ...]
    started: bool
    stopped_at: int | None = None

    @property
    def path_complete(self) -> bool:
        return bool(self.modules_complete) and all(self.modules_complete)


def member_progress(
    modules: list[ModuleInfo],
    facts: Mapping[int, MemberFacts],
    lessons: Iterable[LessonFacts],
    quizzes: Iterable[QuizFacts],
    user_ids: Iterable[int],
) -> dict[int, MemberProgress]:
    """The detail of the members asked for (a page of the trainee table, or everyone for the export).

    `quizzes` must be detail rows (with best scores and open attempts) for these members.
    """
    lessons = {row.user_id: row for row in lessons}
    quizzes = {row.user_id: row for row in quizzes}
    path, nothing = _Path(modules), (False,) * len(modules)
    return {
        uid: _detail(path, facts.get(uid) or MemberFacts(uid, False, nothing), lessons.get(uid), quizzes.get(uid))
        for uid in user_ids
    }


def _detail(path: _Path, facts: MemberFacts, lesson: LessonFacts | None, quiz: QuizFacts | None) -> MemberProgress:
    size = path.size
    statuses = path.statuses(lesson, quiz)
    best: list[float | None] = [None] * size
    open_ = [False] * size
    for j, (i, _) in enumerate(path.quizzes):
        score = quiz.best[j] if quiz and quiz.best else None
        if score is not None and (best[i] is None or score > best[i]):
            best[i] = score
        open_[i] = open_[i] or bool(quiz and quiz.in_progress and quiz.in_progress[j])
    percent = round(sum(s.percent for s in statuses) / size) if size else 0
    return MemberProgress(
        facts.user_id,
        sum(s.lessons_done for s in statuses),
        sum(s.lessons_total for s in statuses),
        percent,
        tuple(s.complete for s in statuses),
        tuple(best),
        tuple(open_),
        facts.started,
        facts.stopped_at,
    )
