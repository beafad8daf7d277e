"""A trainee's own progress as a JSON document (GET /api/v1/me/progress; shape in docs/exports.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class QuizReport:
    """A trainee's standing on one end-of-module quiz, as the document shows it."""

    id: int
    slug: str
    title: str
    best_score: float | None  # percent, one decimal; None before a finished attempt
    passed: bool  # by the quiz's grading method and pass mark
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    in_progress: bool


def percent(score: float | None) -> float | None:
    """A 0..1 score as a percentage with one decimal."""
    return None if score is None else round(score * 100, 1)


@dataclass(frozen=True)
class ModuleReport:
    slug: str
    title: str
    lessons_done: int
    lessons_total: int
    percent: int
    complete: bool
    locked: bool
    quizzes: list[QuizReport]  # every end-of-module quiz; completion needs them all

    @property
    def quiz(self) -> QuizReport | None:
        """The first end-of-module quiz (kept for clients of the first version of the document)."""
        return self.quizzes[0] if self.quizzes else None


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
    return {
        "modules": [asdict(m) | {"quiz": asdict(m.quiz) if m.quiz else None} for m in modules],
        "paths": [asdict(p) for p in paths],
    }
