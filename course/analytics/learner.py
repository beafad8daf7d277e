"""A trainee's own progress as a JSON document (GET /api/v1/me/progress; shape in docs/exports.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from course.quiz.grading import final_score


@dataclass(frozen=True)
class CountedAttempt:
    """A non-practice attempt, in the order taken."""

    state: str  # in_progress | submitted
    needs_grading: bool
    score: float | None  # 0..1


def best_score(attempts: Iterable[CountedAttempt]) -> float | None:
    """The best finished score in percent (submitted and fully graded); in-progress attempts never count."""
    finished = [score for score in map(final_score, attempts) if score is not None]
    return round(max(finished) * 100, 1) if finished else None


@dataclass(frozen=True)
class QuizStanding:
    id: int
    slug: str
    title: str
    best_score: float | None  # percent
    passed: bool
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    in_progress: bool


def quiz_standing(quiz_id: int, slug: str, title: str, attempts: list[CountedAttempt], passed: bool,
                  attempts_left: int | None) -> QuizStanding:
    return QuizStanding(quiz_id, slug, title, best_score(attempts), passed, len(attempts), attempts_left,
                        any(a.state == "in_progress" for a in attempts))


@dataclass(frozen=True)
class ModuleReport:
    slug: str
    title: str
    lessons_done: int
    lessons_total: int
    percent: int
    complete: bool
    locked: bool
    quiz: QuizStanding | None


@dataclass(frozen=True)
class PathReport:
    slug: str
    title: str
    percent: int
    complete: bool
    next_module: str | None  # slug
    due_date: str | None  # ISO 8601


def due_date(*candidates: datetime | None) -> str | None:
    """The earliest of the dates that are set, in ISO 8601 UTC."""
    dates = [d if d.tzinfo else d.replace(tzinfo=UTC) for d in candidates if d is not None]
    return min(dates).astimezone(UTC).isoformat(timespec="seconds") if dates else None


def progress_document(modules: list[ModuleReport], paths: list[PathReport]) -> dict:
    """The JSON document: modules in catalogue order, then the paths the trainee follows."""
    return {"modules": [asdict(m) for m in modules], "paths": [asdict(p) for p in paths]}
