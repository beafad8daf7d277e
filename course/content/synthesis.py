"""Read a module's `synthesis.md`: the page that closes a case module."""

from __future__ import annotations

from pathlib import Path

from course.content.errors import ContentError, ContentProblem
from course.content.fields import FieldReader
from course.content.frontmatter import read_document
from course.content.glossary_links import find_glossary_links
from course.content.model import SynthesisDoc
from course.content.sections import SYNTHESIS_SECTIONS, check_sections, split_sections

SYNTHESIS_FILE = "synthesis.md"
QUESTIONS = (2, 4)  # list items under "Questions to compare"


def read_synthesis(path: Path, rel: str, problems: list[ContentProblem]) -> SynthesisDoc | None:
    """The synthesis page at `path` (`rel` names it in errors), or None when it is missing or unreadable."""
    if not path.exists():
        problems.append(ContentProblem(rel, 1, f"{SYNTHESIS_FILE} is missing: every case module closes with one"))
        return None
    try:
        doc = read_document(path.read_text(encoding="utf-8"), rel)
    except ContentError as exc:
        problems.extend(exc.problems)
        return None
    f = FieldReader(doc.meta, rel, doc.meta_offset, problems)
    for key in doc.meta:
        if isinstance(key, str) and key != "title" and not key.startswith("__"):
            f.fail(key, f"unknown front-matter key '{key}' (a synthesis page has only 'title')")
    preamble, sections = split_sections(doc.body, doc.body_line)
    check_sections(preamble, sections, SYNTHESIS_SECTIONS, rel, doc.body_line, problems)
    texts = {s.title: s.text for s in sections}
    across, questions = (texts.get(title, "") for title in SYNTHESIS_SECTIONS)
    asked = sum(1 for line in questions.splitlines() if line.lstrip().startswith(("- ", "* ")))
    if questions and not QUESTIONS[0] <= asked <= QUESTIONS[1]:
        line = next((s.line for s in sections if s.title == SYNTHESIS_SECTIONS[1]), doc.body_line)
        problems.append(ContentProblem(rel, line, f"'{SYNTHESIS_SECTIONS[1]}' lists 2 to 4 questions, found {asked}"))
    return SynthesisDoc(
        title=f.text("title"),
        across=across,
        questions=questions,
        path=rel,
        glossary_links=find_glossary_links(doc.body, doc.body_line),
    )
