"""Each member's standing on a cohort's path, from rows the database folded per member.

The database returns one row per member for lessons and one for quizzes (no query per trainee,
and no member-by-module rows for Python to loop over): lessons completed per module, and which
end-of-module quizzes were passed by their grading method. Here the completion rule of
`rules.ModuleStatus.complete` is applied to them as bitmasks, bit i standing for the path's i-th
module, and the per-trainee detail (percent, best scores) is worked out with the rules
themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from course.analytics.cohort import ModuleInfo, QuizInfo
from course.progress import rules

MAX_BITS = 62  # masks are 64-bit signed integers in both databases


class LessonFacts(NamedTuple):
    """A member's lesson progress on the path, folded by the database."""

    user_id: int
    opened: int  # path lessons opened
    done: tuple[int, ...]  # lessons completed per module


class QuizFacts(NamedTuple):
    """A member's end-of-module quiz results on the path, folded by the database (scores 0..1)."""

    user_id: int
    attempts: int  # attempts at the path's quizzes, practice included
    passed_mask: int  # bit j: the j-th end-of-module quiz (`module_quizzes` order) passed
    best: tuple[float | None, ...] = ()  # per end-of-module quiz: best finished score (detail rows only)
    in_progress: tuple[int, ...] = ()  # per end-of-module quiz: counted attempts still open (detail rows only)


def module_quizzes(modules: list[ModuleInfo]) -> list[tuple[int, QuizInfo]]:
    """(module index, quiz) for every end-of-module quiz: the order of quiz bits and columns."""
    quizzes = [(i, quiz) for i, module in enumerate(modules) for quiz in module.quizzes]
    if len(modules) > MAX_BITS or len(quizzes) > MAX_BITS:
        raise ValueError(f"a path report handles at most {MAX_BITS} modules and {MAX_BITS} module quizzes")
    return quizzes


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What the cohort summary needs about one member."""

    user_id: int
    started: bool  # opened a path lesson or attempted a path quiz
    complete_mask: int  # bit i: module i complete
    stopped_at: int | None = None  # last opened lesson, when it is not complete


class _Path:
    """Which quiz bits each module needs, worked out once per report."""

    def __init__(self, modules: list[ModuleInfo]):
        self.modules = modules
        self.quizzes = module_quizzes(modules)
        self.needed = [0] * len(modules)
        for bit, (i, _) in enumerate(self.quizzes):
            self.needed[i] |= 1 << bit
        self.totals = [len(m.lessons) for m in modules]
        # Members share a handful of patterns: work each out once.
        self.quiz_ok = lru_cache(maxsize=4096)(self._quiz_ok)
        self.lessons_ok = lru_cache(maxsize=4096)(self._lessons_ok)

    def _quiz_ok(self, passed_mask: int) -> int:
        """Module mask: every end-of-module quiz passed (true for modules without one)."""
        return sum(1 << i for i, needed in enumerate(self.needed) if passed_mask & needed == needed)

    def _lessons_ok(self, done: tuple[int, ...]) -> int:
        """Module mask: every active lesson completed (never true for a module without lessons)."""
        return sum(1 << i for i, (count, total) in enumerate(zip(done, self.totals, strict=True))
                   if total and count >= total)


def member_facts(modules: list[ModuleInfo], lessons: Iterable[LessonFacts], quizzes: Iterable[QuizFacts],
                 stops: Mapping[int, int] | None = None) -> dict[int, MemberFacts]:
    """The compact facts of every member with a row; members without one did nothing yet."""
    path, stops = _Path(modules), stops or {}
    lessons = {row.user_id: row for row in lessons}
    quizzes = {row.user_id: row for row in quizzes}
    facts = {}
    for uid in lessons.keys() | quizzes.keys():
        lesson, quiz = lessons.get(uid), quizzes.get(uid)
        done = path.lessons_ok(lesson.done) if lesson else 0
        facts[uid] = MemberFacts(uid, bool(lesson and lesson.opened) or bool(quiz and quiz.attempts),
                                 done & path.quiz_ok(quiz.passed_mask if quiz else 0), stops.get(uid))
    return facts


@lru_cache(maxsize=4096)
def _status(done: int, total: int, quiz_required: bool, quiz_passed: bool) -> rules.ModuleStatus:
    # Statuses repeat across thousands of members; the rules decide, the cache keeps it fast.
    return rules.ModuleStatus(done, total, quiz_required, quiz_passed)


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


def member_progress(modules: list[ModuleInfo], facts: Mapping[int, MemberFacts], lessons: Iterable[LessonFacts],
                    quizzes: Iterable[QuizFacts], user_ids: Iterable[int]) -> dict[int, MemberProgress]:
    """The detail of the members asked for (a page of the trainee table, or everyone for the export).

    `quizzes` must be detail rows (with best scores and open attempts) for these members.
    """
    path = _Path(modules)
    lessons = {row.user_id: row for row in lessons}
    quizzes = {row.user_id: row for row in quizzes}
    return {uid: _detail(path, facts.get(uid) or MemberFacts(uid, False, 0), lessons.get(uid), quizzes.get(uid))
            for uid in user_ids}


def _detail(path: _Path, facts: MemberFacts, lesson: LessonFacts | None, quiz: QuizFacts | None) -> MemberProgress:
    size = len(path.modules)
    quiz_ok = path.quiz_ok(quiz.passed_mask if quiz else 0)
    statuses = [_status(lesson.done[i] if lesson else 0, len(m.lessons), bool(m.quizzes), bool(quiz_ok >> i & 1))
                for i, m in enumerate(path.modules)]
    best: list[float | None] = [None] * size
    open_ = [False] * size
    for bit, (i, _) in enumerate(path.quizzes):
        score = quiz.best[bit] if quiz and quiz.best else None
        if score is not None and (best[i] is None or score > best[i]):
            best[i] = score
        open_[i] = open_[i] or bool(quiz and quiz.in_progress and quiz.in_progress[bit])
    percent = round(sum(s.percent for s in statuses) / size) if size else 0
    return MemberProgress(facts.user_id, sum(s.lessons_done for s in statuses), sum(s.lessons_total for s in statuses),
                          percent, tuple(s.complete for s in statuses), tuple(best), tuple(open_), facts.started,
                          facts.stopped_at)
