"""Scoring against a rubric (criteria x levels), as stored on an Assignment: pure, no Flask, no database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriterionScore:
    key: str
    title: str
    level: int | None  # index into the rubric's levels; None: not scored
    label: str
    points: int
    descriptor: str
    comment: str


def unscored(rubric: dict, scores: dict) -> list[str]:
    """The titles of the criteria a review's scores give no level of the rubric (every criterion needs one)."""
    levels = len(rubric.get("levels", []))
    wrong = []
    for criterion in rubric.get("criteria", []):
        value = scores.get(criterion["key"])
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < levels:
            wrong.append(criterion["title"])
    return wrong


def scored(rubric: dict, scores: dict, comments: dict) -> list[CriterionScore]:
    """Each criterion with the level, points and descriptor a review gave it."""
    levels = rubric.get("levels", [])
    result = []
    for criterion in rubric.get("criteria", []):
        level = scores.get(criterion["key"])
        known = isinstance(level, int) and 0 <= level < len(levels)
        result.append(
            CriterionScore(
                key=criterion["key"],
                title=criterion["title"],
                level=level if known else None,
                label=levels[level]["label"] if known else "",
                points=levels[level]["points"] if known else 0,
                descriptor=criterion["descriptors"][level] if known else "",
                comment=comments.get(criterion["key"], ""),
            )
        )
    return result


def total(rubric: dict, scores: dict) -> tuple[int, int]:
    """(points given, most points possible) of one review."""
    levels = rubric.get("levels", [])
    top = levels[-1]["points"] if levels else 0
    criteria = rubric.get("criteria", [])
    given = sum(s.points for s in scored(rubric, scores, {}))
    return given, top * len(criteria)
