"""Read one lesson file (format v2, docs/content-format.md) into a LessonDoc, collecting its problems."""

from __future__ import annotations

from course.content.case_metadata import read_case_metadata
from course.content.chapters import holds_cases
from course.content.errors import ContentProblem
from course.content.fields import FieldReader
from course.content.frontmatter import Document
from course.content.glossary_links import find_glossary_links
from course.content.model import LessonDoc, ModelCard, RelatedLink
from course.content.sections import CASE_SECTIONS, check_sections, split_sections
from course.content.yamlfile import line_of

AUDIENCES = {"sme", "official", "social"}
MODEL_TEXTS = ("actor", "problem")
MODEL_LISTS = ("tools", "preconditions", "results", "copy")
MODEL_ITEMS = (1, 5)  # items in each list of a model card
OBJECTIVES = (1, 2)
# Where the case happened, who carried it out, what it is about: read and checked by course/content/case_metadata.py.
LIBRARY_KEYS = {"place", "organisation", "themes"}
KNOWN_KEYS = {
    "title",
    "cases",
    "audiences",
    "summary",
    "minutes",
    "snapshot",
    "objectives",
    "takeaway",
    "related",
    "model",
    "data_note",
} | LIBRARY_KEYS


def read_lesson(doc: Document, slug: str, position: int, chapter: int, problems: list[ContentProblem]) -> LessonDoc:
    """The lesson in `doc`; a lesson of a case chapter must have cases, a model card and the three sections."""
    cases_needed = holds_cases(chapter)
    f = FieldReader(doc.meta, doc.path, doc.meta_offset, problems)
    _unknown_keys(f)
    preamble, sections = split_sections(doc.body, doc.body_line)
    if cases_needed:
        check_sections(preamble, sections, CASE_SECTIONS, doc.path, doc.body_line, problems)
    return LessonDoc(
        slug=slug,
        title=f.text("title"),
        position=position,
        cases=_cases(f, cases_needed),
        audiences=f.items("audiences", str, allowed=AUDIENCES),
        summary=f.text("summary"),
        minutes=f.integer("minutes", minimum=1),
        body=doc.body,
        path=doc.path,
        body_line=doc.body_line,
        glossary_links=find_glossary_links(doc.body, doc.body_line),
        objectives=_objectives(f),
        takeaway=f.line_text("takeaway"),
        snapshot=f.boolean("snapshot"),
        related=_related(f),
        model=_model(f, required=cases_needed),
        data_note=f.line_text("data_note", required=False),
        sections=[(s.title, s.text) for s in sections],
        preamble=preamble,
        **read_case_metadata(f, required=cases_needed),
    )


def _cases(f: FieldReader, cases_needed: bool) -> list[int]:
    if cases_needed:
        return f.items("cases", int)
    cases = f.items("cases", int, required=False)
    if cases:
        f.fail("cases", "the opening and capstone lessons cover no case: write 'cases: []'")
    return []


def _unknown_keys(f: FieldReader) -> None:
    for key in f.mapping:
        if isinstance(key, str) and key not in KNOWN_KEYS and not key.startswith("__"):
            f.fail(key, f"unknown front-matter key '{key}'")


def _objectives(f: FieldReader) -> list[str]:
    objectives = f.items("objectives", str)
    low, high = OBJECTIVES
    if objectives and not low <= len(objectives) <= high:
        f.fail("objectives", f"a lesson has {low} or {high} objectives, found {len(objectives)}")
    return objectives


def _related(f: FieldReader) -> list[RelatedLink]:
    value = f.mapping.get("related")
    if value is None:
        return []
    if not isinstance(value, list):
        f.fail("related", "'related' must be a list of {slug, why} entries")
        return []
    links = []
    for item in value:
        if not isinstance(item, dict):
            f.fail("related", "each 'related' entry must have 'slug' and 'why'")
            continue
        entry = FieldReader(item, f.path, f.offset, f.problems)
        links.append(RelatedLink(entry.text("slug"), entry.line_text("why"), line_of(item, "slug", f.offset)))
    return links


def _model(f: FieldReader, required: bool) -> ModelCard | None:
    card = f.mapping_of("model", required=required)
    if card is None:
        return None
    m = FieldReader(card, f.path, f.offset, f.problems)
    for key in card:
        if isinstance(key, str) and not key.startswith("__") and key not in MODEL_TEXTS + MODEL_LISTS:
            m.fail(key, f"unknown model-card key '{key}' (allowed: {', '.join(MODEL_TEXTS + MODEL_LISTS)})")
    texts = {key: m.line_text(key) for key in MODEL_TEXTS}
    lists = {}
    low, high = MODEL_ITEMS
    for key in MODEL_LISTS:
        items = m.items(key, str)
        if items and not low <= len(items) <= high:
            m.fail(key, f"'model.{key}' needs {low} to {high} items, found {len(items)}")
        lists[key] = items
    return ModelCard(**texts, **lists)
