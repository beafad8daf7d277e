"""The sections every lesson must have, in order."""

from __future__ import annotations

import re

from course.content.errors import ContentProblem

LESSON_SECTIONS = ["The story", "Key figures", "Replicable model", "Reflection"]
MODEL_PARTS = ["Core elements", "How the model works", "Preconditions", "What others can copy"]
_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")


def headings(body: str, first_line: int) -> list[tuple[int, str, int]]:
    """(level, title, file line) of each ## and ### heading outside code fences."""
    found, fenced = [], False
    for offset, line in enumerate(body.splitlines()):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append((len(match.group(1)), match.group(2), first_line + offset))
    return found


def check_lesson_sections(body: str, first_line: int, path: str, problems: list[ContentProblem]) -> None:
    """Report missing or misordered lesson sections and replicable-model parts."""
    found = headings(body, first_line)
    sections = [(title, line) for level, title, line in found if level == 2]
    _check_order([t for t, _ in sections], LESSON_SECTIONS, "section", path, first_line, problems)
    titles = [t for t, _ in sections]
    if "Replicable model" in titles:
        start = sections[titles.index("Replicable model")][1]
        following = [line for _, line in sections if line > start]
        end = following[0] if following else 10**9
        parts = [title for level, title, line in found if level == 3 and start < line < end]
        _check_order(parts, MODEL_PARTS, "replicable-model part", path, start, problems)


def _check_order(
    found: list[str], wanted: list[str], kind: str, path: str, line: int, problems: list[ContentProblem]
) -> None:
    missing = [w for w in wanted if w not in found]
    for title in missing:
        problems.append(ContentProblem(path, line, f"missing {kind} '{title}'"))
    present = [t for t in found if t in wanted]
    if not missing and present != wanted:
        problems.append(ContentProblem(path, line, f"{kind}s must come in this order: {', '.join(wanted)}"))
