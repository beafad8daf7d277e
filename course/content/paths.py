"""Learning paths: ordered modules per audience, with prerequisites."""

from __future__ import annotations

import re
from pathlib import Path

from course.content.errors import ContentError, ContentProblem
from course.content.fields import FieldReader
from course.content.model import PathDoc, PathStep
from course.content.yamlfile import line_of, load_yaml

PATH_AUDIENCES = {"sme", "official", "social"}
SERIES_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def read_paths(path: Path, root: Path, problems: list[ContentProblem]) -> list[PathDoc]:
    """Read paths.yml (optional) into PathDocs; problems are collected, not raised."""
    if not path.exists():
        return []
    rel = str(path.relative_to(root.parent)) if path.is_relative_to(root.parent) else str(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), rel) or []
    except ContentError as exc:
        problems.extend(exc.problems)
        return []
    if not isinstance(data, list):
        problems.append(ContentProblem(rel, 1, "paths.yml must be a list of learning paths"))
        return []
    return [_read_path(item, rel, problems) for item in data if _is_mapping(item, rel, problems)]


def _is_mapping(item, rel: str, problems: list[ContentProblem]) -> bool:
    if isinstance(item, dict):
        return True
    problems.append(ContentProblem(rel, 1, "each learning path must be a mapping with slug, title and steps"))
    return False


def _read_path(item: dict, rel: str, problems: list[ContentProblem]) -> PathDoc:
    f = FieldReader(item, rel, 0, problems)
    steps = []
    raw_steps = item.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        f.fail("steps", "'steps' must be a non-empty list of modules")
        raw_steps = []
    for raw in raw_steps:
        if not isinstance(raw, dict):
            problems.append(ContentProblem(rel, f.line("steps"), "each step must be a mapping with 'module'"))
            continue
        s = FieldReader(raw, rel, 0, problems)
        steps.append(
            PathStep(
                s.text("module"),
                s.items("requires", str, required=False),
                s.items("lessons", str, required=False),
                line_of(raw),
            )
        )
    audience = f.text("audience")
    if audience and audience not in PATH_AUDIENCES:
        f.fail("audience", f"unknown audience {audience!r} (allowed: {', '.join(sorted(PATH_AUDIENCES))})")
    return PathDoc(
        f.text("slug"),
        f.text("title"),
        audience,
        f.text("description", required=False),
        steps,
        rel,
        line_of(item),
        _attendance(item, f, rel, problems),
    )


def _attendance(item: dict, f: FieldReader, rel: str, problems: list[ContentProblem]) -> list[dict]:
    """The optional `attend` list: events of a series the learner must attend, e.g.
    `- series: officials-policy-seminar` with a `title` telling the learner what to attend."""
    raw = item.get("attend")
    if raw is None:
        return []
    if not isinstance(raw, list):
        f.fail("attend", "'attend' must be a list of {series, title} entries")
        return []
    needs, seen = [], set()
    for entry in raw:
        if not isinstance(entry, dict):
            problems.append(ContentProblem(rel, f.line("attend"), "each 'attend' entry must have 'series' and 'title'"))
            continue
        e = FieldReader(entry, rel, 0, problems)
        series, title = e.text("series"), e.text("title")
        if series and not SERIES_SLUG.match(series):
            e.fail("series", f"series {series!r} must be lower-case words joined by hyphens, e.g. policy-seminar")
        elif series in seen:
            e.fail("series", f"series {series!r} is required twice in this path")
        elif series:
            seen.add(series)
            needs.append({"series": series, "title": title})
    return needs


def find_cycle(requires: dict[str, list[str]]) -> list[str] | None:
    """A prerequisite cycle as a list of module slugs, or None when there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in requires.get(node, []):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in requires:
        if node not in state and (cycle := visit(node)):
            return cycle
    return None
