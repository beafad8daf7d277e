"""Which chapters hold case lessons: all but the opening (0) and the capstone (10)."""

from __future__ import annotations

OPENING_CHAPTER = 0  # "About this course and its evidence"
CAPSTONE_CHAPTER = 10  # "From cases to action"
FREE_CHAPTERS = frozenset({OPENING_CHAPTER, CAPSTONE_CHAPTER})


def holds_cases(chapter: int) -> bool:
    """Whether a module's lessons are case lessons (cases, the three sections, a model card, a synthesis page)."""
    return chapter not in FREE_CHAPTERS
