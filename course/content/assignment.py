"""Read a module's `assignment.yml`: a written assignment assessed by a rubric (criteria x levels)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from course.content.errors import ContentError, ContentProblem
from course.content.fields import FieldReader
from course.content.yamlfile import load_yaml

ASSIGNMENT_FILE = "assignment.yml"
AUDIENCES = ("sme", "official", "social")
LEVELS = (2, 5)
CRITERIA = (2, 8)
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RubricLevel:
    label: str
    points: int


@dataclass(frozen=True)
class Criterion:
    key: str
    title: str
    descriptors: tuple[str, ...]  # one per level, lowest first


@dataclass
class AssignmentDoc:
    slug: str
    title: str
    lesson: str  # slug of the lesson (of the same module) that presents it
    required: bool  # that lesson is complete only once the plan is submitted
    summary: str
    briefs: dict[str, str]  # audience -> what to write
    outline: list[str]
    levels: list[RubricLevel]
    criteria: list[Criterion]
    path: str
    line: int  # of `lesson`

    def rubric(self) -> dict:
        """The rubric as stored: levels and criteria in order."""
        return {
            "levels": [{"label": level.label, "points": level.points} for level in self.levels],
            "criteria": [{"key": c.key, "title": c.title, "descriptors": list(c.descriptors)} for c in self.criteria],
        }


def read_assignment(path: Path, rel: str, problems: list[ContentProblem]) -> AssignmentDoc | None:
    """The assignment at `path`, or None when it is absent or unreadable."""
    if not path.exists():
        return None
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), rel)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    if not isinstance(data, dict):
        problems.append(ContentProblem(rel, 1, "an assignment must be a mapping of keys to values"))
        return None
    f = FieldReader(data, rel, 0, problems)
    slug = f.text("slug")
    if slug and not _KEY.match(slug):
        f.fail("slug", "'slug' must be lowercase words joined by hyphens")
    levels = _levels(f)
    return AssignmentDoc(
        slug=slug,
        title=f.text("title"),
        lesson=f.text("lesson"),
        required=f.boolean("required", default=True),
        summary=f.text("summary"),
        briefs=_briefs(f),
        outline=f.items("outline", str, required=False),
        levels=levels,
        criteria=_criteria(f, len(levels)),
        path=rel,
        line=f.line("lesson"),
    )


def _briefs(f: FieldReader) -> dict[str, str]:
    mapping = f.mapping_of("briefs")
    if mapping is None:
        return {}
    b = FieldReader(mapping, f.path, f.offset, f.problems)
    briefs = {}
    for key in mapping:
        if isinstance(key, str) and not key.startswith("__") and key not in AUDIENCES:
            b.fail(key, f"unknown audience '{key}' (allowed: {', '.join(AUDIENCES)})")
    for audience in AUDIENCES:
        if audience in mapping:
            briefs[audience] = b.text(audience)
    if not briefs:
        f.fail("briefs", "'briefs' needs a brief for at least one audience")
    return briefs


def _levels(f: FieldReader) -> list[RubricLevel]:
    raw = f.mapping.get("levels")
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        f.fail("levels", "'levels' must be a list of {label, points}")
        return []
    levels = []
    for item in raw:
        level = FieldReader(item, f.path, f.offset, f.problems)
        levels.append(RubricLevel(level.text("label"), level.integer("points", minimum=0)))
    if not LEVELS[0] <= len(levels) <= LEVELS[1]:
        f.fail("levels", f"a rubric has {LEVELS[0]} to {LEVELS[1]} levels, found {len(levels)}")
    points = [level.points for level in levels]
    if points != sorted(set(points)):
        f.fail("levels", "level points must rise from the first level to the last")
    return levels


def _criteria(f: FieldReader, level_count: int) -> list[Criterion]:
    raw = f.mapping.get("criteria")
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        f.fail("criteria", "'criteria' must be a list of {key, title, descriptors}")
        return []
    criteria, keys = [], set()
    for item in raw:
        c = FieldReader(item, f.path, f.offset, f.problems)
        key = c.text("key")
        if key and not _KEY.match(key):
            c.fail("key", "'key' must be lowercase words joined by hyphens")
        if key in keys:
            c.fail("key", f"criterion '{key}' is defined twice")
        keys.add(key)
        descriptors = c.items("descriptors", str)
        if descriptors and len(descriptors) != level_count:
            c.fail("descriptors", f"criterion '{key}' needs one descriptor per level ({level_count})")
        criteria.append(Criterion(key, c.text("title"), tuple(descriptors)))
    if not CRITERIA[0] <= len(criteria) <= CRITERIA[1]:
        f.fail("criteria", f"a rubric has {CRITERIA[0]} to {CRITERIA[1]} criteria, found {len(criteria)}")
    return criteria
