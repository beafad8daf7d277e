"""The `##` sections of lessons and synthesis pages: cut a body at its headings and check them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from course.content.errors import ContentProblem

FACTS, READING, REFLECTION = "What the case reports", "Our reading", "Reflection"
CASE_SECTIONS = [FACTS, READING, REFLECTION]
SYNTHESIS_SECTIONS = ["Across the cases", "Questions to compare"]
_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Section:
    title: str
    text: str  # the markdown under the heading, up to the next `##`
    line: int  # the file line of the heading


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


def split_sections(body: str, first_line: int) -> tuple[str, list[Section]]:
    """The text before the first `##` heading, and each `##` section in order."""
    lines = body.splitlines()
    starts = [(title, line) for level, title, line in headings(body, first_line) if level == 2]
    preamble_end = starts[0][1] - first_line if starts else len(lines)
    sections = []
    for index, (title, line) in enumerate(starts):
        end = starts[index + 1][1] - first_line if index + 1 < len(starts) else len(lines)
        text = "\n".join(lines[line - first_line + 1 : end]).strip("\n")
        sections.append(Section(title, text, line))
    return "\n".join(lines[:preamble_end]).strip(), sections


def check_sections(
    preamble: str,
    sections: list[Section],
    wanted: list[str],
    path: str,
    first_line: int,
    problems: list[ContentProblem],
) -> None:
    """Report a body that is not exactly the `wanted` sections, in order, each with some text."""
    if preamble:
        problems.append(ContentProblem(path, first_line, f"text before the first section; start with '## {wanted[0]}'"))
    titles = [s.title for s in sections]
    seen: set[str] = set()
    for section in sections:
        if section.title not in wanted:
            expected = ", ".join(f"'{w}'" for w in wanted)
            message = f"unexpected section '{section.title}' (expected {expected})"
            problems.append(ContentProblem(path, section.line, message))
        elif section.title in seen:
            problems.append(ContentProblem(path, section.line, f"section '{section.title}' appears twice"))
        elif not section.text.strip():
            problems.append(ContentProblem(path, section.line, f"section '{section.title}' is empty"))
        seen.add(section.title)
    missing = [w for w in wanted if w not in titles]
    for title in missing:
        problems.append(ContentProblem(path, first_line, f"missing section '{title}'"))
    present = [t for t in titles if t in wanted]
    if not missing and present != wanted and len(present) == len(wanted):
        problems.append(ContentProblem(path, first_line, f"sections must come in this order: {', '.join(wanted)}"))
